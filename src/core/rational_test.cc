// Exact fractions: normalisation, ordering, decimal text in and out, overflow.
#include "core/rational.h"

#include <limits>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

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

}  // namespace
}  // namespace plateau
