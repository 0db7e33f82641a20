#include "core/rational.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <iterator>
#include <limits>
#include <numeric>

#include <cassert>
#include <string>

#include "core/checked.h"
#include "core/digits.h"

namespace plateau {

using detail::Int128;

namespace {

bool fits_in_int64(Int128 value) {
  return value >= std::numeric_limits<std::int64_t>::min() && value <= std::numeric_limits<std::int64_t>::max();
}

Rational make_normalised(Int128 num, Int128 den, const char* what) {
  assert(den != 0);
  // The usual case: both fit in 64 bits and the denominator is positive, so the result fits too.
  if (den > 0 && fits_in_int64(num) && fits_in_int64(den)) {
    return Rational(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
  }
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const Int128 g = detail::gcd128(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  return Rational(detail::narrow(num, what), detail::narrow(den, what));
}

std::string digits_of(Int128 value) {
  if (value >= 0 && value <= Int128(std::numeric_limits<std::uint64_t>::max())) {
    char buffer[std::numeric_limits<std::uint64_t>::digits10 + 1];
    const auto end = std::to_chars(std::begin(buffer), std::end(buffer), static_cast<std::uint64_t>(value)).ptr;
    return std::string(buffer, end);
  }
  std::string out;
  while (value > 0) {
    out.push_back(static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// Writes |num|/den (den a power of ten, `decimals` zeros) as decimal text with a sign.
std::string write_scaled(bool negative, Int128 scaled, int decimals) {
  std::string digits = digits_of(scaled);
  if (decimals > 0) {
    if (static_cast<int>(digits.size()) <= decimals) {
      digits.insert(0, static_cast<std::size_t>(decimals + 1) - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(decimals), ".");
  }
  const bool all_zero = scaled == 0;
  return (negative && !all_zero ? "-" : "") + digits;
}

// magnitude / den with `decimals` decimals, as write_scaled writes them, for a terminating decimal
// (den = 2^a 5^b, which divides 10^decimals) whose digits 128 bits may not hold (up to 62
// decimals): digit by digit, the remainder × 10 always within 128 bits.
std::string write_by_long_division(bool negative, std::uint64_t magnitude, std::uint64_t den, int decimals) {
  constexpr int kBase = 10;
  std::string text = digits_of(Int128(magnitude / den));
  Int128 remainder = magnitude % den;
  if (decimals > 0) text += '.';
  for (int i = 0; i < decimals; ++i) {
    remainder *= kBase;
    text += static_cast<char>('0' + static_cast<int>(remainder / den));
    remainder %= den;
  }
  return (negative && magnitude != 0 ? "-" : "") + text;
}

// |value| as an unsigned number; exact for the most negative value too.
std::uint64_t magnitude_of(std::int64_t value) {
  const auto bits = static_cast<std::uint64_t>(value);
  return value < 0 ? std::uint64_t{0} - bits : bits;
}

// The longest text write_scaled64 gives: a sign, then either every digit and a point, or "0." and
// the decimals.
constexpr int kMaxScaledText = 1 + std::max(kMaxDigits64 + 1, 2 + kMaxPowerOfTen64);

// The same text as write_scaled, for a value that fits in 64 bits and at most 19 decimals, written
// at `at` (room for kMaxScaledText); returns its end. The decimals, leading zeros included, then
// the integer part ("0" when there is none), are written backwards two digits at a time into the
// middle of a buffer twice kMaxScaledText, and all kMaxScaledText bytes from the text's start are
// copied to `at`: a copy of a size known here, where the text's own size would be a call to memcpy.
char* put_scaled64(char* at, bool negative, std::uint64_t scaled, int decimals) {
  assert(decimals >= 0 && decimals <= kMaxPowerOfTen64);
  char text[2 * kMaxScaledText] = {};
  char* const end = text + kMaxScaledText;
  std::uint64_t whole = scaled;  // the decimals are taken off it as they are written
  char* start = put_low_digits_before(end, whole, decimals);
  if (decimals > 0) *--start = '.';
  start = put_digits_before(start, whole);
  if (negative && scaled != 0) *--start = '-';
  std::memcpy(at, start, kMaxScaledText);
  return at + (end - start);
}

// The same, as a string.
std::string write_scaled64(bool negative, std::uint64_t scaled, int decimals) {
  char text[kMaxScaledText];
  return std::string(text, put_scaled64(text, negative, scaled, decimals));
}

Int128 power_of_ten(int exponent) {
  Int128 out = 1;
  for (int i = 0; i < exponent; ++i) out *= 10;
  return out;
}

}  // namespace

Rational::Rational(std::int64_t numerator, std::int64_t denominator) {
  assert(denominator != 0);
  if (denominator == 1) {  // an integer: already in lowest terms
    num_ = numerator;
    return;
  }
  if (denominator > 0) {  // the usual case, in 64 bits: the divisor is at most the denominator
    const auto divisor = static_cast<std::int64_t>(std::gcd(magnitude_of(numerator), magnitude_of(denominator)));
    num_ = divisor == 1 ? numerator : numerator / divisor;
    den_ = divisor == 1 ? denominator : denominator / divisor;
    return;
  }
  Int128 num = numerator;
  Int128 den = denominator;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const Int128 g = detail::gcd128(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  num_ = detail::narrow(num, "rational");
  den_ = detail::narrow(den, "rational");
}

Rational Rational::operator+(const Rational& other) const {
  std::int64_t sum = 0;
  if (den_ == 1 && other.den_ == 1 && !__builtin_add_overflow(num_, other.num_, &sum)) return Rational(sum);
  // a/b + c/d in 64 bits when every step fits (Knuth, TAOCP 4.5.1): with g = gcd(b, d),
  // t = a × (d/g) + c × (b/g) and g2 = gcd(t, g), the sum is (t/g2) / ((b/g) × (d/g2)), already in
  // lowest terms. Any step that overflows takes the 128-bit way below, which is exact or throws.
  const auto g = static_cast<std::int64_t>(std::gcd(static_cast<std::uint64_t>(den_), static_cast<std::uint64_t>(other.den_)));
  const std::int64_t b_over_g = den_ / g;
  const std::int64_t d_over_g = other.den_ / g;
  std::int64_t left = 0;
  std::int64_t right = 0;
  std::int64_t t = 0;
  if (!__builtin_mul_overflow(num_, d_over_g, &left) && !__builtin_mul_overflow(other.num_, b_over_g, &right) &&
      !__builtin_add_overflow(left, right, &t)) {
    if (t == 0) return Rational(0);
    const auto g2 = g == 1 ? std::int64_t{1} : static_cast<std::int64_t>(std::gcd(magnitude_of(t), static_cast<std::uint64_t>(g)));
    std::int64_t den = 0;
    if (!__builtin_mul_overflow(b_over_g, other.den_ / g2, &den)) return Rational(t / g2, den, LowestTerms{});
  }
  const Int128 num = Int128(num_) * other.den_ + Int128(other.num_) * den_;
  return make_normalised(num, Int128(den_) * other.den_, "rational addition");
}

Rational Rational::operator-(const Rational& other) const { return *this + (-other); }

Rational Rational::product(bool negative, std::uint64_t num_a, std::uint64_t den_a, std::uint64_t num_b,
                           std::uint64_t den_b, const char* what) {
  if (num_a == 0 || num_b == 0) return Rational(0);
  // Cross-reduce: with both fractions in lowest terms, dividing num_a and den_b by their gcd, and
  // num_b and den_a by theirs, leaves a product in lowest terms. So the products below are the
  // result's own numerator and denominator: if one does not fit in 64 bits, the value does not,
  // and that is the overflow the 128-bit way found after its gcd.
  const auto reduce = [](std::uint64_t& x, std::uint64_t& y) {
    if (x == 1 || y == 1) return;
    const std::uint64_t g = std::gcd(x, y);
    x /= g;
    y /= g;
  };
  reduce(num_a, den_b);
  reduce(num_b, den_a);
  std::uint64_t num = 0;
  std::uint64_t den = 0;
  // The most negative numerator's magnitude is one more than the largest positive one's.
  const std::uint64_t largest_num = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
  if (__builtin_mul_overflow(num_a, num_b, &num) || __builtin_mul_overflow(den_a, den_b, &den) || num > largest_num ||
      den > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    throw OverflowError(std::string("arithmetic overflow in ") + what);
  }
  // The negation in unsigned arithmetic, then the conversion: exact for the most negative value too.
  const auto signed_num = static_cast<std::int64_t>(negative ? std::uint64_t{0} - num : num);
  return Rational(signed_num, static_cast<std::int64_t>(den), LowestTerms{});
}

Rational Rational::operator*(const Rational& other) const {
  std::int64_t product_of_integers = 0;
  if (den_ == 1 && other.den_ == 1 && !__builtin_mul_overflow(num_, other.num_, &product_of_integers)) {
    return Rational(product_of_integers);
  }
  return product((num_ < 0) != (other.num_ < 0), magnitude_of(num_), static_cast<std::uint64_t>(den_),
                 magnitude_of(other.num_), static_cast<std::uint64_t>(other.den_), "rational multiplication");
}

Rational Rational::operator/(const Rational& other) const {
  assert(other.num_ != 0);
  // a/b ÷ c/d = a/b × d/c, with the sign of c moved to the numerator.
  return product((num_ < 0) != (other.num_ < 0), magnitude_of(num_), static_cast<std::uint64_t>(den_),
                 static_cast<std::uint64_t>(other.den_), magnitude_of(other.num_), "rational division");
}

Rational Rational::operator-() const { return Rational(detail::checked_sub(0, num_, "rational negation"), den_); }

std::strong_ordering Rational::operator<=>(const Rational& other) const {
  return Int128(num_) * other.den_ <=> Int128(other.num_) * den_;
}

std::int64_t Rational::floor() const {
  std::int64_t q = num_ / den_;
  if (num_ % den_ != 0 && num_ < 0) --q;
  return q;
}

std::int64_t Rational::ceil() const {
  std::int64_t q = num_ / den_;
  if (num_ % den_ != 0 && num_ > 0) ++q;
  return q;
}

Result<Rational> Rational::parse_decimal(std::string_view text, int max_decimals) {
  // The message's words, built only when there is a message.
  const auto expected = [&] {
    return max_decimals == 2 ? std::string("a decimal amount with at most 2 decimals, like \"755\" or \"755.00\"")
                             : "a decimal number with at most " + std::to_string(max_decimals) +
                                   " decimals, like \"1.5\" or \"0.06\"";
  };
  const auto shown = [&] { return "\"" + std::string(text) + "\""; };
  if (text.empty()) return fail("expected " + expected() + "; found an empty text");
  std::size_t i = 0;
  const bool negative = text[0] == '-';
  if (negative) ++i;
  Int128 value = 0;
  int integer_digits = 0;
  int decimals = 0;
  bool seen_point = false;
  constexpr Int128 kLimit = Int128(1) << 100;  // far beyond any amount; keeps 128-bit math safe
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (seen_point) return fail("expected " + expected() + "; found " + shown() + " (two decimal points)");
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') {
      std::string why;
      if (c == ',') why = " (no thousands separators or decimal commas)";
      else if (c == 'e' || c == 'E') why = " (no exponent notation)";
      else why = " (unexpected character '" + std::string(1, c) + "')";
      return fail("expected " + expected() + "; found " + shown() + why);
    }
    if (seen_point) {
      ++decimals;
      if (decimals > max_decimals) {
        return fail("expected " + expected() + "; found " + shown() + " (" + std::to_string(decimals) + " decimals or more)");
      }
    } else {
      ++integer_digits;
    }
    value = value * 10 + (c - '0');
    if (value > kLimit) return fail("expected " + expected() + "; found " + shown() + " (too large)");
  }
  if (integer_digits == 0 || (seen_point && decimals == 0)) {
    return fail("expected " + expected() + "; found " + shown());
  }
  if (negative) value = -value;
  const Int128 den = power_of_ten(decimals);
  const Int128 g = detail::gcd128(value, den);
  const Int128 num = g > 1 ? value / g : value;
  const Int128 reduced_den = g > 1 ? den / g : den;
  if (num > std::numeric_limits<std::int64_t>::max() || num < std::numeric_limits<std::int64_t>::min()) {
    return fail("expected " + expected() + "; found " + shown() + " (too large)");
  }
  return Rational(static_cast<std::int64_t>(num), static_cast<std::int64_t>(reduced_den));
}

std::string Rational::to_decimal() const {
  char text[kMaxDecimalTextSize];
  return std::string(text, write_decimal(text));
}

char* Rational::write_decimal(char* at) const {
  static_assert(static_cast<std::size_t>(kMaxScaledText) <= kMaxDecimalTextSize);
  const auto copy_text = [&](const std::string& text) {
    assert(text.size() <= kMaxDecimalTextSize);
    return std::copy(text.begin(), text.end(), at);
  };
  if (const auto decimal = as_decimal()) return put_scaled64(at, decimal->negative, decimal->scaled, decimal->decimals);
  const int decimals = terminating_decimals();
  if (decimals >= 0) {  // more digits than 64 bits hold
    return copy_text(write_by_long_division(num_ < 0, magnitude_of(num_), static_cast<std::uint64_t>(den_), decimals));
  }
  constexpr int kShownDecimals = 6;
  return copy_text(to_fixed(kShownDecimals) + "…");
}

int Rational::terminating_decimals() const {
  // A terminating decimal has a denominator of the form 2^a 5^b; it needs max(a, b) decimals.
  const int twos = std::countr_zero(static_cast<std::uint64_t>(den_));
  std::int64_t d = den_ >> twos;
  int fives = 0;
  constexpr std::int64_t kFive = 5;
  while (d % kFive == 0) {
    d /= kFive;
    ++fives;
  }
  if (d != 1) return -1;
  return twos > fives ? twos : fives;
}

std::optional<Rational::Decimal> Rational::as_decimal() const {
  const bool negative = num_ < 0;
  const std::uint64_t magnitude = magnitude_of(num_);
  if (den_ == 1) return Decimal{negative, magnitude, 0};
  const int decimals = terminating_decimals();
  // |num| / den = |num| × (10^decimals / den) / 10^decimals, the factor exact: in 64 bits when it
  // and the product fit.
  if (decimals < 0 || decimals > kMaxPowerOfTen64) return std::nullopt;
  const std::uint64_t factor = kPowersOfTen[static_cast<std::size_t>(decimals)] / static_cast<std::uint64_t>(den_);
  std::uint64_t scaled = 0;
  if (__builtin_mul_overflow(magnitude, factor, &scaled)) return std::nullopt;
  return Decimal{negative, scaled, decimals};
}

std::string Rational::to_fixed(int decimals) const {
  const bool negative = num_ < 0;
  const std::uint64_t magnitude = magnitude_of(num_);
  // Half away from zero, as divide_half_away_from_zero: (2 × |num| × 10^decimals + den) ÷ (2 × den),
  // in 64 bits when it fits (2 × den does: den ≤ INT64_MAX).
  if (decimals >= 0 && decimals <= kMaxPowerOfTen64) {
    const auto den = static_cast<std::uint64_t>(den_);
    std::uint64_t scaled = 0;
    std::uint64_t twice_scaled = 0;
    std::uint64_t rounded_up = 0;
    if (!__builtin_mul_overflow(magnitude, kPowersOfTen[static_cast<std::size_t>(decimals)], &scaled) &&
        !__builtin_mul_overflow(scaled, std::uint64_t{2}, &twice_scaled) &&
        !__builtin_add_overflow(twice_scaled, den, &rounded_up)) {
      return write_scaled64(negative, rounded_up / (2 * den), decimals);
    }
  }
  const Int128 scaled = detail::divide_half_away_from_zero(Int128(magnitude) * power_of_ten(decimals), den_);
  return write_scaled(negative, scaled, decimals);
}

}  // namespace plateau
