// Properties of the whole engine on random, valid batches (rapidcheck):
//   more time worked never pays less; gross is the sum of the lines; adding a work day never
//   lowers gross; the order of crew and of days in the input changes nothing.
// Then examples: an amount beyond the exact range rejects the batch; a person's days that overlap
// in time are rejected (docs/interpretations.md, E18); results cite the agreement itself.
#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "agreement/registry.h"
#include "agreement/test_support.h"
#include "engine/compute.h"
#include "engine/explain.h"
#include "engine/timecards.h"

namespace plateau::engine {
namespace {

const agreement::Registry& registry() { return agreement::testing::bundled_registry(); }

struct Engaged {
  const char* classification;
  RateBasis basis;
  const char* rate;
};

// A spread of departments (production, art, accounting, direction) and both bases.
const std::vector<Engaged> kEngagements = {
    {"1st Assistant Director", RateBasis::daily, "755"},   {"Production Manager", RateBasis::weekly, "3135"},
    {"Art Director", RateBasis::daily, "635"},             {"Production Designer", RateBasis::weekly, "3820"},
    {"Production Accountant", RateBasis::daily, "610"},    {"2nd Unit Director", RateBasis::daily, "2345"},
    {"Trainee Assistant Director", RateBasis::weekly, "975"}};

Date base_date() { return parse_date("2009-03-29").value(); }  // a Sunday; DST begins 2009-03-08, so none here

rc::Gen<DayInput> gen_day(Date date) {
  return rc::gen::apply(
      [date](int call_quarter, int length_quarters, bool meal, int meal_offset_quarters, int location) {
        DayInput day;
        day.date = date;
        const Duration call{5 * 60 + call_quarter * 15};
        const Duration wrap = call + Duration{length_quarters * 15};
        day.call = ClockTime::at(date, call);
        day.wrap = ClockTime::at(date, wrap);
        if (meal) {
          const Duration start = call + Duration{std::min(meal_offset_quarters * 15, length_quarters * 15 - 60)};
          if (start > call) day.meals.push_back({ClockTime::at(date, start), ClockTime::at(date, start + Duration{30}), false});
        }
        day.location = location == 0 ? Location::distant : Location::studio;
        return day;
      },
      rc::gen::inRange(0, 20), rc::gen::inRange(16, 80), rc::gen::arbitrary<bool>(), rc::gen::inRange(8, 30),
      rc::gen::inRange(0, 6));
}

rc::Gen<CrewInput> gen_person(int index) {
  return rc::gen::mapcat(rc::gen::inRange<std::size_t>(0, kEngagements.size()), [index](std::size_t which) {
    return rc::gen::map(rc::gen::container<std::vector<bool>>(14, rc::gen::arbitrary<bool>()),
                        [index, which](const std::vector<bool>& works) {
                          CrewInput person;
                          person.id = "P-" + std::to_string(index);
                          person.classification = kEngagements[which].classification;
                          person.basis = kEngagements[which].basis;
                          person.rate = Money::parse(kEngagements[which].rate).value();
                          person.engagement = Engagement{base_date(), add_days(base_date(), 13)};
                          for (int d = 0; d < 14; ++d) {
                            if (!works[static_cast<std::size_t>(d)]) continue;
                            DayInput day;
                            day.date = add_days(base_date(), d);
                            person.days.push_back(day);
                          }
                          return person;
                        });
  });
}

// Whether each of `days` (by date) starts at or after the end of the one before: real timecards
// do not overlap, and the engine rejects those that do.
bool apart(const std::vector<DayInput>& days) {
  for (std::size_t i = 1; i < days.size(); ++i) {
    if (*days[i].call < *days[i - 1].wrap) return false;
  }
  return true;
}

// A batch of 1–3 people over two weeks, each day's times drawn at random. A day that would run
// into the next day's call wraps at that call instead (still 19 h or more, its meal within it): a
// zero turnaround, which the engine accepts.
Batch gen_batch() {
  Batch batch;
  batch.production.agreement = "dgc-quebec";
  const int people = *rc::gen::inRange(1, 4);
  for (int i = 0; i < people; ++i) {
    CrewInput person = *gen_person(i);
    for (auto& day : person.days) day = *gen_day(day.date);
    for (std::size_t d = 1; d < person.days.size(); ++d) {
      if (*person.days[d].call < *person.days[d - 1].wrap) person.days[d - 1].wrap = person.days[d].call;
    }
    batch.crew.push_back(std::move(person));
  }
  return batch;
}

// A random permutation of `items`: sort by random keys.
template <class T>
std::vector<T> shuffled(const std::vector<T>& items) {
  const auto keys = *rc::gen::container<std::vector<int>>(items.size(), rc::gen::arbitrary<int>());
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  std::vector<T> out;
  for (const std::size_t i : order) out.push_back(items[i]);
  return out;
}

// The person's gross, less the rest-encroachment lines when `without_rest`.
Money gross_of(const Batch& batch, const std::string& id, bool without_rest = false) {
  auto pay = compute(batch, registry());
  RC_ASSERT(pay.has_value());
  for (const auto& person : pay->crew) {
    if (person.id != id) continue;
    Money gross = person.gross;
    for (const auto& line : person.lines) {
      if (without_rest && (line.code == LineCode::rest_period || line.code == LineCode::turnaround)) gross -= line.amount;
    }
    return gross;
  }
  RC_FAIL("person missing from output");
}

// exact_amount skips ÷ 1, × 1 and × count of 1: the whole formula gives the same value, on
// lines where each of them is 1 or not.
RC_GTEST_PROP(PayLineProperty, ExactAmountIsTheWholeFormula, ()) {
  PayLine line;
  line.base = Rational(*rc::gen::inRange<std::int64_t>(-100'000'000, 100'000'000),
                       *rc::gen::element<std::int64_t>(1, 3, 100, 800));
  line.divisor = *rc::gen::element<std::int64_t>(1, 5, 8, 40);
  line.multiplier = Rational(*rc::gen::inRange<std::int64_t>(0, 6), *rc::gen::element<std::int64_t>(1, 2, 3));
  line.count = *rc::gen::inRange<std::int64_t>(1, 5);
  RC_ASSERT(exact_amount(line) == line.base / Rational(line.divisor) * line.multiplier * Rational(line.count));
}

RC_GTEST_PROP(EngineProperty, GrossIsTheSumOfTheLines, ()) {
  const Batch batch = gen_batch();
  auto pay = compute(batch, registry());
  RC_ASSERT(pay.has_value());
  Money total;
  for (const auto& person : pay->crew) {
    Money sum;
    for (const auto& line : person.lines) sum += line.amount;
    RC_ASSERT(sum == person.gross);
    total += person.gross;
  }
  RC_ASSERT(total == pay->total_gross);
}

RC_GTEST_PROP(EngineProperty, MoreTimeWorkedNeverPaysLess, ()) {
  Batch batch = gen_batch();
  auto& person = batch.crew[0];
  RC_PRE(!person.days.empty());
  const Money before = gross_of(batch, person.id);
  const auto which = *rc::gen::inRange<std::size_t>(0, person.days.size());
  const int extra = *rc::gen::inRange(1, 240);
  auto& day = person.days[which];
  day.wrap = day.wrap->plus_wall(Duration{extra});
  // Keep the next day's call at or after this wrap, as a real timecard would be.
  RC_PRE(apart(person.days));
  RC_ASSERT(gross_of(batch, person.id) >= before);
}

// The sheet's weekly rest is 54 h after a 5-day week but 34 h after a 6-day week, so adding a
// 6th day can shrink a weekly-rest encroachment by more than the 6th day pays (Sat 09:00 wrap,
// Sun 05:00 call: 34 h short of 54 h, but 14 h short of 34 h); and a 5th day can turn a 10 h
// turnaround line into a larger weekly-rest line. Every other line is monotone: gross without
// the rest-encroachment lines never drops (docs/interpretations.md, "Weekly rest").
RC_GTEST_PROP(EngineProperty, AddingAWorkDayNeverLowersGrossApartFromWeeklyRest, ()) {
  Batch batch = gen_batch();
  auto& person = batch.crew[0];
  std::vector<int> free_days;
  for (int d = 0; d < 14; ++d) {
    const Date date = add_days(base_date(), d);
    if (std::none_of(person.days.begin(), person.days.end(), [&](const DayInput& x) { return x.date == date; })) {
      free_days.push_back(d);
    }
  }
  RC_PRE(!free_days.empty());
  const Money before_without_rest = gross_of(batch, person.id, true);
  const int d = *rc::gen::elementOf(free_days);
  DayInput added = *gen_day(add_days(base_date(), d));
  person.days.push_back(added);
  std::sort(person.days.begin(), person.days.end(), [](const DayInput& a, const DayInput& b) { return a.date < b.date; });
  // Real timecards do not overlap.
  RC_PRE(apart(person.days));
  const Money after_without_rest = gross_of(batch, person.id, true);
  RC_ASSERT(after_without_rest >= before_without_rest);
}

RC_GTEST_PROP(EngineProperty, InputOrderChangesNothing, ()) {
  const Batch batch = gen_batch();
  Batch reordered = batch;
  reordered.crew = shuffled(reordered.crew);
  for (auto& person : reordered.crew) person.days = shuffled(person.days);
  auto a = compute(batch, registry());
  auto b = compute(reordered, registry());
  RC_ASSERT(a.has_value() && b.has_value());
  std::map<std::string, const PersonPay*> by_id;
  for (const auto& person : b->crew) by_id[person.id] = &person;
  for (const auto& person : a->crew) {
    const PersonPay& other = *by_id.at(person.id);
    RC_ASSERT(person.gross == other.gross);
    RC_ASSERT(person.lines.size() == other.lines.size());
    for (std::size_t i = 0; i < person.lines.size(); ++i) {
      RC_ASSERT(person.lines[i].date == other.lines[i].date);
      RC_ASSERT(person.lines[i].code == other.lines[i].code);
      RC_ASSERT(person.lines[i].amount == other.lines[i].amount);
    }
    RC_ASSERT(person.findings.size() == other.findings.size());
    RC_ASSERT(person.allowances.size() == other.allowances.size());
  }
  RC_ASSERT(a->total_gross == b->total_gross);
}

// Overlapping days (docs/interpretations.md, E18).

Date d(const char* text) { return parse_date(text).value(); }

DayInput work_day(const char* date, const char* call, const char* wrap) {
  DayInput day;
  day.date = d(date);
  day.call = ClockTime::parse(call, day.date).value();
  day.wrap = ClockTime::parse(wrap, day.date).value();
  return day;
}

CrewInput first_ad(const char* id, std::vector<DayInput> days) {
  CrewInput person;
  person.id = id;
  person.classification = "1st Assistant Director";
  person.basis = RateBasis::daily;
  person.rate = Money::parse("755").value();
  person.days = std::move(days);
  return person;
}

Batch batch_of(std::vector<CrewInput> crew) {
  Batch batch;
  batch.production.agreement = "dgc-quebec";
  batch.crew = std::move(crew);
  return batch;
}

std::string rejection(const Batch& batch) {
  auto pay = compute(batch, registry());
  if (pay) return "(computed)";
  return pay.error().message;
}

TEST(Overflow, AnAmountBeyondTheExactRangeRejectsTheBatch) {
  // A daily rate of the largest number of cents there is: two days' gross cannot be summed.
  CrewInput person = first_ad("E-001", {work_day("2009-05-04", "07:00", "19:00"), work_day("2009-05-05", "07:00", "19:00")});
  person.rate = Money::from_cents(std::numeric_limits<std::int64_t>::max());
  const std::string message = rejection(batch_of({person}));
  EXPECT_NE(message.find("; an amount is beyond the exact range plateau computes in"), std::string::npos) << message;
}

TEST(OverlappingDays, ADayThatStartsBeforeThePreviousEndsIsRejected) {
  // Wrap 33:00 is 09:00 on 2009-05-05, three hours after that day's call.
  const Batch batch = batch_of({first_ad("E-001", {work_day("2009-05-04", "07:00", "33:00"),
                                                   work_day("2009-05-05", "06:00", "18:00")})});
  EXPECT_EQ(rejection(batch),
            "crew[0].days[1].call: 06:00 on 2009-05-05 is before the end of the previous day's work "
            "(wrap 33:00 on 2009-05-04, 09:00 on 2009-05-05); expected days that do not overlap");
}

TEST(OverlappingDays, ThePreviousDayIsByDateNotByPlaceInTheList) {
  // Listed 05-06, 05-05, 05-04: the day before 05-05 is 05-04, listed last; 05-05 is named as listed.
  const Batch batch = batch_of({first_ad("E-001", {work_day("2009-05-06", "07:00", "19:00"),
                                                   work_day("2009-05-05", "06:00", "18:00"),
                                                   work_day("2009-05-04", "07:00", "33:00")})});
  EXPECT_EQ(rejection(batch),
            "crew[0].days[1].call: 06:00 on 2009-05-05 is before the end of the previous day's work "
            "(wrap 33:00 on 2009-05-04, 09:00 on 2009-05-05); expected days that do not overlap");
}

TEST(OverlappingDays, ADayStartingAsThePreviousEndsIsNoOverlap) {
  const Batch batch = batch_of({first_ad("E-001", {work_day("2009-05-04", "07:00", "30:00"),
                                                   work_day("2009-05-05", "06:00", "18:00")})});
  auto pay = compute(batch, registry());
  ASSERT_TRUE(pay) << pay.error().message;
  // A zero turnaround: the rest rules pay its encroachment.
  const auto& lines = pay->crew.at(0).lines;
  EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [](const PayLine& line) { return line.code == LineCode::turnaround; }));
}

TEST(OverlappingDays, UnworkedDaysHaveNoTimesAndAreSkipped) {
  DayInput off;
  off.date = d("2009-05-05");
  off.worked = false;
  off.location = Location::distant;
  // 56:00 on 2009-05-04 is 08:00 on 2009-05-06: past the unworked day, into the next worked one.
  Batch batch = batch_of({first_ad("E-001", {work_day("2009-05-04", "07:00", "56:00"), off,
                                             work_day("2009-05-06", "06:00", "18:00")})});
  EXPECT_EQ(rejection(batch),
            "crew[0].days[2].call: 06:00 on 2009-05-06 is before the end of the previous day's work "
            "(wrap 56:00 on 2009-05-04, 08:00 on 2009-05-06); expected days that do not overlap");
  batch.crew[0].days[0] = work_day("2009-05-04", "07:00", "30:00");
  auto pay = compute(batch, registry());
  EXPECT_TRUE(pay) << pay.error().message;
}

TEST(OverlappingDays, ANearbyDayIsTimedByItsZoneCrossings) {
  DayInput first = work_day("2009-05-04", "07:00", "29:00");
  first.location = Location::nearby;
  first.zone_return = ClockTime::parse("29:30", first.date).value();
  DayInput second = work_day("2009-05-05", "06:00", "18:00");
  second.location = Location::nearby;
  second.zone_departure = ClockTime::parse("05:15", second.date).value();
  const Batch batch = batch_of({first_ad("E-001", {first, second})});
  EXPECT_EQ(rejection(batch),
            "crew[0].days[1].zone_departure: 05:15 on 2009-05-05 is before the end of the previous day's work "
            "(zone_return 29:30 on 2009-05-04, 05:30 on 2009-05-05); expected days that do not overlap");
}

TEST(OverlappingDays, KeepGoingLeavesOnlyThatPersonOut) {
  const Batch batch = batch_of({first_ad("E-001", {work_day("2009-05-04", "07:00", "19:00"),
                                                   work_day("2009-05-05", "07:00", "19:00")}),
                                first_ad("E-002", {work_day("2009-05-04", "07:00", "33:00"),
                                                   work_day("2009-05-05", "06:00", "18:00")}),
                                first_ad("E-003", {work_day("2009-05-04", "07:00", "19:00")})});
  EXPECT_EQ(rejection(batch).rfind("crew[1].days[1].call: ", 0), 0u);
  ComputeOptions options;
  options.keep_going = true;
  auto pay = compute(batch, registry(), options);
  ASSERT_TRUE(pay) << pay.error().message;
  ASSERT_EQ(pay->crew.size(), 2u);
  EXPECT_EQ(pay->crew[0].id, "E-001");
  EXPECT_EQ(pay->crew[1].id, "E-003");
  ASSERT_EQ(pay->rejected.size(), 1u);
  EXPECT_EQ(pay->rejected[0].message,
            "crew[1].days[1].call: 06:00 on 2009-05-05 is before the end of the previous day's work "
            "(wrap 33:00 on 2009-05-04, 09:00 on 2009-05-05); expected days that do not overlap");
}

TEST(Citations, AFindingOnADeclaredHolidayCitesTheAgreementNotTheBatch) {
  // Wednesday 2009-05-06 is declared a holiday; the person works Thursday and Friday of an
  // engagement that covers the whole week. The regular work day before the holiday (Tuesday) is
  // not in the batch, so its pay is undetermined (holiday_pay_undetermined). The finding's
  // citation is the agreement's article on unworked holidays, held by the agreement: results
  // outlive the computation, and the declared holiday is the batch's, gone when compute returns.
  CrewInput person = first_ad("E-001", {work_day("2009-05-07", "07:00", "17:00"), work_day("2009-05-08", "07:00", "17:00")});
  person.engagement = Engagement{d("2009-05-03"), d("2009-05-09")};
  Batch batch = batch_of({person});
  batch.production.declared_holidays = {d("2009-05-06")};
  auto pay = compute(batch, registry());
  ASSERT_TRUE(pay) << pay.error().message;
  const auto& findings = pay->crew.at(0).findings;
  const auto undetermined = std::find_if(findings.begin(), findings.end(), [](const Finding& finding) {
    return finding.code == "holiday_pay_undetermined";
  });
  ASSERT_NE(undetermined, findings.end());
  EXPECT_EQ(undetermined->date, d("2009-05-06"));
  const agreement::Agreement* dgc = registry().find("dgc-quebec", d("2009-05-06"));
  ASSERT_NE(dgc, nullptr);
  EXPECT_EQ(undetermined->citation, &dgc->holidays.unworked_citation);
  EXPECT_NE(undetermined->message.in("en").find("Declared holiday 2009-05-06"), std::string::npos)
      << undetermined->message.in("en");
}

TEST(Findings, MessagesKeptAsFiguresAreWrittenAfterTheBatchIsGone) {
  // Monday 07:00–19:00 with no meal break: the first meal was due at 13:00 (6 h after call), so
  // work went on 360 min past it. Tuesday's call at 04:00 is 9 h after Monday's wrap. Both
  // messages are written from their figures when asked for, once the batch has been freed.
  std::optional<Result<BatchPay>> pay;
  {
    const Batch batch = batch_of({first_ad("E-001", {work_day("2009-05-04", "07:00", "19:00"),
                                                     work_day("2009-05-05", "04:00", "10:00")})});
    pay = compute(batch, registry());
  }
  ASSERT_TRUE(*pay) << (*pay).error().message;
  const auto& findings = (**pay).crew.at(0).findings;
  const auto with_code = [&](std::string_view code) {
    return std::find_if(findings.begin(), findings.end(), [&](const Finding& finding) { return finding.code == code; });
  };
  const auto meal = with_code("meal_late");
  ASSERT_NE(meal, findings.end());
  EXPECT_EQ(meal->message.in("en"), "No meal break was given; work went on 360 min past the time the first meal was due.");
  EXPECT_EQ(meal->message.in("fr"),
            "Aucune pause-repas n'a été accordée; le travail s'est poursuivi 360 min après l'échéance du premier repas.");
  const auto turnaround = with_code("turnaround_encroached");
  ASSERT_NE(turnaround, findings.end());
  EXPECT_EQ(turnaround->message.in("en").rfind("Turnaround of 9.00 h from wrap 2009-05-04 19:00 to call 2009-05-05 04:00", 0), 0u)
      << turnaround->message.in("en");
  EXPECT_EQ(turnaround->message.in("fr").rfind("Période de repos de 9.00 h entre la fin 2009-05-04 19:00 et l'appel 2009-05-05 04:00", 0), 0u)
      << turnaround->message.in("fr");
}

// Pay lines name their holiday, and allowances their meals and currency, by pointing at texts that
// outlive the batch (the agreement's, plateau's own): explained once the batch has been freed.
// Worked by hand: 1st AD at $755 a day, engaged the week of Sunday 2009-05-03. Wednesday 05-06 is
// declared a holiday; Tuesday and Thursday, the work days before and after, are worked, so the
// holiday is paid as one day, $755.00. Friday is distant, lunch provided: the $50.00 of meals less
// lunch's $15.00 reduction is $35.00, in the home currency.
TEST(PayLines, NamesMealsAndCurrenciesAreExplainedAfterTheBatchIsGone) {
  std::optional<Result<BatchPay>> pay;
  {
    DayInput distant = work_day("2009-05-08", "07:00", "17:00");
    distant.location = Location::distant;
    distant.distant = DistantFacts{"CAD", {"lunch"}, false};
    CrewInput person = first_ad("E-001", {work_day("2009-05-05", "07:00", "17:00"),
                                          work_day("2009-05-07", "07:00", "17:00"), distant});
    person.engagement = Engagement{d("2009-05-03"), d("2009-05-09")};
    Batch batch = batch_of({person});
    batch.production.declared_holidays = {d("2009-05-06")};
    pay = compute(batch, registry());
  }
  ASSERT_TRUE(*pay) << (*pay).error().message;
  const PersonPay& person = (**pay).crew.at(0);
  const auto holiday = std::find_if(person.lines.begin(), person.lines.end(),
                                    [](const PayLine& line) { return line.code == LineCode::holiday_unworked; });
  ASSERT_NE(holiday, person.lines.end());
  EXPECT_EQ(holiday->amount, Money::from_cents(75500));
  EXPECT_EQ(line_label(*holiday, "en"), "Holiday not worked (Declared holiday 2009-05-06)");
  EXPECT_EQ(line_label(*holiday, "fr"), "Jour férié non travaillé (Jour férié décrété du 2009-05-06)");
  const auto meals = std::find_if(person.allowances.begin(), person.allowances.end(), [](const Allowance& allowance) {
    return allowance.code == AllowanceCode::per_diem_meals;
  });
  ASSERT_NE(meals, person.allowances.end());
  EXPECT_EQ(meals->amount, Money::from_cents(3500));
  EXPECT_EQ(explain(*meals, "en"), "Per diem meals, Fri 2009-05-08: $50.00 less meals provided (lunch) = $35.00 CAD");
}

// A batch made by a program, not read by plateau's readers, is checked as they check it: pay keeps
// the meals provided as plateau's own names for them.
TEST(PayLines, AMealProvidedIsOneOfThreeAndListedOnce) {
  DayInput distant = work_day("2009-05-08", "07:00", "17:00");
  distant.location = Location::distant;
  distant.distant = DistantFacts{"CAD", {"lunch", "brunch"}, false};
  EXPECT_EQ(rejection(batch_of({first_ad("E-001", {distant})})),
            "crew[0].days[0].distant.meals_provided[1]: \"brunch\"; expected breakfast, lunch or supper, each once");
  distant.distant->meals_provided = {"supper", "supper"};
  EXPECT_EQ(rejection(batch_of({first_ad("E-001", {distant})})),
            "crew[0].days[0].distant.meals_provided[1]: \"supper\"; expected breakfast, lunch or supper, each once");
}

// The zone kept from the last batch is given again only for the same name. Worked by hand: on
// 2009-05-04 Toronto keeps EDT (UTC−4) and Vancouver PDT (UTC−7), so noon on the wall clock is
// 16:00 UTC in Toronto and 19:00 UTC in Vancouver, 180 min later.
TEST(ProductionZone, TheKeptZoneIsGivenAgainOnlyForTheSameName) {
  const Date day{std::chrono::year{2009}, std::chrono::May, std::chrono::day{4}};
  const ClockTime noon = ClockTime::at(day, std::chrono::hours(12));
  const Instant utc_midnight = std::chrono::sys_days{day};

  auto toronto = production_zone("America/Toronto");
  ASSERT_TRUE(toronto) << toronto.error().message;
  const TimeZone* kept = *toronto;
  EXPECT_EQ(kept->name(), "America/Toronto");
  ASSERT_TRUE(kept->instant(noon));
  EXPECT_EQ(*kept->instant(noon) - utc_midnight, std::chrono::hours(16));
  auto again = production_zone("America/Toronto");
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, kept);

  auto vancouver = production_zone("America/Vancouver");
  ASSERT_TRUE(vancouver) << vancouver.error().message;
  EXPECT_EQ((*vancouver)->name(), "America/Vancouver");
  ASSERT_TRUE((*vancouver)->instant(noon));
  EXPECT_EQ(*(*vancouver)->instant(noon) - utc_midnight, std::chrono::hours(19));

  // A name the database does not know is an error, and leaves the kept zone as it was.
  EXPECT_FALSE(production_zone("Nowhere/Atlantis"));
  auto after_error = production_zone("America/Vancouver");
  ASSERT_TRUE(after_error);
  EXPECT_EQ(*after_error, *vancouver);
  EXPECT_EQ(*(*after_error)->instant(noon) - utc_midnight, std::chrono::hours(19));
}

// Normalising walks the holidays and the work weeks alongside the days, in date order, whatever
// the order the days were given in. Worked by hand: weeks start on Sunday (the default);
// 2009-05-17 and 2009-05-24 are Sundays and Monday 2009-05-18 is Victoria Day. Given 19, 24, 18,
// 17, the days run 17, 18, 19 (a week from the 17th, days 1–3) then 24 (exactly 7 days after the
// 17th: a new week, day 1); only the 18th is a holiday.
TEST(Normalize, HolidaysAndWeeksFollowTheDaysInDateOrder) {
  const Batch batch = batch_of({first_ad("E-001", {work_day("2009-05-19", "07:00", "17:00"),
                                                   work_day("2009-05-24", "07:00", "17:00"),
                                                   work_day("2009-05-18", "07:00", "17:00"),
                                                   work_day("2009-05-17", "07:00", "17:00")})});
  const auto normalized = normalize(batch, registry());
  ASSERT_TRUE(normalized) << normalized.error().message;
  ASSERT_EQ(normalized->crew.size(), 1u);
  const PersonTimecards& person = normalized->crew[0];
  ASSERT_EQ(person.days.size(), 4u);
  const std::vector<Date> dates = {d("2009-05-17"), d("2009-05-18"), d("2009-05-19"), d("2009-05-24")};
  const std::vector<Date> week_starts = {d("2009-05-17"), d("2009-05-17"), d("2009-05-17"), d("2009-05-24")};
  const std::vector<int> ordinals = {1, 2, 3, 1};
  for (std::size_t i = 0; i < person.days.size(); ++i) {
    EXPECT_EQ(person.days[i].date, dates[i]) << i;
    EXPECT_EQ(person.days[i].week_start, week_starts[i]) << i;
    EXPECT_EQ(person.days[i].ordinal_in_week, ordinals[i]) << i;
  }
  ASSERT_NE(person.days[1].holiday, nullptr);
  EXPECT_EQ(person.days[1].holiday->date, d("2009-05-18"));
  EXPECT_EQ(person.days[1].holiday->name.in("en"), "Victoria Day");
  EXPECT_EQ(person.days[0].holiday, nullptr);
  EXPECT_EQ(person.days[2].holiday, nullptr);
  EXPECT_EQ(person.days[3].holiday, nullptr);
  ASSERT_EQ(person.weeks.size(), 2u);
  EXPECT_EQ(person.weeks[0].start, d("2009-05-17"));
  EXPECT_EQ(person.weeks[0].days_worked, 3);
  EXPECT_EQ(person.weeks[1].start, d("2009-05-24"));
  EXPECT_EQ(person.weeks[1].days_worked, 1);
}

// A date given twice is found whether the days come by date (their own order serves) or not (a
// sorted list of indexes). Worked by hand: 05-05, 05-04, 05-05 sort (stably) to indexes 1, 0, 2,
// and the third, days[2], repeats days[0]; 05-04, 05-04 are by date, and days[1] repeats days[0].
TEST(Normalize, ADateGivenTwiceIsFoundInEitherOrder) {
  const auto day = [](const char* date) { return work_day(date, "07:00", "17:00"); };
  const Batch given = batch_of({first_ad("E-001", {day("2009-05-05"), day("2009-05-04"), day("2009-05-05")})});
  const auto unsorted = normalize(given, registry());
  ASSERT_FALSE(unsorted);
  EXPECT_EQ(unsorted.error().message.rfind("crew[0].days[2].date: 2009-05-05 is also given at days[0]", 0), 0u)
      << unsorted.error().message;
  const auto sorted = normalize(batch_of({first_ad("E-001", {day("2009-05-04"), day("2009-05-04")})}), registry());
  ASSERT_FALSE(sorted);
  EXPECT_EQ(sorted.error().message.rfind("crew[0].days[1].date: 2009-05-04 is also given at days[0]", 0), 0u)
      << sorted.error().message;
}

}  // namespace
}  // namespace plateau::engine
