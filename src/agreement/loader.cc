// Reading one agreement version file into an Agreement, strictly (see registry.h and
// docs/agreement-format.md): every key is known, present when required, in its unit, and every
// reference (department, cap) resolves. All errors of a file are reported at once.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "agreement/lookup.h"
#include "agreement/registry.h"
#include "agreement/toml_reader.h"
#include "agreement/units.h"
#include "core/limits.h"

namespace plateau::agreement {

using plateau::to_string;  // dates, beside the enum names of agreement.h
namespace {

using detail::Diagnostics;
using detail::TableReader;

// A citation read from `table`, and whether its article needs escaping, found once here rather
// than in every line of output that cites it.
Citation read_citation(TableReader& table) {
  Citation citation = table.citation();
  citation.article_escapes = escapes_of(citation.article);
  return citation;
}

// A name in both languages read from `table`'s `key`, and whether each needs escaping.
Text read_bilingual(TableReader& table, std::string_view key) {
  Text text = table.bilingual(key);
  text.en_escapes = escapes_of(text.en);
  text.fr_escapes = escapes_of(text.fr);
  return text;
}

// The word the sheet prints where a figure does not apply.
constexpr std::string_view kNotApplicable = "N/A";
// Written as an encroachment tier's `rest_below`: the shortfall below the applicable minimum rest.
constexpr std::string_view kApplicableMinimum = "minimum";
constexpr std::string_view kPermitFeeCode = "permit_fee";
constexpr std::int64_t kLastMonth = 12;
constexpr std::int64_t kMaxWeekOfMonth = 5;
constexpr int kLeapYear = 2000;  // to check a month/day such as February 29 against every year
constexpr std::size_t kCurrencyCodeLength = 3;

// The pay line codes of the payroll output (docs: payroll-io.md) that premium approval may name.
constexpr std::array<std::string_view, 11> kPayLineCodes = {
    "daily_rate", "weekly_rate", "sixth_day",  "seventh_day",      "holiday_worked",           "overtime",
    "turnaround", "rest_period", "meal_penalty", "holiday_unworked", "holiday_day_off_not_given"};

constexpr std::array<DayKind, 3> kDayKinds = {DayKind::first_five, DayKind::sixth, DayKind::seventh};

bool is_agreement_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; });
}

bool is_currency_code(std::string_view code) {
  return code.size() == kCurrencyCodeLength &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

class Loader {
 public:
  Loader(const toml::table& root, Diagnostics& diagnostics, const detail::VersionExpectation* expected)
      : root_(root, "", diagnostics), expected_(expected) {}

  Agreement load() {
    read_metadata();
    read_departments();
    read_classifications();
    read_overtime();
    read_day_rates();
    read_meals();
    read_rest();
    read_holidays();
    read_locations();
    read_premium_approval();
    read_caps();
    read_categories();
    index_contribution_codes();
    read_sales_taxes();
    read_provisions();
    read_interpretations();
    root_.done();
    return std::move(out_);
  }

 private:
  void read_metadata() {
    auto meta = root_.table("metadata");
    if (!meta) return;
    out_.id = meta->text("id");
    if (!out_.id.empty() && !is_agreement_id(out_.id)) {
      meta->error_at(meta->table().get("id"), "id",
                     "expected lower-case letters, digits, '-' and '_', like \"dgc-quebec\"; found \"" + out_.id + "\"");
    }
    out_.title = read_bilingual(*meta, "title");
    out_.parties = meta->text_list("parties");
    out_.effective = meta->date("effective");
    check_expectation(*meta);
    out_.currency = currency(*meta, "currency");
    out_.source_document = meta->text("source_document");
    out_.note = meta->optional_text("note").value_or("");
    out_.production_types = meta->text_list("production_types");
    if (out_.production_types.empty() && meta->has("production_types")) {
      meta->error_at(meta->table().get("production_types"), "production_types",
                     "expected at least one production type, like \"theatrical\"; found an empty array");
    }
    meta->done();
  }

  // The registry's layout: the directory is the id, the file name the effective date.
  void check_expectation(TableReader& meta) {
    if (expected_ == nullptr) return;
    if (!out_.id.empty() && out_.id != expected_->id) {
      meta.error_at(meta.table().get("id"), "id",
                    "expected \"" + expected_->id + "\", the name of the directory the file is in; found \"" + out_.id + "\"");
    }
    const toml::node* effective = meta.table().get("effective");
    if (effective != nullptr && (effective->is_date() || effective->is_string()) && out_.effective != expected_->effective &&
        parse_date(effective->is_string() ? effective->as_string()->get() : to_string(out_.effective))) {
      meta.error_at(effective, "effective",
                    "expected " + to_string(expected_->effective) + ", the date in the file name; found " +
                        to_string(out_.effective));
    }
  }

  std::string currency(TableReader& reader, std::string_view key) {
    std::string code = reader.text(key);
    if (!code.empty() && !is_currency_code(code)) {
      reader.error_at(reader.table().get(key), key,
                      "expected a three-letter currency code, like \"CAD\"; found \"" + code + "\"");
    }
    return code;
  }

  void read_departments() {
    auto departments = root_.table("department");
    if (!departments) return;
    for (const auto& [id, node] : departments->entries()) {
      auto table = detail::as_table(*node, departments->path_of(id), departments->diagnostics());
      if (!table) continue;
      Department department;
      department.id = id;
      department.name = read_bilingual(*table, "name");
      read_department_overtime(*table, department);
      table->done();
      out_.departments.push_back(std::move(department));
    }
  }

  void read_department_overtime(TableReader& table, Department& department) {
    auto overtime = table.table("overtime");
    if (!overtime) return;
    const bool has_tiers = !overtime->table().empty();
    if (has_tiers) {
      for (const DayKind kind : kDayKinds) {
        std::vector<OvertimeTier> tiers;
        for (TableReader& tier_table : overtime->table_array(to_string(kind), false)) {
          OvertimeTier tier;
          tier.after = tier_table.duration("after");
          tier.multiplier = tier_table.factor("multiplier");
          tier.citation = read_citation(tier_table);
          if (!tiers.empty() && tier.after <= tiers.back().after) {
            tier_table.error_at(tier_table.table().get("after"), "after",
                                "expected tiers in increasing order of `after`; found " + format_duration(tier.after) +
                                    " after " + format_duration(tiers.back().after));
          }
          tier_table.done();
          tiers.push_back(std::move(tier));
        }
        department.overtime[kind] = std::move(tiers);
      }
      overtime->done();
      if (table.has("no_overtime")) {
        table.optional("no_overtime");
        table.error_at(table.table().get("no_overtime"), "no_overtime",
                       "expected no `no_overtime` table for a department with overtime tiers; found a table");
      }
      return;
    }
    overtime->done();
    auto none = table.table("no_overtime");
    if (!none) return;
    department.no_overtime_citation = read_citation(*none);
    none->done();
  }

  void read_classifications() {
    std::set<std::string> ids;
    std::set<std::string> names;
    for (TableReader& table : root_.table_array("classification", false)) {
      Classification classification;
      classification.id = table.identifier("id");
      classification.name = table.text("name");
      classification.name_fr = table.text("name_fr");
      classification.department = table.identifier("department");
      classification.citation = read_citation(table);
      if (!classification.id.empty() && !ids.insert(classification.id).second) {
        table.error_at(table.table().get("id"), "id", "duplicate classification id \"" + classification.id + "\"");
      }
      if (!classification.name.empty() && !names.insert(normalise_name(classification.name)).second) {
        table.error_at(table.table().get("name"), "name",
                       "two classifications have the name \"" + classification.name +
                           "\" once case, spaces and punctuation are ignored");
      }
      if (!classification.department.empty() && out_.department(classification.department) == nullptr) {
        std::string known;
        for (const Department& department : out_.departments) known += (known.empty() ? "" : ", ") + department.id;
        table.error_at(table.table().get("department"), "department",
                       "unknown department \"" + classification.department + "\"; expected one of the [department] tables: " +
                           known);
      }
      read_minimums(table, classification);
      table.done();
      out_.classifications.push_back(std::move(classification));
    }
    index_classification_names();
  }

  // Names to classifications, the first that has a name winning, as find_classification's scan of
  // the list in order did.
  void index_classification_names() {
    for (std::size_t index = 0; index < out_.classifications.size(); ++index) {
      const Classification& classification = out_.classifications[index];
      for (const std::string* name : {&classification.name, &classification.id, &classification.name_fr}) {
        out_.classification_names.exact.emplace(*name, index);
        out_.classification_names.normalised.emplace(normalise_name(*name), index);
      }
    }
  }

  void read_minimums(TableReader& table, Classification& classification) {
    auto minimums = table.table("minimums");
    if (!minimums) return;
    for (const std::string& type : out_.production_types) {
      auto rates = minimums->table(type);
      if (!rates) continue;
      MinimumRates minimum;
      minimum.weekly = rates->money("weekly");
      minimum.daily = rates->money_or_absent("daily", kNotApplicable);
      rates->done();
      classification.minimums[type] = minimum;
    }
    minimums->done();
  }

  void read_overtime() {
    auto overtime = root_.table("overtime");
    if (!overtime) return;
    OvertimeRules& rules = out_.overtime;
    rules.increment = positive_duration(*overtime, "increment");
    rules.round_up = overtime->flag("round_up");
    rules.daily_divisor = overtime->count("daily_divisor", 1);
    rules.weekly_divisor = overtime->count("weekly_divisor", 1);
    rules.day_rate_divisor = overtime->count("day_rate_divisor", 1);
    rules.citation = read_citation(*overtime);
    if (auto meal_breaks = overtime->table("meal_breaks")) {
      rules.meal_breaks_are_work = meal_breaks->flag("are_work");
      rules.meal_breaks_citation = read_citation(*meal_breaks);
      meal_breaks->done();
    }
    if (auto long_day = overtime->table("long_day")) {
      rules.long_day_threshold = long_day->duration("threshold");
      rules.long_day_citation = read_citation(*long_day);
      long_day->done();
    }
    overtime->done();
  }

  Duration positive_duration(TableReader& reader, std::string_view key) {
    const Duration value = reader.duration(key);
    if (reader.has(key) && reader.table().get(key)->is_string() && value <= Duration::zero() &&
        parse_duration(reader.table().get(key)->as_string()->get())) {
      reader.error_at(reader.table().get(key), key,
                      "expected a duration longer than zero; found \"" + format_duration(value) + "\"");
    }
    return value;
  }

  DayRate day_rate(TableReader& parent, std::string_view key) {
    DayRate rate;
    auto table = parent.table(key);
    if (!table) return rate;
    rate.multiplier = table->factor("multiplier");
    rate.citation = read_citation(*table);
    table->done();
    return rate;
  }

  void read_day_rates() {
    auto rates = root_.table("day_rates");
    if (!rates) return;
    out_.day_rates.weekly_days = rates->count("weekly_days", 1);
    out_.day_rates.sixth = day_rate(*rates, "sixth");
    out_.day_rates.seventh = day_rate(*rates, "seventh");
    out_.day_rates.holiday = day_rate(*rates, "holiday");
    rates->done();
  }

  void read_meals() {
    auto meals = root_.table("meals");
    if (!meals) return;
    MealRules& rules = out_.meals;
    rules.first_within = positive_duration(*meals, "first_within");
    rules.next_within = positive_duration(*meals, "next_within");
    rules.minimum_break = meals->duration("minimum_break");
    rules.penalty = meals->money("penalty");
    rules.max_per_day = meals->money("max_per_day");
    rules.citation = read_citation(*meals);
    if (auto exception = meals->table("exception")) {
      rules.first_within_after_general_call = positive_duration(*exception, "first_within_after_general_call");
      rules.snack_before_meal = exception->duration("snack_before_meal");
      rules.exception_citation = read_citation(*exception);
      exception->done();
    }
    if (auto grace = meals->table("grace")) {
      rules.shot_in_progress_grace = grace->duration("shot_in_progress");
      rules.grace_citation = read_citation(*grace);
      grace->done();
    }
    meals->done();
  }

  void read_rest() {
    auto rest = root_.table("rest");
    if (!rest) return;
    RestRules& rules = out_.rest;
    if (auto between = rest->table("between_days")) {
      rules.between_days = between->duration("minimum");
      rules.between_days_citation = read_citation(*between);
      between->done();
    }
    for (TableReader& table : rest->table_array("after_long_day", true)) {
      LongDayRest long_day;
      long_day.day_longer_than = table.duration("day_longer_than");
      long_day.minimum = table.duration("minimum");
      long_day.citation = read_citation(table);
      table.done();
      rules.after_long_day.push_back(std::move(long_day));
    }
    std::set<std::pair<std::int64_t, bool>> weekly_kinds;
    for (TableReader& table : rest->table_array("weekly", true)) {
      WeeklyRest weekly;
      weekly.days_worked = static_cast<int>(table.count("days_worked", 1));
      weekly.requires_holiday_long_weekend = table.flag("requires_holiday_long_weekend");
      if (table.has("reducible")) weekly.reducible = table.flag("reducible");
      weekly.minimum = table.duration("minimum");
      weekly.citation = read_citation(table);
      if (!weekly_kinds.insert({weekly.days_worked, weekly.requires_holiday_long_weekend}).second) {
        table.error_at(table.table().get("days_worked"), "days_worked",
                       "a weekly rest for " + std::to_string(weekly.days_worked) +
                           " days worked is already given (with the same requires_holiday_long_weekend)");
      }
      table.done();
      rules.weekly.push_back(std::move(weekly));
    }
    if (auto reduction = rest->optional_table("weekend_reduction")) {
      rules.weekend_reduction = positive_duration(*reduction, "reduction");
      rules.weekend_reductions_per_cycle = static_cast<int>(reduction->count("occasions_per_cycle", 1));
      rules.cycle_weeks = static_cast<int>(reduction->count("cycle_weeks", 1));
      rules.weekend_reduction_notice = reduction->duration("notice");
      rules.weekend_reduction_citation = read_citation(*reduction);
      reduction->done();
    }
    if (auto encroachment = rest->table("encroachment")) read_encroachment(*encroachment, rules);
    rest->done();
  }

  void read_encroachment(TableReader& table, RestRules& rules) {
    rules.encroachment_increment = positive_duration(table, "increment");
    rules.encroachment_round_up = table.flag("round_up");
    rules.daily_divisor = table.count("daily_divisor", 1);
    rules.weekly_divisor = table.count("weekly_divisor", 1);
    for (TableReader& tier_table : table.table_array("tier", false)) {
      EncroachmentTier tier;
      const toml::node* below = tier_table.table().get("rest_below");
      if (below != nullptr && below->is_string() && below->as_string()->get() == kApplicableMinimum) {
        tier_table.optional("rest_below");
        if (!rules.encroachment.empty()) {
          tier_table.error_at(below, "rest_below",
                              "expected \"minimum\" only on the first tier (tiers go from the longest rest down)");
        }
      } else if (below != nullptr && below->is_string() && !parse_duration(below->as_string()->get())) {
        tier_table.optional("rest_below");
        tier_table.error_at(below, "rest_below",
                            "expected \"minimum\" or a duration like \"8h\"; found " + detail::describe(*below));
      } else {
        tier.rest_below = tier_table.duration("rest_below");
        if (!rules.encroachment.empty() && rules.encroachment.back().rest_below &&
            *tier.rest_below >= *rules.encroachment.back().rest_below) {
          tier_table.error_at(below, "rest_below",
                              "expected tiers in decreasing order of `rest_below`; found " +
                                  format_duration(*tier.rest_below) + " after " +
                                  format_duration(*rules.encroachment.back().rest_below));
        }
      }
      tier.multiplier = tier_table.factor("multiplier");
      tier.citation = read_citation(tier_table);
      tier_table.done();
      rules.encroachment.push_back(std::move(tier));
    }
    table.done();
  }

  void read_holidays() {
    auto holidays = root_.table("holidays");
    if (!holidays) return;
    std::set<std::string> ids;
    for (TableReader& table : holidays->table_array("rule", true)) {
      HolidayRule rule = holiday_rule(table);
      if (!rule.id.empty() && !ids.insert(rule.id).second) {
        table.error_at(table.table().get("id"), "id", "duplicate holiday id \"" + rule.id + "\"");
      }
      out_.holidays.rules.push_back(std::move(rule));
    }
    out_.holidays.declared_citation = citation_table(*holidays, "declared");
    out_.holidays.unworked_citation = citation_table(*holidays, "unworked");
    out_.holidays.day_off_citation = citation_table(*holidays, "day_off");
    out_.holidays.day_off_not_given_citation = citation_table(*holidays, "day_off_not_given");
    holidays->done();
  }

  HolidayRule holiday_rule(TableReader& table) {
    HolidayRule rule;
    rule.id = table.identifier("id");
    rule.name = read_bilingual(table, "name");
    rule.kind = static_cast<HolidayRuleKind>(
        table.choice("kind", {"fixed", "easter_offset", "weekday_before", "nth_weekday"}));
    const bool has_month = rule.kind != HolidayRuleKind::easter_offset;
    const bool has_day = rule.kind == HolidayRuleKind::fixed || rule.kind == HolidayRuleKind::weekday_before;
    const bool has_weekday = rule.kind == HolidayRuleKind::weekday_before || rule.kind == HolidayRuleKind::nth_weekday;
    if (has_month) rule.month = static_cast<unsigned>(bounded(table, "month", 1, kLastMonth));
    if (has_day) {
      rule.day = static_cast<unsigned>(table.count("day", 1));
      const std::chrono::year_month_day check{std::chrono::year{kLeapYear}, std::chrono::month{rule.month},
                                              std::chrono::day{rule.day}};
      if (rule.month >= 1 && !check.ok()) {
        table.error_at(table.table().get("day"), "day",
                       "expected a day that exists in month " + std::to_string(rule.month) + "; found integer " +
                           std::to_string(rule.day));
      }
    }
    if (has_weekday) rule.weekday = table.weekday("weekday");
    if (rule.kind == HolidayRuleKind::nth_weekday) rule.nth = static_cast<int>(bounded(table, "nth", 1, kMaxWeekOfMonth));
    if (rule.kind == HolidayRuleKind::easter_offset) rule.offset_days = static_cast<int>(table.integer("offset_days"));
    if (table.has("moves_when_on")) rule.moves_when_on = table.weekday("moves_when_on");
    table.optional("moves_when_on");
    rule.citation = read_citation(table);
    table.done();
    return rule;
  }

  std::int64_t bounded(TableReader& table, std::string_view key, std::int64_t low, std::int64_t high) {
    const std::int64_t value = table.count(key, low);
    if (value > high) {
      table.error_at(table.table().get(key), key,
                     "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high) +
                         "; found integer " + std::to_string(value));
    }
    return value;
  }

  Citation citation_table(TableReader& parent, std::string_view key) {
    auto table = parent.table(key);
    if (!table) return {};
    Citation citation = read_citation(*table);
    table->done();
    return citation;
  }

  void read_locations() {
    auto locations = root_.table("locations");
    if (!locations) return;
    LocationRules& rules = out_.locations;
    if (auto zone = locations->table("studio_zone")) {
      rules.studio_zone.centre_name = read_bilingual(*zone, "centre_name");
      rules.studio_zone.centre_latitude = zone->latitude("centre_latitude");
      rules.studio_zone.centre_longitude = zone->longitude("centre_longitude");
      rules.studio_zone.radius_km = to_double(zone->distance_km("radius"));
      rules.studio_zone.citation = read_citation(*zone);
      zone->done();
    }
    rules.nearby_citation = citation_table(*locations, "nearby");
    if (auto per_diem = locations->table("per_diem")) {
      rules.per_diem.home_currency = currency(*per_diem, "home_currency");
      rules.per_diem.foreign_currency = currency(*per_diem, "foreign_currency");
      if (auto incidentals = per_diem->table("incidentals")) {
        rules.per_diem.incidentals = incidentals->money("amount");
        rules.per_diem.incidentals_citation = read_citation(*incidentals);
        incidentals->done();
      }
      if (auto meals = per_diem->table("meals")) {
        rules.per_diem.meals = meals->money("amount");
        if (auto reductions = meals->table("reductions")) {
          for (const auto& [meal, node] : reductions->entries()) {
            static_cast<void>(node);
            rules.per_diem.meal_reductions[meal] = reductions->money(meal);
          }
          reductions->done();
        }
        rules.per_diem.meals_citation = read_citation(*meals);
        meals->done();
      }
      per_diem->done();
    }
    if (auto accommodation = locations->table("accommodation")) {
      rules.accommodation_day_length = accommodation->duration("day_length");
      rules.accommodation_beyond_drive = accommodation->duration("beyond_drive");
      rules.accommodation_citation = read_citation(*accommodation);
      accommodation->done();
    }
    locations->done();
  }

  // Optional: each key switches one reading of the engine; absent keys keep the default.
  void read_interpretations() {
    if (!root_.has("interpretations")) return;
    auto table = root_.table("interpretations");
    if (!table) return;
    auto& out = out_.interpretations;
    if (table->has("partial_week")) {
      out.partial_week = static_cast<PartialWeekPay>(table->choice("partial_week", {"fifth_per_day_worked", "full_week"}));
    }
    if (table->has("weekly_holiday_worked")) {
      out.weekly_holiday_worked =
          static_cast<WeeklyHolidayWorked>(table->choice("weekly_holiday_worked", {"top_up", "full_rate_on_top"}));
    }
    if (table->has("default_weekly_engagement")) {
      out.default_weekly_engagement = static_cast<DefaultWeeklyEngagement>(
          table->choice("default_weekly_engagement", {"whole_weeks", "days_given"}));
    }
    if (table->has("permit_fee_taxes_paid_by")) {
      out.permit_fee_taxes_paid_by = static_cast<PermitFeeTaxesPaidBy>(
          table->choice("permit_fee_taxes_paid_by", {"producer", "fee_payer"}));
    }
    table->done();
  }

  void read_premium_approval() {
    auto approval = root_.table("premium_approval");
    if (!approval) return;
    out_.premium_approval.premium_line_codes = approval->text_list("premium_line_codes");
    const toml::node* codes = approval->table().get("premium_line_codes");
    for (std::size_t i = 0; i < out_.premium_approval.premium_line_codes.size(); ++i) {
      const std::string& code = out_.premium_approval.premium_line_codes[i];
      if (std::find(kPayLineCodes.begin(), kPayLineCodes.end(), code) != kPayLineCodes.end()) continue;
      std::string known;
      for (const std::string_view name : kPayLineCodes) known += (known.empty() ? "" : ", ") + std::string(name);
      approval->error_at(codes->as_array()->get(i), "premium_line_codes[" + std::to_string(i) + "]",
                         "expected a pay line code (" + known + "); found \"" + code + "\"");
    }
    out_.premium_approval.citation = read_citation(*approval);
    approval->done();
  }

  void read_caps() {
    auto caps = root_.table("cap");
    if (!caps) return;
    for (const auto& [id, node] : caps->entries()) {
      auto table = detail::as_table(*node, caps->path_of(id), caps->diagnostics());
      if (!table) continue;
      Cap cap;
      cap.id = id;
      cap.per_production = table->money("per_production");
      cap.citation = read_citation(*table);
      table->done();
      out_.caps.push_back(std::move(cap));
    }
  }

  void read_categories() {
    auto categories = root_.table("category");
    if (!categories) return;
    for (const auto& [id, node] : categories->entries()) {
      auto table = detail::as_table(*node, categories->path_of(id), categories->diagnostics());
      if (!table) continue;
      Category category;
      category.id = id;
      category.name = read_bilingual(*table, "name");
      category.citation = read_citation(*table);
      if (auto contributions = table->table("contributions")) {
        for (const auto& [code, value] : contributions->entries()) {
          if (value->is_string() && value->as_string()->get() == kNotApplicable) continue;
          auto rule_table = detail::as_table(*value, contributions->path_of(code), contributions->diagnostics());
          if (!rule_table) continue;
          if (code == kPermitFeeCode) {
            category.permit_fee = permit_fee(*rule_table);
          } else {
            category.contributions.push_back(contribution(code, *rule_table));
          }
          rule_table->done();
        }
        contributions->done();
      }
      table->done();
      out_.categories.push_back(std::move(category));
    }
  }

  // Each contribution code's place in the agreement's list of codes, and each cap's place in its
  // caps: the engine works with these indices instead of comparing names per person.
  void index_contribution_codes() {
    const auto index_of = [&](std::string_view code) {
      const auto at = std::find(out_.contribution_codes.begin(), out_.contribution_codes.end(), code);
      if (at != out_.contribution_codes.end()) return static_cast<std::size_t>(at - out_.contribution_codes.begin());
      out_.contribution_codes.emplace_back(code);
      return out_.contribution_codes.size() - 1;
    };
    for (auto& category : out_.categories) {
      for (auto& rule : category.contributions) {
        rule.code_index = index_of(rule.code);
        if (!rule.cap) continue;
        const auto cap = std::find_if(out_.caps.begin(), out_.caps.end(), [&](const Cap& c) { return c.id == *rule.cap; });
        if (cap != out_.caps.end()) rule.cap_index = static_cast<std::size_t>(cap - out_.caps.begin());
      }
    }
    out_.permit_fee_code_index = index_of(kPermitFeeCode);
  }

  Payee payee(TableReader& table) {
    return static_cast<Payee>(table.choice("paid_to", {"guild", "financial_institution", "person"}));
  }

  ContributionRule contribution(const std::string& code, TableReader& table) {
    ContributionRule rule;
    rule.code = code;
    rule.name = read_bilingual(table, "name");
    rule.rate = table.factor("rate");
    rule.paid_by = static_cast<Payer>(table.choice("paid_by", {"producer", "person"}));
    rule.paid_to = payee(table);
    if (table.has("cap")) {
      rule.cap = table.text("cap");
      if (!rule.cap->empty() && out_.cap(*rule.cap) == nullptr) {
        std::string known;
        for (const Cap& cap : out_.caps) known += (known.empty() ? "" : ", ") + cap.id;
        table.error_at(table.table().get("cap"), "cap",
                       "unknown cap \"" + *rule.cap + "\"; expected one of the [cap] tables: " + known);
      }
    }
    table.optional("cap");
    rule.sales_taxes = table.flag("sales_taxes");
    rule.citation = read_citation(table);
    return rule;
  }

  PermitFee permit_fee(TableReader& table) {
    PermitFee fee;
    fee.kind = static_cast<PermitFeeKind>(
        table.choice("kind", {"per_day_capped_weekly", "per_week", "per_week_or_portion"}));
    fee.amount = table.money("amount");
    if (fee.kind == PermitFeeKind::per_day_capped_weekly) fee.weekly_cap = table.money("weekly_cap");
    fee.sales_taxes = table.flag("sales_taxes");
    fee.paid_to = payee(table);
    fee.citation = read_citation(table);
    return fee;
  }

  void read_sales_taxes() {
    for (TableReader& table : root_.table_array("sales_tax", true)) {
      SalesTaxPeriod period;
      period.from = table.date("from");
      if (table.has("until")) period.until = table.date("until");
      table.optional("until");
      period.gst = table.factor("gst");
      period.qst = table.factor("qst");
      period.qst_on_amount_plus_gst = table.flag("qst_on_amount_plus_gst");
      period.citation = read_citation(table);
      check_sales_tax_sequence(table, period);
      table.done();
      out_.sales_taxes.push_back(std::move(period));
    }
  }

  void check_sales_tax_sequence(TableReader& table, const SalesTaxPeriod& period) {
    if (period.until && *period.until < period.from) {
      table.error_at(table.table().get("until"), "until",
                     "expected a date on or after `from` (" + to_string(period.from) + "); found " +
                         to_string(*period.until));
    }
    if (out_.sales_taxes.empty()) return;
    const SalesTaxPeriod& previous = out_.sales_taxes.back();
    if (!previous.until) {
      table.error_at(table.table().get("from"), "from",
                     "the previous period has no `until`, so it holds for ever; this period overlaps it");
      return;
    }
    const Date expected = add_days(*previous.until, 1);
    if (period.from != expected) {
      table.error_at(table.table().get("from"), "from",
                     "expected " + to_string(expected) + " (the day after the previous period's until, so periods " +
                         "neither overlap nor leave a gap); found " + to_string(period.from));
    }
  }

  void read_provisions() {
    if (!root_.has("provision")) {
      root_.optional("provision");  // provisions are optional: an agreement may have none to list
      return;
    }
    std::set<std::string> ids;
    for (TableReader& table : root_.table_array("provision", true)) {
      Provision provision;
      provision.id = table.identifier("id");
      provision.name = read_bilingual(table, "name");
      provision.citation = read_citation(table);
      if (!provision.id.empty() && !ids.insert(provision.id).second) {
        table.error_at(table.table().get("id"), "id", "duplicate provision id \"" + provision.id + "\"");
      }
      table.done();
      out_.provisions.push_back(std::move(provision));
    }
  }

  TableReader root_;
  const detail::VersionExpectation* expected_;
  Agreement out_;
};

}  // namespace

namespace {

bool is_ascii(char c) { return static_cast<unsigned char>(c) < 0x80u; }

// The code point of the UTF-8 sequence at `i` and its length in bytes, or nullopt when the bytes
// there are not UTF-8.
std::optional<std::pair<char32_t, std::size_t>> utf8_at(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  char32_t code = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0u) == 0xC0u) length = 2, code = lead & 0x1Fu, minimum = 0x80;
  else if ((lead & 0xF0u) == 0xE0u) length = 3, code = lead & 0x0Fu, minimum = 0x800;
  else if ((lead & 0xF8u) == 0xF0u) length = 4, code = lead & 0x07u, minimum = 0x10000;
  else return std::nullopt;
  if (i + length > text.size()) return std::nullopt;
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if ((byte & 0xC0u) != 0x80u) return std::nullopt;
    code = (code << 6) | (byte & 0x3Fu);
  }
  constexpr char32_t kLastCodePoint = 0x10FFFF;
  constexpr char32_t kFirstSurrogate = 0xD800;
  constexpr char32_t kLastSurrogate = 0xDFFF;
  if (code < minimum || code > kLastCodePoint || (code >= kFirstSurrogate && code <= kLastSurrogate)) return std::nullopt;
  return std::pair{code, length};
}

// The text toml++ is given: the same document in ASCII alone, or "LINE:COLUMN: complaint".
//
// toml++ 3.3.0 (Debian 12) reaches __builtin_unreachable, undefined behaviour, when it asks
// whether some non-ASCII characters (U+00A1–U+0499, U+2D3E–U+3137, U+FB26–U+FEFE: 'é' among
// them) are whitespace, which it does wherever it expects whitespace or the end of a value, and
// after a backslash in a multi-line string (fuzz/regressions/agreement_toml/). So it is never
// shown a non-ASCII byte: in a double-quoted string each non-ASCII character becomes its escape
// (é → \u00E9, the same string); in a comment, spaces; anywhere else, where TOML allows none, and
// in a single-quoted (literal) string, which has no escapes, it is refused here. A column that
// toml++ reports after an escaped character on the same line counts the escape's characters.
Result<std::string> ascii_toml(std::string_view text) {
  enum class State { normal, comment, basic, literal, multi_basic, multi_literal };
  constexpr std::string_view kMultiBasic = R"(""")";
  constexpr std::string_view kMultiLiteral = R"(''')";
  State state = State::normal;
  bool escaping = false;  // in a basic string, right after a backslash
  std::size_t line = 1;
  std::size_t line_start = 0;
  std::string out;
  out.reserve(text.size());
  const auto refuse = [&](std::size_t i, const std::string& complaint) {
    return fail(std::to_string(line) + ":" + std::to_string(i - line_start + 1) + ": " + complaint);
  };
  // Where a multi-line string closed at `i` ends: up to two more quotes belong to the string.
  const auto closing_end = [&](std::size_t i, char quote) {
    std::size_t end = i + 3;
    for (int extra = 0; extra < 2 && end < text.size() && text[end] == quote; ++extra) ++end;
    return end;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!is_ascii(c)) {
      const bool in_basic = state == State::basic || state == State::multi_basic;
      if (state != State::comment && !in_basic) {
        return refuse(i, state == State::normal
                             ? "found a non-ASCII character outside a string or comment; expected TOML syntax, "
                               "which is ASCII (put text in double quotes)"
                             : "found a non-ASCII character in a single-quoted string; expected such text in double "
                               "quotes (\"…\"), which plateau reads safely");
      }
      const auto decoded = utf8_at(text, i);
      if (!decoded) return refuse(i, "found bytes that are not UTF-8; expected UTF-8 text");
      const auto [code, length] = *decoded;
      if (state == State::comment) {
        out.append(length, ' ');
      } else {
        if (escaping) return refuse(i, "found a non-ASCII character after a backslash; expected an escape like \\n");
        char escape[16];
        constexpr char32_t kLastFourDigitEscape = 0xFFFF;
        std::snprintf(escape, sizeof escape, code <= kLastFourDigitEscape ? "\\u%04X" : "\\U%08X",
                      static_cast<unsigned>(code));
        out += escape;
      }
      i += length - 1;
      continue;
    }
    out += c;
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      if (state == State::comment || state == State::basic || state == State::literal) state = State::normal;
      escaping = false;
      continue;
    }
    switch (state) {
      case State::normal:
        if (c == '#') {
          state = State::comment;
        } else if (text.substr(i, 3) == kMultiBasic || text.substr(i, 3) == kMultiLiteral) {
          state = c == '"' ? State::multi_basic : State::multi_literal;
          out.append(text.substr(i + 1, 2));
          i += 2;
        } else if (c == '"') {
          state = State::basic;
        } else if (c == '\'') {
          state = State::literal;
        }
        break;
      case State::comment:
        break;
      case State::basic:
      case State::multi_basic:
        if (escaping) {
          escaping = false;
        } else if (c == '\\') {
          escaping = true;
        } else if (state == State::basic && c == '"') {
          state = State::normal;
        } else if (state == State::multi_basic && text.substr(i, 3) == kMultiBasic) {
          const std::size_t end = closing_end(i, '"');
          out.append(text.substr(i + 1, end - i - 1));
          i = end - 1;
          state = State::normal;
        }
        break;
      case State::literal:
        if (c == '\'') state = State::normal;
        break;
      case State::multi_literal:
        if (text.substr(i, 3) == kMultiLiteral) {
          const std::size_t end = closing_end(i, '\'');
          out.append(text.substr(i + 1, end - i - 1));
          i = end - 1;
          state = State::normal;
        }
        break;
    }
  }
  return out;
}

}  // namespace

Result<Agreement> detail::load_version_text(std::string_view text, const std::string& name,
                                           const VersionExpectation* expected) {
  if (text.size() > limits::kMaxAgreementBytes) {
    return fail(name + ": " + std::to_string(text.size()) + " bytes; expected an agreement file of at most " +
                std::to_string(limits::kMaxAgreementBytes) + " bytes");
  }
  const auto ascii = ascii_toml(text);
  if (!ascii) return fail(name + ":" + ascii.error().message);
  try {
    toml::table root;
    try {
      root = toml::parse(*ascii, name);
    } catch (const toml::parse_error& error) {
      Diagnostics diagnostics(name);
      std::string what(error.description());
      diagnostics.error(error.source(), "", "invalid TOML: " + what);
      return fail(diagnostics.message());
    }
    Diagnostics diagnostics(name);
    Loader loader(root, diagnostics, expected);
    Agreement agreement = loader.load();
    if (!diagnostics.ok()) return fail(diagnostics.message());
    agreement.file = name;
    return agreement;
  } catch (const std::exception& error) {
    return fail(name + ": " + error.what());
  }
}

Result<Agreement> detail::load_version_file(const std::filesystem::path& file, const VersionExpectation* expected) {
  const std::string name = file.string();
  std::error_code code;
  if (!std::filesystem::is_regular_file(file, code)) return fail(name + ": no such agreement file");
  const auto size = std::filesystem::file_size(file, code);
  if (code) return fail(name + ": cannot read (" + code.message() + ")");
  if (size > limits::kMaxAgreementBytes) {
    return fail(name + ": " + std::to_string(size) + " bytes; expected an agreement file of at most " +
                std::to_string(limits::kMaxAgreementBytes) + " bytes");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail(name + ": cannot open");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return fail(name + ": cannot read");
  return load_version_text(text, name, expected);
}

}  // namespace plateau::agreement

namespace plateau::agreement {

Escapes escapes_of(std::string_view text) {
  constexpr unsigned char kFirstPrintable = 0x20;  // below: control characters
  const bool any = std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < kFirstPrintable || c == '"' || c == '\\';
  });
  return any ? Escapes::not_known : Escapes::none;
}

Result<Agreement> load_file(const std::filesystem::path& file) { return detail::load_version_file(file, nullptr); }

Result<Agreement> load_text(std::string_view text, const std::string& name) {
  return detail::load_version_text(text, name, nullptr);
}

}  // namespace plateau::agreement
