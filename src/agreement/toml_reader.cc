// Strict, typed reading of a parsed TOML document (see toml_reader.h).
#include "agreement/toml_reader.h"

#include <algorithm>
#include <sstream>

#include "agreement/units.h"
#include "core/calendar.h"

namespace plateau::agreement::detail {
namespace {

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool is_identifier(std::string_view text) {
  if (text.empty() || text[0] < 'a' || text[0] > 'z') return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string join(std::initializer_list<std::string_view> words) {
  std::string out;
  for (const std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += in_quotes(word);
  }
  return out;
}

}  // namespace

void Diagnostics::error(const toml::source_region& where, const std::string& path, const std::string& message) {
  const std::uint32_t line = where.begin.line;
  const std::uint32_t column = where.begin.column;
  std::string text = file_;
  if (line > 0) text += ":" + std::to_string(line) + ":" + std::to_string(column);
  text += ": ";
  if (!path.empty()) text += path + ": ";
  text += message;
  errors_.push_back({{line, column}, std::move(text)});
}

void Diagnostics::error(const std::string& message) { errors_.push_back({{0, 0}, file_ + ": " + message}); }

std::string Diagnostics::message() const {
  auto sorted = errors_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& entry : sorted) {
    if (!out.empty()) out += "\n";
    out += entry.second;
  }
  return out;
}

std::string describe(const toml::node& node) {
  std::ostringstream out;
  switch (node.type()) {
    case toml::node_type::string: return in_quotes(node.as_string()->get());
    case toml::node_type::integer: out << "integer " << node.as_integer()->get(); break;
    case toml::node_type::floating_point: out << "floating-point number " << *node.as_floating_point(); break;
    case toml::node_type::boolean: out << "boolean " << (node.as_boolean()->get() ? "true" : "false"); break;
    case toml::node_type::date: out << "date " << *node.as_date(); break;
    case toml::node_type::time: out << "time " << *node.as_time(); break;
    case toml::node_type::date_time: out << "date-time " << *node.as_date_time(); break;
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::none: return "nothing";
  }
  return out.str();
}

TableReader::TableReader(const toml::table& table, std::string path, Diagnostics& diagnostics)
    : table_(&table), path_(std::move(path)), diagnostics_(&diagnostics) {}

std::string TableReader::path_of(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  return path_ + "." + std::string(key);
}

void TableReader::error_at(const toml::node* node, std::string_view key, const std::string& message) {
  diagnostics_->error(node != nullptr ? node->source() : table_->source(), path_of(key), message);
}

const toml::node* TableReader::required(std::string_view key, const std::string& expected) {
  read_.insert(std::string(key));
  const toml::node* node = table_->get(key);
  if (node == nullptr) error_at(nullptr, key, "missing key; expected " + expected);
  return node;
}

const toml::node* TableReader::optional(std::string_view key) {
  read_.insert(std::string(key));
  return table_->get(key);
}

std::string TableReader::text(std::string_view key) {
  const std::string expected = "a non-empty string";
  const toml::node* node = required(key, expected);
  if (node == nullptr) return {};
  if (!node->is_string() || node->as_string()->get().empty()) {
    error_at(node, key, "expected " + expected + "; found " + describe(*node));
    return {};
  }
  return node->as_string()->get();
}

std::optional<std::string> TableReader::optional_text(std::string_view key) {
  if (!has(key)) {
    read_.insert(std::string(key));
    return std::nullopt;
  }
  return text(key);
}

std::string TableReader::identifier(std::string_view key) {
  const std::string expected = "an identifier in snake_case, like \"first_assistant_director\"";
  const toml::node* node = required(key, expected);
  if (node == nullptr) return {};
  if (!node->is_string() || !is_identifier(node->as_string()->get())) {
    error_at(node, key, "expected " + expected + "; found " + describe(*node));
    return {};
  }
  return node->as_string()->get();
}

Text TableReader::bilingual(std::string_view key) {
  const toml::node* node = required(key, "a table { en = \"…\", fr = \"…\" }");
  if (node == nullptr) return {};
  auto reader = as_table(*node, path_of(key), *diagnostics_);
  if (!reader) return {};
  Text out{reader->text("en"), reader->text("fr")};
  reader->done();
  return out;
}

namespace {

// Reads a string node with `parse`, recording "expected …; found …" on failure.
template <class T, class Parse>
T parse_string_value(TableReader& reader, std::string_view key, const std::string& expected, Parse parse) {
  const toml::node* node = reader.required(key, expected);
  if (node == nullptr) return T{};
  if (!node->is_string()) {
    reader.error_at(node, key, "expected " + expected + "; found " + describe(*node));
    return T{};
  }
  auto value = parse(node->as_string()->get());
  if (!value) {
    reader.error_at(node, key, value.error().message);
    return T{};
  }
  return *value;
}

}  // namespace

Duration TableReader::duration(std::string_view key) {
  return parse_string_value<Duration>(*this, key, "a duration string like \"14h\", \"30min\" or \"2h30min\"",
                                      parse_duration);
}

Money TableReader::money(std::string_view key) {
  return parse_string_value<Money>(*this, key, "an amount of money as a string, like \"755.00\"", parse_amount);
}

std::optional<Money> TableReader::money_or_absent(std::string_view key, std::string_view absent_word) {
  const toml::node* node = table_->get(key);
  if (node != nullptr && node->is_string() && node->as_string()->get() == absent_word) {
    read_.insert(std::string(key));
    return std::nullopt;
  }
  return parse_string_value<Money>(
      *this, key, "an amount of money as a string, like \"755.00\", or " + in_quotes(absent_word),
      [&](std::string_view text) -> Result<Money> {
        auto value = parse_amount(text);
        if (!value) return fail(value.error().message + " or " + in_quotes(absent_word));
        return value;
      });
}

Rational TableReader::factor(std::string_view key) {
  return parse_string_value<Rational>(*this, key, "a decimal number as a string, like \"1.5\" or \"0.06\"",
                                      parse_factor);
}

Rational TableReader::distance_km(std::string_view key) {
  return parse_string_value<Rational>(*this, key, "a distance as a string, like \"25km\"", parse_distance_km);
}

double TableReader::latitude(std::string_view key) {
  return parse_string_value<double>(*this, key, "a latitude as a string, like \"45.535556\"", parse_latitude);
}

double TableReader::longitude(std::string_view key) {
  return parse_string_value<double>(*this, key, "a longitude as a string, like \"-73.604444\"", parse_longitude);
}

std::int64_t TableReader::count(std::string_view key, std::int64_t minimum) {
  const std::string expected = "a whole number (a TOML integer) of at least " + std::to_string(minimum);
  const toml::node* node = required(key, expected);
  if (node == nullptr) return minimum;
  if (!node->is_integer() || node->as_integer()->get() < minimum) {
    error_at(node, key, "expected " + expected + "; found " + describe(*node));
    return minimum;
  }
  return node->as_integer()->get();
}

std::int64_t TableReader::integer(std::string_view key) {
  const std::string expected = "a whole number (a TOML integer)";
  const toml::node* node = required(key, expected);
  if (node == nullptr) return 0;
  if (!node->is_integer()) {
    error_at(node, key, "expected " + expected + "; found " + describe(*node));
    return 0;
  }
  return node->as_integer()->get();
}

bool TableReader::flag(std::string_view key) {
  const std::string expected = "true or false";
  const toml::node* node = required(key, expected);
  if (node == nullptr) return false;
  if (!node->is_boolean()) {
    error_at(node, key, "expected " + expected + "; found " + describe(*node));
    return false;
  }
  return node->as_boolean()->get();
}

Date TableReader::date(std::string_view key) {
  const std::string expected = "a date like 2009-01-01 or \"2009-01-01\"";
  const Date neutral{std::chrono::year{1970}, std::chrono::January, std::chrono::day{1}};
  const toml::node* node = required(key, expected);
  if (node == nullptr) return neutral;
  if (node->is_date()) {
    const toml::date value = node->as_date()->get();
    const std::chrono::year_month_day out{std::chrono::year{value.year}, std::chrono::month{value.month},
                                          std::chrono::day{value.day}};
    if (out.ok()) return Date{out};
  } else if (node->is_string()) {
    auto parsed = parse_date(node->as_string()->get());
    if (parsed) return *parsed;
  }
  error_at(node, key, "expected " + expected + "; found " + describe(*node));
  return neutral;
}

Weekday TableReader::weekday(std::string_view key) {
  const std::string expected = "a weekday in lower case, like \"monday\"";
  const toml::node* node = required(key, expected);
  if (node == nullptr) return Weekday{};
  if (node->is_string()) {
    auto parsed = parse_weekday(node->as_string()->get());
    if (parsed) return *parsed;
  }
  error_at(node, key, "expected " + expected + "; found " + describe(*node));
  return Weekday{};
}

std::vector<std::string> TableReader::text_list(std::string_view key) {
  const std::string expected = "an array of non-empty strings";
  const toml::node* node = required(key, expected);
  if (node == nullptr) return {};
  if (!node->is_array()) {
    error_at(node, key, "expected " + expected + "; found " + describe(*node));
    return {};
  }
  std::vector<std::string> out;
  std::size_t index = 0;
  for (const toml::node& item : *node->as_array()) {
    const std::string item_key = std::string(key) + "[" + std::to_string(index++) + "]";
    if (!item.is_string() || item.as_string()->get().empty()) {
      error_at(&item, item_key, "expected a non-empty string; found " + describe(item));
      continue;
    }
    out.push_back(item.as_string()->get());
  }
  return out;
}

std::size_t TableReader::choice(std::string_view key, std::initializer_list<std::string_view> allowed) {
  const std::string expected = "one of " + join(allowed);
  const toml::node* node = required(key, expected);
  if (node == nullptr) return 0;
  if (node->is_string()) {
    const auto found = std::find(allowed.begin(), allowed.end(), node->as_string()->get());
    if (found != allowed.end()) return static_cast<std::size_t>(found - allowed.begin());
  }
  error_at(node, key, "expected " + expected + "; found " + describe(*node));
  return 0;
}

Citation TableReader::citation() {
  Citation out;
  out.article = text("cite");
  out.source = text("source");
  out.note = optional_text("note").value_or("");
  return out;
}

std::optional<TableReader> TableReader::table(std::string_view key) {
  const toml::node* node = required(key, "a table");
  if (node == nullptr) return std::nullopt;
  return as_table(*node, path_of(key), *diagnostics_);
}

std::optional<TableReader> TableReader::optional_table(std::string_view key) {
  const toml::node* node = optional(key);
  if (node == nullptr) return std::nullopt;
  return as_table(*node, path_of(key), *diagnostics_);
}

std::vector<TableReader> TableReader::table_array(std::string_view key, bool allow_empty) {
  const std::string expected = allow_empty ? "an array of tables" : "a non-empty array of tables";
  const toml::node* node = required(key, expected);
  if (node == nullptr) return {};
  const toml::array* array = node->as_array();
  if (array == nullptr || (array->empty() && !allow_empty)) {
    error_at(node, key, "expected " + expected + " ([[" + path_of(key) + "]]); found " + describe(*node));
    return {};
  }
  std::vector<TableReader> out;
  std::size_t index = 0;
  for (const toml::node& item : *array) {
    const std::string item_path = path_of(key) + "[" + std::to_string(index++) + "]";
    auto reader = as_table(item, item_path, *diagnostics_);
    if (reader) out.push_back(std::move(*reader));
  }
  return out;
}

std::vector<std::pair<std::string, const toml::node*>> TableReader::entries() {
  std::vector<std::pair<toml::source_position, std::pair<std::string, const toml::node*>>> found;
  for (auto&& [key, node] : *table_) {
    read_.insert(std::string(key.str()));
    found.push_back({key.source().begin, {std::string(key.str()), &node}});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first.line, a.first.column) < std::pair(b.first.line, b.first.column);
  });
  std::vector<std::pair<std::string, const toml::node*>> out;
  out.reserve(found.size());
  for (auto& entry : found) out.push_back(std::move(entry.second));
  return out;
}

void TableReader::done() {
  for (auto&& [key, node] : *table_) {
    if (read_.contains(key.str())) continue;
    std::string expected;
    for (const std::string& known : read_) expected += (expected.empty() ? "" : ", ") + known;
    diagnostics_->error(key.source(), path_of(key.str()),
                        "unknown key; expected one of: " + (expected.empty() ? std::string("(none)") : expected));
  }
}

std::optional<TableReader> as_table(const toml::node& node, const std::string& path, Diagnostics& diagnostics) {
  if (!node.is_table()) {
    diagnostics.error(node.source(), path, "expected a table; found " + describe(node));
    return std::nullopt;
  }
  return TableReader(*node.as_table(), path, diagnostics);
}

}  // namespace plateau::agreement::detail
