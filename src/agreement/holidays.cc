// Turning holiday rules into the dates of a year (see holidays.h).
#include "agreement/holidays.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>

namespace plateau::agreement {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

constexpr int kDaysPerWeek = 7;

// The `nth` `weekday` of month/year (nth ≥ 1); nullopt when the month has fewer (a 5th Monday).
std::optional<Date> nth_weekday(int y, unsigned m, Weekday weekday, int nth) {
  const std::chrono::year_month_weekday ymw{year{y}, month{m}, weekday[static_cast<unsigned>(nth)]};
  if (!ymw.ok()) return std::nullopt;
  return Date{std::chrono::sys_days{ymw}};
}

// The last `weekday` strictly before month/day of `y`; nullopt when month/day is not a day of `y`
// (February 29 of a common year).
std::optional<Date> weekday_before(int y, unsigned m, unsigned d, Weekday weekday) {
  const std::chrono::year_month_day day_of_year{year{y}, month{m}, day{d}};
  if (!day_of_year.ok()) return std::nullopt;
  const Date anchor{day_of_year};
  int back = static_cast<int>((weekday_of(anchor) - weekday).count());  // 0…6 days after `weekday`
  if (back == 0) back = kDaysPerWeek;
  return add_days(anchor, -back);
}

}  // namespace

// The "anonymous Gregorian algorithm" (Meeus/Jones/Butcher). The numbers are the algorithm's own
// constants (the 19-year Metonic cycle, the 100- and 400-year Gregorian corrections, …), not
// figures of any agreement.
Date easter_sunday(int y) {
  const int a = y % 19;
  const int b = y / 100;
  const int c = y % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month_number = (h + l - 7 * m + 114) / 31;
  const int day_number = (h + l - 7 * m + 114) % 31 + 1;
  return Date{year{y}, month{static_cast<unsigned>(month_number)}, day{static_cast<unsigned>(day_number)}};
}

std::vector<Holiday> holidays_in_year(const HolidayRules& rules, int y) {
  std::vector<Holiday> out;
  for (const HolidayRule& rule : rules.rules) {
    std::optional<Date> found;
    switch (rule.kind) {
      case HolidayRuleKind::fixed:
        if (const std::chrono::year_month_day fixed{year{y}, month{rule.month}, day{rule.day}}; fixed.ok()) found = fixed;
        break;
      case HolidayRuleKind::easter_offset: found = add_days(easter_sunday(y), rule.offset_days); break;
      case HolidayRuleKind::weekday_before: found = weekday_before(y, rule.month, rule.day, rule.weekday); break;
      case HolidayRuleKind::nth_weekday: found = nth_weekday(y, rule.month, rule.weekday, rule.nth); break;
    }
    if (!found) continue;  // a 5th weekday the month lacks; February 29 of a common year
    Date date = *found;
    if (rule.moves_when_on && weekday_of(date) == *rule.moves_when_on) date = add_days(date, 1);
    out.push_back(Holiday{date, rule.id, rule.name, rule.citation});
  }
  std::stable_sort(out.begin(), out.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

struct HolidayCalendar::Years {
  std::mutex mutex;
  std::map<int, std::vector<Holiday>> by_year;  // map: a year's vector stays put as others are added
};

HolidayCalendar::HolidayCalendar() : years_(std::make_unique<Years>()) {}
HolidayCalendar::~HolidayCalendar() = default;
HolidayCalendar::HolidayCalendar(const HolidayCalendar&) : HolidayCalendar() {}
HolidayCalendar& HolidayCalendar::operator=(const HolidayCalendar&) {
  years_ = std::make_unique<Years>();
  return *this;
}
HolidayCalendar::HolidayCalendar(HolidayCalendar&&) noexcept = default;
HolidayCalendar& HolidayCalendar::operator=(HolidayCalendar&&) noexcept = default;

const std::vector<Holiday>& HolidayCalendar::year(const HolidayRules& rules, int y) const {
  const std::lock_guard<std::mutex> lock(years_->mutex);
  auto found = years_->by_year.find(y);
  if (found == years_->by_year.end()) found = years_->by_year.emplace(y, holidays_in_year(rules, y)).first;
  return found->second;
}

}  // namespace plateau::agreement
