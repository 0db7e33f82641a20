// Calendar: dates, weekdays and the 7-day work week, on C++20 <chrono> calendar types.
//
// A Date is a std::chrono::year_month_day that is always ok(). Text is ISO 8601 (YYYY-MM-DD);
// weekday names are lower-case English ("sunday"), as in the payroll format.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace plateau {

using Date = std::chrono::year_month_day;
using Weekday = std::chrono::weekday;

// Strict ISO date: exactly YYYY-MM-DD, a real calendar day.
Result<Date> parse_date(std::string_view text);
std::string to_string(Date date);  // "2009-03-02"

// The longest text to_string(Date) gives, "-32767-255-255" for a year_month_day that is not ok(),
// with room to spare.
inline constexpr std::size_t kMaxDateTextSize = 16;
// The text of to_string(date) written at `at`, which has room for kMaxDateTextSize characters;
// returns the end of what was written. For writers that put dates straight into their output.
char* write_date(char* at, Date date);
// The text of to_string(date) appended to `out`, with no string built in between.
void append_date(std::string& out, Date date);

// `date` moved by `days` through the calendar (out of line).
Date add_days_through_calendar(Date date, int days);
// `date` moved by `days`. Inline for the usual step of a day or a few within a month: a day of
// the month from 1 to 28 exists in every month, so the date moves on its day alone, as the
// calendar would move it (a day count is linear in the day of the month), without converting
// through a count of days and back.
inline Date add_days(Date date, int days) {
  constexpr int kDaysInEveryMonth = 28;
  const int day = static_cast<int>(static_cast<unsigned>(date.day())) + days;
  if (day >= 1 && day <= kDaysInEveryMonth && date.month().ok()) {
    return Date{date.year(), date.month(), std::chrono::day{static_cast<unsigned>(day)}};
  }
  return add_days_through_calendar(date, days);
}
// b − a in days (negative when b is before a).
int days_between(Date a, Date b);
Weekday weekday_of(Date date);

// "sunday" … "saturday".
Result<Weekday> parse_weekday(std::string_view text);
std::string weekday_name(Weekday day);         // "sunday"
std::string weekday_short_name(Weekday day);   // "Sun"

// The first day of the 7-day work week that contains `date`, weeks starting on `first_day`.
Date work_week_start(Date date, Weekday first_day);

}  // namespace plateau
