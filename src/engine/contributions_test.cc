// Properties of the contributions stage (rapidcheck), on random members and permittees with
// random rates and random gross already paid on the production, around the per-production caps:
//   - production to date: computing the second week with the first week's gross given as
//     production_gross_to_date splits every capped base exactly as computing both weeks at once;
//     permit fees are the same week by week; rounded amounts differ by at most the rounding of
//     the extra batch (docs/interpretations.md E13);
//   - net pay is gross + what is paid to the person − what is deducted from them;
//   - remittances hold every contribution and tax, once.
#include <cstdlib>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "agreement/registry.h"
#include "agreement/test_support.h"
#include "engine/compute.h"

namespace plateau::engine {
namespace {

const agreement::Registry& registry() { return agreement::testing::bundled_registry(); }

Date d(const char* text) { return parse_date(text).value(); }

const std::vector<std::string> kCategories = {"member", "permittee_non_canadian", "permittee_dga_bectu_iatse_unsca",
                                              "permittee_non_canadian_accountant", "permittee_canadian"};

// A 1st AD (daily minimum $755) at a random rate from $755.00 to $30,000.00 with cents, working a
// random set of weekdays of Sun 2009-03-29 – Sat 2009-04-04 and of the next week, each 07:00–17:00
// with a meal at 12:00: no overtime, no penalty, no rest shortfall, so each week's gross stands
// alone. Gross already paid on the production: $0 to $200,000, so the caps are often crossed.
CrewInput gen_person() {
  CrewInput person;
  person.id = "P";
  person.classification = "1st Assistant Director";
  person.category = *rc::gen::elementOf(kCategories);
  person.rate = Money::from_cents(*rc::gen::inRange<std::int64_t>(75'500, 3'000'001));
  person.production_gross_to_date = Money::from_cents(*rc::gen::inRange<std::int64_t>(0, 20'000'001));
  person.permit_fee_paid_by = *rc::gen::arbitrary<bool>() ? PermitFeePayer::permittee : PermitFeePayer::producer;
  for (int week = 0; week < 2; ++week) {
    for (int weekday = 1; weekday <= 5; ++weekday) {
      if (!*rc::gen::arbitrary<bool>()) continue;
      const Date date = add_days(d("2009-03-29"), week * 7 + weekday);
      DayInput day;
      day.date = date;
      day.call = ClockTime::at(date, Duration{7 * 60});
      day.wrap = ClockTime::at(date, Duration{17 * 60});
      day.meals.push_back({ClockTime::at(date, Duration{12 * 60}), ClockTime::at(date, Duration{12 * 60 + 30}), false});
      person.days.push_back(day);
    }
  }
  return person;
}

PersonPay pay_of(const CrewInput& person) {
  Batch batch;
  batch.production.agreement = "dgc-quebec";
  batch.crew.push_back(person);
  auto pay = compute(batch, registry());
  RC_ASSERT(pay.has_value());
  return pay->crew.front();
}

std::int64_t cents(const std::vector<Contribution>& contributions, std::string_view code, bool base) {
  std::int64_t total = 0;
  for (const auto& c : contributions) {
    if (c.code == code) total += base ? c.base.value_or(Money()).cents() : c.amount.cents();
  }
  return total;
}

RC_GTEST_PROP(ContributionsProperty, ProductionToDateSplitsAsOneComputation, ()) {
  const CrewInput person = gen_person();
  CrewInput first = person;
  CrewInput second = person;
  first.days.clear();
  second.days.clear();
  for (const auto& day : person.days) (day.date < d("2009-04-05") ? first.days : second.days).push_back(day);
  RC_PRE(!first.days.empty() && !second.days.empty());

  const PersonPay whole = pay_of(person);
  const PersonPay week1 = pay_of(first);
  second.production_gross_to_date = person.production_gross_to_date + week1.gross;
  const PersonPay week2 = pay_of(second);
  RC_ASSERT(week1.gross + week2.gross == whole.gross);

  for (const auto& contribution : whole.contributions) {
    const std::string_view code = contribution.code;
    // Bases (the part of gross under each cap) add up exactly.
    RC_ASSERT(cents(week1.contributions, code, true) + cents(week2.contributions, code, true) ==
              cents(whole.contributions, code, true));
    // Amounts: one rounding per batch, so two batches are within a cent of one.
    const std::int64_t split = cents(week1.contributions, code, false) + cents(week2.contributions, code, false);
    RC_ASSERT(std::llabs(split - cents(whole.contributions, code, false)) <= 1);
  }
  // Permit fees are per work week: the same entries either way.
  std::vector<std::pair<Date, Money>> fees_whole;
  std::vector<std::pair<Date, Money>> fees_split;
  for (const auto& c : whole.contributions) {
    if (c.week) fees_whole.emplace_back(*c.week, c.amount);
  }
  for (const auto* part : {&week1, &week2}) {
    for (const auto& c : part->contributions) {
      if (c.week) fees_split.emplace_back(*c.week, c.amount);
    }
  }
  RC_ASSERT(fees_whole == fees_split);
}

RC_GTEST_PROP(ContributionsProperty, NetPayAndRemittancesAccountForEveryCent, ()) {
  Batch batch;
  batch.production.agreement = "dgc-quebec";
  const int people = *rc::gen::inRange(1, 5);
  for (int i = 0; i < people; ++i) {
    CrewInput person = gen_person();
    person.id = "P-" + std::to_string(i);
    if (person.days.empty()) continue;
    batch.crew.push_back(person);
  }
  RC_PRE(!batch.crew.empty());
  auto pay = compute(batch, registry());
  RC_ASSERT(pay.has_value());

  std::map<agreement::Payee, Money> expected;
  Money net_total;
  for (const auto& person : pay->crew) {
    Money net = person.gross;
    for (const auto& c : person.contributions) {
      RC_ASSERT(c.amount >= Money());
      if (c.base) RC_ASSERT(*c.base <= person.gross);
      if (c.paid_to == agreement::Payee::person) {
        net += c.amount;
      } else {
        expected[c.paid_to] += c.amount;
        if (c.paid_by == agreement::Payer::person) net -= c.amount;
      }
    }
    for (const auto& tax : person.taxes) {
      expected[tax.paid_to] += tax.amount;
      if (tax.paid_by == agreement::Payer::person) net -= tax.amount;
    }
    RC_ASSERT(person.net_pay == net);
    net_total += net;
  }
  expected[agreement::Payee::person] = net_total;
  RC_ASSERT(pay->total_net_pay == net_total);
  std::map<agreement::Payee, Money> remitted;
  for (const auto& remittance : pay->remittances) {
    Money items;
    for (const auto& item : remittance.items) items += item.amount;
    RC_ASSERT(items == remittance.amount);
    remitted[remittance.paid_to] = remittance.amount;
  }
  RC_ASSERT(remitted == expected);
}

}  // namespace
}  // namespace plateau::engine
