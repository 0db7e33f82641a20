// Dates, weekdays and the 7-day work week.
#include "core/calendar.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace plateau {
namespace {

Date d(const char* text) { return parse_date(text).value(); }

TEST(Calendar, ParsesStrictIso) {
  EXPECT_EQ(to_string(d("2009-03-02")), "2009-03-02");
  EXPECT_EQ(to_string(d("2008-02-29")), "2008-02-29");
  for (const char* bad : {"2009-3-2", "2009/03/02", "02-03-2009", "2009-02-29", "2009-13-01", "2009-03-02T07:00", ""}) {
    auto result = parse_date(bad);
    ASSERT_FALSE(result) << bad;
    EXPECT_NE(result.error().message.find("YYYY-MM-DD"), std::string::npos) << result.error().message;
  }
  EXPECT_NE(parse_date("2009-02-29").error().message.find("does not exist"), std::string::npos);
}

// The writers beside to_string give its text: four-digit years straight from the digits, others
// (year 10000, year -1) through to_string's own formatting ("%04d": "10000", "-001").
TEST(Calendar, AppendDateAndWriteDateGiveToStringsText) {
  std::string out = "week of ";
  append_date(out, d("2009-03-02"));
  EXPECT_EQ(out, "week of 2009-03-02");
  char text[kMaxDateTextSize];
  EXPECT_EQ(std::string(text, write_date(text, d("0001-01-01"))), "0001-01-01");
  const Date far{std::chrono::year{10000}, std::chrono::month{12}, std::chrono::day{31}};
  EXPECT_EQ(std::string(text, write_date(text, far)), "10000-12-31");
  const Date before{std::chrono::year{-1}, std::chrono::month{1}, std::chrono::day{2}};
  EXPECT_EQ(std::string(text, write_date(text, before)), "-001-01-02");
  EXPECT_EQ(std::string(text, write_date(text, before)), to_string(before));
}

TEST(Calendar, Weekdays) {
  EXPECT_EQ(weekday_name(weekday_of(d("2009-03-02"))), "monday");
  EXPECT_EQ(weekday_short_name(weekday_of(d("2009-03-01"))), "Sun");
  EXPECT_EQ(parse_weekday("saturday").value(), std::chrono::Saturday);
  EXPECT_FALSE(parse_weekday("Saturday"));
  EXPECT_FALSE(parse_weekday("sat"));
}

TEST(Calendar, WorkWeekContainingADate) {
  // Week starting Sunday: Wed 2009-03-04 is in the week of Sun 2009-03-01; Sun itself starts one.
  EXPECT_EQ(work_week_start(d("2009-03-04"), std::chrono::Sunday), d("2009-03-01"));
  EXPECT_EQ(work_week_start(d("2009-03-01"), std::chrono::Sunday), d("2009-03-01"));
  EXPECT_EQ(work_week_start(d("2009-02-28"), std::chrono::Sunday), d("2009-02-22"));
  // Week starting Monday: Sun 2009-03-08 belongs to the week of Mon 2009-03-02.
  EXPECT_EQ(work_week_start(d("2009-03-08"), std::chrono::Monday), d("2009-03-02"));
  // Across a year end.
  EXPECT_EQ(work_week_start(d("2009-01-01"), std::chrono::Sunday), d("2008-12-28"));
}

TEST(Calendar, DayArithmetic) {
  EXPECT_EQ(add_days(d("2009-02-28"), 1), d("2009-03-01"));
  EXPECT_EQ(add_days(d("2009-01-01"), -1), d("2008-12-31"));
  EXPECT_EQ(days_between(d("2009-03-01"), d("2009-03-08")), 7);
  EXPECT_EQ(days_between(d("2009-03-08"), d("2009-03-01")), -7);
}

// A Date is a count of days: walking it one day at a time gives every day of the calendar in
// order, checked against month lengths written out here (leap years 2008 and 2012 included).
TEST(Calendar, EveryDayOfEightYearsInOrder) {
  constexpr int kFirstYear = 2008;
  constexpr int kYears = 8;
  const Date first{std::chrono::year{kFirstYear}, std::chrono::January, std::chrono::day{1}};
  int year = kFirstYear;
  unsigned month = 1;
  unsigned day = 1;
  for (int k = 0; year < kFirstYear + kYears; ++k) {
    const std::chrono::year_month_day expected{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    const Date date = add_days(first, k);
    ASSERT_EQ(date, Date{expected}) << k;
    ASSERT_TRUE(date.year_month_day() == expected) << k;
    ASSERT_EQ(days_between(first, date), k);
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    constexpr unsigned kDaysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const unsigned days_in_month = kDaysIn[month - 1] + (month == 2 && leap ? 1 : 0);
    if (++day > days_in_month) {
      day = 1;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
  }
}

// Moving by any step and back, and the days between, agree; the year/month/day goes round trip.
RC_GTEST_PROP(CalendarProperty, AddDaysAndDaysBetweenAgree, (std::uint16_t offset, std::int8_t step)) {
  const Date date = add_days(Date{std::chrono::year{2008}, std::chrono::January, std::chrono::day{1}}, offset);
  RC_ASSERT(days_between(date, add_days(date, step)) == step);
  RC_ASSERT(add_days(add_days(date, step), -step) == date);
  RC_ASSERT(Date{date.year_month_day()} == date);
  RC_ASSERT(date.year_month_day().ok());
}

TEST(Calendar, AddDaysWithinAndAcrossMonths) {
  EXPECT_EQ(add_days(d("2009-03-27"), 1), d("2009-03-28"));
  EXPECT_EQ(add_days(d("2009-03-28"), 1), d("2009-03-29"));
  EXPECT_EQ(add_days(d("2008-02-28"), 1), d("2008-02-29"));   // a leap day
  EXPECT_EQ(add_days(d("2009-03-01"), -1), d("2009-02-28"));
  EXPECT_EQ(add_days(d("2009-03-02"), 26), d("2009-03-28"));
  EXPECT_EQ(add_days(d("2009-03-02"), 27), d("2009-03-29"));
}

RC_GTEST_PROP(CalendarProperty, WeekStartIsWithinSixDaysBefore, (std::uint16_t offset, std::uint8_t first)) {
  const Date date = add_days(Date{std::chrono::year{2009}, std::chrono::January, std::chrono::day{1}}, offset % 4000);
  const Weekday first_day{static_cast<unsigned>(first % 7)};
  const Date start = work_week_start(date, first_day);
  RC_ASSERT(weekday_of(start) == first_day);
  const int back = days_between(start, date);
  RC_ASSERT(back >= 0 && back <= 6);
}

}  // namespace
}  // namespace plateau
