#include "core/clock.h"

#include <cstdio>

#include <date/tz.h>

namespace plateau {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

Result<ClockTime> ClockTime::parse(std::string_view text, Date day) { return parse(text, at(day, Duration{0})); }

// ClockTime::parse but for its usual case (inline in clock.h), with the messages: a function of its
// own, so that the usual case's needs no room for strings nor their cleanup.
Result<ClockTime> ClockTime::parse_any(std::string_view text, ClockTime midnight) {
  const auto found = [&] { return "\"" + std::string(text) + "\""; };  // built only for a message
  // ISO local date-time: YYYY-MM-DDTHH:MM, optionally :00 seconds.
  if (text.size() >= 16 && text[10] == 'T') {
    auto date = parse_date(text.substr(0, 10));
    const std::string_view clock = text.substr(11);
    const bool shape_ok = (clock.size() == 5 || (clock.size() == 8 && clock[5] == ':')) && clock[2] == ':' &&
                          all_digits(clock.substr(0, 2)) && all_digits(clock.substr(3, 2));
    if (!date || !shape_ok) {
      return fail("expected a local date-time YYYY-MM-DDTHH:MM, like \"2009-03-02T07:00\"; found " + found());
    }
    if (clock.size() == 8 && clock.substr(6) != "00") {
      return fail("expected a time to the minute; found " + found() + " (seconds other than :00)");
    }
    const int hours = to_int(clock.substr(0, 2));
    const int minutes = to_int(clock.substr(3, 2));
    if (hours > 23 || minutes > 59) {
      return fail("expected a local date-time with hours 00–23 and minutes 00–59; found " + found());
    }
    return ClockTime::at(*date, Duration{hours * kMinutesPerHour + minutes});
  }
  // "H:MM" ("7:30"), or an "HH:MM" the inline parse did not take (hours or minutes out of range).
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3 ||
      !all_digits(text.substr(0, colon)) || !all_digits(text.substr(colon + 1))) {
    return fail("expected a time HH:MM (24:00 and beyond for the next day, like \"26:15\") or "
                "YYYY-MM-DDTHH:MM; found " + found());
  }
  const int hours = to_int(text.substr(0, colon));
  const int minutes = to_int(text.substr(colon + 1));
  if (minutes > 59) return fail("expected minutes 00–59; found " + found());
  if (hours > ClockTime::kMaxHours) {
    return fail("expected hours 00–" + std::to_string(ClockTime::kMaxHours) + "; found " + found());
  }
  return midnight.plus_wall(Duration{hours * kMinutesPerHour + minutes});
}

std::string ClockTime::to_string() const { return plateau::to_string(date()) + " " + hhmm(); }

std::string ClockTime::hhmm() const {
  const auto minutes = time_of_day().count();  // 0 … 1439
  const auto hours = static_cast<int>(minutes / kMinutesPerHour);
  const auto rest = static_cast<int>(minutes % kMinutesPerHour);
  const char text[] = {static_cast<char>('0' + hours / 10), static_cast<char>('0' + hours % 10), ':',
                       static_cast<char>('0' + rest / 10), static_cast<char>('0' + rest % 10)};
  return std::string(text, sizeof text);
}

Result<TimeZone> TimeZone::named(std::string_view name) {
  try {
    const date::time_zone* zone = date::locate_zone(name);
    return TimeZone(zone, std::string(name));
  } catch (const std::exception&) {
    return fail("expected an IANA time zone name, like \"America/Toronto\"; found \"" + std::string(name) +
                "\", which the system's time-zone database does not know");
  }
}

Result<Instant> TimeZone::look_up_instant(ClockTime time) const {
  const std::chrono::minutes wall = time.wall_minutes_since_epoch();
  const date::local_time<std::chrono::minutes> local{wall};
  const date::local_info info = zone_->get_info(local);
  switch (info.result) {
    case date::local_info::unique: {
      // Remember the stretch this offset holds for, a day short of each change at either end: a
      // change moves the clocks by hours, so within it no time is skipped or repeated.
      const auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.first.offset);
      constexpr std::chrono::minutes kMargin = std::chrono::hours(24);
      const auto from = std::chrono::duration_cast<std::chrono::minutes>(info.first.begin.time_since_epoch()) + offset;
      const auto until = std::chrono::duration_cast<std::chrono::minutes>(info.first.end.time_since_epoch()) + offset;
      if (until - from > 2 * kMargin) {
        known_from_ = from + kMargin;
        known_until_ = until - kMargin;
        known_offset_ = offset;
      }
      return Instant{wall - offset};
    }
    case date::local_info::nonexistent:
      return fail(time.to_string() + " does not exist in " + name_ +
                  " (the clocks jumped forward at the change to daylight-saving time); expected a time that exists");
    case date::local_info::ambiguous:
      return fail(time.to_string() + " happens twice in " + name_ +
                  " (the clocks went back at the end of daylight-saving time); give the time as it would read "
                  "before or after the hour, or split the day");
  }
  return fail("unreachable local time state");
}

Result<Duration> TimeZone::elapsed(ClockTime from, ClockTime to) const {
  auto start = instant(from);
  if (!start) return tl::unexpected(start.error());
  auto end = instant(to);
  if (!end) return tl::unexpected(end.error());
  return *end - *start;
}

std::string format_hours_minutes(Duration d) {
  const auto total = d.count();
  const auto magnitude = total < 0 ? -total : total;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%lld:%02lld", total < 0 ? "-" : "",
                static_cast<long long>(magnitude / kMinutesPerHour), static_cast<long long>(magnitude % kMinutesPerHour));
  return buffer;
}

}  // namespace plateau
