// Properties of the whole engine on random, valid batches (rapidcheck):
//   more time worked never pays less; gross is the sum of the lines; adding a work day never
//   lowers gross; the order of crew and of days in the input changes nothing.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "agreement/registry.h"
#include "agreement/test_support.h"
#include "engine/compute.h"

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

// A batch of 1–3 people over two weeks, each day's times drawn at random.
Batch gen_batch() {
  Batch batch;
  batch.production.agreement = "dgc-quebec";
  const int people = *rc::gen::inRange(1, 4);
  for (int i = 0; i < people; ++i) {
    CrewInput person = *gen_person(i);
    for (auto& day : person.days) day = *gen_day(day.date);
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
  // Keep the next day's call after this wrap, as a real timecard would be.
  if (which + 1 < person.days.size()) RC_PRE(*day.wrap < *person.days[which + 1].call);
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
  for (std::size_t i = 1; i < person.days.size(); ++i) RC_PRE(*person.days[i - 1].wrap < *person.days[i].call);
  const Money after_without_rest = gross_of(batch, person.id, true);
  RC_ASSERT(after_without_rest >= before_without_rest);
}

RC_GTEST_PROP(EngineProperty, InputOrderChangesNothing, ()) {
  const Batch batch = gen_batch();
  for (const auto& person : batch.crew) {
    for (std::size_t i = 1; i < person.days.size(); ++i) RC_PRE(*person.days[i - 1].wrap < *person.days[i].call);
  }
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

}  // namespace
}  // namespace plateau::engine
