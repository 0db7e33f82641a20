// Exact fractions: normalisation, ordering, decimal text in and out, overflow.
#include "core/rational.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "core/checked.h"
#include "core/digits.h"

namespace plateau {
namespace {

TEST(Rational, NormalisesSignAndLowestTerms) {
  const Rational half(-2, -4);
  EXPECT_EQ(half.numerator(), 1);
  EXPECT_EQ(half.denominator(), 2);
  EXPECT_EQ(Rational(3, -6), Rational(-1, 2));
}

TEST(Rational, ArithmeticIsExact) {
  // 755 ÷ 8 × 2 = 188.75; 3015 ÷ 5 × 1.5 = 904.5
  EXPECT_EQ((Rational(755) / Rational(8) * Rational(2)).to_decimal(), "188.75");
  EXPECT_EQ((Rational(3015) / Rational(5) * Rational(3, 2)).to_decimal(), "904.5");
  EXPECT_EQ((Rational(1, 3) + Rational(1, 6)), Rational(1, 2));
  EXPECT_EQ((Rational(1, 3) - Rational(1, 2)), Rational(-1, 6));
}

TEST(Rational, DecimalText) {
  EXPECT_EQ(Rational(1755, 8).to_decimal(), "219.375");
  EXPECT_EQ(Rational(3, 2).to_decimal(), "1.5");
  EXPECT_EQ(Rational(2).to_decimal(), "2");
  EXPECT_EQ(Rational(-1, 100).to_decimal(), "-0.01");
  EXPECT_EQ(Rational(1, 3).to_decimal(), "0.333333…");
  EXPECT_EQ(Rational(3, 2).to_fixed(2), "1.50");
  EXPECT_EQ(Rational(1, 4).to_fixed(2), "0.25");
  EXPECT_EQ(Rational(-1, 200).to_fixed(2), "-0.01");
}

TEST(Rational, ParsesDecimals) {
  EXPECT_EQ(Rational::parse_decimal("0.06").value(), Rational(6, 100));
  EXPECT_EQ(Rational::parse_decimal("1.5").value(), Rational(3, 2));
  EXPECT_EQ(Rational::parse_decimal("-0.01").value(), Rational(-1, 100));
  EXPECT_EQ(Rational::parse_decimal("0.09975").value(), Rational(9975, 100000));
  EXPECT_FALSE(Rational::parse_decimal("1/2"));
  EXPECT_FALSE(Rational::parse_decimal("NaN"));
  EXPECT_FALSE(Rational::parse_decimal("inf"));
  EXPECT_FALSE(Rational::parse_decimal("99999999999999999999999999999999999"));
}

TEST(Rational, FloorAndCeil) {
  EXPECT_EQ(Rational(7, 2).floor(), 3);
  EXPECT_EQ(Rational(7, 2).ceil(), 4);
  EXPECT_EQ(Rational(-7, 2).floor(), -4);
  EXPECT_EQ(Rational(-7, 2).ceil(), -3);
  EXPECT_EQ(Rational(4).ceil(), 4);
}

TEST(Rational, OverflowThrows) {
  const Rational big(std::numeric_limits<std::int64_t>::max());
  EXPECT_THROW(big + Rational(1), OverflowError);
  EXPECT_THROW(big * Rational(2), OverflowError);
  EXPECT_THROW(Rational(1, std::numeric_limits<std::int64_t>::max()) * Rational(1, 3), OverflowError);
}

// The 64-bit ways of +, × and ÷ (cross-reduced products, Knuth's sum) against the plain 128-bit
// way: the value in lowest terms, or an overflow exactly when that value does not fit in 64 bits.
using Wide = detail::Int128;

// num/den in lowest terms, den > 0, or nothing when either does not fit in 64 bits.
std::optional<std::pair<std::int64_t, std::int64_t>> lowest_terms(Wide num, Wide den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const Wide g = detail::gcd128(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  constexpr Wide kMin = std::numeric_limits<std::int64_t>::min();
  constexpr Wide kMax = std::numeric_limits<std::int64_t>::max();
  if (num < kMin || num > kMax || den > kMax) return std::nullopt;
  return std::make_pair(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
}

// The outcome of `operation` as "n/d", or "overflow".
template <typename Operation>
std::string outcome(Operation operation) {
  try {
    const Rational r = operation();
    return std::to_string(r.numerator()) + "/" + std::to_string(r.denominator());
  } catch (const OverflowError&) {
    return "overflow";
  }
}

std::string expected(std::optional<std::pair<std::int64_t, std::int64_t>> value) {
  return value ? std::to_string(value->first) + "/" + std::to_string(value->second) : "overflow";
}

TEST(Rational, ProductsAreCrossReducedBeforeMultiplying) {
  // 755/8 × 8/5 = 151: the 8s cancel, then 755 and 5, without a product to reduce.
  EXPECT_EQ(Rational(755, 8) * Rational(8, 5), Rational(151));
  // (2^62 / 3) × (3 / 2^61) = 2: each product alone would overflow 64 bits.
  const std::int64_t two_62 = std::int64_t{1} << 62;
  const std::int64_t two_61 = std::int64_t{1} << 61;
  EXPECT_EQ(Rational(two_62, 3) * Rational(3, two_61), Rational(2));
  // ÷ a negative: the sign goes to the numerator. 3/4 ÷ -3/8 = -2.
  EXPECT_EQ(Rational(3, 4) / Rational(-3, 8), Rational(-2));
  // The most negative numerator is a result like any other: -2^63 = (-2^62) × 2, and ÷ 1/2.
  const std::int64_t most_negative = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ((Rational(-two_62, 1) * Rational(2)).numerator(), most_negative);
  EXPECT_EQ((Rational(-two_62, 3) / Rational(1, 6)).numerator(), most_negative);
  // … but +2^63 is not: overflow.
  EXPECT_THROW(Rational(two_62, 3) / Rational(1, 6), OverflowError);
  EXPECT_THROW(Rational(most_negative) / Rational(-1), OverflowError);
  // A zero factor gives 0/1 whatever the other's denominator.
  EXPECT_EQ(Rational(0) * Rational(1, 7), Rational(0));
  EXPECT_EQ((Rational(0) / Rational(1, 7)).denominator(), 1);
}

TEST(Rational, SumsInLowestTerms) {
  // 1/6 + 1/10: g = gcd(6, 10) = 2, t = 1 × 5 + 1 × 3 = 8, g2 = gcd(8, 2) = 2: 4 / (3 × 5) = 4/15.
  EXPECT_EQ(Rational(1, 6) + Rational(1, 10), Rational(4, 15));
  // Same denominators: 1/4 + 1/4 = 1/2; 1/4 - 1/4 = 0/1.
  EXPECT_EQ(Rational(1, 4) + Rational(1, 4), Rational(1, 2));
  EXPECT_EQ((Rational(1, 4) - Rational(1, 4)).denominator(), 1);
  // A cross product beyond 64 bits, a result within, by the 128-bit way: g = 2 and
  // t = MAX × 2 - MAX × 1 overflows, yet MAX/2 - MAX/4 = MAX/4.
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(Rational(max, 2) + Rational(-max, 4), Rational(max, 4));
  // A result beyond: MAX/3 + 1/2^62 = (MAX × 2^62 + 3) / (3 × 2^62), in lowest terms (MAX ≡ 1 and
  // 2^62 ≡ 1 mod 3, and the numerator is odd).
  EXPECT_THROW(Rational(max, 3) + Rational(1, std::int64_t{1} << 62), OverflowError);
  EXPECT_THROW(Rational(max, 2) + Rational(max, 2) + Rational(max, 2), OverflowError);
}

// Numerators and denominators of every size, small ones most often (they share factors).
rc::Gen<std::int64_t> any_size_integer() {
  return rc::gen::oneOf(rc::gen::inRange<std::int64_t>(-100, 101),
                        rc::gen::cast<std::int64_t>(rc::gen::arbitrary<std::int32_t>()),
                        rc::gen::arbitrary<std::int64_t>());
}

// Denominators likewise, positive: generated so, not filtered (a filter that discards three draws
// in four makes rapidcheck give up on some seeds).
rc::Gen<std::int64_t> any_size_denominator() {
  return rc::gen::oneOf(rc::gen::inRange<std::int64_t>(1, 101),
                        rc::gen::inRange<std::int64_t>(1, std::numeric_limits<std::int32_t>::max()),
                        rc::gen::inRange<std::int64_t>(1, std::numeric_limits<std::int64_t>::max()));
}

RC_GTEST_PROP(RationalProperty, ArithmeticMatchesTheWideWay, ()) {
  const std::int64_t a = *any_size_integer();
  const std::int64_t b = *any_size_denominator();
  const std::int64_t c = *any_size_integer();
  const std::int64_t d = *any_size_denominator();
  const Rational x(a, b);
  const Rational y(c, d);
  const Wide xn = x.numerator();
  const Wide xd = x.denominator();
  const Wide yn = y.numerator();
  const Wide yd = y.denominator();
  RC_ASSERT(outcome([&] { return x * y; }) == expected(lowest_terms(xn * yn, xd * yd)));
  RC_ASSERT(outcome([&] { return x + y; }) == expected(lowest_terms(xn * yd + yn * xd, xd * yd)));
  if (!y.is_zero()) RC_ASSERT(outcome([&] { return x / y; }) == expected(lowest_terms(xn * yd, xd * yn)));
}

RC_GTEST_PROP(RationalProperty, DecimalRoundTrip, (std::int32_t num, std::uint8_t twos, std::uint8_t fives)) {
  std::int64_t den = 1;
  for (int i = 0; i < twos % 6; ++i) den *= 2;
  for (int i = 0; i < fives % 6; ++i) den *= 5;
  const Rational value(num, den);
  RC_ASSERT(Rational::parse_decimal(value.to_decimal(), 12).value() == value);
}

RC_GTEST_PROP(RationalProperty, FieldLaws, (std::int16_t a, std::int16_t b, std::int16_t c, std::int16_t d)) {
  RC_PRE(b != 0 && d != 0);
  const Rational x(a, b);
  const Rational y(c, d);
  RC_ASSERT(x + y == y + x);
  RC_ASSERT(x * y == y * x);
  RC_ASSERT((x + y) - y == x);
  if (!y.is_zero()) RC_ASSERT((x / y) * y == x);
}

// write_decimal, which writers use to put a number straight into their output, writes the text of
// to_decimal within its room: in 64 bits, through the 128-bit fallback, and for a decimal
// expansion that does not end.
TEST(Rational, DecimalTextWrittenInPlace) {
  constexpr std::int64_t kLargest = std::numeric_limits<std::int64_t>::max();
  for (const Rational& value : {Rational(1755, 8), Rational(-1, 100), Rational(0), Rational(kLargest),
                                Rational(-kLargest - 1), Rational(-kLargest, std::int64_t{1} << 19), Rational(1, 3),
                                Rational(-kLargest, 3)}) {
    char room[Rational::kMaxDecimalTextSize];
    char* end = value.write_decimal(room);
    EXPECT_LE(static_cast<std::size_t>(end - room), Rational::kMaxDecimalTextSize);
    EXPECT_EQ(std::string(room, static_cast<std::size_t>(end - room)), value.to_decimal());
  }
  EXPECT_EQ(Rational(-kLargest, std::int64_t{1} << 19).to_decimal(), "-17592186044415.9999980926513671875");
  EXPECT_EQ(Rational(-kLargest, 3).to_decimal(), "-3074457345618258602.333333…");
}

// The decimal text the plain way, for a value whose denominator is 2^a × 5^b: with d = max(a, b),
// scaled = |num| × (10^d / den), its integer part by std::to_string, a point and its d decimals,
// leading zeros included, and a sign when not zero. Nothing when scaled does not fit in 64 bits
// (write_decimal then takes its 128-bit way, unchanged). The reference for write_decimal's 64-bit
// way, which writes two digits at a time, backwards.
std::optional<std::string> decimal_the_plain_way(const Rational& value) {
  int twos = 0;
  int fives = 0;
  for (std::int64_t d = value.denominator(); d % 2 == 0; d /= 2) ++twos;
  for (std::int64_t d = value.denominator(); d % 5 == 0; d /= 5) ++fives;
  const int decimals = std::max(twos, fives);
  std::uint64_t power = 1;
  for (int i = 0; i < decimals; ++i) power *= 10;
  const std::int64_t num = value.numerator();
  const std::uint64_t magnitude =
      num < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(num) : static_cast<std::uint64_t>(num);
  std::uint64_t scaled = 0;
  if (__builtin_mul_overflow(magnitude, power / static_cast<std::uint64_t>(value.denominator()), &scaled)) {
    return std::nullopt;
  }
  std::string fraction = std::to_string(scaled % power);
  if (decimals > 0) fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
  return (num < 0 ? "-" : "") + std::to_string(scaled / power) + (decimals > 0 ? "." + fraction : "");
}

// Every count of decimals up to 12 and of integer digits, both signs, against the plain way.
TEST(Rational, DecimalTextOfEveryLength) {
  std::vector<std::int64_t> numerators = {0, 1, -1, 7, 99, -101, 123456789, -987654321987};
  for (std::int64_t power = 10; power <= 1'000'000'000'000; power *= 10) {
    numerators.push_back(power - 1);
    numerators.push_back(-(power + 3));
  }
  int checked = 0;
  for (int twos = 0; twos <= 12; ++twos) {
    for (int fives = 0; fives <= 12; fives += 3) {
      for (const std::int64_t num : numerators) {
        std::int64_t den = 1;
        for (int i = 0; i < twos; ++i) den *= 2;
        for (int i = 0; i < fives; ++i) den *= 5;
        const Rational value(num, den);
        const std::optional<std::string> expected = decimal_the_plain_way(value);
        if (!expected) continue;
        char room[Rational::kMaxDecimalTextSize];
        const char* end = value.write_decimal(room);
        EXPECT_EQ(std::string(static_cast<const char*>(room), end), *expected) << num << " / " << den;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 1000);
}

// as_decimal gives write_decimal's digits: its sign, scaled and decimals, laid out the plain way,
// are to_decimal's text, for every count of decimals and digits, both signs, the extremes of 64
// bits; and it gives nothing exactly when write_decimal's text does not come from 64 bits (a
// decimal that does not end, or more digits than 64 bits hold).
TEST(Rational, AsDecimalHasWriteDecimalsDigits) {
  constexpr std::int64_t kLargest = std::numeric_limits<std::int64_t>::max();
  std::vector<std::int64_t> numerators = {0, 1, -1, 7, 99, -101, 123456789, -987654321987, kLargest, -kLargest - 1};
  constexpr int kMostPowersOfTen = 18;  // 10^18, the last power of ten 64 bits hold
  std::int64_t power = 1;
  for (int digits = 1; digits <= kMostPowersOfTen; ++digits) {
    power *= 10;
    numerators.push_back(power - 1);
    numerators.push_back(-(power + 3));
  }
  std::vector<std::int64_t> denominators = {3, 7, 12, 1'000'000'007};
  for (int twos = 0; twos <= 62; twos += 1) {
    for (int fives = 0; fives <= 27; fives += 1) {
      detail::Int128 den = 1;
      for (int i = 0; i < twos; ++i) den *= 2;
      for (int i = 0; i < fives; ++i) den *= 5;
      if (den <= kLargest) denominators.push_back(static_cast<std::int64_t>(den));
    }
  }
  int from_digits = 0;
  for (const std::int64_t den : denominators) {
    for (const std::int64_t num : numerators) {
      const Rational value(num, den);
      const std::optional<Rational::Decimal> decimal = value.as_decimal();
      // Whether it has a decimal of 64 bits, worked out the plain way in 128 bits.
      int twos = 0;
      int fives = 0;
      std::int64_t rest = value.denominator();
      for (; rest % 2 == 0; rest /= 2) ++twos;
      for (; rest % 5 == 0; rest /= 5) ++fives;
      const int decimals = std::max(twos, fives);
      bool fits = rest == 1 && decimals <= 19;
      if (fits) {
        const detail::Int128 magnitude = num < 0 ? -detail::Int128(value.numerator()) : detail::Int128(value.numerator());
        const detail::Int128 scaled =
            magnitude * static_cast<detail::Int128>(kPowersOfTen[static_cast<std::size_t>(decimals)] /
                                                    static_cast<std::uint64_t>(value.denominator()));
        fits = scaled <= static_cast<detail::Int128>(std::numeric_limits<std::uint64_t>::max());
      }
      ASSERT_EQ(decimal.has_value(), fits) << num << " / " << den;
      if (!decimal) continue;
      ++from_digits;
      EXPECT_LE(decimal->decimals, 19);
      std::string fraction = std::to_string(decimal->scaled % kPowersOfTen[static_cast<std::size_t>(decimal->decimals)]);
      if (decimal->decimals > 0) fraction.insert(0, static_cast<std::size_t>(decimal->decimals) - fraction.size(), '0');
      const std::string text = (decimal->negative ? "-" : "") +
                               std::to_string(decimal->scaled / kPowersOfTen[static_cast<std::size_t>(decimal->decimals)]) +
                               (decimal->decimals > 0 ? "." + fraction : "");
      EXPECT_EQ(text, value.to_decimal()) << num << " / " << den;
      EXPECT_EQ(decimal->negative, num < 0) << num << " / " << den;
    }
  }
  EXPECT_GT(from_digits, 1000);
}

}  // namespace
}  // namespace plateau
