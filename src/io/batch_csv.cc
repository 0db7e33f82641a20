#include "io/batch_csv.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdio>
#include <map>
#include <optional>
#include <regex>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/limits.h"
#include "core/text.h"
#include "io/batch_values.h"
#include "io/csv.h"

namespace plateau::io {

namespace {

using engine::Batch;
using engine::CrewInput;
using engine::DayInput;
using engine::DistantFacts;
using engine::Production;

// Limits that keep a hostile or broken file from costing more than a message (core/limits.h).
constexpr std::size_t kMaxCellBytes = limits::kMaxTextBytes;
constexpr std::size_t kMaxCellsPerRow = limits::kMaxCellsPerRow;
// How much of a cell a message quotes.
constexpr std::size_t kShownBytes = 60;
// Meal slots the writer always gives, so that the file is a template with room for them.
constexpr std::size_t kMealSlotsWritten = 3;
// meal1_… to meal99_….
constexpr int kMaxMealSlots = 99;
constexpr std::size_t kMaxMealNumberDigits = 2;
// "Did you mean": names up to this long are compared, and suggested within this many edits.
constexpr std::size_t kMaxSuggestedNameLength = 64;
constexpr std::size_t kMaxSuggestionEdits = 3;
constexpr std::size_t kCharactersPerAllowedEdit = 3;

constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LittleEndianMark = "\xFF\xFE";
constexpr std::string_view kUtf16BigEndianMark = "\xFE\xFF";
constexpr std::string_view kZipSignature = "PK\x03\x04";               // .xlsx, .ods
constexpr std::string_view kCompoundFileSignature = "\xD0\xCF\x11\xE0";  // .xls
constexpr char kListSeparator = ';';
constexpr std::string_view kNoItems = "none";
constexpr std::string_view kProductionPrefix = "production.";
constexpr std::string_view kMealPrefix = "meal";

// ---------------------------------------------------------------------------------------------
// The layout: every column the file may have.

enum class Field {
  // Person columns: the same on each of a person's rows.
  id,
  name,
  classification,
  category,
  basis,
  rate,
  engagement_start,
  engagement_end,
  production_gross_to_date,
  permit_fee_paid_by,
  days_off_in_lieu,
  // Day columns: one day per row.
  date,
  worked,
  call,
  wrap,
  meal_start,
  meal_end,
  meal_shot_in_progress,
  general_crew_call,
  ndb,
  snack,
  location,
  zone_departure,
  zone_return,
  distant_currency,
  distant_meals_provided,
  distant_beyond_one_hour_drive,
  premium_approved,
  reduced_weekend_rest,
  // Production columns: the same on every row.
  title,
  agreement,
  production_type,
  week_starts_on,
  time_zone,
  regular_days_off,
  declared_holidays,
};
constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::declared_holidays) + 1;

enum class Level { person, day, production };

Level level_of(Field field) {
  if (field <= Field::days_off_in_lieu) return Level::person;
  if (field <= Field::reduced_weekend_rest) return Level::day;
  return Level::production;
}

std::size_t index_of(Field field) { return static_cast<std::size_t>(field); }

struct FieldSpec {
  Field field;
  std::string_view name;
  bool required;  // the header must have the column
};

// Columns in the order the writer gives them: the meal slots come between the two lists.
constexpr std::array kColumnsBeforeMeals = {
    FieldSpec{Field::id, "id", true},
    FieldSpec{Field::name, "name", false},
    FieldSpec{Field::classification, "classification", true},
    FieldSpec{Field::category, "category", false},
    FieldSpec{Field::basis, "basis", true},
    FieldSpec{Field::rate, "rate", true},
    FieldSpec{Field::engagement_start, "engagement_start", false},
    FieldSpec{Field::engagement_end, "engagement_end", false},
    FieldSpec{Field::production_gross_to_date, "production_gross_to_date", false},
    FieldSpec{Field::permit_fee_paid_by, "permit_fee_paid_by", false},
    FieldSpec{Field::days_off_in_lieu, "days_off_in_lieu", false},
    FieldSpec{Field::date, "date", true},
    FieldSpec{Field::worked, "worked", false},
    FieldSpec{Field::call, "call", true},
    FieldSpec{Field::wrap, "wrap", true},
};
constexpr std::array kMealColumnSuffixes = {
    std::pair{Field::meal_start, std::string_view("start")},
    std::pair{Field::meal_end, std::string_view("end")},
    std::pair{Field::meal_shot_in_progress, std::string_view("shot_in_progress")},
};
constexpr std::array kColumnsAfterMeals = {
    FieldSpec{Field::general_crew_call, "general_crew_call", false},
    FieldSpec{Field::ndb, "ndb", false},
    FieldSpec{Field::snack, "snack", false},
    FieldSpec{Field::location, "location", false},
    FieldSpec{Field::zone_departure, "zone_departure", false},
    FieldSpec{Field::zone_return, "zone_return", false},
    FieldSpec{Field::distant_currency, "distant_currency", false},
    FieldSpec{Field::distant_meals_provided, "distant_meals_provided", false},
    FieldSpec{Field::distant_beyond_one_hour_drive, "distant_beyond_one_hour_drive", false},
    FieldSpec{Field::premium_approved, "premium_approved", false},
    FieldSpec{Field::reduced_weekend_rest, "reduced_weekend_rest", false},
    FieldSpec{Field::title, "production.title", false},
    FieldSpec{Field::agreement, "production.agreement", true},
    FieldSpec{Field::production_type, "production.production_type", false},
    FieldSpec{Field::week_starts_on, "production.week_starts_on", false},
    FieldSpec{Field::time_zone, "production.time_zone", false},
    FieldSpec{Field::regular_days_off, "production.regular_days_off", false},
    FieldSpec{Field::declared_holidays, "production.declared_holidays", false},
};

// A column of the layout, as a header names it.
struct Column {
  Field field;
  int meal = 0;  // the meal slot (1, 2, …) of a meal column
  std::string name;
};

std::string meal_column_name(int meal, std::string_view suffix) {
  return std::string(kMealPrefix) + std::to_string(meal) + "_" + std::string(suffix);
}

// The columns other than the meal slots, in writing order.
std::vector<FieldSpec> fixed_columns() {
  std::vector<FieldSpec> specs(kColumnsBeforeMeals.begin(), kColumnsBeforeMeals.end());
  specs.insert(specs.end(), kColumnsAfterMeals.begin(), kColumnsAfterMeals.end());
  return specs;
}

std::string_view field_name(Field field) {
  for (const auto& spec : fixed_columns()) {
    if (spec.field == field) return spec.name;
  }
  return {};
}

// The layout's columns in writing order, with `meal_slots` meal slots.
std::vector<Column> layout(std::size_t meal_slots) {
  std::vector<Column> columns;
  for (const auto& spec : kColumnsBeforeMeals) columns.push_back({spec.field, 0, std::string(spec.name)});
  for (std::size_t slot = 1; slot <= meal_slots; ++slot) {
    const int meal = static_cast<int>(slot);
    for (const auto& [field, suffix] : kMealColumnSuffixes) columns.push_back({field, meal, meal_column_name(meal, suffix)});
  }
  for (const auto& spec : kColumnsAfterMeals) columns.push_back({spec.field, 0, std::string(spec.name)});
  return columns;
}

// The column a (trimmed, lower-case) header name means, if any.
std::optional<Column> layout_column(std::string_view name) {
  for (const auto& spec : fixed_columns()) {
    if (spec.name == name) return Column{spec.field, 0, std::string(spec.name)};
  }
  if (!name.starts_with(kMealPrefix)) return std::nullopt;
  const std::string_view rest = name.substr(kMealPrefix.size());
  std::size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits == 0 || digits > kMaxMealNumberDigits || rest[0] == '0' || digits >= rest.size() || rest[digits] != '_') {
    return std::nullopt;
  }
  int meal = 0;
  for (std::size_t i = 0; i < digits; ++i) meal = meal * 10 + (rest[i] - '0');
  if (meal > kMaxMealSlots) return std::nullopt;
  const std::string_view suffix = rest.substr(digits + 1);
  for (const auto& [field, known_suffix] : kMealColumnSuffixes) {
    if (suffix == known_suffix) return Column{field, meal, meal_column_name(meal, suffix)};
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Text helpers.

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_continuation_byte(unsigned char byte) { return (byte & 0xC0u) == 0x80u; }

// `text` in quotes for a message, cut (on a character boundary) when long.
std::string shown(std::string_view text) {
  if (text.size() <= kShownBytes) return "\"" + std::string(text) + "\"";
  std::size_t cut = kShownBytes;
  while (cut > 0 && is_continuation_byte(static_cast<unsigned char>(text[cut]))) --cut;
  return "\"" + std::string(text.substr(0, cut)) + "…\"";
}

std::string found(std::string_view text, const std::string& expected) {
  return "found " + shown(text) + "; expected " + expected;
}

// A core parser's complaint "expected E; found "T"…" in this file's order, "found "T"…; expected E".
std::string reordered(const Error& error, std::string_view text) {
  const std::string& message = error.message;
  const std::string marker = "; found \"" + std::string(text) + "\"";
  constexpr std::string_view kExpected = "expected ";
  const auto at = message.find(marker);
  if (!message.starts_with(kExpected) || at == std::string::npos) return "found " + shown(text) + "; " + message;
  return "found " + shown(text) + message.substr(at + marker.size()) + "; " + message.substr(0, at);
}

// The offset of the first byte that is not part of well-formed UTF-8, if any.
std::optional<std::size_t> first_non_utf8_byte(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned minimum = 0;
    unsigned code = 0;
    if (lead < 0x80u) {
      ++i;
      continue;
    } else if ((lead & 0xE0u) == 0xC0u) {
      length = 2, minimum = 0x80u, code = lead & 0x1Fu;
    } else if ((lead & 0xF0u) == 0xE0u) {
      length = 3, minimum = 0x800u, code = lead & 0x0Fu;
    } else if ((lead & 0xF8u) == 0xF0u) {
      length = 4, minimum = 0x10000u, code = lead & 0x07u;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto byte = static_cast<unsigned char>(text[i + k]);
      if (!is_continuation_byte(byte)) return i;
      code = (code << 6) | (byte & 0x3Fu);
    }
    constexpr unsigned kLastCodePoint = 0x10FFFFu;
    constexpr unsigned kFirstSurrogate = 0xD800u;
    constexpr unsigned kLastSurrogate = 0xDFFFu;
    if (code < minimum || code > kLastCodePoint || (code >= kFirstSurrogate && code <= kLastSurrogate)) return i;
    i += length;
  }
  return std::nullopt;
}

std::string not_utf8_complaint(std::string_view text, std::size_t offset) {
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[offset])));
  return "found text that is not UTF-8 (byte " + std::string(byte) + " at character " + std::to_string(offset + 1) +
         "); expected UTF-8 text: save the file as \"CSV UTF-8\" (Excel's plain \"CSV\" uses the Windows code page)";
}

// The layout column a mistyped header name most likely meant, if one is close.
std::optional<std::string> suggestion_for(std::string_view name) {
  if (name.size() > kMaxSuggestedNameLength) return std::nullopt;
  const std::string with_prefix = std::string(kProductionPrefix) + std::string(name);
  if (layout_column(with_prefix)) return with_prefix;  // "agreement" for "production.agreement"
  // Meal columns are compared in the slot the name mentions, if any.
  int meal = 1;
  if (name.starts_with(kMealPrefix)) {
    const std::size_t digit = kMealPrefix.size();
    if (digit < name.size() && name[digit] >= '1' && name[digit] <= '9') meal = name[digit] - '0';
  }
  std::vector<std::string> candidates;
  for (const auto& column : layout(0)) candidates.push_back(column.name);
  for (const auto& [field, suffix] : kMealColumnSuffixes) candidates.push_back(meal_column_name(meal, suffix));
  std::optional<std::string> best;
  std::size_t best_edits = 0;
  for (const auto& candidate : candidates) {
    const std::size_t edits = edit_distance(name, candidate);
    const std::size_t allowed = std::min(kMaxSuggestionEdits, std::max<std::size_t>(1, candidate.size() / kCharactersPerAllowedEdit));
    if (edits <= allowed && (!best || edits < best_edits)) {
      best = candidate;
      best_edits = edits;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Values. Each reader returns the value or a complaint "found "…"; expected …" without a place.

// Times of a row whose date is missing or wrong are checked on this day; the row is rejected.
constexpr Date kPlaceholderDate{std::chrono::year{1970}, std::chrono::January, std::chrono::day{1}};

constexpr std::string_view kDateReformattedHint =
    " (a spreadsheet may have changed the date's format: format the column as text and type YYYY-MM-DD)";
constexpr std::string_view kSecondsHint =
    " (a spreadsheet may have added seconds: format the column as text and type HH:MM)";
constexpr std::string_view kTwelveHourHint = " (write times on the 24-hour clock, like \"19:30\")";

Result<Money> money_value(const std::string& text) {
  auto parsed = Money::parse(text);
  if (!parsed) return fail(reordered(parsed.error(), text));
  return *parsed;
}

Result<Date> date_value(std::string_view text) {
  auto parsed = parse_date(text);
  if (!parsed) {
    const std::string hint = text.find('/') != std::string_view::npos ? std::string(kDateReformattedHint) : "";
    return fail(reordered(parsed.error(), text) + hint);
  }
  return *parsed;
}

bool looks_like_time_with_seconds(std::string_view text) {
  const auto first = text.find(':');
  const auto last = text.rfind(':');
  return first != std::string_view::npos && first != last && text.find('T') == std::string_view::npos;
}

Result<ClockTime> time_value(const std::string& text, Date day) {
  auto parsed = ClockTime::parse(text, day);
  if (!parsed) {
    const std::string lower = ascii_lower(text);
    std::string hint;
    if (looks_like_time_with_seconds(text)) hint = kSecondsHint;
    else if (lower.find("am") != std::string::npos || lower.find("pm") != std::string::npos) hint = kTwelveHourHint;
    return fail(reordered(parsed.error(), text) + hint);
  }
  return *parsed;
}

Result<Weekday> weekday_value(std::string_view text) {
  auto parsed = parse_weekday(text);
  if (!parsed) return fail(reordered(parsed.error(), text));
  return *parsed;
}

constexpr std::array<std::string_view, 5> kTrueWords = {"true", "yes", "oui", "vrai", "1"};
constexpr std::array<std::string_view, 5> kFalseWords = {"false", "no", "non", "faux", "0"};

Result<bool> boolean_value(const std::string& text) {
  const std::string lower = ascii_lower(text);
  if (std::find(kTrueWords.begin(), kTrueWords.end(), lower) != kTrueWords.end()) return true;
  if (std::find(kFalseWords.begin(), kFalseWords.end(), lower) != kFalseWords.end()) return false;
  return fail(found(text, "true or false (or yes/no, oui/non, vrai/faux, 1/0)"));
}

template <class Names>
auto choice_value(const Names& names, const std::string& text) -> Result<typename Names::value_type::second_type> {
  if (auto value = value_named(names, text)) return *value;
  std::string listed;
  for (const auto& [name, unused] : names) listed += (listed.empty() ? "" : ", ") + std::string(name);
  const bool case_only = value_named(names, ascii_lower(text)).has_value();
  return fail(found(text, "one of " + listed + (case_only ? ", in lower case" : "")));
}

// A list cell: items separated by ";" (spaces around them ignored), or "none" for no items.
// Each item is read by read_item; the result keeps the items in order.
template <class ReadItem>
auto list_value(const std::string& text, ReadItem read_item)
    -> Result<std::vector<typename std::invoke_result_t<ReadItem, std::string_view>::value_type>> {
  using Item = typename std::invoke_result_t<ReadItem, std::string_view>::value_type;
  std::vector<Item> items;
  if (ascii_lower(trimmed(text)) == kNoItems) return items;
  std::string_view rest = text;
  std::size_t number = 0;
  while (true) {
    const auto separator = rest.find(kListSeparator);
    const std::string_view piece = trimmed(rest.substr(0, separator));
    if (!piece.empty()) {
      ++number;
      if (number > limits::kMaxListItems) {
        return fail("found more than " + std::to_string(limits::kMaxListItems) + " items in the list; expected at most " +
                    std::to_string(limits::kMaxListItems));
      }
      auto item = read_item(piece);
      if (!item) {
        const bool comma = piece.find(',') != std::string_view::npos;
        return fail(item.error().message + " (item " + std::to_string(number) + " of the list" +
                    (comma ? "; separate items with \";\"" : "") + ")");
      }
      items.push_back(std::move(*item));
    }
    if (separator == std::string_view::npos) break;
    rest.remove_prefix(separator + 1);
  }
  if (number == 0) return fail(found(text, "items separated by \";\", or none"));
  return items;
}

template <class Item, class Write>
std::string joined(const std::vector<Item>& items, Write write) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += kListSeparator;
    out += write(item);
  }
  return out;
}

std::string date_text(Date date) { return to_string(date); }

Result<std::string> provided_meal_value(std::string_view text) {
  for (const auto name : kProvidedMealNames) {
    if (name == text) return std::string(name);
  }
  const bool case_only = std::find(kProvidedMealNames.begin(), kProvidedMealNames.end(), ascii_lower(text)) !=
                         kProvidedMealNames.end();
  return fail(found(text, std::string("breakfast, lunch or supper") + (case_only ? ", in lower case" : "")));
}

Result<std::vector<std::string>> provided_meals_value(const std::string& text) {
  auto meals = list_value(text, provided_meal_value);
  if (!meals) return meals;
  for (std::size_t i = 0; i < meals->size(); ++i) {
    if (std::find(meals->begin(), meals->begin() + static_cast<std::ptrdiff_t>(i), (*meals)[i]) !=
        meals->begin() + static_cast<std::ptrdiff_t>(i)) {
      return fail("found " + shown((*meals)[i]) + " twice in " + shown(text) + "; expected each meal once");
    }
  }
  return meals;
}

std::string boolean_text(bool value) { return value ? "true" : "false"; }

// Reads a person cell into `person`; returns the value's canonical text, which is the same for
// two cells exactly when they mean the same value ("755" and "755.00").
Result<std::string> read_person_value(Field field, const std::string& text, CrewInput& person) {
  switch (field) {
    case Field::id: return person.id = text;
    case Field::name: return person.name = text;
    case Field::classification: return person.classification = text;
    case Field::category: return person.category = text;
    case Field::basis: {
      auto basis = choice_value(kRateBasisNames, text);
      if (!basis) return tl::unexpected(basis.error());
      person.basis = *basis;
      return name_of(kRateBasisNames, *basis);
    }
    case Field::rate: {
      auto rate = money_value(text);
      if (!rate) return tl::unexpected(rate.error());
      person.rate = *rate;
      return rate->to_string();
    }
    case Field::engagement_start:
    case Field::engagement_end: {
      auto date = date_value(text);
      if (!date) return tl::unexpected(date.error());
      if (!person.engagement) person.engagement = engine::Engagement{};
      (field == Field::engagement_start ? person.engagement->start : person.engagement->end) = *date;
      return to_string(*date);
    }
    case Field::production_gross_to_date: {
      auto gross = money_value(text);
      if (!gross) return tl::unexpected(gross.error());
      if (*gross < Money()) return fail(found(text, "an amount of zero or more"));
      person.production_gross_to_date = *gross;
      return gross->to_string();
    }
    case Field::permit_fee_paid_by: {
      auto payer = choice_value(kPermitFeePayerNames, text);
      if (!payer) return tl::unexpected(payer.error());
      person.permit_fee_paid_by = *payer;
      return name_of(kPermitFeePayerNames, *payer);
    }
    case Field::days_off_in_lieu: {
      auto days = list_value(text, date_value);
      if (!days) return tl::unexpected(days.error());
      person.days_off_in_lieu = *days;
      return joined(*days, date_text);
    }
    default: return fail("found " + shown(text) + " in a column that is not a person column");
  }
}

Result<std::string> read_production_value(Field field, const std::string& text, Production& production) {
  switch (field) {
    case Field::title: return production.title = text;
    case Field::agreement: return production.agreement = text;
    case Field::production_type: return production.production_type = text;
    case Field::week_starts_on: {
      auto day = weekday_value(text);
      if (!day) return tl::unexpected(day.error());
      production.week_starts_on = *day;
      return weekday_name(*day);
    }
    case Field::time_zone: return production.time_zone = text;
    case Field::regular_days_off: {
      auto days = list_value(text, weekday_value);
      if (!days) return tl::unexpected(days.error());
      production.regular_days_off = *days;
      return joined(*days, weekday_name);
    }
    case Field::declared_holidays: {
      auto days = list_value(text, date_value);
      if (!days) return tl::unexpected(days.error());
      production.declared_holidays = *days;
      return joined(*days, date_text);
    }
    default: return fail("found " + shown(text) + " in a column that is not a production column");
  }
}

// A meal slot of a row, as its cells gave it.
struct MealSlot {
  std::optional<ClockTime> start;
  std::optional<ClockTime> end;
  std::optional<bool> shot_in_progress;
  std::size_t start_cell = 0;
  std::size_t end_cell = 0;
  std::size_t shot_in_progress_cell = 0;
};

// The day columns of one row, before they are checked together.
struct RowDay {
  DayInput day;
  std::map<int, MealSlot> meals;  // by slot number
  std::optional<DistantFacts> distant;
  std::optional<std::size_t> first_cell;  // the first day column given, besides the date
};

Result<void> read_day_value(Field field, int meal, const std::string& text, std::size_t cell, RowDay& row) {
  DayInput& day = row.day;
  auto set_time = [&](std::optional<ClockTime>& target) -> Result<void> {
    auto time = time_value(text, day.date);
    if (!time) return tl::unexpected(time.error());
    target = *time;
    return {};
  };
  auto set_boolean = [&](bool& target) -> Result<void> {
    auto value = boolean_value(text);
    if (!value) return tl::unexpected(value.error());
    target = *value;
    return {};
  };
  auto distant = [&]() -> DistantFacts& {
    if (!row.distant) row.distant = DistantFacts{};
    return *row.distant;
  };
  switch (field) {
    case Field::worked: return set_boolean(day.worked);
    case Field::call: return set_time(day.call);
    case Field::wrap: return set_time(day.wrap);
    case Field::general_crew_call: return set_time(day.general_crew_call);
    case Field::snack: return set_time(day.snack);
    case Field::zone_departure: return set_time(day.zone_departure);
    case Field::zone_return: return set_time(day.zone_return);
    case Field::ndb: return set_boolean(day.ndb);
    case Field::premium_approved: return set_boolean(day.premium_approved);
    case Field::reduced_weekend_rest: return set_boolean(day.reduced_weekend_rest);
    case Field::meal_start: row.meals[meal].start_cell = cell; return set_time(row.meals[meal].start);
    case Field::meal_end: row.meals[meal].end_cell = cell; return set_time(row.meals[meal].end);
    case Field::meal_shot_in_progress: {
      auto value = boolean_value(text);
      if (!value) return tl::unexpected(value.error());
      row.meals[meal].shot_in_progress = *value;
      row.meals[meal].shot_in_progress_cell = cell;
      return {};
    }
    case Field::location: {
      auto location = choice_value(kLocationNames, text);
      if (!location) return tl::unexpected(location.error());
      day.location = *location;
      return {};
    }
    case Field::distant_currency: distant().currency = text; return {};
    case Field::distant_meals_provided: {
      auto meals = provided_meals_value(text);
      if (!meals) return tl::unexpected(meals.error());
      distant().meals_provided = *meals;
      return {};
    }
    case Field::distant_beyond_one_hour_drive: return set_boolean(distant().beyond_one_hour_drive);
    default: return fail("found " + shown(text) + " in a column that is not a day column");
  }
}

// ---------------------------------------------------------------------------------------------
// Splitting the text into rows of cells (RFC 4180).

struct Cell {
  std::string text;
  std::size_t line = 0;  // where the cell starts
};

struct Record {
  std::vector<Cell> cells;
  std::size_t line = 0;  // where the row starts

  bool blank() const {
    return std::all_of(cells.begin(), cells.end(), [](const Cell& cell) { return cell.text.empty(); });
  }
};

struct SplitProblem {
  std::size_t line;
  std::size_t cell_index;
  std::string complaint;
};

class RecordSplitter {
 public:
  explicit RecordSplitter(std::string_view text) : text_(text) {}

  bool at_end() const { return position_ >= text_.size(); }

  // The next row; REQUIRES: !at_end().
  tl::expected<Record, SplitProblem> next() {
    Record record;
    record.line = line_;
    while (true) {
      const std::size_t index = record.cells.size();
      if (index >= kMaxCellsPerRow) {
        return tl::unexpected(SplitProblem{line_, index, "found more than " + std::to_string(kMaxCellsPerRow) +
                                                             " cells on one row; expected at most " +
                                                             std::to_string(kMaxCellsPerRow)});
      }
      Cell cell;
      cell.line = line_;
      if (position_ < text_.size() && text_[position_] == '"') {
        auto quoted = quoted_cell(cell, index);
        if (!quoted) return tl::unexpected(quoted.error());
      } else {
        const std::size_t stop = std::min(text_.find_first_of(",\r\n", position_), text_.size());
        if (stop - position_ > kMaxCellBytes) return tl::unexpected(too_long(cell.line, index, false));
        cell.text.assign(text_.substr(position_, stop - position_));
        position_ = stop;
      }
      record.cells.push_back(std::move(cell));
      if (position_ >= text_.size()) return record;
      if (text_[position_] == ',') {
        ++position_;
        continue;
      }
      take_line_break();
      return record;
    }
  }

 private:
  // Reads a cell that opens with a quote, up to its closing quote.
  tl::expected<void, SplitProblem> quoted_cell(Cell& cell, std::size_t index) {
    ++position_;
    while (true) {
      if (position_ >= text_.size()) {
        return tl::unexpected(SplitProblem{
            cell.line, index,
            "found an opening quote (\") that is never closed; expected a closing quote before the end of the file "
            "(look for a stray quote in this cell)"});
      }
      const char c = text_[position_];
      if (c == '"') {
        if (position_ + 1 < text_.size() && text_[position_ + 1] == '"') {
          cell.text += '"';
          position_ += 2;
          continue;
        }
        ++position_;
        break;
      }
      if (c == '\r' || c == '\n') {  // a line break inside the cell, kept as written
        const std::size_t before = position_;
        take_line_break();
        cell.text.append(text_.substr(before, position_ - before));
      } else {
        cell.text += c;
        ++position_;
      }
      if (cell.text.size() > kMaxCellBytes) return tl::unexpected(too_long(cell.line, index, true));
    }
    if (position_ < text_.size() && text_[position_] != ',' && text_[position_] != '\r' && text_[position_] != '\n') {
      const std::size_t stop = std::min(text_.find_first_of(",\r\n", position_), text_.size());
      return tl::unexpected(SplitProblem{
          line_, index,
          "found " + shown(text_.substr(position_, stop - position_)) +
              " after the closing quote of the cell; expected a comma or the end of the row right after a closing "
              "quote (inside a quoted cell, write a quote as \"\")"});
    }
    return {};
  }

  static SplitProblem too_long(std::size_t line, std::size_t index, bool quoted) {
    return SplitProblem{line, index,
                        "found a cell of more than " + std::to_string(kMaxCellBytes) + " characters; expected at most " +
                            std::to_string(kMaxCellBytes) +
                            (quoted ? " (is the closing quote of this cell missing?)" : "")};
  }

  // Consumes the line break at the position: CRLF, LF or a lone CR.
  void take_line_break() {
    if (text_[position_] == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n') ++position_;
    ++position_;
    ++line_;
  }

  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t line_ = 1;
};

// ---------------------------------------------------------------------------------------------
// Reading the rows into a batch.

// Where a person or production value was first given, to compare later cells with it.
struct Given {
  std::size_t line;
  std::size_t cell_index;
  std::string text;
  std::string canonical;
};

using GivenFields = std::array<std::optional<Given>, kFieldCount>;

// A person or production cell of the current row, read and waiting to be merged.
struct RowValue {
  Field field;
  std::size_t cell_index;
  std::string canonical;
};

class CsvBatchReader {
 public:
  CsvBatchReader(std::string_view text, const std::string& file_name, CsvPlaces* places)
      : text_(text), file_(file_name), places_(places) {}

  Result<Batch> read() {
    if (text_.size() > limits::kMaxBatchBytes) {
      return fail(file_ + ": found " + std::to_string(text_.size()) + " bytes; expected a file of at most " +
                  std::to_string(limits::kMaxBatchBytes) + " bytes");
    }
    if (text_.starts_with(kUtf8ByteOrderMark)) {
      text_.remove_prefix(kUtf8ByteOrderMark.size());
    } else if (text_.starts_with(kUtf16LittleEndianMark) || text_.starts_with(kUtf16BigEndianMark)) {
      return fail(file_ + ": found a UTF-16 file; expected UTF-8 text: save the file as \"CSV UTF-8 (comma delimited)\"");
    }
    if (text_.starts_with(kZipSignature) || text_.starts_with(kCompoundFileSignature)) {
      return fail(file_ + ": found a spreadsheet workbook (.xlsx, .xls or .ods), not CSV text; expected a CSV file: "
                          "save or export the sheet as \"CSV UTF-8 (comma delimited)\"");
    }
    RecordSplitter splitter(text_);
    bool has_header = false;
    while (!splitter.at_end()) {
      auto record = splitter.next();
      if (!record) return tl::unexpected(place(record.error().line, record.error().cell_index, record.error().complaint));
      if (record->blank()) continue;  // an empty line, or a row of empty cells
      if (!has_header) {
        if (auto header = read_header(*record); !header) return tl::unexpected(header.error());
        has_header = true;
        if (places_ != nullptr) {
          places_->file = file_;
          for (std::size_t i = 0; i < columns_.size(); ++i) {
            if (columns_[i]) places_->column_of.emplace(columns_[i]->name, i + 1);
          }
        }
      } else {
        if (places_ != nullptr && places_->first_row_line == 0) places_->first_row_line = record->line;
        if (auto row = read_row(*record); !row) return tl::unexpected(row.error());
      }
    }
    if (!has_header) {
      return fail(file_ + ": found an empty file; expected a header row naming the columns, then one row per "
                          "person-day");
    }
    if (auto finished = finish(); !finished) return tl::unexpected(finished.error());
    return std::move(batch_);
  }

 private:
  // "FILE:ROW:COLUMN: column: complaint"; the column's name when the header gave it.
  Error place(std::size_t line, std::size_t cell_index, const std::string& complaint) const {
    std::string out = file_ + ":" + std::to_string(line) + ":" + std::to_string(cell_index + 1) + ": ";
    if (cell_index < columns_.size() && columns_[cell_index]) out += columns_[cell_index]->name + ": ";
    return Error{out + complaint};
  }
  Error place_line(std::size_t line, const std::string& complaint) const {
    return Error{file_ + ":" + std::to_string(line) + ": " + complaint};
  }

  Result<void> read_header(const Record& header) {
    if (header.cells.size() == 1) {
      const std::string& only = header.cells.front().text;
      if (only.find(';') != std::string::npos || only.find('\t') != std::string::npos) {
        const std::string separator = only.find(';') != std::string::npos ? "semicolons" : "tabs";
        return tl::unexpected(place_line(
            header.line, "found a header with " + separator + " between the names and no commas; expected cells "
                         "separated by commas: save as \"CSV UTF-8 (comma delimited)\" (Excel in French separates "
                         "with semicolons unless told otherwise)"));
      }
    }
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
      const Cell& cell = header.cells[i];
      if (auto bad = first_non_utf8_byte(cell.text)) {
        return tl::unexpected(place(cell.line, i, not_utf8_complaint(cell.text, *bad)));
      }
      const std::string name = ascii_lower(trimmed(cell.text));
      if (name.empty()) {
        columns_.push_back(std::nullopt);
        continue;
      }
      auto column = layout_column(name);
      if (!column) return tl::unexpected(place(cell.line, i, unknown_column_complaint(cell.text, name)));
      if (auto earlier = seen.find(column->name); earlier != seen.end()) {
        return tl::unexpected(place(cell.line, i, "found the column " + shown(column->name) +
                                                       " a second time (first in column " +
                                                       std::to_string(earlier->second + 1) + "); expected each column once"));
      }
      seen.emplace(column->name, i);
      if (column->meal > 0) meal_cells_[{column->meal, column->field}] = i;
      else cell_of_[index_of(column->field)] = i;
      columns_.push_back(std::move(column));
    }
    std::string missing;
    std::string required;
    for (const auto& spec : fixed_columns()) {
      if (!spec.required) continue;
      required += (required.empty() ? "" : ", ") + std::string(spec.name);
      if (!cell_of_[index_of(spec.field)]) missing += (missing.empty() ? "" : ", ") + shown(spec.name);
    }
    if (!missing.empty()) {
      return tl::unexpected(
          place_line(header.line, "found no column " + missing + " in the header; expected the columns " + required +
                                      " (in any order), besides any others of the layout"));
    }
    return {};
  }

  static std::string unknown_column_complaint(const std::string& as_written, const std::string& name) {
    if (auto suggestion = suggestion_for(name)) {
      return "found an unknown column " + shown(as_written) + "; did you mean " + shown(*suggestion) + "?";
    }
    std::string names;
    for (const auto& column : layout(1)) names += (names.empty() ? "" : ", ") + column.name;
    return "found an unknown column " + shown(as_written) + "; expected one of " + names +
           " (more meals: meal2_start, meal2_end, … up to meal" + std::to_string(kMaxMealSlots) + ")";
  }

  const std::string& text_at(const Record& row, std::size_t cell_index) const {
    static const std::string kEmpty;
    return cell_index < row.cells.size() ? row.cells[cell_index].text : kEmpty;
  }
  // The line of a cell, or of the row's last cell when the row stops short of it.
  std::size_t line_at(const Record& row, std::size_t cell_index) const {
    return cell_index < row.cells.size() ? row.cells[cell_index].line : row.cells.back().line;
  }
  std::size_t cell_of(Field field) const { return *cell_of_[index_of(field)]; }  // required columns only

  Result<void> read_row(const Record& row) {
    if (!first_row_line_) first_row_line_ = row.line;
    // The date first: the row's times are read on it.
    const std::size_t date_cell = cell_of(Field::date);
    const std::string& date_text = text_at(row, date_cell);
    std::optional<Result<Date>> date;
    RowDay day;
    day.day.date = kPlaceholderDate;  // until the row's date is known to be good
    if (!date_text.empty() && !first_non_utf8_byte(date_text)) {
      date = date_value(date_text);
      if (*date) day.day.date = **date;
    }
    CrewInput person_cells;
    Production production_cells;
    std::vector<RowValue> person_values;
    std::vector<RowValue> production_values;
    // A cell beyond the header first: it shifts every cell before it, and explains their complaints.
    for (std::size_t i = columns_.size(); i < row.cells.size(); ++i) {
      const Cell& cell = row.cells[i];
      if (cell.text.empty()) continue;
      return tl::unexpected(place(
          cell.line, i, "found " + shown(cell.text) + " beyond the last column of the header, which has " +
                            std::to_string(columns_.size()) + " columns; expected at most " +
                            std::to_string(columns_.size()) +
                            " cells on a row (is a cell with a comma missing its quotes, like \"Tremblay, Marie\"?)"));
    }
    // Then each cell alone, left to right, so that the first complaint is the leftmost.
    for (std::size_t i = 0; i < std::min(row.cells.size(), columns_.size()); ++i) {
      const Cell& cell = row.cells[i];
      if (auto bad = first_non_utf8_byte(cell.text)) return tl::unexpected(place(cell.line, i, not_utf8_complaint(cell.text, *bad)));
      if (cell.text.empty()) continue;
      if (!columns_[i]) {
        return tl::unexpected(place(cell.line, i, "found " + shown(cell.text) +
                                                       " in a column with no name in the header; expected a name for "
                                                       "the column in the header, or an empty cell"));
      }
      const Column& column = *columns_[i];
      switch (level_of(column.field)) {
        case Level::person: {
          auto canonical = read_person_value(column.field, cell.text, person_cells);
          if (!canonical) return tl::unexpected(place(cell.line, i, canonical.error().message));
          person_values.push_back({column.field, i, *canonical});
          break;
        }
        case Level::production: {
          auto canonical = read_production_value(column.field, cell.text, production_cells);
          if (!canonical) return tl::unexpected(place(cell.line, i, canonical.error().message));
          production_values.push_back({column.field, i, *canonical});
          break;
        }
        case Level::day: {
          if (column.field == Field::date) {
            if (!*date) return tl::unexpected(place(cell.line, i, date->error().message));
            break;
          }
          if (!day.first_cell) day.first_cell = i;
          auto read = read_day_value(column.field, column.meal, cell.text, i, day);
          if (!read) return tl::unexpected(place(cell.line, i, read.error().message));
          break;
        }
      }
    }
    // Then the row as a whole.
    const std::size_t id_cell = cell_of(Field::id);
    const std::string& id = text_at(row, id_cell);
    if (id.empty()) {
      return tl::unexpected(place(line_at(row, id_cell), id_cell,
                                  "found an empty cell; expected the person's id, like \"E-001\", on each of their rows"));
    }
    if (batch_.crew.size() == limits::kMaxPeoplePerBatch && !person_of_id_.contains(id)) {
      return tl::unexpected(place(line_at(row, id_cell), id_cell,
                                  "found more than " + std::to_string(limits::kMaxPeoplePerBatch) +
                                      " people; expected at most " + std::to_string(limits::kMaxPeoplePerBatch) +
                                      " in one file (split a larger payroll into several files)"));
    }
    auto [known, is_new] = person_of_id_.try_emplace(id, batch_.crew.size());
    if (is_new) {
      batch_.crew.emplace_back();
      people_.push_back({row.line, {}});
      if (places_ != nullptr) {
        places_->person_line.push_back(row.line);
        places_->day_line.emplace_back();
        places_->person_id.push_back(id);
      }
    }
    CrewInput& person = batch_.crew[known->second];
    PersonRecord& record = people_[known->second];
    for (const auto& value : person_values) {
      auto merged = merge(row, value, record.given, "for " + shown(id),
                          "a person's columns must agree on all their rows",
                          [&](const std::string& text) { return read_person_value(value.field, text, person); });
      if (!merged) return merged;
    }
    for (const auto& value : production_values) {
      auto merged = merge(row, value, production_given_, "", "production columns must agree on every row",
                          [&](const std::string& text) { return read_production_value(value.field, text, batch_.production); });
      if (!merged) return merged;
    }
    if (date_text.empty()) {
      if (day.first_cell) {
        return tl::unexpected(place(
            line_at(row, date_cell), date_cell,
            "found an empty cell, but the row has day columns filled (" + columns_[*day.first_cell]->name +
                " in column " + std::to_string(*day.first_cell + 1) +
                "); expected the day's date YYYY-MM-DD, or no day columns on a row that only lists the person"));
      }
      return {};
    }
    if (person.days.size() == limits::kMaxDaysPerPerson) {
      return tl::unexpected(place(line_at(row, date_cell), date_cell,
                                  "found more than " + std::to_string(limits::kMaxDaysPerPerson) + " days for " +
                                      shown(id) + "; expected at most " + std::to_string(limits::kMaxDaysPerPerson) +
                                      " days for one person in one file"));
    }
    auto finished = finish_day(row, day);
    if (!finished) return tl::unexpected(finished.error());
    person.days.push_back(std::move(*finished));
    if (places_ != nullptr) places_->day_line[known->second].push_back(row.line);
    return {};
  }

  // Takes a person or production value of this row: the first time it is given it is set,
  // afterwards it must mean the same.
  template <class Set>
  Result<void> merge(const Record& row, const RowValue& value, GivenFields& given, const std::string& whose,
                     const std::string& rule, Set set) {
    const std::string& text = row.cells[value.cell_index].text;
    const std::size_t line = row.cells[value.cell_index].line;
    auto& first = given[index_of(value.field)];
    if (!first) {
      first = Given{line, value.cell_index, text, value.canonical};
      auto set_value = set(text);
      if (!set_value) return tl::unexpected(place(line, value.cell_index, set_value.error().message));
      return {};
    }
    if (first->canonical == value.canonical) return {};
    return tl::unexpected(place(line, value.cell_index,
                                "found " + shown(text) + (whose.empty() ? "" : " " + whose) + "; expected " +
                                    shown(first->text) + " as on row " + std::to_string(first->line) + " (" + rule +
                                    "; leave the cell empty to repeat it)"));
  }

  Result<DayInput> finish_day(const Record& row, RowDay& cells) {
    DayInput day = std::move(cells.day);
    for (const auto& [meal, slot] : cells.meals) {
      const auto start_cell = meal_cells_.find({meal, Field::meal_start});
      const auto end_cell = meal_cells_.find({meal, Field::meal_end});
      if (slot.start && slot.end) {
        day.meals.push_back({*slot.start, *slot.end, slot.shot_in_progress.value_or(false)});
      } else if (slot.start || slot.end) {
        const bool has_start = slot.start.has_value();
        const auto& missing = has_start ? end_cell : start_cell;
        const std::size_t given_cell = has_start ? slot.start_cell : slot.end_cell;
        const std::string given_name = columns_[given_cell]->name;
        const std::string missing_what = has_start ? "the time meal " + std::to_string(meal) + " ended"
                                                   : "the time meal " + std::to_string(meal) + " began";
        const std::string given_text = shown(text_at(row, given_cell));
        if (missing == meal_cells_.end()) {
          return tl::unexpected(place(line_at(row, given_cell), given_cell,
                                      "found " + given_text + ", but the header has no " +
                                          meal_column_name(meal, has_start ? "end" : "start") + " column; expected " +
                                          missing_what + " in that column"));
        }
        return tl::unexpected(place(line_at(row, missing->second), missing->second,
                                    "found an empty cell; expected " + missing_what + " (" + given_name + " is " +
                                        given_text + ")"));
      } else if (slot.shot_in_progress.value_or(false)) {
        const std::size_t cell = slot.shot_in_progress_cell;
        return tl::unexpected(place(line_at(row, cell), cell,
                                    "found " + shown(text_at(row, cell)) + ", but meal " + std::to_string(meal) +
                                        " has no start or end; expected " + meal_column_name(meal, "start") + " and " +
                                        meal_column_name(meal, "end") + " for the break, or an empty cell"));
      }
    }
    day.distant = cells.distant;
    if (day.worked) {
      for (const Field field : {Field::call, Field::wrap}) {
        if ((field == Field::call ? day.call : day.wrap).has_value()) continue;
        const std::size_t cell = cell_of(field);
        return tl::unexpected(place(line_at(row, cell), cell,
                                    "found an empty cell; expected the " + std::string(field_name(field)) +
                                        " time of a worked day, like \"07:00\" (or worked = false)"));
      }
    }
    return day;
  }

  Result<void> finish() {
    if (!first_row_line_) {
      return fail(file_ + ": found a header but no timecard rows; expected one row per person-day after the header");
    }
    if (!production_given_[index_of(Field::agreement)]) {
      const std::size_t cell = cell_of(Field::agreement);
      return tl::unexpected(place(*first_row_line_, cell,
                                  "found an empty cell on every row; expected the agreement id, like \"dgc-quebec\""));
    }
    for (std::size_t p = 0; p < batch_.crew.size(); ++p) {
      const CrewInput& person = batch_.crew[p];
      const PersonRecord& record = people_[p];
      const std::string whose = " of " + shown(person.id);
      const std::array<std::pair<Field, std::string_view>, 3> required = {{
          {Field::classification, "a classification of the agreement, like \"1st Assistant Director\""},
          {Field::basis, "daily or weekly"},
          {Field::rate, "the contracted rate, like \"755.00\""},
      }};
      for (const auto& [field, expected] : required) {
        if (record.given[index_of(field)]) continue;
        return tl::unexpected(place(record.first_line, cell_of(field),
                                    "found an empty cell on every row" + whose + "; expected " + std::string(expected)));
      }
      const auto& start = record.given[index_of(Field::engagement_start)];
      const auto& end = record.given[index_of(Field::engagement_end)];
      if (start.has_value() != end.has_value()) {
        const Field missing = start ? Field::engagement_end : Field::engagement_start;
        const auto cell = cell_of_[index_of(missing)];
        const std::string complaint = "found an empty cell on every row" + whose + "; expected the " +
                                      (start ? "last" : "first") + " day of the engagement, since " +
                                      std::string(field_name(start ? Field::engagement_start : Field::engagement_end)) +
                                      " is given (or leave both empty)";
        if (cell) return tl::unexpected(place(record.first_line, *cell, complaint));
        const Given& given = start ? *start : *end;
        return tl::unexpected(place(given.line, given.cell_index,
                                    "found " + shown(given.text) + ", but the header has no " +
                                        std::string(field_name(missing)) + " column; expected both ends of the engagement"));
      }
      if (start && person.engagement->end < person.engagement->start) {
        return tl::unexpected(place(end->line, end->cell_index,
                                    "found " + shown(end->text) + ", before engagement_start " + shown(start->text) +
                                        " (row " + std::to_string(start->line) + "); expected an end on or after the start"));
      }
    }
    return {};
  }

  struct PersonRecord {
    std::size_t first_line;
    GivenFields given;
  };

  std::string_view text_;
  std::string file_;
  CsvPlaces* places_;  // may be null
  std::vector<std::optional<Column>> columns_;  // by cell index; empty for a column with no name
  std::array<std::optional<std::size_t>, kFieldCount> cell_of_{};  // the cell index of each column but meals
  std::map<std::pair<int, Field>, std::size_t> meal_cells_;          // the cell index of each meal column
  std::optional<std::size_t> first_row_line_;
  Batch batch_;
  std::vector<PersonRecord> people_;  // beside batch_.crew
  std::unordered_map<std::string, std::size_t> person_of_id_;
  GivenFields production_given_{};
};

// ---------------------------------------------------------------------------------------------
// Writing.

std::string optional_time(const std::optional<ClockTime>& time, Date day) {
  return time ? timecard_time(*time, day) : std::string();
}

std::string cell_text(const Column& column, const Production& production, const CrewInput& person, const DayInput* day) {
  switch (column.field) {
    case Field::id: return person.id;
    case Field::name: return person.name;
    case Field::classification: return person.classification;
    case Field::category: return person.category;
    case Field::basis: return name_of(kRateBasisNames, person.basis);
    case Field::rate: return person.rate.to_string();
    case Field::engagement_start: return person.engagement ? to_string(person.engagement->start) : "";
    case Field::engagement_end: return person.engagement ? to_string(person.engagement->end) : "";
    case Field::production_gross_to_date: return person.production_gross_to_date.to_string();
    case Field::permit_fee_paid_by: return name_of(kPermitFeePayerNames, person.permit_fee_paid_by);
    case Field::days_off_in_lieu: return joined(person.days_off_in_lieu, date_text);
    case Field::title: return production.title;
    case Field::agreement: return production.agreement;
    case Field::production_type: return production.production_type;
    case Field::week_starts_on: return weekday_name(production.week_starts_on);
    case Field::time_zone: return production.time_zone;
    case Field::regular_days_off:
      return production.regular_days_off.empty() ? std::string(kNoItems) : joined(production.regular_days_off, weekday_name);
    case Field::declared_holidays: return joined(production.declared_holidays, date_text);
    default: break;
  }
  if (day == nullptr) return {};
  const std::size_t meal = static_cast<std::size_t>(column.meal);
  const engine::MealBreak* slot = meal >= 1 && meal <= day->meals.size() ? &day->meals[meal - 1] : nullptr;
  switch (column.field) {
    case Field::date: return to_string(day->date);
    case Field::worked: return boolean_text(day->worked);
    case Field::call: return optional_time(day->call, day->date);
    case Field::wrap: return optional_time(day->wrap, day->date);
    case Field::meal_start: return slot ? timecard_time(slot->start, day->date) : "";
    case Field::meal_end: return slot ? timecard_time(slot->end, day->date) : "";
    case Field::meal_shot_in_progress: return slot ? boolean_text(slot->shot_in_progress) : "";
    case Field::general_crew_call: return optional_time(day->general_crew_call, day->date);
    case Field::ndb: return boolean_text(day->ndb);
    case Field::snack: return optional_time(day->snack, day->date);
    case Field::location: return name_of(kLocationNames, day->location);
    case Field::zone_departure: return optional_time(day->zone_departure, day->date);
    case Field::zone_return: return optional_time(day->zone_return, day->date);
    case Field::distant_currency: return day->distant ? day->distant->currency : "";
    case Field::distant_meals_provided:
      return day->distant ? joined(day->distant->meals_provided, [](const std::string& meal_name) { return meal_name; }) : "";
    case Field::distant_beyond_one_hour_drive: return day->distant ? boolean_text(day->distant->beyond_one_hour_drive) : "";
    case Field::premium_approved: return boolean_text(day->premium_approved);
    case Field::reduced_weekend_rest: return boolean_text(day->reduced_weekend_rest);
    default: return {};
  }
}

}  // namespace

Result<Batch> read_batch_csv(std::string_view text, const std::string& file_name, CsvPlaces* places) {
  if (places != nullptr) *places = CsvPlaces{};
  return CsvBatchReader(text, file_name, places).read();
}

namespace {

// The CSV column of a field path below a person or a day: "rate.amount" → "rate",
// "meals[1].end" → "meal2_end", "distant.currency" → "distant_currency".
std::string column_of_field(const std::string& field) {
  static const std::regex kMeal(R"(meals\[(\d+)\](?:\.(start|end|shot_in_progress))?)");
  std::smatch meal;
  if (std::regex_match(field, meal, kMeal)) {
    return "meal" + std::to_string(std::stoul(meal[1].str()) + 1) + "_" + (meal[2].matched ? meal[2].str() : "start");
  }
  if (field == "rate.amount" || field == "rate") return "rate";
  if (field == "rate.basis") return "basis";
  if (field == "engagement" || field == "engagement.start") return "engagement_start";
  if (field == "engagement.end") return "engagement_end";
  if (field.starts_with("days_off_in_lieu")) return "days_off_in_lieu";
  if (field.starts_with("distant.")) return "distant_" + field.substr(std::string("distant.").size());
  if (field == "distant") return "distant_currency";
  const auto bracket = field.find('[');
  return bracket == std::string::npos ? field : field.substr(0, bracket);
}

}  // namespace

std::string place_in_csv(const std::string& message, const CsvPlaces& places) {
  static const std::regex kCrew(R"(^crew\[(\d+)\](?:\.days\[(\d+)\])?(?:\.([^:]+))?: ([\s\S]*)$)");
  static const std::regex kProduction(R"(^(production\.[a-z_]+)(?:\[\d+\])?: ([\s\S]*)$)");
  const auto at = [&](std::size_t line, const std::string& column, const std::string& who, const std::string& rest) {
    const auto found = places.column_of.find(column);
    std::string out = places.file + ":" + std::to_string(line);
    if (found != places.column_of.end()) out += ":" + std::to_string(found->second);
    return out + ": " + column + who + ": " + rest;
  };
  std::smatch match;
  if (std::regex_match(message, match, kProduction)) {
    if (places.first_row_line == 0) return message;
    return at(places.first_row_line, match[1].str(), "", match[2].str());
  }
  if (!std::regex_match(message, match, kCrew)) return message;
  const std::size_t person = std::stoul(match[1].str());
  if (person >= places.person_line.size()) return message;
  std::size_t line = places.person_line[person];
  if (match[2].matched) {
    const std::size_t day = std::stoul(match[2].str());
    if (day >= places.day_line[person].size()) return message;
    line = places.day_line[person][day];
  }
  const std::string column = match[3].matched ? column_of_field(match[3].str()) : (match[2].matched ? "date" : "id");
  return at(line, column, " (" + places.person_id[person] + ")", match[4].str());
}

std::string write_batch_csv(const Batch& batch) {
  std::size_t meal_slots = kMealSlotsWritten;
  for (const auto& person : batch.crew) {
    for (const auto& day : person.days) meal_slots = std::max(meal_slots, day.meals.size());
  }
  const std::vector<Column> columns = layout(meal_slots);
  std::vector<std::string> cells;
  for (const auto& column : columns) cells.push_back(column.name);
  std::string out = csv_row(cells);
  auto write_row = [&](const CrewInput& person, const DayInput* day) {
    for (std::size_t i = 0; i < columns.size(); ++i) cells[i] = cell_text(columns[i], batch.production, person, day);
    out += csv_row(cells);
  };
  for (const auto& person : batch.crew) {
    if (person.days.empty()) write_row(person, nullptr);
    for (const auto& day : person.days) write_row(person, &day);
  }
  return out;
}

}  // namespace plateau::io
