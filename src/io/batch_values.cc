#include "io/batch_values.h"

#include <cstdio>

namespace plateau::io {

namespace {
constexpr long long kMinutesPerHour = 60;
constexpr long long kLatestHourMinute = ClockTime::kMaxHours * kMinutesPerHour + (kMinutesPerHour - 1);
}  // namespace

std::string timecard_time(ClockTime time, Date day) {
  const long long minutes = time.since_midnight_of(day).count();
  if (minutes < 0 || minutes > kLatestHourMinute) return to_string(time.date()) + "T" + time.hhmm();
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", minutes / kMinutesPerHour, minutes % kMinutesPerHour);
  return buffer;
}

}  // namespace plateau::io
