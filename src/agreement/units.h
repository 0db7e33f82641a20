// The units of agreement files, written as text so that a figure always says what it is:
// durations "14h", "30min", "2h30min"; money "755.00"; decimals (rates, multipliers) "1.5",
// "0.06"; distances "25km"; coordinates "45.535556" (degrees). Each parser rejects text in
// another unit with a message saying what was expected and what was found
// (format: docs/agreement-format.md).
#pragma once

#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "core/money.h"
#include "core/rational.h"

namespace plateau::agreement {

// "14h", "30min", "2h30min", "0min". Hours and/or minutes, no spaces; minutes under 60 when
// hours are given.
Result<Duration> parse_duration(std::string_view text);
// The inverse of parse_duration: "14h", "30min", "2h30min", "0min".
std::string format_duration(Duration duration);

// A non-negative amount with at most two decimals: "755", "755.00".
Result<Money> parse_amount(std::string_view text);

// A non-negative decimal: "1.5", "0.06", "2".
Result<Rational> parse_factor(std::string_view text);

// A non-negative distance in kilometres: "25km", "24.5km".
Result<Rational> parse_distance_km(std::string_view text);

// A latitude (−90…90) or longitude (−180…180) in decimal degrees: "45.535556", "-73.604444".
Result<double> parse_latitude(std::string_view text);
Result<double> parse_longitude(std::string_view text);

// A Rational as a double, for geometry only (never money or hours).
double to_double(const Rational& value);

}  // namespace plateau::agreement
