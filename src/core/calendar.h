// Calendar: dates, weekdays and the 7-day work week, on C++20 <chrono> calendar types.
//
// A Date is a day of the proleptic Gregorian calendar, kept as its count of days since
// 1970-01-01 (the count std::chrono::sys_days holds): comparing dates, moving by days, the days
// between two dates and a date's weekday are integer arithmetic, which the engine does for every
// day of every timecard. The year, month and day are worked out when asked (to write a date, to
// find a holiday's year). Text is ISO 8601 (YYYY-MM-DD); weekday names are lower-case English
// ("sunday"), as in the payroll format.
#pragma once

#include <chrono>
#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace plateau {

using Weekday = std::chrono::weekday;

class Date {
 public:
  constexpr Date() = default;  // 1970-01-01, a placeholder until assigned
  // REQUIRES: `ymd.ok()`. A year/month/day that may not exist (February 29, a 31st) is checked on
  // the std::chrono::year_month_day before it becomes a Date: a Date is always a real day.
  constexpr Date(std::chrono::year_month_day ymd)  // implicit: a real year/month/day is a Date
      : days_since_epoch_(std::chrono::sys_days{ymd}.time_since_epoch().count()) {}
  constexpr Date(std::chrono::year y, std::chrono::month m, std::chrono::day d)
      : Date(std::chrono::year_month_day{y, m, d}) {}
  constexpr explicit Date(std::chrono::sys_days day) : days_since_epoch_(day.time_since_epoch().count()) {}

  constexpr explicit operator std::chrono::sys_days() const {
    return std::chrono::sys_days{std::chrono::days{days_since_epoch_}};
  }
  constexpr std::chrono::year_month_day year_month_day() const {
    return std::chrono::year_month_day{static_cast<std::chrono::sys_days>(*this)};
  }
  constexpr std::chrono::year year() const { return year_month_day().year(); }
  constexpr std::chrono::month month() const { return year_month_day().month(); }
  constexpr std::chrono::day day() const { return year_month_day().day(); }

  // Days since 1970-01-01 (negative before).
  constexpr int days_since_epoch() const { return days_since_epoch_; }

  friend constexpr auto operator<=>(Date, Date) = default;
  friend constexpr bool operator==(Date, Date) = default;

 private:
  int days_since_epoch_ = 0;
};

// Strict ISO date: exactly YYYY-MM-DD, a real calendar day.
Result<Date> parse_date(std::string_view text);
std::string to_string(Date date);  // "2009-03-02"

// The longest text to_string(Date) gives ("-32767-12-31"), with room to spare.
inline constexpr std::size_t kMaxDateTextSize = 16;
// The text of to_string(date) written at `at`, which has room for kMaxDateTextSize characters;
// returns the end of what was written. For writers that put dates straight into their output.
char* write_date(char* at, Date date);
// The text of to_string(date) appended to `out`, with no string built in between.
void append_date(std::string& out, Date date);

// `date` moved by `days` (back when negative).
constexpr Date add_days(Date date, int days) {
  return Date{std::chrono::sys_days{std::chrono::days{date.days_since_epoch() + days}}};
}
// b − a in days (negative when b is before a).
constexpr int days_between(Date a, Date b) { return b.days_since_epoch() - a.days_since_epoch(); }
constexpr Weekday weekday_of(Date date) { return Weekday{static_cast<std::chrono::sys_days>(date)}; }

// "sunday" … "saturday".
Result<Weekday> parse_weekday(std::string_view text);
std::string weekday_name(Weekday day);         // "sunday"
std::string weekday_short_name(Weekday day);   // "Sun"

// The first day of the 7-day work week that contains `date`, weeks starting on `first_day`.
constexpr Date work_week_start(Date date, Weekday first_day) {
  const int back = static_cast<int>((weekday_of(date) - first_day).count());  // 0..6 days since the week began
  return add_days(date, -back);
}

}  // namespace plateau
