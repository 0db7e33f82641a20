// Money: an exact amount of integer cents, and the one way a fraction of it becomes money again.
//
// Money adds and subtracts with overflow checks and multiplies by whole counts. Multiplying by a
// rate (a Rational: "÷ 8 × 2", "1.5%", hours) gives an ExactAmount, still exact, which becomes
// Money only through a named rounding step: `round_to_cent()`, half away from zero. A pay line
// rounds once, at the end of its computation. Money × Money does not compile.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/rational.h"

namespace plateau {

class ExactAmount;

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_cents(std::int64_t cents) { return Money(cents); }
  static Money from_dollars(std::int64_t dollars);

  std::int64_t cents() const { return cents_; }
  bool is_zero() const { return cents_ == 0; }

  // Sums are inline (a gross adds every line); an overflow throws OverflowError, out of line.
  Money operator+(Money other) const {
    std::int64_t sum = 0;
    if (__builtin_add_overflow(cents_, other.cents_, &sum)) throw_overflow("money addition");
    return Money(sum);
  }
  Money operator-(Money other) const {
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(cents_, other.cents_, &difference)) throw_overflow("money subtraction");
    return Money(difference);
  }
  Money operator-() const;
  Money& operator+=(Money other) { return *this = *this + other; }
  Money& operator-=(Money other) { return *this = *this - other; }
  Money operator*(std::int64_t count) const;

  bool operator==(const Money&) const = default;
  auto operator<=>(const Money&) const = default;

  // The exact value in dollars, for arithmetic with rates.
  Rational dollars() const { return Rational(cents_, 100); }

  // "283.13", "-0.01", "0.00": always two decimals, no grouping.
  std::string to_string() const;

  // The longest text to_string() gives: a sign, the dollars' digits (at most 20), the point and
  // the two cents.
  static constexpr std::size_t kMaxTextSize = 24;
  // The text of to_string() written at `at`, which has room for kMaxTextSize characters; returns
  // the end of what was written. For writers that put money straight into their output.
  char* write_text(char* at) const;
  // The text of to_string() appended to `out`, with no string built in between.
  void append_to(std::string& out) const;

  // Parses money text: "755", "755.00", "3015.5", "-0.01". At most two decimals.
  static Result<Money> parse(std::string_view text);

 private:
  explicit constexpr Money(std::int64_t cents) : cents_(cents) {}
  [[noreturn]] static void throw_overflow(const char* what);
  std::int64_t cents_ = 0;
};

// An amount of money known exactly, before the rounding that makes it payable.
class ExactAmount {
 public:
  explicit ExactAmount(Rational dollars) : dollars_(dollars) {}

  const Rational& dollars() const { return dollars_; }
  ExactAmount operator*(const Rational& factor) const { return ExactAmount(dollars_ * factor); }
  ExactAmount operator/(const Rational& divisor) const { return ExactAmount(dollars_ / divisor); }
  ExactAmount operator+(const ExactAmount& other) const { return ExactAmount(dollars_ + other.dollars_); }

  // The single rounding of a pay line: to the cent, halves away from zero
  // (283.125 → 283.13, -0.005 → -0.01).
  Money round_to_cent() const;

 private:
  Rational dollars_;
};

ExactAmount operator*(Money amount, const Rational& factor);
ExactAmount operator*(const Rational& factor, Money amount);

// amount × factor rounded once to the cent, halves away from zero: (amount * factor).round_to_cent()
// worked straight from the cents, without the exact amount in between.
Money times_rounded_to_cent(Money amount, const Rational& factor);

}  // namespace plateau
