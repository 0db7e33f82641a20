// Loading agreement files, and finding the version of an agreement in force on a date.
//
// Layout on disk: agreements/<id>/<YYYY-MM-DD>.toml, one file per version, the file name being
// the version's effective date (it must equal metadata.effective). A version holds from its
// date until the next version's date. The loader is strict: unknown, duplicate or missing keys,
// non-ISO dates, overlapping versions and values in the wrong unit are errors naming the file,
// line and key (format: docs/agreement-format.md).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "agreement/agreement.h"
#include "core/error.h"

namespace plateau::agreement {

// Parses and validates one agreement version file.
Result<Agreement> load_file(const std::filesystem::path& file);
// The same, from a file's text; `name` stands for the file in messages.
Result<Agreement> load_text(std::string_view text, const std::string& name);

class Registry {
 public:
  // Loads every <id>/<date>.toml under `root`.
  static Result<Registry> load_directory(const std::filesystem::path& root);

  // Adds a loaded version; an error if a version of the same id has the same effective date.
  Result<void> add(Agreement version);

  // The version of `id` in force on `date`; nullptr when none (unknown id, or before the first).
  const Agreement* find(std::string_view id, Date date) const;

  std::vector<std::string> ids() const;
  // All versions of `id`, oldest first; empty when unknown.
  const std::vector<Agreement>& versions(std::string_view id) const;

 private:
  std::map<std::string, std::vector<Agreement>, std::less<>> by_id_;
};

// The agreements directory: $PLATEAU_AGREEMENTS if set, else the source tree's agreements/.
std::filesystem::path default_agreements_dir();

}  // namespace plateau::agreement
