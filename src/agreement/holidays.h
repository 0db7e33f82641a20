// Turning an agreement's holiday rules into the dates of a given year.
#pragma once

#include <vector>

#include "agreement/agreement.h"

namespace plateau::agreement {

// Easter Sunday (Gregorian calendar) of `year`.
Date easter_sunday(int year);

// The holidays of `year`, by date.
std::vector<Holiday> holidays_in_year(const HolidayRules& rules, int year);

}  // namespace plateau::agreement
