// Agreements other than DGC Quebec load with the same loader, with no code change: the invented
// example (agreements/example-invented) and the AQTIS 514 IATSE rest rules
// (tests/agreement/good/aqtis_rest_example.toml).
#include <gtest/gtest.h>

#include "agreement/holidays.h"
#include "agreement/lookup.h"
#include "agreement/registry.h"
#include "agreement/test_support.h"
#include "agreement/units.h"

namespace plateau::agreement {
namespace {

using testing::day;
using testing::load_or_fail;

Duration hours(std::string_view text) { return *parse_duration(text); }
Rational factor(std::string_view text) { return *parse_factor(text); }

TEST(InventedAgreement, LoadsWithItsOwnOvertimeZoneAndHolidays) {
  const Agreement a = load_or_fail(testing::source_dir() / "agreements" / "example-invented" / "2020-01-01.toml");
  EXPECT_EQ(a.id, "example-invented");
  EXPECT_NE(a.note.find("invented"), std::string::npos);
  EXPECT_EQ(a.production_types, (std::vector<std::string>{"theatrical", "series"}));

  const std::vector<OvertimeTier>& tiers = a.department("camera")->overtime.at(DayKind::first_five);
  ASSERT_EQ(tiers.size(), 2U);
  EXPECT_EQ(tiers[0].after, hours("8h"));
  EXPECT_EQ(tiers[0].multiplier, factor("1.5"));
  EXPECT_EQ(tiers[1].after, hours("10h"));
  EXPECT_EQ(tiers[1].multiplier, factor("2"));
  EXPECT_EQ(a.overtime.increment, hours("6min"));
  EXPECT_FALSE(a.overtime.meal_breaks_are_work);
  EXPECT_TRUE(a.department("office")->overtime.empty());

  const Classification* trainee = find_classification(a, "camera trainee");
  ASSERT_NE(trainee, nullptr);
  EXPECT_FALSE(trainee->minimums.at("series").daily.has_value());
  EXPECT_EQ(trainee->minimums.at("series").weekly, Money::from_dollars(850));

  // Vancouver, not Montreal.
  EXPECT_TRUE(inside_studio_zone(a.locations.studio_zone, 49.2827, -123.1207));
  EXPECT_FALSE(inside_studio_zone(a.locations.studio_zone, 45.535556, -73.604444));

  const std::vector<Holiday> holidays = holidays_in_year(a.holidays, 2023);
  std::vector<std::pair<std::string, Date>> got;
  for (const Holiday& h : holidays) got.push_back({h.id, h.date});
  const std::vector<std::pair<std::string, Date>> expected = {
      {"new_years_day", day(2023, 1, 2)},  // January 1, 2023 was a Sunday
      {"family_day", day(2023, 2, 20)},
      {"easter_monday", day(2023, 4, 10)},
      {"remembrance_day", day(2023, 11, 11)},
      {"christmas_day", day(2023, 12, 25)}};
  EXPECT_EQ(got, expected);

  ASSERT_TRUE(a.category("permittee")->permit_fee.has_value());
  EXPECT_EQ(a.category("permittee")->permit_fee->kind, PermitFeeKind::per_week);
}

TEST(InventedAgreement, ListedBesideDgcQuebec) {
  auto registry = Registry::load_directory(testing::source_dir() / "agreements");
  ASSERT_TRUE(registry) << registry.error().message;
  EXPECT_NE(registry->find("example-invented", day(2020, 6, 1)), nullptr);
  EXPECT_EQ(registry->find("example-invented", day(2019, 12, 31)), nullptr);
}

TEST(AqtisRestRules, Expressed) {
  const Agreement a = load_or_fail(testing::fixtures_dir() / "good" / "aqtis_rest_example.toml");
  const RestRules& r = a.rest;
  EXPECT_EQ(r.between_days, hours("10h"));
  ASSERT_EQ(r.after_long_day.size(), 1U);
  EXPECT_EQ(r.after_long_day[0].day_longer_than, hours("16h"));
  EXPECT_EQ(r.after_long_day[0].minimum, hours("12h"));
  ASSERT_EQ(r.encroachment.size(), 2U);
  EXPECT_FALSE(r.encroachment[0].rest_below.has_value());  // the applicable minimum
  EXPECT_EQ(r.encroachment[0].multiplier, factor("1"));     // +100%
  EXPECT_EQ(r.encroachment[1].rest_below, hours("8h"));
  EXPECT_EQ(r.encroachment[1].multiplier, factor("2"));     // +200%
  EXPECT_TRUE(r.weekly.empty());
  EXPECT_EQ(r.weekend_reductions_per_cycle, 0);
}

}  // namespace
}  // namespace plateau::agreement
