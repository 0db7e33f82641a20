// The registry of agreement versions: loading agreements/<id>/<date>.toml, checking that names
// and contents agree and that no two versions take effect on the same day, and finding the
// version in force on a date (see registry.h).
#include <algorithm>
#include <cstdlib>
#include <system_error>

#include "agreement/registry.h"
#include "agreement/toml_reader.h"

#ifndef PLATEAU_AGREEMENTS_DIR
#error "PLATEAU_AGREEMENTS_DIR must be defined by the build (src/agreement/CMakeLists.txt)"
#endif

namespace plateau::agreement {

using plateau::to_string;  // dates, beside the enum names of agreement.h
namespace {

constexpr std::string_view kAgreementExtension = ".toml";
constexpr const char* kAgreementsEnvironment = "PLATEAU_AGREEMENTS";

std::vector<std::filesystem::path> sorted_entries(const std::filesystem::path& directory, std::error_code& code) {
  std::vector<std::filesystem::path> out;
  for (std::filesystem::directory_iterator it(directory, code), end; !code && it != end; it.increment(code)) {
    out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_hidden(const std::filesystem::path& path) { return path.filename().string().starts_with("."); }

// Loads <directory>/<date>.toml files of one agreement id; appends errors to `errors`.
void load_versions(const std::filesystem::path& directory, std::vector<Agreement>& versions,
                   std::vector<std::string>& errors) {
  std::error_code code;
  const std::string id = directory.filename().string();
  for (const std::filesystem::path& file : sorted_entries(directory, code)) {
    if (is_hidden(file) || file.extension() != kAgreementExtension) continue;
    const std::string stem = file.stem().string();
    auto date = parse_date(stem);
    if (!date) {
      errors.push_back(file.string() + ": the file name must be the version's effective date, YYYY-MM-DD" +
                       std::string(kAgreementExtension) + "; found \"" + file.filename().string() + "\"");
      continue;
    }
    const detail::VersionExpectation expected{id, *date};
    auto version = detail::load_version_file(file, &expected);
    if (!version) {
      errors.push_back(version.error().message);
      continue;
    }
    versions.push_back(std::move(*version));
  }
  if (code) errors.push_back(directory.string() + ": cannot read the directory: " + code.message());
}

}  // namespace

Result<Registry> Registry::load_directory(const std::filesystem::path& root) {
  std::error_code code;
  if (!std::filesystem::is_directory(root, code)) {
    return fail(root.string() + ": no such agreements directory (set PLATEAU_AGREEMENTS to the folder of agreement files)");
  }
  std::vector<std::string> errors;
  std::vector<Agreement> versions;
  for (const std::filesystem::path& entry : sorted_entries(root, code)) {
    if (is_hidden(entry) || !std::filesystem::is_directory(entry, code)) continue;
    load_versions(entry, versions, errors);
  }
  if (code) errors.push_back(root.string() + ": cannot read the directory: " + code.message());
  Registry registry;
  for (Agreement& version : versions) {
    auto added = registry.add(std::move(version));
    if (!added) errors.push_back(added.error().message);
  }
  if (!errors.empty()) {
    std::string message;
    for (const std::string& error : errors) message += (message.empty() ? "" : "\n") + error;
    return fail(message);
  }
  return registry;
}

Result<void> Registry::add(Agreement version) {
  std::vector<Agreement>& versions = by_id_[version.id];
  const auto clash = std::find_if(versions.begin(), versions.end(),
                                  [&](const Agreement& other) { return other.effective == version.effective; });
  if (clash != versions.end()) {
    return fail(version.file + ": metadata.effective: agreement \"" + version.id + "\" already has a version taking effect on " +
                to_string(version.effective) + " (" + clash->file + "); versions may not overlap");
  }
  versions.push_back(std::move(version));
  std::sort(versions.begin(), versions.end(),
            [](const Agreement& a, const Agreement& b) { return a.effective < b.effective; });
  for (std::size_t i = 0; i < versions.size(); ++i) {
    versions[i].next_version = i + 1 < versions.size() ? std::optional<Date>(versions[i + 1].effective) : std::nullopt;
  }
  return {};
}

const Agreement* Registry::find(std::string_view id, Date date) const {
  const auto found = by_id_.find(id);
  if (found == by_id_.end()) return nullptr;
  const Agreement* in_force = nullptr;
  for (const Agreement& version : found->second) {
    if (version.effective > date) break;
    in_force = &version;
  }
  return in_force;
}

std::vector<std::string> Registry::ids() const {
  std::vector<std::string> out;
  for (const auto& [id, versions] : by_id_) out.push_back(id);
  return out;
}

const std::vector<Agreement>& Registry::versions(std::string_view id) const {
  static const std::vector<Agreement> kNone;
  const auto found = by_id_.find(id);
  return found == by_id_.end() ? kNone : found->second;
}

std::filesystem::path default_agreements_dir() {
  const char* from_environment = std::getenv(kAgreementsEnvironment);
  if (from_environment != nullptr && *from_environment != '\0') return from_environment;
  return PLATEAU_AGREEMENTS_DIR;
}

}  // namespace plateau::agreement
