// Holiday dates from the DGC Quebec rules for several years, Easter by the Gregorian computus,
// and Canada Day moving to July 2 when July 1 is a Sunday.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "agreement/holidays.h"
#include "agreement/test_support.h"

namespace plateau::agreement {
namespace {

using testing::day;

const Agreement& dgc() {
  static const Agreement kAgreement = testing::load_or_fail(testing::dgc_quebec_file());
  return kAgreement;
}

Date holiday(int year, const std::string& id) {
  for (const Holiday& h : holidays_in_year(dgc().holidays, year)) {
    if (h.id == id) return h.date;
  }
  ADD_FAILURE() << "no " << id << " in " << year;
  return day(1970, 1, 1);
}

TEST(Easter, KnownSundays) {
  EXPECT_EQ(easter_sunday(2009), day(2009, 4, 12));
  EXPECT_EQ(easter_sunday(2010), day(2010, 4, 4));
  EXPECT_EQ(easter_sunday(2011), day(2011, 4, 24));
  EXPECT_EQ(easter_sunday(2019), day(2019, 4, 21));
  EXPECT_EQ(easter_sunday(2024), day(2024, 3, 31));
  EXPECT_EQ(easter_sunday(2038), day(2038, 4, 25));  // the latest possible
  EXPECT_EQ(easter_sunday(2285), day(2285, 3, 22));  // the earliest possible
}

RC_GTEST_PROP(Easter, AlwaysASundayBetweenMarch22AndApril25, ()) {
  const int year = *rc::gen::inRange(1583, 4000);
  const Date easter = easter_sunday(year);
  RC_ASSERT(weekday_of(easter) == std::chrono::Sunday);
  RC_ASSERT(easter >= day(year, 3, 22));
  RC_ASSERT(easter <= day(year, 4, 25));
}

TEST(DgcQuebecHolidays, Year2009) {
  const std::vector<Holiday> holidays = holidays_in_year(dgc().holidays, 2009);
  std::vector<std::pair<std::string, Date>> got;
  for (const Holiday& h : holidays) got.push_back({h.id, h.date});
  const std::vector<std::pair<std::string, Date>> expected = {
      {"new_years_day", day(2009, 1, 1)},          {"good_friday", day(2009, 4, 10)},
      {"victoria_day", day(2009, 5, 18)},          {"quebec_national_holiday", day(2009, 6, 24)},
      {"canada_day", day(2009, 7, 1)},             {"labour_day", day(2009, 9, 7)},
      {"thanksgiving_day", day(2009, 10, 12)},     {"christmas_day", day(2009, 12, 25)},
      {"boxing_day", day(2009, 12, 26)}};
  EXPECT_EQ(got, expected);
  for (const Holiday& h : holidays) {
    EXPECT_FALSE(h.name.en.empty());
    EXPECT_FALSE(h.name.fr.empty());
    EXPECT_EQ(h.citation.article, "Holidays");
  }
}

TEST(DgcQuebecHolidays, VictoriaDayIsTheMondayStrictlyBeforeMay25) {
  EXPECT_EQ(holiday(2009, "victoria_day"), day(2009, 5, 18));  // May 25, 2009 was a Monday
  EXPECT_EQ(holiday(2010, "victoria_day"), day(2010, 5, 24));
  EXPECT_EQ(holiday(2011, "victoria_day"), day(2011, 5, 23));
  EXPECT_EQ(holiday(2015, "victoria_day"), day(2015, 5, 18));
  EXPECT_EQ(holiday(2024, "victoria_day"), day(2024, 5, 20));
}

TEST(DgcQuebecHolidays, CanadaDayMovesToJuly2WhenOnASunday) {
  EXPECT_EQ(holiday(2012, "canada_day"), day(2012, 7, 2));  // July 1, 2012 was a Sunday
  EXPECT_EQ(holiday(2018, "canada_day"), day(2018, 7, 2));
  EXPECT_EQ(holiday(2023, "canada_day"), day(2023, 7, 1));  // a Saturday: stays
  EXPECT_EQ(holiday(2011, "canada_day"), day(2011, 7, 1));
}

TEST(DgcQuebecHolidays, OtherYears) {
  EXPECT_EQ(holiday(2010, "good_friday"), day(2010, 4, 2));
  EXPECT_EQ(holiday(2011, "good_friday"), day(2011, 4, 22));
  EXPECT_EQ(holiday(2010, "labour_day"), day(2010, 9, 6));
  EXPECT_EQ(holiday(2011, "thanksgiving_day"), day(2011, 10, 10));
  EXPECT_EQ(holiday(2024, "thanksgiving_day"), day(2024, 10, 14));
  EXPECT_EQ(holiday(2024, "good_friday"), day(2024, 3, 29));
  EXPECT_EQ(holiday(2010, "christmas_day"), day(2010, 12, 25));  // a Saturday: does not move
}

TEST(HolidayRules, FifthWeekdayMissingFromTheMonthIsSkipped) {
  HolidayRules rules;
  HolidayRule fifth;
  fifth.id = "fifth_monday_of_february";
  fifth.kind = HolidayRuleKind::nth_weekday;
  fifth.month = 2;
  fifth.weekday = std::chrono::Monday;
  fifth.nth = 5;
  rules.rules.push_back(fifth);
  EXPECT_TRUE(holidays_in_year(rules, 2009).empty());
}

}  // namespace
}  // namespace plateau::agreement
