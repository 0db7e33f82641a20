// The rule book of one version of a collective agreement, as loaded from agreements/<id>/<date>.toml.
//
// Everything the pay engine needs to know about an agreement lives here as data: minimum rates,
// overtime tiers, day rates, meals, rest, holidays, locations, per diems, contributions, caps
// and sales taxes. Nothing in the engine names a figure of a particular agreement. Each rule
// carries its Citation: the article (or the sheet's heading) and the sheet's own words, so a
// pay line can say where it comes from.
//
// Durations are exact minutes, money exact cents, multipliers and percentages exact Rationals.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agreement/text_index.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/money.h"
#include "core/rational.h"

namespace plateau::agreement {

// Whether a text holds a character some output escapes (a quote, a backslash, a control
// character). The loader finds it for each of the agreement's citations and names, once, so that
// writers copy them into every line of output without scanning them for one; a text made
// elsewhere is `not_known`, and writers scan it.
enum class Escapes { not_known, none };

// Escapes::none when `text` holds no quote, backslash or control character; not_known otherwise.
Escapes escapes_of(std::string_view text);

// Where a rule comes from.
struct Citation {
  std::string article;  // "Qc 2.05", "QC4.04(a)", or the sheet's heading when it gives no article
  std::string source;   // the sheet's own words
  std::string note;     // the reading taken where the sheet is garbled or ambiguous; empty otherwise
  Escapes article_escapes = Escapes::not_known;  // set when loaded
};

// The citation of a result that has none (a default-constructed pay line): all fields empty.
inline const Citation kNoCitation{};

// A label in both languages of the agreement.
struct Text {
  std::string en;
  std::string fr;
  Escapes en_escapes = Escapes::not_known;  // set when loaded
  Escapes fr_escapes = Escapes::not_known;
  const std::string& in(const std::string& lang) const { return shown(lang == "fr"); }
  Escapes escapes_in(const std::string& lang) const { return shown_escapes(lang == "fr"); }
  // The same for a writer that knows already whether it writes French: the French text when asked
  // for and there is one, else the English.
  const std::string& shown(bool french) const { return french && !fr.empty() ? fr : en; }
  Escapes shown_escapes(bool french) const { return french && !fr.empty() ? fr_escapes : en_escapes; }
};

// The label of a result that has none: both languages empty.
inline const Text kNoText{};

enum class Basis { daily, weekly };

// The kind of a work day within a 7-day work week, for overtime tiers and day rates.
enum class DayKind { first_five, sixth, seventh };

struct MinimumRates {
  Money weekly;
  std::optional<Money> daily;  // nullopt: "N/A", no daily engagement allowed
};

struct Classification {
  std::string id;         // stable key: "first_assistant_director"
  std::string name;       // as printed: "1 st Assistant Director"
  std::string name_fr;
  std::string department; // a Department::id
  std::map<std::string, MinimumRates> minimums;  // by production type: "theatrical"
  Citation citation;
};

// Work beyond `after` hours in a day is paid at `multiplier` × the day's hourly base.
struct OvertimeTier {
  Duration after;
  Rational multiplier;
  Citation citation;
};

struct Department {
  std::string id;  // "production", "art", "accounting", "direction"
  Text name;
  // Overtime tiers for each day kind, ascending by `after`. Empty map: the agreement sets no
  // overtime rule for this department (the engine reports `no_overtime_rule` on a long day).
  std::map<DayKind, std::vector<OvertimeTier>> overtime;
  Citation no_overtime_citation;  // why there is none, when `overtime` is empty
};

struct OvertimeRules {
  Duration increment;        // 15 min: each tier's time is counted in these increments…
  bool round_up = true;      // …rounded up ("each one hour or portion thereof")
  Duration long_day_threshold;  // a day longer than this, for a department without overtime rule, is reported
  std::int64_t daily_divisor;    // hourly base of a daily engagement: contracted ÷ 8
  std::int64_t weekly_divisor;   // of a weekly engagement on the first five days: contracted ÷ 40
  std::int64_t day_rate_divisor; // on a 6th or 7th day: that day's rate ÷ 8
  bool meal_breaks_are_work = true;
  Citation citation;
  Citation meal_breaks_citation;  // why meal breaks count as work (Meal Breaks (b))
  Citation long_day_citation;     // where long_day_threshold comes from (an interpretation)
};

// A day rate: contracted daily × multiplier, or contracted weekly ÷ weekly_days × multiplier.
struct DayRate {
  Rational multiplier;
  Citation citation;
};

struct DayRates {
  std::int64_t weekly_days;  // 5: the weekly rate covers five work days
  DayRate sixth;
  DayRate seventh;
  DayRate holiday;
};

struct MealRules {
  Duration first_within;          // first meal no later than 6 h after call
  Duration next_within;           // next meal no later than 8 h after the end of the previous one
  Duration minimum_break;         // a break shorter than 30 min is no meal break
  Money penalty;                  // $20 each time…
  Money max_per_day;              // …at most $20 a day
  Duration shot_in_progress_grace;  // 10 min to complete a shot in progress
  // The exception: with a non-deductible meal before general crew call and a substantial snack
  // no more than `snack_before_meal` before the first meal, the first meal may come
  // `first_within_after_general_call` after general crew call.
  Duration first_within_after_general_call;
  Duration snack_before_meal;
  Citation citation;
  Citation exception_citation;
  Citation grace_citation;
};

// A minimum weekly rest, chosen by how many days were worked in the week that ends.
struct WeeklyRest {
  int days_worked;                  // 5, 6, 4 …
  bool requires_holiday_long_weekend = false;  // 72 h only when a holiday makes a 3-day weekend
  bool reducible = false;  // the weekend reduction may cut this rest (key `reducible`, default false)
  Duration minimum;
  Citation citation;
};

// Rest after an unusually long day (AQTIS: 12 h after a day over 16 h).
struct LongDayRest {
  Duration day_longer_than;
  Duration minimum;
  Citation citation;
};

// Encroachment premium tiers. Shortfall below `rest_below` (nullopt: the applicable minimum)
// is paid at `multiplier` × the hourly base; tiers partition the shortfall like overtime tiers.
struct EncroachmentTier {
  std::optional<Duration> rest_below;
  Rational multiplier;
  Citation citation;
};

struct RestRules {
  Duration between_days;  // 10 h
  Citation between_days_citation;
  std::vector<LongDayRest> after_long_day;
  std::vector<WeeklyRest> weekly;
  Duration weekend_reduction;           // 4 h
  int weekend_reductions_per_cycle = 0; // 2
  int cycle_weeks = 0;                  // 4
  Duration weekend_reduction_notice;    // 48 h written notice
  Citation weekend_reduction_citation;
  Duration encroachment_increment;      // ½ h, rounded up
  bool encroachment_round_up = true;
  std::int64_t daily_divisor;           // contracted ÷ 8
  std::int64_t weekly_divisor;          // contracted ÷ 40
  std::vector<EncroachmentTier> encroachment;
};

enum class HolidayRuleKind {
  fixed,           // month/day every year
  easter_offset,   // Easter Sunday + offset_days (Good Friday: −2)
  weekday_before,  // the `weekday` strictly before month/day (Victoria Day: Monday preceding May 25)
  nth_weekday,     // the nth `weekday` of month (Labour Day: 1st Monday of September)
};

struct HolidayRule {
  std::string id;  // "canada_day"
  Text name;
  HolidayRuleKind kind = HolidayRuleKind::fixed;
  unsigned month = 0;
  unsigned day = 0;
  Weekday weekday;
  int nth = 0;
  int offset_days = 0;
  // When the date is this weekday, the holiday moves to the next day (Canada Day on a Sunday).
  std::optional<Weekday> moves_when_on;
  Citation citation;
};

struct HolidayRules {
  std::vector<HolidayRule> rules;
  Citation unworked_citation;     // Unworked Holidays During Regular Work Week
  Citation day_off_citation;      // QC4.04 (a), (b)
  Citation day_off_not_given_citation;  // QC4.04 (c)
  Citation declared_citation;     // other days declared holidays by a government
};

// A holiday of a given year, resolved from its rule.
struct Holiday {
  Date date;
  std::string id;
  Text name;
  Citation citation;
};

// The holidays of each year under an agreement's rules, worked out the first time a year is asked
// for and kept: every batch asks for the same few years. Safe to share between threads. A copy
// starts empty (a copied agreement may have its rules changed); a move keeps what was worked out.
class HolidayCalendar {
 public:
  HolidayCalendar();
  ~HolidayCalendar();
  HolidayCalendar(const HolidayCalendar&);
  HolidayCalendar& operator=(const HolidayCalendar&);
  HolidayCalendar(HolidayCalendar&&) noexcept;
  HolidayCalendar& operator=(HolidayCalendar&&) noexcept;

  // The holidays of `year` under `rules` (always the same rules for one calendar), by date. The
  // reference stays valid as long as the calendar.
  const std::vector<Holiday>& year(const HolidayRules& rules, int year) const;

 private:
  struct Years;
  std::unique_ptr<Years> years_;
};

struct StudioZone {
  double centre_latitude;   // degrees; geometry only, never money or hours
  double centre_longitude;
  double radius_km;
  Text centre_name;
  Citation citation;
};

struct PerDiem {
  Money incidentals;          // $15 per distant-location day
  Money meals;                // $50 per distant-location day
  std::map<std::string, Money> meal_reductions;  // "breakfast" → 10, "lunch" → 15, "supper" → 25
  std::string home_currency;     // CAD, in Canada
  std::string foreign_currency;  // USD, in the U.S. or elsewhere
  Citation incidentals_citation;
  Citation meals_citation;
};

struct LocationRules {
  StudioZone studio_zone;
  Citation nearby_citation;       // work time from and to the studio-zone boundary
  PerDiem per_diem;
  Duration accommodation_day_length;  // a distant day of 14 h or more…
  Duration accommodation_beyond_drive;  // …beyond a one-hour drive from the zone's edge…
  Citation accommodation_citation;    // …: accommodation
};

enum class Payer { producer, person };
enum class Payee { guild, financial_institution, person };

// Caps on the per-production gross that bears a contribution.
struct Cap {
  std::string id;  // "gross_125000"
  Money per_production;
  Citation citation;
};

struct ContributionRule {
  std::string code;        // retirement, health_welfare, admin_training, vacation, checkoff
  Text name;               // the sheet's column heading: "Retirement contribution"
  Rational rate;           // 0.06
  Payer paid_by;
  Payee paid_to;
  std::optional<std::string> cap;  // a Cap::id
  bool sales_taxes = false;        // GST and QST on top
  Citation citation;
  // Resolved by the loader, so the engine finds them without comparing names:
  std::optional<std::size_t> cap_index;  // `cap`'s place in Agreement::caps
  std::size_t code_index = 0;            // `code`'s place in Agreement::contribution_codes
};

enum class PermitFeeKind {
  per_day_capped_weekly,      // $50/day capped at $200/week
  per_week,                   // $100/week
  per_week_or_portion,        // $50/week or portion thereof
};

struct PermitFee {
  PermitFeeKind kind;
  Money amount;
  std::optional<Money> weekly_cap;
  bool sales_taxes = true;
  Payee paid_to = Payee::guild;
  Citation citation;
};

struct Category {
  std::string id;  // member, permittee_non_canadian, …
  Text name;
  Citation citation;  // the row of the fringe-benefit table
  std::vector<ContributionRule> contributions;
  std::optional<PermitFee> permit_fee;
};

struct SalesTaxPeriod {
  Date from;
  std::optional<Date> until;  // inclusive; nullopt: until further notice
  Rational gst;               // 0.05
  Rational qst;               // 0.075
  bool qst_on_amount_plus_gst;  // true before 2013
  Citation citation;
};

// A provision of the agreement that sets no figure the engine computes with (craft services,
// safe transport from remote locations, …), kept so the rendering shows every rule of the sheet.
struct Provision {
  std::string id;  // "craft_services"
  Text name;
  Citation citation;
};

// Premium pay needs the producer's approval (Qc 2.09): these line codes are premium pay.
struct PremiumApproval {
  std::vector<std::string> premium_line_codes;
  Citation citation;
};

// Readings of the engine where the sheet is silent, switchable per agreement
// (`[interpretations]`, all keys optional; docs/interpretations.md, "Pay engine").
enum class PartialWeekPay { fifth_per_day_worked, full_week };
enum class WeeklyHolidayWorked { top_up, full_rate_on_top };
enum class DefaultWeeklyEngagement { whole_weeks, days_given };
enum class PermitFeeTaxesPaidBy { producer, fee_payer };

struct Interpretations {
  PartialWeekPay partial_week = PartialWeekPay::fifth_per_day_worked;
  WeeklyHolidayWorked weekly_holiday_worked = WeeklyHolidayWorked::top_up;
  DefaultWeeklyEngagement default_weekly_engagement = DefaultWeeklyEngagement::whole_weeks;
  PermitFeeTaxesPaidBy permit_fee_taxes_paid_by = PermitFeeTaxesPaidBy::producer;
};

// Each classification's printed name, French name and id, as written and normalised (lookup.h,
// normalise_name), to the place in Agreement::classifications of the first classification that
// has it. Built by the loader, so a name typed on a timecard is found by one hash look-up.
struct ClassificationNames {
  TextIndex exact;
  TextIndex normalised;
};

struct Agreement {
  std::string id;          // "dgc-quebec"
  Text title;
  std::vector<std::string> parties;
  Date effective;          // holds until the next version's date
  std::optional<Date> next_version;  // set by the registry: the date this version stops holding
  std::string currency;    // CAD
  std::string source_document;
  std::string note;        // about the version as a whole (e.g. "an invented example"); may be empty
  std::string file;        // the file this version was loaded from

  std::vector<std::string> production_types;  // "theatrical"
  std::vector<Classification> classifications;
  ClassificationNames classification_names;  // the classifications' names, for find_classification
  std::vector<Department> departments;
  OvertimeRules overtime;
  DayRates day_rates;
  MealRules meals;
  RestRules rest;
  HolidayRules holidays;
  LocationRules locations;
  PremiumApproval premium_approval;
  std::vector<Cap> caps;
  std::vector<Category> categories;
  // Every contribution code once, in the order remittances list them: the categories' tables read
  // in order, then permit fees (at permit_fee_code_index). Filled by the loader.
  std::vector<std::string> contribution_codes;
  std::size_t permit_fee_code_index = 0;
  std::vector<SalesTaxPeriod> sales_taxes;
  Interpretations interpretations;
  std::vector<Provision> provisions;
  HolidayCalendar holiday_calendar;  // `holidays` worked out by year, as asked for

  // The holidays of `year` under `holidays`, by date (holiday_calendar).
  const std::vector<Holiday>& holidays_in(int year) const { return holiday_calendar.year(holidays, year); }

  const Department* department(const std::string& id) const;
  const Category* category(const std::string& id) const;
  const Cap* cap(const std::string& id) const;
  const SalesTaxPeriod* sales_tax_on(Date date) const;
  const Classification* classification(const std::string& id) const;  // by id; nullptr when unknown
};

// The names of enum values as written in agreement files and in pay output ("first_five",
// "financial_institution", …).
std::string_view to_string(Basis basis);
std::string_view to_string(DayKind kind);
std::string_view to_string(HolidayRuleKind kind);
std::string_view to_string(Payer payer);
std::string_view to_string(Payee payee);
std::string_view to_string(PermitFeeKind kind);

}  // namespace plateau::agreement
