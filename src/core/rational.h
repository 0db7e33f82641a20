// Rational: an exact fraction of two 64-bit integers, for rates, multipliers and hours.
//
// Pay rates such as "$755 ÷ 8 × 2" and "weekly ÷ 5 × 1½" are fractions; plateau keeps them
// exact until the single rounding of a pay line (see money.h). Every operation is checked:
// a result that does not fit throws OverflowError rather than wrapping. Values are always
// normalised (denominator > 0, lowest terms), so equal values compare equal member-wise.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace plateau {

class Rational {
 public:
  constexpr Rational() = default;
  // NOLINTNEXTLINE(google-explicit-constructor): an integer is a rational.
  Rational(std::int64_t integer) : num_(integer) {}
  // REQUIRES: denominator != 0.
  Rational(std::int64_t numerator, std::int64_t denominator);

  std::int64_t numerator() const { return num_; }
  std::int64_t denominator() const { return den_; }
  bool is_integer() const { return den_ == 1; }
  bool is_zero() const { return num_ == 0; }
  bool is_negative() const { return num_ < 0; }

  Rational operator+(const Rational& other) const;
  Rational operator-(const Rational& other) const;
  Rational operator*(const Rational& other) const;
  // REQUIRES: !other.is_zero().
  Rational operator/(const Rational& other) const;
  Rational operator-() const;

  bool operator==(const Rational& other) const = default;
  std::strong_ordering operator<=>(const Rational& other) const;

  // The largest integer not above / smallest integer not below this value.
  std::int64_t floor() const;
  std::int64_t ceil() const;

  // Parses plain decimal text: optional '-', digits, optional '.' and at most `max_decimals`
  // digits. No exponent, no grouping separators, no '+', no spaces.
  static Result<Rational> parse_decimal(std::string_view text, int max_decimals = 9);

  // Exact decimal text ("188.75", "219.375", "1.5", "2"): as many decimals as needed.
  // A fraction whose decimal expansion does not end (a denominator with a factor other than
  // 2 and 5) is written rounded half away from zero to 6 decimals, followed by "…".
  std::string to_decimal() const;

  // The longest text to_decimal() gives: a sign, "0." and as many decimals as a denominator of 64
  // bits can need (63, for 2^63), and the 3 bytes of "…"; or the 39 digits of a 128-bit value and
  // the point.
  static constexpr std::size_t kMaxDecimalTextSize = 1 + 2 + 63 + 3;
  // The text of to_decimal() written at `at`, which has room for kMaxDecimalTextSize characters;
  // returns the end of what was written. For writers that put numbers straight into their output.
  char* write_decimal(char* at) const;

  // Decimal text with exactly `decimals` decimals, rounded half away from zero ("1.50").
  std::string to_fixed(int decimals) const;

  // The value as a whole count of 10^-decimals: |value| = scaled ÷ 10^decimals, with the fewest
  // decimals that make it whole (219.375: 219375 and 3; 2: 2 and 0). What write_decimal writes, for
  // writers that lay the digits out their own way (grouped, with a decimal comma).
  struct Decimal {
    bool negative = false;
    std::uint64_t scaled = 0;
    int decimals = 0;  // at most 19
  };
  // Nothing when the decimals do not end (1/3) or `scaled` would not fit in 64 bits.
  std::optional<Decimal> as_decimal() const;
  // The decimals the value's decimal text ends after (max(a, b) for a denominator 2^a 5^b), or -1
  // when it does not end.
  int terminating_decimals() const;

 private:
  // A value already in lowest terms with den > 0 (the arithmetic below makes it so): no gcd again.
  struct LowestTerms {};
  Rational(std::int64_t numerator, std::int64_t denominator, LowestTerms) : num_(numerator), den_(denominator) {}

  // (±num_a / den_a) × (num_b / den_b) from magnitudes, each fraction in lowest terms; `what` names
  // the operation in an overflow's message.
  static Rational product(bool negative, std::uint64_t num_a, std::uint64_t den_a, std::uint64_t num_b,
                          std::uint64_t den_b, const char* what);

  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

}  // namespace plateau
