#include "engine/timecards.h"

#include <algorithm>

#include "agreement/lookup.h"
#include "engine/pay.h"

namespace plateau::engine {

namespace {

using agreement::Agreement;

std::string list_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "\"" : ", \"") + name + "\"";
  return out;
}

// What normalizing needs to know of the whole batch's days before its first person, found in one
// walk over them: its dates, its years, room for its days and meals.
struct BatchDays {
  std::optional<Date> first;  // the earliest day given; none without a day
  std::optional<Date> last;
  int first_year = 0;  // of the days and engagements; meaningful only with a day
  int last_year = 0;
  std::size_t days = 0;
  std::size_t meals = 0;
};

BatchDays batch_days(const Batch& batch) {
  BatchDays out;
  for (const auto& person : batch.crew) {
    for (const auto& day : person.days) {
      if (!out.first || day.date < *out.first) out.first = day.date;
      if (!out.last || day.date > *out.last) out.last = day.date;
      out.meals += day.meals.size();
    }
    out.days += person.days.size();
  }
  if (!out.first) return out;
  out.first_year = static_cast<int>(out.first->year());
  out.last_year = static_cast<int>(out.last->year());
  for (const auto& person : batch.crew) {
    if (!person.engagement) continue;
    out.first_year = std::min(out.first_year, static_cast<int>(person.engagement->start.year()));
    out.last_year = std::max(out.last_year, static_cast<int>(person.engagement->end.year()));
  }
  return out;
}

Result<const Agreement*> choose_version(const Batch& batch, const BatchDays& span, const agreement::Registry& registry) {
  const std::string& id = batch.production.agreement;
  if (registry.versions(id).empty()) {
    return fail("production.agreement: unknown agreement \"" + id + "\"; expected one of " + list_names(registry.ids()));
  }
  const std::optional<Date>& first = span.first;
  const std::optional<Date>& last = span.last;
  if (!first) return &registry.versions(id).back();
  const Agreement* version = registry.find(id, *first);
  if (version == nullptr) {
    return fail("production.agreement: \"" + id + "\" has no version in force on " + to_string(*first) +
                "; its first version takes effect on " + to_string(registry.versions(id).front().effective));
  }
  if (version->next_version && *last >= *version->next_version) {
    return fail("production.agreement: the batch runs from " + to_string(*first) + " to " + to_string(*last) +
                ", across the change of \"" + id + "\" to its version of " + to_string(*version->next_version) +
                "; expected a batch under one version: split it at that date");
  }
  return version;
}

Result<void> resolve_engagement(const Agreement& agreement, const Production& production, const CrewInput& person,
                                PersonTimecards& out) {
  const auto path = [&] { return out.path(); };
  out.classification = agreement::find_classification(agreement, person.classification);
  if (out.classification == nullptr) {
    return fail(path() + ".classification: unknown classification \"" + person.classification + "\" in " +
                agreement.id + "; did you mean " +
                list_names(agreement::closest_classifications(agreement, person.classification)) + "?");
  }
  out.department = agreement.department(out.classification->department);
  out.category = agreement.category(person.category);
  if (out.category == nullptr) {
    std::vector<std::string> ids;
    for (const auto& category : agreement.categories) ids.push_back(category.id);
    return fail(path() + ".category: unknown category \"" + person.category + "\"; expected one of " + list_names(ids));
  }
  const auto minimums = out.classification->minimums.find(production.production_type);
  if (minimums == out.classification->minimums.end()) {
    return fail(path() + ".classification: \"" + out.classification->name + "\" has no minimum rate for production type \"" +
                production.production_type + "\" in " + agreement.id);
  }
  out.basis = person.basis == RateBasis::daily ? agreement::Basis::daily : agreement::Basis::weekly;
  out.rate = person.rate;
  if (out.basis == agreement::Basis::daily) {
    if (!minimums->second.daily) {
      return fail(path() + ".rate.basis: \"" + out.classification->name +
                  "\" cannot be engaged by the day (the sheet says N/A); expected \"weekly\"");
    }
    if (person.rate < *minimums->second.daily) {
      return fail(path() + ".rate.amount: " + person.rate.to_string() + " is below the daily minimum of " +
                  minimums->second.daily->to_string() + " for \"" + out.classification->name +
                  "\"; expected at least the minimum");
    }
  } else if (person.rate < minimums->second.weekly) {
    return fail(path() + ".rate.amount: " + person.rate.to_string() + " is below the weekly minimum of " +
                minimums->second.weekly.to_string() + " for \"" + out.classification->name +
                "\"; expected at least the minimum");
  }
  return {};
}

// The instant of `time`, a day's field; `field()` names it ("crew[0].days[2].wrap"), called only
// when there is a message.
template <typename Field>
Result<Instant> instant_at(const TimeZone& zone, ClockTime time, const Field& field) {
  auto instant = zone.instant(time);
  if (!instant) return tl::unexpected(instant.error().at(field()));
  return *instant;
}

Result<void> time_day(const TimeZone& zone, const DayInput& day, Timecard& card, std::vector<TimedMeal>& meals) {
  const auto path = [&] { return card.path(); };
  card.start_clock = *day.call;
  card.end_clock = *day.wrap;
  std::string_view start_field = "call";
  std::string_view end_field = "wrap";
  if (day.location == Location::nearby) {
    if (day.zone_departure) {
      card.start_clock = *day.zone_departure;
      start_field = "zone_departure";
    }
    if (day.zone_return) {
      card.end_clock = *day.zone_return;
      end_field = "zone_return";
    }
  }
  auto start = instant_at(zone, card.start_clock, [&] { return path() + "." + std::string(start_field); });
  if (!start) return tl::unexpected(start.error());
  auto end = instant_at(zone, card.end_clock, [&] { return path() + "." + std::string(end_field); });
  if (!end) return tl::unexpected(end.error());
  if (*end <= *start) {
    return fail(path() + "." + std::string(end_field) + ": " + card.end_clock.to_string() + " is not after " +
                std::string(start_field) + " " +
                card.start_clock.to_string() + "; expected a later time (write times past midnight as 24:00 and "
                "beyond, like \"26:15\")");
  }
  card.start = *start;
  card.end = *end;
  card.worked_time = *end - *start;
  const std::size_t first_meal = meals.size();
  // Meals lie within the day, in order, without overlap.
  Instant previous_end = card.start;
  for (std::size_t i = 0; i < day.meals.size(); ++i) {
    const auto& meal = day.meals[i];
    const auto meal_path = [&] { return path() + ".meals[" + std::to_string(i) + "]"; };
    auto meal_start = instant_at(zone, meal.start, [&] { return meal_path() + ".start"; });
    if (!meal_start) return tl::unexpected(meal_start.error());
    auto meal_end = instant_at(zone, meal.end, [&] { return meal_path() + ".end"; });
    if (!meal_end) return tl::unexpected(meal_end.error());
    if (*meal_end <= *meal_start) {
      return fail(meal_path() + ".end: " + meal.end.to_string() + " is not after the start " + meal.start.to_string() +
                  "; expected a later time");
    }
    if (*meal_start < previous_end) {
      const std::string before = i == 0 ? " is before the start of work " + card.start_clock.to_string()
                                        : " is before the end of the previous meal " + day.meals[i - 1].end.to_string();
      return fail(meal_path() + ".start: " + meal.start.to_string() + before +
                  "; expected meals in order, within the work day");
    }
    if (*meal_end > card.end) {
      return fail(meal_path() + ".end: " + meal.end.to_string() + " is after the end of work " +
                  card.end_clock.to_string() + "; expected meals within the work day");
    }
    meals.push_back({*meal_start, *meal_end, meal.start, meal.end, meal.shot_in_progress});
    previous_end = *meal_end;
  }
  card.meals = std::span<const TimedMeal>(meals.data() + first_meal, meals.size() - first_meal);
  if (day.general_crew_call) {
    auto at = instant_at(zone, *day.general_crew_call, [&] { return path() + ".general_crew_call"; });
    if (!at) return tl::unexpected(at.error());
    card.general_crew_call = *at;
  }
  if (day.snack) {
    auto at = instant_at(zone, *day.snack, [&] { return path() + ".snack"; });
    if (!at) return tl::unexpected(at.error());
    card.snack = *at;
  }
  return {};
}

// Holidays by date, and a holiday against a date (for lower_bound and upper_bound).
struct HolidayDateOrder {
  bool operator()(const agreement::Holiday* a, const agreement::Holiday* b) const { return a->date < b->date; }
  bool operator()(const agreement::Holiday* h, Date d) const { return h->date < d; }
  bool operator()(Date d, const agreement::Holiday* h) const { return d < h->date; }
};

// The agreement's holidays of the batch's years and a year on each side (rest and holiday rules
// look across year ends), then the declared holidays on other dates; by date.
void find_holidays(const Agreement& agreement, const Batch& batch, const BatchDays& span, NormalizedBatch& out) {
  if (!span.first) return;
  for (int year = span.first_year - 1; year <= span.last_year + 1; ++year) {
    for (const auto& holiday : agreement.holidays_in(year)) out.holidays.push_back(&holiday);
  }
  out.declared.reserve(batch.production.declared_holidays.size());  // `holidays` points into it
  for (const Date date : batch.production.declared_holidays) {
    agreement::Holiday declared;
    declared.date = date;
    declared.id = std::string(kDeclaredHolidayId);
    declared.name = declared_holiday_name(date);
    declared.citation = agreement.holidays.unworked_citation;  // results cite the agreement's (citation_of)
    out.declared.push_back(std::move(declared));
    out.holidays.push_back(&out.declared.back());
  }
  // One holiday per date, the first found: the agreement's before a declared one on its date, and
  // a holiday moved past December 31 before the next year's first.
  if (!std::is_sorted(out.holidays.begin(), out.holidays.end(), HolidayDateOrder{})) {
    std::stable_sort(out.holidays.begin(), out.holidays.end(), HolidayDateOrder{});
  }
  const auto same_date = [](const agreement::Holiday* a, const agreement::Holiday* b) { return a->date == b->date; };
  out.holidays.erase(std::unique(out.holidays.begin(), out.holidays.end(), same_date), out.holidays.end());
}

// A time of a day's timecard for messages, as a production report writes it ("06:00 on
// 2009-05-05"); one past that date's midnight also as the clock then reads ("33:00 on 2009-05-04,
// 09:00 on 2009-05-05"), and one before that date's start only as the clock reads.
std::string time_on_day(ClockTime time, Date day) {
  if (time.date() == day) return time.hhmm() + " on " + to_string(day);
  const Duration since_midnight = time.since_midnight_of(day);
  const std::string actual = time.hhmm() + " on " + to_string(time.date());
  if (since_midnight < Duration{0}) return actual;
  return format_hours_minutes(since_midnight) + " on " + to_string(day) + ", " + actual;
}

// A worked day starts after the previous worked day (by date) ends, or as it ends (a zero
// turnaround, which the rest rules pay): timecards of one person cannot overlap in time. The
// previous day is named by its date (each date is given once), wherever it is listed.
Result<void> check_no_overlap(const Timecard& previous, const Timecard& card) {
  if (card.start >= previous.end) return {};
  // The fields time_day took the start and end from.
  const DayInput& day = *card.input;
  const DayInput& before = *previous.input;
  const bool by_zone_departure = day.location == Location::nearby && day.zone_departure.has_value();
  const bool by_zone_return = before.location == Location::nearby && before.zone_return.has_value();
  return fail(card.path() + "." + (by_zone_departure ? "zone_departure" : "call") + ": " +
              time_on_day(card.start_clock, card.date) + " is before the end of the previous day's work (" +
              (by_zone_return ? "zone_return " : "wrap ") +
              time_on_day(previous.end_clock, previous.date) + "); expected days that do not overlap");
}

// One person's timecards, checked and classified; the first problem found is the error. Their
// days, meals and weeks are added to the batch's (`normalized`), which has room for them all; on
// an error, what was added stays there unused, pointed at by nothing.
Result<PersonTimecards> normalize_person(const Agreement& agreement, const Batch& batch, const TimeZone& zone,
                                         NormalizedBatch& normalized, std::size_t c) {
  const CrewInput& input = batch.crew[c];
  PersonTimecards person;
  person.input = &input;
  person.index = c;
  if (auto resolved = resolve_engagement(agreement, batch.production, input, person); !resolved) {
    return tl::unexpected(resolved.error());
  }
  // Days by date; each date once.
  // Days are mostly given by date: then their own order serves, and no list of indexes is made.
  const std::size_t day_count = input.days.size();
  const bool given_by_date = std::is_sorted(input.days.begin(), input.days.end(),
                                            [](const DayInput& a, const DayInput& b) { return a.date < b.date; });
  std::vector<std::size_t> sorted;  // indexes in input.days by date, when not given so
  if (!given_by_date) {
    sorted.resize(day_count);
    for (std::size_t i = 0; i < day_count; ++i) sorted[i] = i;
    const auto by_date = [&](std::size_t a, std::size_t b) { return input.days[a].date < input.days[b].date; };
    std::stable_sort(sorted.begin(), sorted.end(), by_date);
  }
  const auto order = [&](std::size_t k) { return given_by_date ? k : sorted[k]; };  // the k-th day by date
  for (std::size_t k = 1; k < day_count; ++k) {
    if (input.days[order(k)].date == input.days[order(k - 1)].date) {
      return fail(day_path(c, order(k)) + ".date: " + to_string(input.days[order(k)].date) +
                  " is also given at days[" + std::to_string(order(k - 1)) + "]; expected each date once");
    }
  }
  if (day_count > 0) {
    person.first_listed = input.days[order(0)].date;
    person.last_listed = input.days[order(day_count - 1)].date;
  }
  // The engagement: as given, else the days given (a weekly engagement: their whole work weeks).
  if (input.engagement) {
    person.engagement = *input.engagement;
  } else if (day_count > 0) {
    person.engagement = {person.first_listed, person.last_listed};
    if (person.basis == agreement::Basis::weekly &&
        agreement.interpretations.default_weekly_engagement == agreement::DefaultWeeklyEngagement::whole_weeks) {
      const Weekday first_day = batch.production.week_starts_on;
      person.engagement = {work_week_start(person.first_listed, first_day),
                           add_days(work_week_start(person.last_listed, first_day), 6)};
    }
  }
  std::vector<Timecard>& days = normalized.days;
  std::vector<WorkWeek>& weeks = normalized.weeks;
  const std::size_t first_day = days.size();
  const std::size_t first_week = weeks.size();
  std::optional<std::size_t> previous_worked;  // in normalized.days
  // Days come by date, so the batch's holidays (by date too) are walked alongside them: after one
  // search for the first day, each day's holiday is at or just past the previous day's.
  const auto holidays_end = normalized.holidays.end();
  auto next_holiday = day_count == 0 ? holidays_end
                                    : std::lower_bound(normalized.holidays.begin(), holidays_end,
                                                       person.first_listed, HolidayDateOrder{});
  for (std::size_t k = 0; k < day_count; ++k) {
    const std::size_t index = order(k);
    const DayInput& day = input.days[index];
    // Made in place: `days` has room for the whole crew's (normalize_into), so no reference moves.
    Timecard& card = days.emplace_back();
    card.input = &day;
    card.crew_index = c;
    card.day_index = index;
    card.date = day.date;
    card.worked = day.worked;
    if (day.date < person.engagement.start || day.date > person.engagement.end) {
      return fail(card.path() + ".date: " + to_string(day.date) + " is outside the engagement " +
                  to_string(person.engagement.start) + " to " + to_string(person.engagement.end) +
                  "; expected a day within it");
    }
    if (day.location == Location::distant && day.distant) {
      const auto& per_diem = agreement.locations.per_diem;
      if (day.distant->currency != per_diem.home_currency && day.distant->currency != per_diem.foreign_currency) {
        return fail(card.path() + ".distant.currency: \"" + day.distant->currency + "\"; expected \"" +
                    per_diem.home_currency + "\" (in Canada) or \"" + per_diem.foreign_currency + "\" (elsewhere)");
      }
      // The readers check these too; a batch made otherwise is checked here, as pay keeps views of
      // kProvidedMealNames (ProvidedMeals).
      const auto& meals = day.distant->meals_provided;
      for (std::size_t i = 0; i < meals.size(); ++i) {
        const bool known = std::find(kProvidedMealNames.begin(), kProvidedMealNames.end(), meals[i]) !=
                           kProvidedMealNames.end();
        if (!known || std::find(meals.begin(), meals.begin() + static_cast<std::ptrdiff_t>(i), meals[i]) !=
                          meals.begin() + static_cast<std::ptrdiff_t>(i)) {
          return fail(card.path() + ".distant.meals_provided[" + std::to_string(i) + "]: \"" + meals[i] +
                      "\"; expected breakfast, lunch or supper, each once");
        }
      }
    }
    if (day.worked) {
      if (auto timed = time_day(zone, day, card, normalized.meals); !timed) return tl::unexpected(timed.error());
      if (previous_worked) {
        if (auto apart = check_no_overlap(days[*previous_worked], card); !apart) return tl::unexpected(apart.error());
      }
      previous_worked = days.size() - 1;
    }
    while (next_holiday != holidays_end && (*next_holiday)->date < day.date) ++next_holiday;
    card.holiday = next_holiday != holidays_end && (*next_holiday)->date == day.date ? *next_holiday : nullptr;
  }
  // Work weeks, and each work day's place in its week.
  const std::int64_t weekly_days = agreement.day_rates.weekly_days;
  for (std::size_t k = first_day; k < days.size(); ++k) {
    Timecard& card = days[k];
    const bool any_week = weeks.size() > first_week;
    card.week_start = work_week_start(card.date, batch.production.week_starts_on);
    if (!any_week || weeks.back().start != card.week_start) {
      WorkWeek week;
      week.start = card.week_start;
      week.full_engagement = person.engagement.start <= week.start && add_days(week.start, 6) <= person.engagement.end;
      weeks.push_back(week);
    }
    if (!card.worked) continue;
    card.ordinal_in_week = ++weeks.back().days_worked;
    if (card.ordinal_in_week <= weekly_days) {
      card.kind = agreement::DayKind::first_five;
    } else if (card.ordinal_in_week == weekly_days + 1) {
      card.kind = agreement::DayKind::sixth;
    } else {
      card.kind = agreement::DayKind::seventh;
    }
  }
  person.days = std::span<const Timecard>(days).subspan(first_day);
  person.weeks = std::span<const WorkWeek>(weeks).subspan(first_week);
  return person;
}

}  // namespace

const agreement::Holiday* NormalizedBatch::holiday_on(Date date) const {
  const auto at = std::lower_bound(holidays.begin(), holidays.end(), date, HolidayDateOrder{});
  return at != holidays.end() && (*at)->date == date ? *at : nullptr;
}

bool NormalizedBatch::any_holiday_between(Date first, Date last) const {
  const auto at = std::lower_bound(holidays.begin(), holidays.end(), first, HolidayDateOrder{});
  return at != holidays.end() && (*at)->date <= last;
}

std::pair<std::vector<const agreement::Holiday*>::const_iterator, std::vector<const agreement::Holiday*>::const_iterator>
NormalizedBatch::holidays_between(Date first, Date last) const {
  const auto begin = std::lower_bound(holidays.begin(), holidays.end(), first, HolidayDateOrder{});
  return {begin, std::upper_bound(begin, holidays.end(), last, HolidayDateOrder{})};
}

bool is_regular_day_off(const Production& production, Date date) {
  const Weekday day = weekday_of(date);
  return std::find(production.regular_days_off.begin(), production.regular_days_off.end(), day) !=
         production.regular_days_off.end();
}

Result<NormalizedBatch> normalize(const Batch& batch, const agreement::Registry& registry, bool keep_going) {
  NormalizedBatch out;
  if (auto done = normalize_into(batch, registry, keep_going, out); !done) return tl::unexpected(done.error());
  return out;
}

Result<void> normalize_into(const Batch& batch, const agreement::Registry& registry, bool keep_going,
                            NormalizedBatch& out) {
  // Emptied, not made anew: each list keeps the room it had.
  out.holidays.clear();
  out.declared.clear();
  out.crew.clear();
  out.rejected.clear();
  out.days.clear();
  out.meals.clear();
  out.weeks.clear();
  out.agreement = nullptr;
  out.production = &batch.production;
  const BatchDays span = batch_days(batch);
  auto version = choose_version(batch, span, registry);
  if (!version) return tl::unexpected(version.error());
  out.agreement = *version;
  const Agreement& agreement = **version;
  if (std::find(agreement.production_types.begin(), agreement.production_types.end(),
                batch.production.production_type) == agreement.production_types.end()) {
    return fail("production.production_type: \"" + batch.production.production_type + "\" is not a production type of " +
                agreement.id + "; expected one of " + list_names(agreement.production_types));
  }
  auto zone = production_zone(batch.production.time_zone);
  if (!zone) return tl::unexpected(zone.error().at("production.time_zone"));
  find_holidays(agreement, batch, span, out);
  // Room for every person's days, meals and weeks at once: their spans point into these, so they
  // never reallocate. A person adds at most their days, their meals, and a week per day.
  out.days.reserve(span.days);
  out.meals.reserve(span.meals);
  out.weeks.reserve(span.days);

  out.crew.reserve(batch.crew.size());
  for (std::size_t c = 0; c < batch.crew.size(); ++c) {
    auto person = normalize_person(agreement, batch, **zone, out, c);
    if (!person) {
      if (!keep_going) return tl::unexpected(person.error());
      out.rejected.push_back(RejectedPerson{c, person.error()});
      continue;
    }
    out.crew.push_back(std::move(*person));
  }
  return {};
}

Result<const TimeZone*> production_zone(std::string_view name) {
  // Thread-local: a TimeZone remembers offsets as it is used, so one kept object is never shared
  // between threads.
  thread_local std::optional<TimeZone> last;
  if (!last || last->name() != name) {
    auto zone = TimeZone::named(name);
    if (!zone) return tl::unexpected(zone.error());
    last = std::move(*zone);
  }
  return &*last;
}

std::string crew_path(std::size_t crew_index) { return "crew[" + std::to_string(crew_index) + "]"; }
std::string day_path(std::size_t crew_index, std::size_t day_index) {
  return crew_path(crew_index) + ".days[" + std::to_string(day_index) + "]";
}

}  // namespace plateau::engine
