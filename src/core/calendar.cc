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

// parse_date but for its usual case, with the messages: a function of its own, so that the usual
// case's needs no room for strings nor their cleanup.
[[gnu::noinline]] Result<Date> parse_date_with_messages(std::string_view text) {
  const auto expected = [&] {  // built only when there is a message
    return "expected a date YYYY-MM-DD, like \"2009-03-02\"; found \"" + std::string(text) + "\"";
  };
  constexpr std::size_t kIsoDateLength = 10;
  if (text.size() != kIsoDateLength || text[4] != '-' || text[7] != '-') return fail(expected());
  const auto digit = [&](std::size_t at) { return static_cast<unsigned>(text[at] - '0'); };
  bool all_digits = true;
  for (std::size_t at : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) all_digits = all_digits && is_digit(text[at]);
  if (!all_digits) return fail(expected());
  const std::chrono::year_month_day date{
      std::chrono::year{static_cast<int>(digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3))},
      std::chrono::month{digit(5) * 10 + digit(6)}, std::chrono::day{digit(8) * 10 + digit(9)}};
  if (!date.ok()) {
    return fail("expected a real calendar date YYYY-MM-DD; found \"" + std::string(text) + "\", which does not exist");
  }
  return Date{date};
}

}  // namespace

Result<Date> parse_date(std::string_view text) {
  // A valid YYYY-MM-DD; anything else (and every refusal) is parse_date_with_messages's.
  constexpr std::size_t kIsoDateLength = 10;
  constexpr unsigned kTen = 10;
  if (text.size() == kIsoDateLength && text[4] == '-' && text[7] == '-') {
    // As unsigned, a byte below '0' is a large number: one comparison per digit, no branch.
    const auto digit = [&](std::size_t at) { return static_cast<unsigned>(text[at] - '0'); };
    const unsigned y1 = digit(0), y2 = digit(1), y3 = digit(2), y4 = digit(3);
    const unsigned m1 = digit(5), m2 = digit(6), d1 = digit(8), d2 = digit(9);
    const bool digits = (y1 < kTen) & (y2 < kTen) & (y3 < kTen) & (y4 < kTen) & (m1 < kTen) & (m2 < kTen) &
                        (d1 < kTen) & (d2 < kTen);
    if (digits) {
      const std::chrono::year_month_day date{
          std::chrono::year{static_cast<int>(((y1 * kTen + y2) * kTen + y3) * kTen + y4)},
          std::chrono::month{m1 * kTen + m2}, std::chrono::day{d1 * kTen + d2}};
      if (date.ok()) return Date{date};
    }
  }
  return parse_date_with_messages(text);
}

std::string to_string(Date date) {
  char text[kMaxDateTextSize];
  return std::string(text, write_date(text, date));
}

char* write_date(char* at, Date date) {
  constexpr int kLastFourDigitYear = 9999;
  const std::chrono::year_month_day ymd = date.year_month_day();
  const int year = static_cast<int>(ymd.year());
  const auto month = static_cast<unsigned>(ymd.month());
  const auto day = static_cast<unsigned>(ymd.day());
  if (year >= 0 && year <= kLastFourDigitYear) {  // the usual case, without printf
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
  const int length = std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, month, day);
  return std::copy(text, text + length, at);
}

void append_date(std::string& out, Date date) {
  char text[kMaxDateTextSize];
  out.append(text, write_date(text, date));
}

Result<Weekday> parse_weekday(std::string_view text) {
  for (unsigned i = 0; i < kWeekdayNames.size(); ++i) {
    if (text == kWeekdayNames[i]) return Weekday{i};
  }
  return fail("expected a weekday in lower case (sunday, monday, …, saturday); found \"" + std::string(text) + "\"");
}

std::string weekday_name(Weekday day) { return kWeekdayNames[day.c_encoding()]; }
std::string weekday_short_name(Weekday day) { return kWeekdayShortNames[day.c_encoding()]; }

}  // namespace plateau
