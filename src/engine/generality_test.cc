// Agreements other than DGC Quebec compute with no code change: the AQTIS 514 IATSE rest rules
// (tests/agreement/good/aqtis_rest_example.toml: 10 h between days, 12 h after a day over 16 h,
// encroachment +100% of the hourly rate, +200% below 8 h) through the same engine.
// (The invented agreement in agreements/example-invented is exercised by the golden corpus.)
#include <memory>
#include <vector>

#include <gtest/gtest.h>

#include "agreement/registry.h"
#include "engine/compute.h"

namespace plateau::engine {
namespace {

Date d(const char* text) { return parse_date(text).value(); }
ClockTime at(const char* date, const char* time) { return ClockTime::parse(time, d(date)).value(); }

DayInput day(const char* date, const char* call, const char* wrap,
             std::vector<std::pair<const char*, const char*>> meals) {
  DayInput out;
  out.date = d(date);
  out.call = at(date, call);
  out.wrap = at(date, wrap);
  for (const auto& [start, end] : meals) out.meals.push_back({at(date, start), at(date, end), false});
  return out;
}

TEST(Generality, AqtisRestRulesFromDataAlone) {
  auto version = agreement::load_file(std::string(PLATEAU_SOURCE_DIR) + "/tests/agreement/good/aqtis_rest_example.toml");
  ASSERT_TRUE(version) << version.error().message;
  agreement::Registry registry;
  ASSERT_TRUE(registry.add(std::move(*version)));

  Batch batch;
  batch.production.agreement = "aqtis-rest-example";
  CrewInput grip;
  grip.id = "G-1";
  grip.classification = "Grip";
  grip.rate = Money::parse("250").value();
  // Tue 06:00–22:30 (16.5 h: over 16 h, so the next rest must be 12 h), then Wed call 05:30: 7 h rest.
  grip.days.push_back(day("2024-04-09", "06:00", "22:30", {{"11:00", "11:30"}, {"17:00", "17:30"}}));
  grip.days.push_back(day("2024-04-10", "05:30", "15:30", {{"11:00", "11:30"}}));
  batch.crew.push_back(grip);

  auto pay = compute(batch, registry);
  ASSERT_TRUE(pay) << pay.error().message;
  const auto& lines = pay->crew[0].lines;
  ASSERT_EQ(lines.size(), 5u);
  // Tue: daily $250.00; overtime after 10 h ×1.5: 6.50 h × ($250 ÷ 8 × 1.5 = $46.875) = $304.6875 → $304.69.
  EXPECT_EQ(lines[0].code, LineCode::daily_rate);
  EXPECT_EQ(lines[0].amount.to_string(), "250.00");
  EXPECT_EQ(lines[1].code, LineCode::overtime);
  EXPECT_EQ(lines[1].amount.to_string(), "304.69");
  // Wed: daily $250.00. Rest 7 h of the 12 h required after a day over 16 h:
  //   from 8 h up to 12 h: 4.00 h × ($250 ÷ 8 × 1 = $31.25) = $125.00  (+100%)
  //   below 8 h:          1.00 h × ($250 ÷ 8 × 2 = $62.50) = $62.50   (+200%)
  EXPECT_EQ(lines[2].code, LineCode::daily_rate);
  EXPECT_EQ(lines[3].code, LineCode::turnaround);
  EXPECT_EQ(lines[3].amount.to_string(), "125.00");
  EXPECT_EQ(lines[3].hours->count(), 4 * 60);
  EXPECT_EQ(lines[4].code, LineCode::turnaround);
  EXPECT_EQ(lines[4].amount.to_string(), "62.50");
  EXPECT_EQ(lines[4].hours->count(), 60);
  // 250 + 304.69 + 250 + 125 + 62.50 = 992.19
  EXPECT_EQ(pay->crew[0].gross.to_string(), "992.19");
  ASSERT_EQ(pay->crew[0].findings.size(), 1u);
  EXPECT_EQ(pay->crew[0].findings[0].code, "turnaround_encroached");
}

}  // namespace
}  // namespace plateau::engine

namespace plateau::engine {
namespace {

// The [interpretations] keys switch the engine's readings (docs/interpretations.md E1–E3, E14).
class Interpretations : public testing::Test {
 protected:
  static agreement::Agreement dgc() {
    auto version = agreement::load_file(std::string(PLATEAU_SOURCE_DIR) + "/agreements/dgc-quebec/2009-01-01.toml");
    EXPECT_TRUE(version) << version.error().message;
    return *version;
  }

  // The pay points into its agreement (pay.h), so the registry it was computed under is kept
  // until the test ends.
  BatchPay run(agreement::Agreement version, const Batch& batch) {
    auto& registry = *registries_.emplace_back(std::make_unique<agreement::Registry>());
    EXPECT_TRUE(registry.add(std::move(version)));
    auto pay = compute(batch, registry);
    EXPECT_TRUE(pay) << pay.error().message;
    return *pay;
  }

 private:
  std::vector<std::unique_ptr<agreement::Registry>> registries_;

 protected:

  // Production Manager, weekly $3,135, engaged from Wed 2009-04-08: works Wed, Thu and Good Friday.
  static Batch weekly_batch() {
    Batch batch;
    batch.production.agreement = "dgc-quebec";
    CrewInput manager;
    manager.id = "PM";
    manager.classification = "Production Manager";
    manager.basis = RateBasis::weekly;
    manager.rate = Money::parse("3135").value();
    manager.engagement = Engagement{d("2009-04-08"), d("2009-05-30")};
    for (const char* date : {"2009-04-08", "2009-04-09", "2009-04-10"}) {
      manager.days.push_back(day(date, "08:00", "18:00", {{"12:00", "13:00"}}));
    }
    batch.crew.push_back(manager);
    return batch;
  }
};

TEST_F(Interpretations, TheSheetFileStatesTheDefaults) {
  const auto version = dgc();
  EXPECT_EQ(version.interpretations.partial_week, agreement::PartialWeekPay::fifth_per_day_worked);
  EXPECT_EQ(version.interpretations.weekly_holiday_worked, agreement::WeeklyHolidayWorked::top_up);
  EXPECT_EQ(version.interpretations.default_weekly_engagement, agreement::DefaultWeeklyEngagement::whole_weeks);
  EXPECT_EQ(version.interpretations.permit_fee_taxes_paid_by, agreement::PermitFeeTaxesPaidBy::producer);
}

TEST_F(Interpretations, PartialWeekFifthPerDayOrWholeWeek) {
  // Fifths: Wed, Thu $3,135 ÷ 5 = $627.00 each; Good Friday worked in a partial week: $627 × 2 = $1,254.00.
  // 627 + 627 + 1254 = 2508.00
  EXPECT_EQ(run(dgc(), weekly_batch()).crew[0].gross.to_string(), "2508.00");
  // Whole week: $3,135.00 and the holiday top-up $3,135 ÷ 5 × (2 − 1) = $627.00: 3762.00.
  auto whole = dgc();
  whole.interpretations.partial_week = agreement::PartialWeekPay::full_week;
  EXPECT_EQ(run(whole, weekly_batch()).crew[0].gross.to_string(), "3762.00");
  // Whole week with the full holiday rate on top: 3135 + 627 × 2 = 4389.00.
  whole.interpretations.weekly_holiday_worked = agreement::WeeklyHolidayWorked::full_rate_on_top;
  EXPECT_EQ(run(whole, weekly_batch()).crew[0].gross.to_string(), "4389.00");
}

TEST_F(Interpretations, DefaultWeeklyEngagement) {
  Batch batch = weekly_batch();
  batch.crew[0].engagement.reset();
  // Whole weeks (Sun 04-05 to Sat 04-11): one weekly rate $3,135 + Good Friday top-up $627 = 3762.00.
  EXPECT_EQ(run(dgc(), batch).crew[0].gross.to_string(), "3762.00");
  // Days given (Wed to Fri): a partial week, 627 + 627 + 1254 = 2508.00.
  auto days_given = dgc();
  days_given.interpretations.default_weekly_engagement = agreement::DefaultWeeklyEngagement::days_given;
  EXPECT_EQ(run(days_given, batch).crew[0].gross.to_string(), "2508.00");
}

TEST_F(Interpretations, PermitFeeTaxesPaidByProducerOrFeePayer) {
  // A Canadian permittee (permit fee $50 a week or portion), 2nd AD daily $585, one day Mon
  // 2009-04-06, the fee deducted from her pay.
  Batch batch;
  batch.production.agreement = "dgc-quebec";
  CrewInput second;
  second.id = "AD2";
  second.classification = "2nd Assistant Director";
  second.category = "permittee_canadian";
  second.rate = Money::parse("585").value();
  second.permit_fee_paid_by = PermitFeePayer::permittee;
  second.days.push_back(day("2009-04-06", "07:00", "17:00", {{"12:00", "12:30"}}));
  batch.crew.push_back(second);
  // gross 585.00; vacation 5% = 29.25; check-off 2% = 11.70; permit fee 50.00 deducted.
  // GST 5% × 50.00 = 2.50; QST 7.5% × (50.00 + 2.50) = 3.9375 → 3.94.
  // Producer pays the taxes: net = 585.00 + 29.25 − 11.70 − 50.00 = 552.55.
  EXPECT_EQ(run(dgc(), batch).crew[0].net_pay.to_string(), "552.55");
  // The fee's payer pays them too: 552.55 − 2.50 − 3.94 = 546.11.
  auto fee_payer = dgc();
  fee_payer.interpretations.permit_fee_taxes_paid_by = agreement::PermitFeeTaxesPaidBy::fee_payer;
  const BatchPay pay = run(fee_payer, batch);
  EXPECT_EQ(pay.crew[0].net_pay.to_string(), "546.11");
  ASSERT_EQ(pay.crew[0].taxes.size(), 4u);  // GST and QST on the fund (producer), then on the fee
  EXPECT_EQ(pay.crew[0].taxes[0].paid_by, agreement::Payer::producer);
  EXPECT_EQ(pay.crew[0].taxes[2].on, "permit_fee");
  EXPECT_EQ(pay.crew[0].taxes[2].paid_by, agreement::Payer::person);
  EXPECT_EQ(pay.crew[0].taxes[3].amount.to_string(), "3.94");
}

}  // namespace
}  // namespace plateau::engine
