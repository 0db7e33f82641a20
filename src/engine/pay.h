// What plateau owes and why: pay lines, allowances, findings, per person and per batch
// (../shared/spec/payroll-io.md, "Output"). Lines are structured data; the sentences that
// explain them are rendered from these fields (explain.h), in English or French.
//
// Citations and the agreement's names are not copied into results: they point into the
// agreement the batch was computed under, so a BatchPay is valid while its Registry is alive and
// unchanged (as the CLI, the stream and the tests hold it).
#pragma once

#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "agreement/agreement.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/money.h"
#include "core/rational.h"
#include "engine/batch.h"

namespace plateau::engine {

using agreement::Text;
using plateau::to_string;  // dates, beside the to_string of codes below

enum class LineCode {
  daily_rate,
  weekly_rate,
  sixth_day,
  seventh_day,
  holiday_worked,
  overtime,
  turnaround,
  rest_period,
  meal_penalty,
  holiday_unworked,
  holiday_day_off_not_given,
};

enum class AllowanceCode { per_diem_incidentals, per_diem_meals };

enum class Severity { error, warning, info };

// One pay line. Its amount is, exactly until the one rounding to the cent:
//   [hours ×] base ÷ divisor × multiplier        (hourly lines have `hours` and `rate`)
//   count × base                                  (meal penalties)
// The other fields say why, so explain.h can write the derivation in words.
struct PayLine {
  // Written out, so that making one (emplace_back(), once per line) runs the member initializers
  // only: a defaulted constructor would have the whole object zero-filled first.
  PayLine() {}  // NOLINT(modernize-use-equals-default)
  Date date;
  LineCode code = LineCode::daily_rate;
  Money amount;
  const agreement::Citation* citation = &agreement::kNoCitation;  // never null
  agreement::Basis basis = agreement::Basis::daily;
  Rational base;                    // dollars the line starts from: contracted rate, 6th-day rate, penalty
  std::int64_t divisor = 1;
  Rational multiplier{1};
  std::optional<Duration> hours;    // hourly lines: the time paid
  std::optional<Rational> rate;     // hourly lines: base ÷ divisor × multiplier, per hour
  std::optional<Duration> threshold;  // overtime: work beyond this; rest: the rest required
  std::optional<Duration> upper;      // overtime: the tier ends here (the next tier's threshold)
  std::optional<Duration> actual;     // overtime: time worked; rest: the rest given
  std::int64_t count = 1;           // meal penalties: how many
  Rational base_multiplier{1};      // 6th/7th-day base of an hourly line: contracted × this (÷ weekly days)
  std::int64_t base_divisor = 1;
  bool top_up = false;              // holiday in a weekly week: the holiday rate less the fifth already paid
  bool partial_week = false;        // weekly engagement, a day of a partial week
  // The holiday the line pays, or that falls on its day, named in its explanation: the agreement's
  // name of it, kept by the agreement as `citation` is (no string is copied into a line, so a line
  // is trivially moved and destroyed). A holiday the production declared has no name in the
  // agreement: `declared_holiday` is set instead, and its name is made from the line's date
  // (declared_holiday_name), which is the holiday's. Never null: kNoText when the line names none.
  const Text* holiday_name = &agreement::kNoText;
  bool declared_holiday = false;
  // A meal penalty paid at the daily cap (the cap is `base`, `count` 1): how many late meals it
  // stands for; 0 when not capped.
  std::int64_t capped_late_meals = 0;
};

// The name of a holiday the production declared on `date` (Production::declared_holidays).
Text declared_holiday_name(Date date);

// The meals provided on a distant day, in the order its timecard lists them: views of
// kProvidedMealNames (batch.h), which normalising checks each is, once. Held in place: an allowance
// has no string or list of its own to copy, grow or free.
class ProvidedMeals {
 public:
  ProvidedMeals() = default;
  // REQUIRES: at most kProvidedMealNames.size() names, each a text that outlives the pay.
  ProvidedMeals(std::initializer_list<std::string_view> names) {
    for (const auto name : names) push_back(name);
  }
  // REQUIRES: size() < kProvidedMealNames.size().
  void push_back(std::string_view name) { names_[size_++] = name; }
  const std::string_view* begin() const { return names_.data(); }
  const std::string_view* end() const { return names_.data() + size_; }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

 private:
  std::array<std::string_view, kProvidedMealNames.size()> names_{};
  std::size_t size_ = 0;
};

struct Allowance {
  Date date;
  AllowanceCode code;
  Money amount;
  std::string_view currency;  // the agreement's home or foreign currency, which keeps its text
  const agreement::Citation* citation = &agreement::kNoCitation;  // never null
  Money full_amount;              // per diem meals before reductions
  ProvidedMeals meals_provided;  // reductions applied
};

class TextOut;  // explain.h: text written through a pointer into room made ahead of time

// How a sentence writes a text given to plateau (an agreement's names and citations, the input's
// words) into its output: as it is, or escaped for the output's format. plateau's own words and
// numbers never need escaping and are written as they are.
using AppendGivenText = void (*)(TextOut& out, std::string_view text);

// The figures of the findings found most often, from which their message is written when it is
// shown (explain.cc writes each sentence, in English or French). They hold values and pointers into
// the agreement only, never into the batch: a BatchPay outlives its batch.
//
// Each renders its sentence appended to a TextOut, the texts it was given (a holiday's name) through
// `append_given`, so that a writer of many findings (pay_json) puts it straight into its output with
// no string built for it; FindingMessage::in gives it as a string of its own.
struct MealTooShortFigures {  // meal_too_short
  ClockTime start;
  ClockTime end;
  std::int64_t minutes = 0;          // the break's length
  std::int64_t minimum_minutes = 0;  // a meal break's
  void render(bool french, TextOut& out, AppendGivenText append_given) const;
};
struct MealLateFigures {  // meal_late, a meal that began late
  std::size_t which = 0;  // its place among the day's meal breaks, from 0
  ClockTime start;
  std::int64_t minutes_late = 0;
  bool after_general_crew_call = false;  // due 6 h after general crew call rather than after call
  void render(bool french, TextOut& out, AppendGivenText append_given) const;
};
struct MealNotGivenFigures {  // meal_late, work went on past a meal's time without one
  bool first = false;  // no meal break at all that day
  std::int64_t minutes_past = 0;
  void render(bool french, TextOut& out, AppendGivenText append_given) const;
};
struct RestEncroachedFigures {  // turnaround_encroached, rest_period_encroached
  bool weekly_rest = false;
  Duration gap{0};
  Duration required{0};
  ClockTime wrap;  // of the previous day
  ClockTime call;
  void render(bool french, TextOut& out, AppendGivenText append_given) const;
};
struct HolidayPayUndeterminedFigures {  // holiday_pay_undetermined, on one of the agreement's holidays
  const Text* holiday_name = &agreement::kNoText;  // the agreement's; never null
  Date needed;  // the day the pay depends on
  void render(bool french, TextOut& out, AppendGivenText append_given) const;
};
struct AccommodationRequiredFigures {  // accommodation_required
  Duration worked{0};
  void render(bool french, TextOut& out, AppendGivenText append_given) const;
};

// A finding's message, in English and in French: either written out already, or kept as figures
// and written only when asked for, in the one language asked for. (Writing both sentences of every
// finding as it was found was a tenth of the engine's time.)
class FindingMessage {
 public:
  using Figures = std::variant<Text, MealTooShortFigures, MealLateFigures, MealNotGivenFigures, RestEncroachedFigures,
                               HolidayPayUndeterminedFigures, AccommodationRequiredFigures>;

  FindingMessage() = default;
  // NOLINTNEXTLINE(google-explicit-constructor): a finding's message is its text or its figures.
  template <typename Kind>
    requires std::is_constructible_v<Figures, Kind&&>
  FindingMessage(Kind&& figures) : figures_(std::forward<Kind>(figures)) {}

  // The message in `lang` ("en" or "fr"; any other is English), as Text::in picks it.
  std::string in(std::string_view lang) const;
  // The same, appended to `out`, the texts it was given (a name, a message written out already)
  // through `append_given`: in() is this with the texts as they are.
  void append_in(std::string_view lang, TextOut& out, AppendGivenText append_given) const;

 private:
  Figures figures_;
};

struct Finding {
  Date date;
  std::string_view code;  // turnaround_encroached, meal_late, …: the engine's own words, static text
  Severity severity = Severity::warning;
  FindingMessage message;
  const agreement::Citation* citation = &agreement::kNoCitation;  // never null
};

// A contribution the agreement sets on the person's gross for their category (retirement, health &
// welfare, …), or a permit fee for one work week. Amount, exactly until its one rounding:
//   base × rate                  (a percentage of gross; `base` is the gross within any cap)
//   min(days × fee, weekly_cap)  (permit fee per day, capped a week) or fee (per week)
struct Contribution {
  Contribution() {}  // NOLINT(modernize-use-equals-default): as PayLine's
  std::string_view code;  // retirement, health_welfare, admin_training, vacation, checkoff, permit_fee: the
                          // agreement's text (Agreement::contribution_codes)
  std::size_t code_index = 0;  // the code's place in Agreement::contribution_codes
  const Text* name = &agreement::kNoText;  // never null
  Money amount;
  agreement::Payer paid_by = agreement::Payer::producer;
  agreement::Payee paid_to = agreement::Payee::guild;
  const agreement::Citation* citation = &agreement::kNoCitation;  // never null
  bool sales_taxes = false;        // GST and QST are added on it ("plus GST & QST")
  // Percentage contributions:
  std::optional<Money> base;
  std::optional<Rational> rate;
  Money gross;                     // the batch's gross, before any cap
  std::optional<Money> cap;        // the per-production cap on the gross that bears it
  Money gross_to_date;             // gross paid before this batch on the production
  // Permit fees:
  std::optional<Date> week;        // first day of the work week
  int days = 0;                    // days worked in that week
  agreement::PermitFeeKind fee_kind = agreement::PermitFeeKind::per_week;
  Money fee;                       // $50 a day, $100 a week, …
  std::optional<Money> weekly_cap;
};

// GST or QST on a contribution marked "(plus GST & QST)", one line per tax and contribution code.
//   amount = base × rate, where base is the contribution's amount, plus the GST line's amount when
//   QST is levied on the amount plus GST (before 2013).
struct Tax {
  Tax() {}  // NOLINT(modernize-use-equals-default): as PayLine's
  std::string_view code;  // gst, qst: the engine's own words, static text
  std::string_view on;    // the contribution code taxed, the agreement's text
  std::size_t on_index = 0;  // its place in Agreement::contribution_codes
  const Text* on_name = &agreement::kNoText;  // its name; never null
  Money taxed;       // the contributions' amount
  Money gst_included;  // QST before 2013: the GST added to the base
  Money base;
  Rational rate;
  Money amount;
  Date date;         // the date the amount is owed; its rate is the one in force then
  agreement::Payer paid_by = agreement::Payer::producer;
  agreement::Payee paid_to = agreement::Payee::guild;
  const agreement::Citation* citation = &agreement::kNoCitation;  // never null
};

// A field added here is emptied too in compute.cc's reset_keeping_memory (Calculator reuses pay).
struct PersonPay {
  std::string id;
  std::string name;
  std::string classification;  // as given in the input
  std::string_view classification_name;  // as printed in the agreement: the agreement's text
  std::string_view category;             // the agreement's category id
  std::vector<PayLine> lines;
  Money gross;
  std::vector<Allowance> allowances;
  std::vector<Contribution> contributions;
  std::vector<Tax> taxes;
  Money net_pay;  // gross + contributions paid to the person − what is deducted from them
  std::vector<Finding> findings;
};

// What the producer sends to one payee for the batch, with the sum of each code.
struct RemittanceItem {
  std::string code;  // a contribution code, gst, qst (with `on`), or net_pay
  std::string on;
  Money amount;
};

struct Remittance {
  agreement::Payee paid_to = agreement::Payee::guild;
  Money amount;
  std::vector<RemittanceItem> items;
};

struct BatchPay {
  std::string agreement_id;
  std::vector<std::string> agreement_versions;  // effective dates of the versions used
  std::vector<PersonPay> crew;
  std::vector<Remittance> remittances;
  std::vector<Error> rejected;  // people left out when computing with keep_going, with why
  Money total_gross;
  Money total_net_pay;
};

// A line's amount before its one rounding: [hours ×] base ÷ divisor × multiplier × count.
Rational exact_amount(const PayLine& line);

std::string to_string(LineCode code);
std::string to_string(AllowanceCode code);
std::string to_string(Severity severity);

}  // namespace plateau::engine
