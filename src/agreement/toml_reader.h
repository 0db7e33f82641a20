// Strict, typed reading of a parsed TOML document, for the agreement loader.
//
// A TableReader reads the keys of one table: each typed getter checks the value's unit
// (units.h) and records an error naming file, line, column and key path when it is missing or
// wrong; done() records every key that was never read as unknown. Getters return a neutral value
// after an error so that loading goes on and reports every error of a file at once; the caller
// discards the result when Diagnostics holds any error. Internal to src/agreement.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "agreement/agreement.h"
#include "core/error.h"

namespace plateau::agreement::detail {

// The errors found in one file.
class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  // Records "<file>:<line>:<column>: <path>: <message>" (no line when the region has none).
  void error(const toml::source_region& where, const std::string& path, const std::string& message);
  // Records "<file>: <message>", for errors that belong to no place in the file.
  void error(const std::string& message);

  bool ok() const { return errors_.empty(); }
  // All errors, one a line, in the order of the file.
  std::string message() const;
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::string>> errors_;
};

// "\"14h\"", "integer 755", "floating-point number 1.5", "a table", … : a value as it was found.
std::string describe(const toml::node& node);

class TableReader {
 public:
  TableReader(const toml::table& table, std::string path, Diagnostics& diagnostics);

  // The key path of `key` in this table: "meals.penalty".
  std::string path_of(std::string_view key) const;
  const std::string& path() const { return path_; }
  const toml::table& table() const { return *table_; }
  Diagnostics& diagnostics() const { return *diagnostics_; }

  bool has(std::string_view key) const { return table_->contains(key); }

  // The raw node of `key`, marked as read; nullptr (and an error naming `expected`) when missing.
  const toml::node* required(std::string_view key, const std::string& expected);
  // The raw node of `key`, marked as read; nullptr when absent (no error).
  const toml::node* optional(std::string_view key);

  std::string text(std::string_view key);                   // a non-empty string
  std::optional<std::string> optional_text(std::string_view key);
  std::string identifier(std::string_view key);             // snake_case: [a-z][a-z0-9_]*
  Text bilingual(std::string_view key);                     // { en = "…", fr = "…" }
  Duration duration(std::string_view key);
  Money money(std::string_view key);
  // Money, or the string `absent_word` ("N/A"), read as nullopt.
  std::optional<Money> money_or_absent(std::string_view key, std::string_view absent_word);
  Rational factor(std::string_view key);
  Rational distance_km(std::string_view key);
  double latitude(std::string_view key);
  double longitude(std::string_view key);
  std::int64_t count(std::string_view key, std::int64_t minimum);  // a TOML integer ≥ minimum
  std::int64_t integer(std::string_view key);                       // any TOML integer
  bool flag(std::string_view key);                          // a TOML boolean
  Date date(std::string_view key);                          // a TOML date or "YYYY-MM-DD"
  Weekday weekday(std::string_view key);                    // "monday"
  std::vector<std::string> text_list(std::string_view key); // an array of non-empty strings
  // A string that must be one of `allowed`; returns the index in `allowed`.
  std::size_t choice(std::string_view key, std::initializer_list<std::string_view> allowed);

  // The citation of the rule this table holds: `cite`, `source` and the optional `note`.
  Citation citation();

  // A sub-table; nullopt (and an error) when missing or not a table.
  std::optional<TableReader> table(std::string_view key);
  std::optional<TableReader> optional_table(std::string_view key);
  // An array of tables ([[key]]); empty (and an error) when missing or not an array of tables.
  std::vector<TableReader> table_array(std::string_view key, bool allow_empty);

  // Every key of this table with its node, in the order of the file; all marked as read.
  std::vector<std::pair<std::string, const toml::node*>> entries();

  // Records every key that was never read as unknown. Call once, after reading.
  void done();

  // Records an error at `node` (or at this table when null) for key `key`.
  void error_at(const toml::node* node, std::string_view key, const std::string& message);

 private:
  const toml::table* table_;
  std::string path_;
  Diagnostics* diagnostics_;
  std::set<std::string, std::less<>> read_;
};

// What the registry's layout says a file must hold: its directory is the id, its name the date.
struct VersionExpectation {
  std::string id;
  Date effective;
};

// load_file, also checking metadata.id and metadata.effective against `expected` (when not null)
// so that a mismatch is reported at its line.
Result<Agreement> load_version_file(const std::filesystem::path& file, const VersionExpectation* expected);

// The same, from the text of a file; `name` names it in messages.
Result<Agreement> load_version_text(std::string_view text, const std::string& name, const VersionExpectation* expected);

// A reader for a node that must be a table, or nullopt and an error.
std::optional<TableReader> as_table(const toml::node& node, const std::string& path, Diagnostics& diagnostics);

}  // namespace plateau::agreement::detail
