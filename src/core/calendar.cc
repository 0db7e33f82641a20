#include "core/calendar.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace plateau {

namespace {

constexpr std::array<const char*, 7> kWeekdayNames = {"sunday",   "monday", "tuesday", "wednesday",
                                                      "thursday", "friday", "saturday"};
constexpr std::array<const char*, 7> kWeekdayShortNames = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits_value(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

Result<Date> parse_date(std::string_view text) {
  const auto expected = [&] {  // built only when there is a message
    return "expected a date YYYY-MM-DD, like \"2009-03-02\"; found \"" + std::string(text) + "\"";
  };
  constexpr std::size_t kIsoDateLength = 10;
  if (text.size() != kIsoDateLength || text[4] != '-' || text[7] != '-') return fail(expected());
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!is_digit(text[i])) return fail(expected());
  }
  const Date date{std::chrono::year{digits_value(text.substr(0, 4))},
                  std::chrono::month{static_cast<unsigned>(digits_value(text.substr(5, 2)))},
                  std::chrono::day{static_cast<unsigned>(digits_value(text.substr(8, 2)))}};
  if (!date.ok()) {
    return fail("expected a real calendar date YYYY-MM-DD; found \"" + std::string(text) + "\", which does not exist");
  }
  return date;
}

std::string to_string(Date date) {
  char text[kMaxDateTextSize];
  return std::string(text, write_date(text, date));
}

char* write_date(char* at, Date date) {
  constexpr int kLastFourDigitYear = 9999;
  const int year = static_cast<int>(date.year());
  if (year >= 0 && year <= kLastFourDigitYear) {  // the usual case, without printf
    const auto month = static_cast<unsigned>(date.month());
    const auto day = static_cast<unsigned>(date.day());
    *at++ = static_cast<char>('0' + year / 1000);
    *at++ = static_cast<char>('0' + year / 100 % 10);
    *at++ = static_cast<char>('0' + year / 10 % 10);
    *at++ = static_cast<char>('0' + year % 10);
    *at++ = '-';
    *at++ = static_cast<char>('0' + month / 10);
    *at++ = static_cast<char>('0' + month % 10);
    *at++ = '-';
    *at++ = static_cast<char>('0' + day / 10);
    *at++ = static_cast<char>('0' + day % 10);
    return at;
  }
  char text[kMaxDateTextSize];
  const int length = std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                                   static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return std::copy(text, text + length, at);
}

void append_date(std::string& out, Date date) {
  char text[kMaxDateTextSize];
  out.append(text, write_date(text, date));
}

Date add_days(Date date, int days) { return Date{std::chrono::sys_days{date} + std::chrono::days{days}}; }

int days_between(Date a, Date b) {
  return static_cast<int>((std::chrono::sys_days{b} - std::chrono::sys_days{a}).count());
}

Weekday weekday_of(Date date) { return Weekday{std::chrono::sys_days{date}}; }

Result<Weekday> parse_weekday(std::string_view text) {
  for (unsigned i = 0; i < kWeekdayNames.size(); ++i) {
    if (text == kWeekdayNames[i]) return Weekday{i};
  }
  return fail("expected a weekday in lower case (sunday, monday, …, saturday); found \"" + std::string(text) + "\"");
}

std::string weekday_name(Weekday day) { return kWeekdayNames[day.c_encoding()]; }
std::string weekday_short_name(Weekday day) { return kWeekdayShortNames[day.c_encoding()]; }

Date work_week_start(Date date, Weekday first_day) {
  const std::chrono::sys_days day{date};
  const std::chrono::days back = Weekday{day} - first_day;  // 0..6 days since the week began
  return Date{day - back};
}

}  // namespace plateau
