// The units of agreement files: durations, money, decimals, distances and coordinates, and
// the messages for text in the wrong unit.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "agreement/units.h"

namespace plateau::agreement {
namespace {

TEST(Duration, Parses) {
  EXPECT_EQ(*parse_duration("14h"), Duration(14 * 60));
  EXPECT_EQ(*parse_duration("30min"), Duration(30));
  EXPECT_EQ(*parse_duration("2h30min"), Duration(150));
  EXPECT_EQ(*parse_duration("0min"), Duration(0));
  EXPECT_EQ(*parse_duration("72h"), Duration(72 * 60));
}

TEST(Duration, RejectsOtherUnits) {
  for (const char* text : {"", "14", "14 h", "14hr", "1.5h", "h", "min", "2h90min", "30m", "755.00", "-1h", "2h30"}) {
    EXPECT_FALSE(parse_duration(text)) << text;
  }
  EXPECT_EQ(parse_duration("14").error().message,
            "expected a duration like \"14h\", \"30min\" or \"2h30min\"; found \"14\" (a number without a unit)");
  EXPECT_EQ(parse_duration("2h90min").error().message,
            "expected a duration like \"14h\", \"30min\" or \"2h30min\"; found \"2h90min\" (minutes must be under 60 "
            "after hours)");
}

RC_GTEST_PROP(Duration, FormatThenParseIsIdentity, ()) {
  const Duration d(*rc::gen::inRange(0, 100000));
  RC_ASSERT(*parse_duration(format_duration(d)) == d);
}

TEST(Amount, Parses) {
  EXPECT_EQ(*parse_amount("755.00"), Money::from_cents(75500));
  EXPECT_EQ(*parse_amount("125000"), Money::from_dollars(125000));
  EXPECT_FALSE(parse_amount("14h"));
  EXPECT_FALSE(parse_amount("$755"));
  EXPECT_FALSE(parse_amount("3,015"));
  EXPECT_FALSE(parse_amount("-20.00"));
  EXPECT_FALSE(parse_amount("1.005"));
  EXPECT_EQ(parse_amount("14h").error().message,
            "expected an amount of money with at most 2 decimals, like \"755.00\"; found \"14h\"");
}

TEST(Factor, Parses) {
  EXPECT_EQ(*parse_factor("1.5"), Rational(3, 2));
  EXPECT_EQ(*parse_factor("0.09975"), Rational(9975, 100000));
  EXPECT_EQ(*parse_factor("2"), Rational(2));
  EXPECT_FALSE(parse_factor("6%"));
  EXPECT_FALSE(parse_factor("1 1/2"));
  EXPECT_FALSE(parse_factor("-1"));
}

TEST(Geometry, DistanceAndCoordinates) {
  EXPECT_EQ(*parse_distance_km("25km"), Rational(25));
  EXPECT_FALSE(parse_distance_km("25"));
  EXPECT_FALSE(parse_distance_km("25 km"));
  EXPECT_DOUBLE_EQ(*parse_latitude("45.535556"), 45.535556);
  EXPECT_DOUBLE_EQ(*parse_longitude("-73.604444"), -73.604444);
  EXPECT_FALSE(parse_latitude("91"));
  EXPECT_FALSE(parse_longitude("-181"));
  EXPECT_FALSE(parse_latitude("45.5N"));
}

}  // namespace
}  // namespace plateau::agreement
