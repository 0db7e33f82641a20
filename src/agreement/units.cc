// Parsers for the units of agreement files (see units.h).
#include "agreement/units.h"

#include <cctype>
#include <cstdint>

namespace plateau::agreement {
namespace {

constexpr std::int64_t kMinutesPerHour = 60;
constexpr int kFactorDecimals = 9;     // "0.09975" and finer
constexpr int kCoordinateDecimals = 9;
constexpr int kMaxLatitude = 90;
constexpr int kMaxLongitude = 180;
constexpr std::string_view kHoursSuffix = "h";
constexpr std::string_view kMinutesSuffix = "min";
constexpr std::string_view kKilometresSuffix = "km";

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Reads leading digits of `text` into `value`; returns how many were read (0: none, or too many).
std::size_t read_digits(std::string_view text, std::int64_t& value) {
  constexpr std::size_t kMaxDigits = 9;
  std::size_t i = 0;
  value = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0) {
    if (i == kMaxDigits) return 0;
    value = value * 10 + (text[i] - '0');
    ++i;
  }
  return i;
}

Result<double> parse_degrees(std::string_view text, int limit, const std::string& what) {
  const std::string expected = "expected a " + what + " in decimal degrees between -" + std::to_string(limit) +
                               " and " + std::to_string(limit) + ", like \"45.535556\"";
  auto value = Rational::parse_decimal(text, kCoordinateDecimals);
  if (!value) return fail(expected + "; found " + in_quotes(text));
  if (*value > Rational(limit) || *value < Rational(-limit)) return fail(expected + "; found " + in_quotes(text));
  return to_double(*value);
}

}  // namespace

Result<Duration> parse_duration(std::string_view text) {
  const std::string expected = "expected a duration like \"14h\", \"30min\" or \"2h30min\"";
  const auto wrong = [&](const std::string& why) { return fail(expected + "; found " + in_quotes(text) + why); };
  if (text.empty()) return wrong("");
  std::string_view rest = text;
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
  bool any = false;
  bool has_hours = false;
  std::int64_t value = 0;
  std::size_t digits = read_digits(rest, value);
  if (digits > 0 && rest.substr(digits).starts_with(kHoursSuffix) &&
      !rest.substr(digits).starts_with("hr")) {
    hours = value;
    has_hours = true;
    any = true;
    rest.remove_prefix(digits + kHoursSuffix.size());
    digits = read_digits(rest, value);
  }
  if (!rest.empty()) {
    if (digits == 0 || rest.substr(digits) != kMinutesSuffix) {
      if (rest.find_first_not_of("0123456789.") == std::string_view::npos) return wrong(" (a number without a unit)");
      return wrong("");
    }
    minutes = value;
    any = true;
    if (has_hours && minutes >= kMinutesPerHour) return wrong(" (minutes must be under 60 after hours)");
  }
  if (!any) return wrong("");
  return Duration(hours * kMinutesPerHour + minutes);
}

std::string format_duration(Duration duration) {
  const std::int64_t total = duration.count();
  const std::int64_t hours = total / kMinutesPerHour;
  const std::int64_t minutes = total % kMinutesPerHour;
  if (hours == 0) return std::to_string(minutes) + "min";
  if (minutes == 0) return std::to_string(hours) + "h";
  return std::to_string(hours) + "h" + std::to_string(minutes) + "min";
}

Result<Money> parse_amount(std::string_view text) {
  const std::string expected = "expected an amount of money with at most 2 decimals, like \"755.00\"";
  auto money = Money::parse(text);
  if (!money || money->cents() < 0) return fail(expected + "; found " + in_quotes(text));
  return *money;
}

Result<Rational> parse_factor(std::string_view text) {
  const std::string expected = "expected a decimal number like \"1.5\" or \"0.06\"";
  auto value = Rational::parse_decimal(text, kFactorDecimals);
  if (!value || value->is_negative()) return fail(expected + "; found " + in_quotes(text));
  return *value;
}

Result<Rational> parse_distance_km(std::string_view text) {
  const std::string expected = "expected a distance in kilometres like \"25km\"";
  if (!text.ends_with(kKilometresSuffix)) return fail(expected + "; found " + in_quotes(text));
  auto value = Rational::parse_decimal(text.substr(0, text.size() - kKilometresSuffix.size()), kFactorDecimals);
  if (!value || value->is_negative()) return fail(expected + "; found " + in_quotes(text));
  return *value;
}

Result<double> parse_latitude(std::string_view text) { return parse_degrees(text, kMaxLatitude, "latitude"); }
Result<double> parse_longitude(std::string_view text) { return parse_degrees(text, kMaxLongitude, "longitude"); }

double to_double(const Rational& value) {
  return static_cast<double>(value.numerator()) / static_cast<double>(value.denominator());
}

}  // namespace plateau::agreement
