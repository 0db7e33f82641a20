// Clock times on a timecard, real elapsed time across daylight-saving changes.
#include "core/clock.h"

#include <concepts>

#include <gtest/gtest.h>

namespace plateau {
namespace {

Date d(const char* text) { return parse_date(text).value(); }
ClockTime t(const char* text, const char* day) { return ClockTime::parse(text, d(day)).value(); }
const TimeZone& montreal() {
  static const TimeZone zone = TimeZone::named("America/Toronto").value();
  return zone;
}

template <class A, class B>
concept Addable = requires(A a, B b) { a + b; };
template <class A, class B>
concept Subtractable = requires(A a, B b) { a - b; };
// A point plus a point has no meaning; a point minus a point needs a time zone.
static_assert(!Addable<ClockTime, ClockTime>);
static_assert(!Subtractable<ClockTime, ClockTime>);
static_assert(std::same_as<decltype(Instant{} - Instant{}), Duration>);
static_assert(!Addable<Instant, Instant>);

TEST(Clock, HoursPastMidnightAreTheNextDay) {
  const ClockTime late = t("26:15", "2009-03-07");
  EXPECT_EQ(late.to_string(), "2009-03-08 02:15");
  EXPECT_EQ(late.since_midnight_of(d("2009-03-07")), Duration{26 * 60 + 15});
  EXPECT_EQ(t("24:00", "2009-03-07").to_string(), "2009-03-08 00:00");
  EXPECT_EQ(t("7:05", "2009-03-07").hhmm(), "07:05");
}

TEST(Clock, IsoDateTimeAccepted) {
  EXPECT_EQ(t("2009-03-08T02:15", "2009-03-07"), t("26:15", "2009-03-07"));
  EXPECT_EQ(t("2009-03-08T02:15:00", "2009-03-07"), t("26:15", "2009-03-07"));
}

// Every time of 2009-03-07 read from its midnight is the time read on its date: 00:00 → 2009-03-07
// 00:00, 26:15 → 2009-03-08 02:15, the date-time form keeping its own date.
TEST(Clock, ReadFromTheDaysMidnightAsOnItsDate) {
  const Date day = d("2009-03-07");
  const ClockTime midnight = ClockTime::at(day, Duration{0});
  EXPECT_EQ(midnight.to_string(), "2009-03-07 00:00");
  for (const char* text : {"00:00", "07:00", "7:05", "23:59", "24:00", "26:15", "71:59", "2009-03-08T02:15",
                           "2009-03-10T00:00:00"}) {
    EXPECT_EQ(ClockTime::parse(text, midnight).value(), ClockTime::parse(text, day).value()) << text;
  }
  EXPECT_EQ(ClockTime::parse("26:15", midnight).value().to_string(), "2009-03-08 02:15");
  for (const char* bad : {"07:60", "72:00", "0a:00", "07;00", "7:5"}) EXPECT_FALSE(ClockTime::parse(bad, midnight)) << bad;
}

TEST(Clock, RejectsWithWhatWasExpected) {
  for (const char* bad : {"", "7", "07h00", "07:60", "72:00", "7:5", "-1:00", "07:00pm", "2009-03-08T25:00",
                          "2009-03-08T02:15:30"}) {
    auto result = ClockTime::parse(bad, d("2009-03-07"));
    ASSERT_FALSE(result) << bad;
    EXPECT_NE(result.error().message.find("expected"), std::string::npos) << result.error().message;
  }
  EXPECT_TRUE(ClockTime::parse("71:59", d("2009-03-07")));
}

TEST(Clock, ElapsedAcrossSpringForward) {
  // Sat 2009-03-07 18:00 to "32:30" (Sun 08:30): 14 h 30 on the wall clock, 13 h 30 real,
  // because 02:00 became 03:00 on 2009-03-08 in Montreal.
  EXPECT_EQ(montreal().elapsed(t("18:00", "2009-03-07"), t("32:30", "2009-03-07")).value(), Duration{13 * 60 + 30});
}

TEST(Clock, ElapsedAcrossFallBack) {
  // Sat 2009-10-31 20:00 to Sun 2009-11-01 08:00: 12 h on the wall clock, 13 h real.
  EXPECT_EQ(montreal().elapsed(t("20:00", "2009-10-31"), t("32:00", "2009-10-31")).value(), Duration{13 * 60});
}

TEST(Clock, ElapsedOnAnOrdinaryDay) {
  EXPECT_EQ(montreal().elapsed(t("07:00", "2009-03-02"), t("22:30", "2009-03-02")).value(), Duration{15 * 60 + 30});
  EXPECT_EQ(montreal().elapsed(t("22:30", "2009-03-02"), t("07:00", "2009-03-02")).value(), Duration{-(15 * 60 + 30)});
}

TEST(Clock, SkippedTimeIsReportedNotGuessed) {
  auto result = montreal().instant(t("02:30", "2009-03-08"));
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("2009-03-08 02:30 does not exist in America/Toronto"), std::string::npos)
      << result.error().message;
}

TEST(Clock, RepeatedTimeIsReportedNotGuessed) {
  auto result = montreal().instant(t("01:30", "2009-11-01"));
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("2009-11-01 01:30 happens twice in America/Toronto"), std::string::npos)
      << result.error().message;
}

TEST(Clock, UnknownZone) {
  auto zone = TimeZone::named("America/Montreal_Typo");
  ASSERT_FALSE(zone);
  EXPECT_NE(zone.error().message.find("IANA time zone"), std::string::npos);
}

TEST(Clock, FormatHoursMinutes) {
  EXPECT_EQ(format_hours_minutes(Duration{13 * 60 + 30}), "13:30");
  EXPECT_EQ(format_hours_minutes(Duration{-30}), "-0:30");
  EXPECT_EQ(format_hours_minutes(Duration{26 * 60 + 5}), "26:05");
}

}  // namespace
}  // namespace plateau
