// Money and its single rounding step: the table from the foundation issue, parsing, overflow.
#include "core/money.h"

#include <concepts>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "core/test_support.h"

namespace plateau {
namespace {

Money m(const char* text) { return Money::parse(text).value(); }
Rational r(std::int64_t n, std::int64_t d = 1) { return Rational(n, d); }
Rational minutes_to_hours(std::int64_t minutes) { return Rational(minutes, 60); }

// Money × Money has no meaning and must not compile; Money × Rational must.
template <class A, class B>
concept Multipliable = requires(A a, B b) { a* b; };
static_assert(!Multipliable<Money, Money>);
static_assert(Multipliable<Money, Rational>);
static_assert(!std::convertible_to<ExactAmount, Money>, "rounding must be an explicit step");

TEST(Money, IssueTableOvertimeTimesTwo) {
  // 1.5 h × $755 ÷ 8 × 2 = 1.5 × 188.75 = 283.125 → 283.13 (half away from zero)
  EXPECT_EQ((m("755") * (minutes_to_hours(90) / r(8) * r(2))).round_to_cent(), m("283.13"));
}

TEST(Money, IssueTableQuarterHourTimesThree) {
  // 0.25 h × $755 ÷ 8 × 3 = 0.25 × 283.125 = 70.78125 → 70.78
  EXPECT_EQ((m("755") * (minutes_to_hours(15) / r(8) * r(3))).round_to_cent(), m("70.78"));
}

TEST(Money, IssueTablePercent) {
  // $3015 × 1.5% = 45.225 → 45.23
  EXPECT_EQ((m("3015") * Rational::parse_decimal("0.015").value()).round_to_cent(), m("45.23"));
}

TEST(Money, IssueTableHalfCent) {
  // 0.005 → 0.01; and −0.005 → −0.01 (away from zero, not to even)
  EXPECT_EQ(ExactAmount(r(5, 1000)).round_to_cent(), m("0.01"));
  EXPECT_EQ(ExactAmount(r(-5, 1000)).round_to_cent(), m("-0.01"));
  EXPECT_EQ(ExactAmount(r(15, 1000)).round_to_cent(), m("0.02"));
  EXPECT_EQ(ExactAmount(r(25, 1000)).round_to_cent(), m("0.03"));
  EXPECT_EQ(ExactAmount(r(4999, 1000000)).round_to_cent(), m("0.00"));
}

TEST(Money, ParsesAccepted) {
  EXPECT_EQ(m("755").cents(), 75500);
  EXPECT_EQ(m("755.00").cents(), 75500);
  EXPECT_EQ(m("3015.5").cents(), 301550);
  EXPECT_EQ(m("-0.01").cents(), -1);
  EXPECT_EQ(m("0").cents(), 0);
}

TEST(Money, RejectsWithWhatWasExpected) {
  const char* bad[] = {"", "1e3", "NaN", "12.345", "1,000", "+5", " 5", "5.", ".5", "--1", "1.2.3", "$5"};
  for (const char* text : bad) {
    auto result = Money::parse(text);
    ASSERT_FALSE(result) << text;
    EXPECT_NE(result.error().message.find("expected a decimal amount with at most 2 decimals"), std::string::npos)
        << result.error().message;
  }
  EXPECT_NE(Money::parse("12.345").error().message.find("3 decimals"), std::string::npos);
  EXPECT_NE(Money::parse("1,000").error().message.find("no thousands separators"), std::string::npos);
  EXPECT_NE(Money::parse("1e3").error().message.find("no exponent"), std::string::npos);
}

TEST(Money, PrintsTwoDecimals) {
  EXPECT_FALSE(Money::parse("283.1250"));  // 4 decimals, even if the last are zeros
}

TEST(Money, ToString) {
  EXPECT_EQ(Money::from_cents(28313).to_string(), "283.13");
  EXPECT_EQ(Money::from_cents(-1).to_string(), "-0.01");
  EXPECT_EQ(Money::from_cents(0).to_string(), "0.00");
  EXPECT_EQ(Money::from_cents(5).to_string(), "0.05");
  EXPECT_EQ(Money::from_dollars(755).to_string(), "755.00");
}

// The writers beside to_string give its text exactly. Worked by hand: 28313 cents is 283 dollars
// and 13 cents; -1 cent is "-0.01"; INT64_MIN cents, -9223372036854775808, is 92233720368547758
// dollars and 08 cents, with a sign.
TEST(Money, AppendToAndWriteTextGiveToStringsText) {
  std::string out = "amount ";
  Money::from_cents(28313).append_to(out);
  out += ' ';
  Money::from_cents(-1).append_to(out);
  EXPECT_EQ(out, "amount 283.13 -0.01");

  char text[Money::kMaxTextSize];
  const Money lowest = Money::from_cents(std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(std::string(text, lowest.write_text(text)), "-92233720368547758.08");
  const Money highest = Money::from_cents(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(std::string(text, highest.write_text(text)), "92233720368547758.07");
  EXPECT_EQ(std::string(text, Money().write_text(text)), "0.00");
}

// Money's text the plain way: a sign, the dollars as std::to_string writes them, a point, two
// digits of cents. The reference for write_text, which writes two digits at a time, backwards.
std::string money_text_the_plain_way(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::uint64_t magnitude =
      negative ? std::uint64_t{0} - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  const std::uint64_t rest = magnitude % 100;
  return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + std::to_string(rest / 10) +
         std::to_string(rest % 10);
}

// Every count of digits, on each side of each power of ten, both signs, and the extremes; written
// after text already in the buffer, which stays.
TEST(Money, WriteTextIsDollarsPointCentsForEveryLength) {
  for (const std::int64_t amount : testing::cents_of_every_length()) {
    char text[3 + Money::kMaxTextSize] = {'a', 'b', 'c'};
    const char* end = Money::from_cents(amount).write_text(text + 3);
    EXPECT_EQ(std::string(static_cast<const char*>(text), end), "abc" + money_text_the_plain_way(amount)) << amount;
  }
}

RC_GTEST_PROP(MoneyProperty, WriteTextIsDollarsPointCents, (std::int64_t cents)) {
  char text[Money::kMaxTextSize];
  const char* end = Money::from_cents(cents).write_text(text);
  RC_ASSERT(std::string(static_cast<const char*>(text), end) == money_text_the_plain_way(cents));
}

RC_GTEST_PROP(MoneyProperty, AppendToEqualsToString, (std::int64_t cents)) {
  std::string out;
  Money::from_cents(cents).append_to(out);
  RC_ASSERT(out == Money::from_cents(cents).to_string());
}

TEST(Money, OverflowIsReportedNeverWrapped) {
  const Money big = Money::from_cents(std::numeric_limits<std::int64_t>::max());
  EXPECT_THROW(big + Money::from_cents(1), OverflowError);
  EXPECT_THROW(-big - Money::from_cents(2), OverflowError);
  EXPECT_THROW(big * 2, OverflowError);
  EXPECT_THROW((big * r(3, 2)).round_to_cent(), OverflowError);
}

TEST(Money, TenMillionDollarLineTimesRates) {
  // $10,000,000 × 24 h ÷ 8 × 3 = $90,000,000: far inside the exact range.
  EXPECT_EQ((m("10000000") * (minutes_to_hours(24 * 60) / r(8) * r(3))).round_to_cent(), m("90000000"));
}

TEST(Money, TimesRoundedToCentIsTheOneRounding) {
  // $3015 × 1.5% = 45.225 → 45.23, as IssueTablePercent; −$3015 × 1.5% → −45.23 (away from zero).
  const Rational percent = Rational::parse_decimal("0.015").value();
  EXPECT_EQ(times_rounded_to_cent(m("3015"), percent), m("45.23"));
  EXPECT_EQ(times_rounded_to_cent(m("-3015"), percent), m("-45.23"));
  // $1,000,000,000 × 14.975% (GST 5% and QST 9.975%) = $149,750,000.00, exactly.
  EXPECT_EQ(times_rounded_to_cent(m("1000000000"), Rational::parse_decimal("0.14975").value()), m("149750000"));
  // A product beyond the cents' range is an overflow, never a wrapped amount.
  EXPECT_THROW(times_rounded_to_cent(Money::from_cents(std::numeric_limits<std::int64_t>::max()), r(3, 2)),
               OverflowError);
}

TEST(Money, RoundingBeyondSixtyFourBitIntermediates) {
  // Rounding works in 64 bits while 2 × |cents × num| + den fits, in 128 bits beyond. 2^62 cents ×
  // 3/4: 3 × 2^62 fits in 64 unsigned bits, twice it does not; the result, 3 × 2^60, does.
  const std::int64_t two_62 = std::int64_t{1} << 62;
  EXPECT_EQ(times_rounded_to_cent(Money::from_cents(two_62), r(3, 4)), Money::from_cents(3 * (two_62 / 4)));
  EXPECT_EQ(times_rounded_to_cent(Money::from_cents(-two_62), r(3, 4)), Money::from_cents(-3 * (two_62 / 4)));
  // The same amount as an exact number of dollars: 2^62 / 100 dollars → 2^62 cents.
  EXPECT_EQ(ExactAmount(r(two_62, 100)).round_to_cent(), Money::from_cents(two_62));
  // A negative rate: −1.5% of $3015 = −45.225 → −45.23.
  EXPECT_EQ(times_rounded_to_cent(m("3015"), r(-15, 1000)), m("-45.23"));
  // The most negative count of cents, rounded as it is: × 1.
  const Money most_negative = Money::from_cents(std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(times_rounded_to_cent(most_negative, r(1)), most_negative);
  EXPECT_THROW(times_rounded_to_cent(most_negative, r(-1)), OverflowError);
}

RC_GTEST_PROP(MoneyProperty, TimesRoundedToCentEqualsExactThenRounded,
              (std::int32_t cents, std::int32_t num, std::int32_t den)) {
  RC_PRE(den != 0);
  const Money amount = Money::from_cents(cents);
  const Rational factor(num, den);
  RC_ASSERT(times_rounded_to_cent(amount, factor) == (amount * factor).round_to_cent());
}

RC_GTEST_PROP(MoneyProperty, ParseAndPrintRoundTrip, ()) {
  // Up to ±$1,000,000,000,000 (far beyond any batch).
  const auto cents = *rc::gen::inRange<std::int64_t>(-100000000000000LL, 100000000000000LL);
  const Money money = Money::from_cents(cents);
  RC_ASSERT(Money::parse(money.to_string()).value() == money);
}

// Money::parse reads the usual shapes of an amount itself and leaves the rest to
// Rational::parse_decimal: both must agree on every text, accepted or not.
RC_GTEST_PROP(MoneyProperty, ParseAgreesWithTheExactDecimalReader, ()) {
  // An amount's shape, "-"? digits ("." digits)?, with lengths on both sides of the limits, or
  // any short text of the same characters.
  const auto digits = [](int most) {
    return *rc::gen::resize(most, rc::gen::container<std::string>(rc::gen::elementOf(std::string("0123456789"))));
  };
  const std::string shaped = (*rc::gen::arbitrary<bool>() ? "-" : "") + digits(18) +
                             (*rc::gen::arbitrary<bool>() ? "." + digits(3) : "");
  const std::string noise = *rc::gen::resize(
      22, rc::gen::container<std::string>(rc::gen::elementOf(std::string("0123456789.-"))));
  const std::string chars = *rc::gen::arbitrary<bool>() ? shaped : noise;
  const auto money = Money::parse(chars);
  const auto exact = Rational::parse_decimal(chars, 2);
  if (!exact) {
    RC_ASSERT(!money);
    return;
  }
  if (!money) {  // a decimal, but beyond what 64-bit cents hold
    RC_ASSERT(money.error().message.find("too large for exact cents") != std::string::npos);
    RC_ASSERT(chars.size() >= 17);
    return;
  }
  RC_ASSERT(money->dollars() == *exact);
}

TEST(Money, LongestPlainAmountsAndBeyond) {
  // 15 integer digits are read directly (10^17 cents fit in 64 bits); 16 and more by the general
  // reader, with the same result.
  EXPECT_EQ(m("999999999999999.99").cents(), 99999999999999999);
  EXPECT_EQ(m("-999999999999999.9").cents(), -99999999999999990);
  EXPECT_EQ(m("9999999999999999").cents(), 999999999999999900);
  EXPECT_EQ(m("0000000000000000000001.5").cents(), 150);
  EXPECT_FALSE(Money::parse("99999999999999999999"));  // beyond 64-bit cents: refused, not wrapped
}

RC_GTEST_PROP(MoneyProperty, RoundingIsWithinHalfACent, (std::int32_t num, std::int32_t den)) {
  RC_PRE(den != 0);
  const Rational exact(num, den);
  const Money rounded = ExactAmount(exact).round_to_cent();
  const Rational error = rounded.dollars() - exact;
  const Rational half_cent(1, 200);
  RC_ASSERT(error <= half_cent);
  RC_ASSERT(-half_cent <= error);
  // Half away from zero: rounding is symmetric around zero.
  RC_ASSERT(ExactAmount(-exact).round_to_cent() == -rounded);
}

}  // namespace
}  // namespace plateau
