// Clock times on a timecard, real elapsed time between them, and the production's time zone.
//
// A ClockTime is a point on the production's wall clock: a calendar date plus minutes since
// that date's midnight. Production reports write times past midnight as 24:00 and beyond, so
// "26:15" on 2009-03-07 is 02:15 on 2009-03-08. A Duration is an amount of time. They are
// different types: ClockTime − ClockTime has no meaning until a TimeZone says how many real
// minutes separate them (a night across a daylight-saving change is an hour shorter or longer),
// and ClockTime + ClockTime does not compile. A wall-clock time that does not exist (skipped in
// spring) or exists twice (repeated in autumn) is reported, never guessed.
#pragma once

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/error.h"

namespace date {
class time_zone;
}

namespace plateau {

using Duration = std::chrono::minutes;
using Instant = std::chrono::sys_time<std::chrono::minutes>;

inline constexpr int kMinutesPerHour = 60;

class ClockTime {
 public:
  ClockTime() = default;  // 1970-01-01 00:00, a placeholder until assigned
  static ClockTime at(Date date, Duration since_midnight) { return ClockTime(midnight_of(date) + since_midnight); }

  // The latest hour accepted in "HH:MM": times up to 71:59 reach three calendar days.
  static constexpr int kMaxHours = 71;

  // Parses "HH:MM" (hours 0–71, read on `day`) or an ISO local date-time "YYYY-MM-DDTHH:MM[:00]".
  static Result<ClockTime> parse(std::string_view text, Date day);
  // As above, "HH:MM" read from `midnight` (at(day, 0)): for the several times of one day, whose
  // midnight is then worked out once.
  // Inline for a valid "HH:MM", read several times on every timecard; every other text, and every
  // refusal, out of line.
  static Result<ClockTime> parse(std::string_view text, ClockTime midnight) {
    constexpr std::size_t kHhMm = 5;
    constexpr unsigned kMaxMinutes = 59;
    constexpr unsigned kTen = 10;
    if (text.size() == kHhMm && text[2] == ':') {
      // As unsigned, a byte below '0' is a large number: one comparison per digit, no branch.
      const auto digit = [&](std::size_t at) { return static_cast<unsigned>(text[at] - '0'); };
      const unsigned h1 = digit(0), h2 = digit(1), m1 = digit(3), m2 = digit(4);
      const bool digits = (h1 < kTen) & (h2 < kTen) & (m1 < kTen) & (m2 < kTen);
      const unsigned hours = h1 * kTen + h2;
      const unsigned minutes = m1 * kTen + m2;
      if (digits && minutes <= kMaxMinutes && hours <= static_cast<unsigned>(kMaxHours)) {
        return midnight.plus_wall(Duration{hours * kMinutesPerHour + minutes});
      }
    }
    return parse_any(text, midnight);
  }

  Date date() const { return Date{std::chrono::floor<std::chrono::days>(Instant{minutes_since_epoch_})}; }
  // Minutes since that date's midnight, 0–1439.
  Duration time_of_day() const { return minutes_since_epoch_ - midnight_of(date()); }
  // Minutes since midnight of `day`, the production-report way ("26:15" for 02:15 the next day).
  Duration since_midnight_of(Date day) const { return minutes_since_epoch_ - midnight_of(day); }

  // Wall-clock arithmetic: the same hands on the clock `d` later (not real time; see TimeZone).
  ClockTime plus_wall(Duration d) const { return ClockTime(minutes_since_epoch_ + d); }

  auto operator<=>(const ClockTime&) const = default;
  bool operator==(const ClockTime&) const = default;

  std::string to_string() const;  // "2009-03-08 02:15"
  std::string hhmm() const;       // "02:15"

  // Minutes on the wall clock since 1970-01-01 00:00 local, for TimeZone.
  std::chrono::minutes wall_minutes_since_epoch() const { return minutes_since_epoch_; }

 private:
  explicit ClockTime(std::chrono::minutes since_epoch) : minutes_since_epoch_(since_epoch) {}
  // Minutes on the wall clock from 1970-01-01 00:00 to `date`'s midnight.
  static std::chrono::minutes midnight_of(Date date) {
    return std::chrono::duration_cast<std::chrono::minutes>(std::chrono::days{date.days_since_epoch()});
  }
  // parse, for every text but a valid "HH:MM": the date-times, "7:30", and each refusal's message.
  static Result<ClockTime> parse_any(std::string_view text, ClockTime midnight);
  std::chrono::minutes minutes_since_epoch_{0};  // local wall clock, counted from 1970-01-01 00:00
};

// An IANA time zone ("America/Toronto") from the system's tz database.
//
// Not to be shared between threads: it remembers the last stretch of wall-clock time it found
// with one UTC offset (a batch's days fall in one or two such stretches), so that most look-ups
// skip the tz database.
class TimeZone {
 public:
  static Result<TimeZone> named(std::string_view name);

  const std::string& name() const { return name_; }

  // The instant the wall clock shows `time`; an error when that wall-clock time is skipped or repeated.
  // Inline for the usual case, a time within the stretch of one offset last looked up (several
  // times a day of every timecard).
  Result<Instant> instant(ClockTime time) const {
    const std::chrono::minutes wall = time.wall_minutes_since_epoch();
    if (wall >= known_from_ && wall < known_until_) return Instant{wall - known_offset_};
    return look_up_instant(time);
  }

  // Real minutes from `from` to `to` (negative when `to` is earlier).
  Result<Duration> elapsed(ClockTime from, ClockTime to) const;

 private:
  TimeZone(const date::time_zone* zone, std::string name) : zone_(zone), name_(std::move(name)) {}
  // instant() beyond the stretch it knows: asks the time zone database, and learns the new stretch.
  Result<Instant> look_up_instant(ClockTime time) const;
  const date::time_zone* zone_;
  std::string name_;
  // Wall-clock minutes [from, until) in which every time exists once, `offset` from UTC.
  mutable std::chrono::minutes known_from_{1};
  mutable std::chrono::minutes known_until_{0};
  mutable std::chrono::minutes known_offset_{0};
};

// "13:30" for 13 h 30 min; hours may exceed 24.
std::string format_hours_minutes(Duration d);

}  // namespace plateau
