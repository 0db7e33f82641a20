#include "engine/rules.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <span>

#include "engine/explain.h"

namespace plateau::engine {

namespace {

using agreement::Agreement;
using agreement::Basis;
using agreement::DayKind;

Duration round_to_increment(Duration d, Duration increment, bool up) {
  if (d.count() <= 0) return Duration{0};
  const auto whole = d.count() / increment.count();
  const bool remainder = d.count() % increment.count() != 0;
  return Duration{(whole + (up && remainder ? 1 : 0)) * increment.count()};
}

// Sorts `items` stably by `less`, moving each out-of-place item once: the order is worked out on
// indices, then applied cycle by cycle. Pay lines are 224 bytes and findings carry strings, so
// a move costs far more than comparing two indices; an insertion sort of the items themselves moved
// each many times.
template <typename T, typename Less>
void sort_stable_moving_once(std::vector<T>& items, Less less) {
  if (std::is_sorted(items.begin(), items.end(), less)) return;
  // A person's lines are a few a day: their indices fit on the stack, sorted by insertion (stable,
  // no buffer); beyond that, in a vector with std::stable_sort.
  constexpr std::size_t kOnStack = 64;
  std::array<std::size_t, kOnStack> small_order;
  std::vector<std::size_t> large_order;
  if (items.size() > kOnStack) large_order.resize(items.size());
  const std::span<std::size_t> order = items.size() > kOnStack ? std::span<std::size_t>(large_order)
                                                               : std::span<std::size_t>(small_order.data(), items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto by_item = [&](std::size_t a, std::size_t b) { return less(items[a], items[b]); };
  if (items.size() > kOnStack) {
    std::stable_sort(order.begin(), order.end(), by_item);
  } else {
    for (std::size_t i = 1; i < order.size(); ++i) {
      const std::size_t moving = order[i];
      std::size_t j = i;
      for (; j > 0 && by_item(moving, order[j - 1]); --j) order[j] = order[j - 1];
      order[j] = moving;
    }
  }
  // items[i] is to receive items[order[i]]. Each cycle of the permutation: hold its first item, pull
  // the others one place along, and put the held one last.
  for (std::size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    T held = std::move(items[start]);
    std::size_t at = start;
    while (order[at] != start) {
      const std::size_t from = order[at];
      items[at] = std::move(items[from]);
      order[at] = at;
      at = from;
    }
    items[at] = std::move(held);
    order[at] = at;
  }
}

// What one person's pay is being built from, shared by the rule functions below.
class PersonRules {
 public:
  PersonRules(const NormalizedBatch& batch, const PersonTimecards& person, PersonPay& out)
      : batch_(batch), a_(*batch.agreement), person_(person), rate_(person.rate.dollars()), out_(out) {}

  void run() {
    // Pay lines are large (224 bytes of figures): room for the usual few per day, so they are
    // not moved as the vector grows.
    constexpr std::size_t kUsualLinesPerDay = 4;
    out_.lines.reserve(person_.days.size() * kUsualLinesPerDay);
    out_.id = person_.input->id;
    out_.name = person_.input->name;
    out_.classification = person_.input->classification;
    out_.classification_name = person_.classification->name;
    out_.category = person_.category->id;
    base_pay();
    for (const auto& day : person_.days) {
      if (!day.worked) continue;
      overtime(day);
      meals(day);
      accommodation(day);
    }
    rest();
    unworked_holidays();
    holidays_on_days_off();
    days_off_in_lieu_worked();
    per_diems();
    premium_approval();
    sort_stable_moving_once(out_.lines, [](const PayLine& x, const PayLine& y) {
      if (x.date != y.date) return x.date < y.date;
      return static_cast<int>(x.code) < static_cast<int>(y.code);
    });
    sort_stable_moving_once(out_.findings, [](const Finding& x, const Finding& y) { return x.date < y.date; });
    for (const auto& line : out_.lines) out_.gross += line.amount;
  }

 private:
  bool weekly() const { return person_.basis == Basis::weekly; }

  // Whether the weekly rate is paid whole for this week (a full week, or partial weeks read as whole).
  bool paid_as_full_week(const WorkWeek& week) const {
    return week.full_engagement || a_.interpretations.partial_week == agreement::PartialWeekPay::full_week;
  }

  // The contracted rate of one day: daily, or weekly ÷ weekly days.
  std::int64_t fifth_divisor() const { return weekly() ? a_.day_rates.weekly_days : 1; }

  const agreement::DayRate& day_rate(DayKind kind) const {
    return kind == DayKind::sixth ? a_.day_rates.sixth : a_.day_rates.seventh;
  }

  // A new pay line at the end of the person's lines, with the contracted rate as its base. Filled in
  // place (no copy of a large line on the way), then priced once complete; the reference holds until
  // the next line is made.
  PayLine& new_line(Date date, LineCode code, const agreement::Citation& citation) {
    PayLine& out = out_.lines.emplace_back();
    out.date = date;
    out.code = code;
    out.citation = &citation;
    out.basis = person_.basis;
    out.base = rate_;
    return out;
  }

  // The line names `holiday`: by the agreement's name, or as declared by the production.
  static void name_holiday(PayLine& line, const agreement::Holiday& holiday) {
    if (is_declared(holiday)) {
      line.declared_holiday = true;
      return;
    }
    line.holiday_name = &holiday.name;
  }

  // The line's amount: its exact amount, rounded once.
  static void price(PayLine& pay_line) { pay_line.amount = ExactAmount(exact_amount(pay_line)).round_to_cent(); }

  // `code` is a literal (Finding::code keeps a view of it).
  void finding(Date date, std::string_view code, Severity severity, FindingMessage message,
               const agreement::Citation& citation) {
    out_.findings.push_back({date, code, severity, std::move(message), &citation});
  }
  // A message written out already, in both languages.
  void finding(Date date, std::string_view code, Severity severity, Text message, const agreement::Citation& citation) {
    finding(date, code, severity, FindingMessage(std::move(message)), citation);
  }

  const WorkWeek& week_of(const Timecard& day) const {
    for (const auto& week : person_.weeks) {
      if (week.start == day.week_start) return week;
    }
    return person_.weeks.front();  // unreachable: every listed day's week is in weeks
  }

  // --- Day rates: daily, weekly, 6th and 7th days, holidays worked --------------------------
  void base_pay() {
    for (const auto& week : person_.weeks) {
      if (weekly() && paid_as_full_week(week)) {
        PayLine& weekly_line = new_line(week.start, LineCode::weekly_rate, person_.classification->citation);
        price(weekly_line);
      }
    }
    for (const auto& day : person_.days) {
      if (!day.worked) continue;
      const WorkWeek& week = week_of(day);
      const bool covered_by_weekly = weekly() && paid_as_full_week(week) && day.kind == DayKind::first_five;
      const Rational kind_multiplier = day.kind == DayKind::first_five ? Rational(1) : day_rate(day.kind).multiplier;
      const Rational holiday_multiplier = day.holiday ? a_.day_rates.holiday.multiplier : Rational(0);
      const bool holiday_pays_more = day.holiday != nullptr && holiday_multiplier > kind_multiplier;
      if (covered_by_weekly) {
        if (!holiday_pays_more) continue;  // paid by the weekly rate
        PayLine& top_up = new_line(day.date, LineCode::holiday_worked, a_.day_rates.holiday.citation);
        top_up.divisor = fifth_divisor();
        const bool less_the_fifth = a_.interpretations.weekly_holiday_worked == agreement::WeeklyHolidayWorked::top_up;
        top_up.multiplier = less_the_fifth ? holiday_multiplier - Rational(1) : holiday_multiplier;
        top_up.top_up = less_the_fifth;
        name_holiday(top_up, *day.holiday);
        price(top_up);
        continue;
      }
      PayLine& day_line = new_line(day.date, LineCode::daily_rate, person_.classification->citation);
      day_line.divisor = fifth_divisor();
      if (holiday_pays_more) {
        day_line.code = LineCode::holiday_worked;
        day_line.multiplier = holiday_multiplier;
        day_line.citation = &a_.day_rates.holiday.citation;
        name_holiday(day_line, *day.holiday);
      } else if (day.kind != DayKind::first_five) {
        day_line.code = day.kind == DayKind::sixth ? LineCode::sixth_day : LineCode::seventh_day;
        day_line.multiplier = kind_multiplier;
        day_line.citation = &day_rate(day.kind).citation;
        if (day.holiday) name_holiday(day_line, *day.holiday);  // a holiday paid no more than this day's rate
      } else if (weekly()) {
        day_line.code = LineCode::weekly_rate;
        day_line.partial_week = true;
      }
      price(day_line);
    }
  }

  // --- Overtime -----------------------------------------------------------------------------
  void overtime(const Timecard& day) {
    Duration worked = day.worked_time;
    if (!a_.overtime.meal_breaks_are_work) {
      for (const auto& meal : day.meals) worked -= meal.end - meal.start;
    }
    const auto& tiers_by_kind = person_.department->overtime;
    if (tiers_by_kind.empty()) {
      if (worked > a_.overtime.long_day_threshold) {
        finding(day.date, "no_overtime_rule", Severity::info,
                {"The agreement sets no overtime rule for " + person_.classification->name + ": " + plain_hours(worked) +
                     " h worked, no overtime computed; check the deal memo.",
                 "La convention ne prévoit aucune règle d'heures supplémentaires pour " +
                     person_.classification->name_fr + " : " + plain_hours(worked) +
                     " h travaillées, aucune heure supplémentaire calculée; vérifier le contrat."},
                person_.department->no_overtime_citation);
      }
      return;
    }
    const auto tiers = tiers_by_kind.find(day.kind);
    if (tiers == tiers_by_kind.end()) return;
    const auto& list = tiers->second;
    // Most days end within the first tier's threshold: no line, so no rate to work out.
    if (list.empty() || worked <= list.front().after) return;
    // The hourly base of the day: contracted ÷ 8 (÷ 40 weekly) on the first five days;
    // the 6th or 7th day's rate ÷ 8 on those days.
    Rational base_multiplier(1);
    std::int64_t base_divisor = 1;
    std::int64_t divisor = weekly() ? a_.overtime.weekly_divisor : a_.overtime.daily_divisor;
    if (day.kind != DayKind::first_five) {
      base_multiplier = day_rate(day.kind).multiplier;
      base_divisor = fifth_divisor();
      divisor = a_.overtime.day_rate_divisor;
    }
    const Rational base = rate_ / Rational(base_divisor) * base_multiplier;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& tier = list[i];
      if (worked <= tier.after) break;
      Duration in_tier = worked - tier.after;
      std::optional<Duration> upper;
      if (i + 1 < list.size()) {
        upper = list[i + 1].after;
        in_tier = std::min(in_tier, *upper - tier.after);
      }
      const Duration paid = round_to_increment(in_tier, a_.overtime.increment, a_.overtime.round_up);
      if (paid.count() == 0) continue;
      PayLine& ot = new_line(day.date, LineCode::overtime, tier.citation);
      ot.base = base;
      ot.base_multiplier = base_multiplier;
      ot.base_divisor = base_divisor;
      ot.divisor = divisor;
      ot.multiplier = tier.multiplier;
      ot.hours = paid;
      ot.rate = base / Rational(divisor) * tier.multiplier;
      ot.threshold = tier.after;
      ot.upper = upper;
      ot.actual = worked;
      price(ot);
    }
  }

  // --- Meals ---------------------------------------------------------------------------------
  void meals(const Timecard& day) {
    const auto& rules = a_.meals;
    // Breaks shorter than a meal break do not count as one.
    const auto is_break = [&](const TimedMeal& meal) { return meal.end - meal.start >= rules.minimum_break; };
    const TimedMeal* first_break = nullptr;
    for (const auto& meal : day.meals) {
      if (!is_break(meal)) {
        finding(day.date, "meal_too_short", Severity::warning,
                MealTooShortFigures{meal.start_clock, meal.end_clock, (meal.end - meal.start).count(),
                                    rules.minimum_break.count()},
                rules.citation);
        continue;
      }
      if (first_break == nullptr) first_break = &meal;
    }
    // The first meal is due 6 h after call, or 6 h after general crew call when a
    // non-deductible meal came before general crew call and a snack no more than 2½ h before it.
    Instant deadline = day.start + rules.first_within;
    bool exception = false;
    if (day.input->ndb && day.snack && day.general_crew_call && first_break != nullptr) {
      const Instant first_meal = first_break->start;
      if (*day.snack <= first_meal && first_meal - *day.snack <= rules.snack_before_meal &&
          *day.general_crew_call > day.start) {
        deadline = *day.general_crew_call + rules.first_within_after_general_call;
        exception = true;
      }
    }
    std::int64_t late = 0;
    std::size_t i = 0;  // the meal's place among the breaks
    for (const TimedMeal& meal : day.meals) {
      if (!is_break(meal)) continue;
      const Instant allowed = deadline + (meal.shot_in_progress ? rules.shot_in_progress_grace : Duration{0});
      if (meal.start > allowed) {
        ++late;
        finding(day.date, "meal_late", Severity::warning,
                MealLateFigures{i, meal.start_clock, (meal.start - deadline).count(), exception}, rules.citation);
      }
      deadline = meal.end + rules.next_within;
      ++i;
    }
    if (day.end > deadline) {
      ++late;
      finding(day.date, "meal_late", Severity::warning,
              MealNotGivenFigures{first_break == nullptr, (day.end - deadline).count()}, rules.citation);
    }
    if (late == 0) return;
    PayLine& penalty = new_line(day.date, LineCode::meal_penalty, rules.citation);
    penalty.base = rules.penalty.dollars();
    penalty.count = late;
    if (rules.penalty * late > rules.max_per_day) {
      // At most max_per_day a day: pay the cap as one amount.
      penalty.base = rules.max_per_day.dollars();
      penalty.count = 1;
      penalty.multiplier = Rational(1);
      penalty.capped_late_meals = late;
    }
    price(penalty);
  }

  // --- Accommodation ------------------------------------------------------------------------
  void accommodation(const Timecard& day) {
    if (day.input->location != Location::distant || !day.input->distant || !day.input->distant->beyond_one_hour_drive) {
      return;
    }
    if (day.worked_time < a_.locations.accommodation_day_length) return;
    finding(day.date, "accommodation_required", Severity::info, AccommodationRequiredFigures{day.worked_time},
            a_.locations.accommodation_citation);
  }

  // --- Turnaround and weekly rest -----------------------------------------------------------
  // The weekly rest that ends at `next`: by the days worked in `previous`'s week; a rule that needs
  // a holiday long weekend applies only when a holiday lies between the two days.
  const agreement::WeeklyRest* weekly_rest_rule(const Timecard& previous, const Timecard& next) const {
    const int days_worked = week_of(previous).days_worked;
    const bool holiday_between = batch_.any_holiday_between(add_days(previous.date, 1), add_days(next.date, -1));
    const agreement::WeeklyRest* plain = nullptr;
    for (const auto& rule : a_.rest.weekly) {
      if (rule.days_worked != days_worked) continue;
      if (rule.requires_holiday_long_weekend && holiday_between) return &rule;
      if (!rule.requires_holiday_long_weekend && plain == nullptr) plain = &rule;
    }
    return plain;
  }

  void rest() {
    const auto& rules = a_.rest;
    const Timecard* previous = nullptr;
    std::map<std::int64_t, int> reductions_by_cycle;
    for (const auto& day : person_.days) {
      if (!day.worked) continue;
      if (previous == nullptr) {
        previous = &day;
        if (day.input->reduced_weekend_rest) weekend_reduction_without_rest(day);
        continue;
      }
      const Duration gap = day.start - previous->end;
      Duration between = rules.between_days;
      const agreement::Citation* between_citation = &rules.between_days_citation;
      for (const auto& long_day : rules.after_long_day) {
        if (previous->worked_time > long_day.day_longer_than && long_day.minimum > between) {
          between = long_day.minimum;
          between_citation = &long_day.citation;
        }
      }
      Duration required = between;
      const agreement::Citation* citation = between_citation;
      bool weekly_rest = false;
      if (day.week_start != previous->week_start) {
        if (const auto* rule = weekly_rest_rule(*previous, day)) {
          Duration weekly_minimum = rule->minimum;
          const agreement::Citation* weekly_citation = &rule->citation;
          if (day.input->reduced_weekend_rest && !rule->reducible) {
            weekend_reduction_without_rest(day);
          } else if (day.input->reduced_weekend_rest) {
            const std::int64_t cycle_days = static_cast<std::int64_t>(rules.cycle_weeks) * 7;
            const std::int64_t cycle = cycle_days > 0 ? days_between(person_.engagement.start, day.date) / cycle_days : 0;
            int& used = reductions_by_cycle[cycle];
            if (used < rules.weekend_reductions_per_cycle) {
              ++used;
              weekly_minimum -= rules.weekend_reduction;
              weekly_citation = &rules.weekend_reduction_citation;
            } else {
              finding(day.date, "weekend_reduction_refused", Severity::warning,
                      {"The weekly rest may be reduced on " + std::to_string(rules.weekend_reductions_per_cycle) +
                           " occasions in a " + std::to_string(rules.cycle_weeks) +
                           "-week cycle; this would be one more, so the full " + plain_hours(weekly_minimum) +
                           " h rest applies.",
                       "Le repos hebdomadaire ne peut être réduit qu'à " +
                           std::to_string(rules.weekend_reductions_per_cycle) + " reprises par cycle de " +
                           std::to_string(rules.cycle_weeks) + " semaines; celle-ci serait de trop : le repos complet de " +
                           plain_hours(weekly_minimum) + " h s'applique."},
                      rules.weekend_reduction_citation);
            }
          }
          if (weekly_minimum > required) {
            required = weekly_minimum;
            citation = weekly_citation;
            weekly_rest = true;
          }
        } else if (day.input->reduced_weekend_rest) {
          weekend_reduction_without_rest(day);
        }
      } else if (day.input->reduced_weekend_rest) {
        weekend_reduction_without_rest(day);
      }
      if (gap < required) encroachment(*previous, day, gap, required, weekly_rest, *citation);
      previous = &day;
    }
  }

  void weekend_reduction_without_rest(const Timecard& day) {
    finding(day.date, "weekend_reduction_refused", Severity::info,
            {"reduced_weekend_rest is set, but no weekly rest that may be reduced ends at this call: nothing reduced.",
             "reduced_weekend_rest est indiqué, mais aucun repos hebdomadaire réductible ne se termine à cet appel : "
             "rien n'est réduit."},
            a_.rest.weekend_reduction_citation);
  }

  void encroachment(const Timecard& previous, const Timecard& day, Duration gap, Duration required, bool weekly_rest,
                    const agreement::Citation& citation) {
    const auto& rules = a_.rest;
    const LineCode code = weekly_rest ? LineCode::rest_period : LineCode::turnaround;
    finding(day.date, weekly_rest ? "rest_period_encroached" : "turnaround_encroached", Severity::warning,
            RestEncroachedFigures{weekly_rest, gap, required, previous.end_clock, day.start_clock}, citation);
    // Tiers partition the shortfall: thresholds from the highest down.
    std::vector<std::pair<Duration, const agreement::EncroachmentTier*>> tiers;
    for (const auto& tier : rules.encroachment) tiers.emplace_back(tier.rest_below.value_or(required), &tier);
    std::sort(tiers.begin(), tiers.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    const std::int64_t divisor = weekly() ? rules.weekly_divisor : rules.daily_divisor;
    for (std::size_t i = 0; i < tiers.size(); ++i) {
      const Duration top = std::min(tiers[i].first, required);
      const Duration bottom = i + 1 < tiers.size() ? std::max(gap, tiers[i + 1].first) : gap;
      if (top <= bottom) continue;
      const Duration paid = round_to_increment(top - bottom, rules.encroachment_increment, rules.encroachment_round_up);
      PayLine& pay_line = new_line(day.date, code, citation);
      pay_line.divisor = divisor;
      pay_line.multiplier = tiers[i].second->multiplier;
      pay_line.hours = paid;
      pay_line.rate = rate_ / Rational(divisor) * tiers[i].second->multiplier;
      pay_line.threshold = required;
      pay_line.actual = gap;
      price(pay_line);
    }
  }

  // --- Holidays not worked --------------------------------------------------------------------
  bool is_holiday(Date date) const { return batch_.holiday_on(date) != nullptr; }

  Date regular_work_day(Date from, int step) const {
    Date date = add_days(from, step);
    while (is_regular_day_off(*batch_.production, date) || is_holiday(date)) date = add_days(date, step);
    return date;
  }

  const Timecard* listed(Date date) const {
    for (const auto& day : person_.days) {
      if (day.date == date) return &day;
    }
    return nullptr;
  }

  bool worked_on(Date date) const {
    const Timecard* day = listed(date);
    return day != nullptr && day->worked;
  }

  bool within_listed(Date date) const { return person_.first_listed <= date && date <= person_.last_listed; }

  // The span of this batch for holiday rules: the person's work weeks, within the engagement, as
  // its first and last dates; none without a week.
  std::optional<std::pair<Date, Date>> span_dates() const {
    if (person_.weeks.empty()) return std::nullopt;
    return std::make_pair(std::max(person_.weeks.front().start, person_.engagement.start),
                          std::min(add_days(person_.weeks.back().start, 6), person_.engagement.end));
  }

  // The holidays within the span, as [begin, end) of the batch's holidays.
  auto span_holidays() const {
    const auto span = span_dates();
    if (!span) return std::make_pair(batch_.holidays.end(), batch_.holidays.end());
    return batch_.holidays_between(span->first, span->second);
  }

  bool in_span(Date date) const {
    const auto span = span_dates();
    return span && span->first <= date && date <= span->second;
  }

  bool in_full_weekly_week(Date date) const {
    if (!weekly()) return false;
    const Date start = work_week_start(date, batch_.production->week_starts_on);
    for (const auto& week : person_.weeks) {
      if (week.start == start) return paid_as_full_week(week);
    }
    return a_.interpretations.partial_week == agreement::PartialWeekPay::full_week ||
           (person_.engagement.start <= start && add_days(start, 6) <= person_.engagement.end);
  }

  void undetermined(Date holiday, const agreement::Holiday& what, Date needed) {
    // A declared holiday's name is the batch's (NormalizedBatch::declared), freed when compute
    // returns: its message is written out now. The agreement's holidays' names outlive the result.
    if (is_declared(what)) {
      finding(holiday, "holiday_pay_undetermined", Severity::info,
              {FindingMessage(HolidayPayUndeterminedFigures{&what.name, needed}).in("en"),
               FindingMessage(HolidayPayUndeterminedFigures{&what.name, needed}).in("fr")},
              batch_.citation_of(what));
      return;
    }
    finding(holiday, "holiday_pay_undetermined", Severity::info, HolidayPayUndeterminedFigures{&what.name, needed},
            batch_.citation_of(what));
  }

  void unworked_holidays() {
    const auto [first, last] = span_holidays();
    for (auto it = first; it != last; ++it) {
      const agreement::Holiday& holiday = **it;
      const Date date = holiday.date;
      if (worked_on(date) || is_regular_day_off(*batch_.production, date)) continue;
      if (in_full_weekly_week(date)) continue;  // no deduction from the weekly guarantee
      const Date before = regular_work_day(date, -1);
      const Date after = regular_work_day(date, +1);
      if (!within_listed(before)) {
        undetermined(date, holiday, before);
        continue;
      }
      if (!within_listed(after)) {
        undetermined(date, holiday, after);
        continue;
      }
      if (!worked_on(before) || !worked_on(after)) continue;
      PayLine& pay_line = new_line(date, LineCode::holiday_unworked, a_.holidays.unworked_citation);
      pay_line.divisor = fifth_divisor();
      name_holiday(pay_line, holiday);
      price(pay_line);
    }
  }

  void holidays_on_days_off() {
    std::set<Date> lieu_used;
    const auto& off = *batch_.production;
    const auto [first, last] = span_holidays();
    for (auto it = first; it != last; ++it) {
      const Date date = (*it)->date;
      if (!is_regular_day_off(off, date) || worked_on(date)) continue;
      // Two unworked holidays on consecutive days off are one case (b); skip the second of a pair.
      const auto unworked_holiday_off = [&](Date day) {
        return is_regular_day_off(off, day) && is_holiday(day) && !worked_on(day);
      };
      const Date previous_day = add_days(date, -1);
      if (unworked_holiday_off(previous_day) && in_span(previous_day)) continue;
      std::vector<Date> group = {date};
      const Date next_day = add_days(date, 1);
      if (unworked_holiday_off(next_day)) group.push_back(next_day);
      const Date before = regular_work_day(group.front(), -1);
      const Date after = regular_work_day(group.back(), +1);
      if (!within_listed(before)) {
        undetermined(date, **it, before);
        continue;
      }
      if (!within_listed(after)) {
        undetermined(date, **it, after);
        continue;
      }
      const int required = static_cast<int>(group.size());
      int given = 0;
      if (!worked_on(before)) ++given;
      if (!worked_on(after)) ++given;
      for (const Date lieu : person_.input->days_off_in_lieu) {
        constexpr int kLieuWindowDays = 14;
        if (std::abs(days_between(date, lieu)) > kLieuWindowDays || lieu_used.count(lieu) || worked_on(lieu)) continue;
        if (lieu == before || lieu == after) continue;  // already counted
        lieu_used.insert(lieu);
        ++given;
      }
      const int not_given = std::max(0, required - given);
      for (int k = 0; k < not_given; ++k) {
        const agreement::Holiday& holiday = *batch_.holiday_on(group[static_cast<std::size_t>(k)]);
        PayLine& pay_line = new_line(holiday.date, LineCode::holiday_day_off_not_given, a_.holidays.day_off_not_given_citation);
        pay_line.divisor = fifth_divisor();
        name_holiday(pay_line, holiday);
        price(pay_line);
        finding(holiday.date, "holiday_day_off_not_given", Severity::warning,
                {holiday.name.en + " fell on a normal day off and no day off was given in lieu (work day before: " +
                     to_string(before) + ", after: " + to_string(after) + "): one day's pay is owed.",
                 holiday.name.fr + " est tombé un jour de congé habituel et aucun congé n'a été accordé en remplacement "
                     "(jour ouvrable précédent : " + to_string(before) + ", suivant : " + to_string(after) +
                     ") : une journée de salaire est due."},
                a_.holidays.day_off_citation);
      }
    }
  }

  // A day designated off in lieu of a holiday cannot also be a day of work: the payroll contradicts
  // itself, and the day off owed for the holiday was not given.
  void days_off_in_lieu_worked() {
    for (const Date lieu : person_.input->days_off_in_lieu) {
      if (!worked_on(lieu)) continue;
      finding(lieu, "day_off_in_lieu_worked", Severity::error,
              {to_string(lieu) + " is designated a day off in lieu of a holiday, but a day of work is recorded on it: "
                   "it cannot count as the day off; designate another day or correct the timecard.",
               "Le " + to_string(lieu) + " est désigné comme congé en remplacement d'un jour férié, mais une journée "
                   "de travail y est inscrite : il ne peut compter comme congé; désignez un autre jour ou corrigez la "
                   "feuille de temps."},
              a_.holidays.day_off_citation);
    }
  }

  // --- Per diems ----------------------------------------------------------------------------
  void per_diems() {
    const auto& per_diem = a_.locations.per_diem;
    // Two allowances a distant day: room for all at once, not one move of them all per growth.
    constexpr std::size_t kAllowancesPerDistantDay = 2;
    const auto distant_days = std::count_if(person_.days.begin(), person_.days.end(), [](const Timecard& day) {
      return day.input->location == Location::distant;
    });
    if (distant_days == 0) return;
    out_.allowances.reserve(out_.allowances.size() + static_cast<std::size_t>(distant_days) * kAllowancesPerDistantDay);
    // A distant day given without its facts: paid in the home currency, no meal provided.
    const DistantFacts unstated{per_diem.home_currency, {}, false};
    for (const auto& day : person_.days) {
      if (day.input->location != Location::distant) continue;
      // Referred to, not copied: the facts hold a list of meals.
      const DistantFacts& facts = day.input->distant ? *day.input->distant : unstated;
      // Normalising checked that the currency is one of these two.
      const std::string_view currency =
          facts.currency == per_diem.home_currency ? per_diem.home_currency : per_diem.foreign_currency;
      out_.allowances.push_back({day.date, AllowanceCode::per_diem_incidentals, per_diem.incidentals, currency,
                                 &per_diem.incidentals_citation, per_diem.incidentals, {}});
      Money meals = per_diem.meals;
      ProvidedMeals provided;
      for (const auto& meal : facts.meals_provided) {
        // Normalising checked that each is one of kProvidedMealNames, once.
        provided.push_back(*std::find(kProvidedMealNames.begin(), kProvidedMealNames.end(), meal));
        const auto reduction = per_diem.meal_reductions.find(meal);
        if (reduction != per_diem.meal_reductions.end()) meals -= reduction->second;
      }
      if (meals < Money()) meals = Money();
      out_.allowances.push_back({day.date, AllowanceCode::per_diem_meals, meals, currency, &per_diem.meals_citation,
                                 per_diem.meals, provided});
    }
  }

  // --- Premium approval -----------------------------------------------------------------------
  void premium_approval() {
    const auto& codes = a_.premium_approval.premium_line_codes;
    const bool all_approved = std::all_of(person_.days.begin(), person_.days.end(),
                                          [](const Timecard& day) { return day.input->premium_approved; });
    if (all_approved) return;
    std::map<Date, Money> withheld;
    std::map<Date, std::string> withheld_codes;
    // The lines kept are moved up in place, in order: the list keeps its room (Calculator reuses it).
    auto kept = out_.lines.begin();
    for (auto& pay_line : out_.lines) {
      const Timecard* day = listed(pay_line.date);
      const bool premium = std::find(codes.begin(), codes.end(), to_string(pay_line.code)) != codes.end();
      if (premium && day != nullptr && !day->input->premium_approved) {
        withheld[pay_line.date] += pay_line.amount;
        auto& names = withheld_codes[pay_line.date];
        const std::string code = to_string(pay_line.code);
        if (names.find(code) == std::string::npos) names += (names.empty() ? "" : ", ") + code;
        continue;
      }
      if (&*kept != &pay_line) *kept = std::move(pay_line);
      ++kept;
    }
    out_.lines.erase(kept, out_.lines.end());
    for (const auto& [date, amount] : withheld) {
      finding(date, "premium_not_approved", Severity::warning,
              {"Premium work was not approved by the producer: " + withheld_codes[date] + " of " +
                   explain_money(amount, "en") + " withheld.",
               "Le travail à prime n'a pas été approuvé par le producteur : " + withheld_codes[date] + " de " +
                   explain_money(amount, "fr") + " retenu."},
              a_.premium_approval.citation);
    }
  }

  const NormalizedBatch& batch_;
  const Agreement& a_;
  const PersonTimecards& person_;
  const Rational rate_;  // the contracted rate in dollars
  PersonPay& out_;
};

}  // namespace

void pay_person(const NormalizedBatch& batch, const PersonTimecards& person, PersonPay& out) {
  PersonRules(batch, person, out).run();
}

// The sentences of the findings kept as figures (pay.h) are written by explain.cc, when shown.

}  // namespace plateau::engine
