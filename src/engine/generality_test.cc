// Agreements other than DGC Quebec compute with no code change: the AQTIS 514 IATSE rest rules
// (tests/agreement/good/aqtis_rest_example.toml: 10 h between days, 12 h after a day over 16 h,
// encroachment +100% of the hourly rate, +200% below 8 h) through the same engine.
// (The invented agreement in agreements/example-invented is exercised by the golden corpus.)
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
