#include "core/money.h"

#include <charconv>
#include <iterator>
#include <limits>

#include "core/checked.h"

namespace plateau {

namespace {
constexpr std::int64_t kCentsPerDollar = 100;
}

Money Money::from_dollars(std::int64_t dollars) {
  return Money(detail::checked_mul(dollars, kCentsPerDollar, "money"));
}

Money Money::operator+(Money other) const { return Money(detail::checked_add(cents_, other.cents_, "money addition")); }
Money Money::operator-(Money other) const { return Money(detail::checked_sub(cents_, other.cents_, "money subtraction")); }
Money Money::operator-() const { return Money(detail::checked_sub(0, cents_, "money negation")); }
Money& Money::operator+=(Money other) { return *this = *this + other; }
Money& Money::operator-=(Money other) { return *this = *this - other; }
Money Money::operator*(std::int64_t count) const {
  return Money(detail::checked_mul(cents_, count, "money multiplication"));
}

std::string Money::to_string() const {
  // Straight from the cents: "-1234.05". The magnitude of INT64_MIN still fits in uint64.
  const bool negative = cents_ < 0;
  const std::uint64_t magnitude =
      negative ? std::uint64_t{0} - static_cast<std::uint64_t>(cents_) : static_cast<std::uint64_t>(cents_);
  constexpr auto kPerDollar = static_cast<std::uint64_t>(kCentsPerDollar);
  const std::uint64_t whole = magnitude / kPerDollar;
  const std::uint64_t cents = magnitude % kPerDollar;
  char buffer[std::numeric_limits<std::uint64_t>::digits10 + 5];
  char* at = buffer;
  if (negative) *at++ = '-';
  at = std::to_chars(at, std::end(buffer), whole).ptr;
  *at++ = '.';
  *at++ = static_cast<char>('0' + cents / 10);
  *at++ = static_cast<char>('0' + cents % 10);
  return std::string(buffer, at);
}

char* Money::write_text(char* at) const {
  // As to_string: straight from the cents, the magnitude of INT64_MIN in uint64.
  const bool negative = cents_ < 0;
  const std::uint64_t magnitude =
      negative ? std::uint64_t{0} - static_cast<std::uint64_t>(cents_) : static_cast<std::uint64_t>(cents_);
  constexpr auto kPerDollar = static_cast<std::uint64_t>(kCentsPerDollar);
  const std::uint64_t cents = magnitude % kPerDollar;
  if (negative) *at++ = '-';
  // Room for the dollars' digits: all of kMaxTextSize but the sign, the point and the cents.
  at = std::to_chars(at, at + (kMaxTextSize - 4), magnitude / kPerDollar).ptr;
  *at++ = '.';
  *at++ = static_cast<char>('0' + cents / 10);
  *at++ = static_cast<char>('0' + cents % 10);
  return at;
}

void Money::append_to(std::string& out) const {
  char text[kMaxTextSize];
  out.append(text, write_text(text));
}

Result<Money> Money::parse(std::string_view text) {
  auto value = Rational::parse_decimal(text, 2);
  if (!value) return tl::unexpected(value.error());
  // Exact: at most two decimals, so the denominator divides 100. In 128 bits, so that an amount
  // beyond what 64-bit cents hold is refused here rather than thrown as an overflow.
  const detail::Int128 cents = detail::Int128(value->numerator()) * (kCentsPerDollar / value->denominator());
  if (cents > std::numeric_limits<std::int64_t>::max() || cents < std::numeric_limits<std::int64_t>::min()) {
    return fail("expected an amount between " + Money(std::numeric_limits<std::int64_t>::min()).to_string() + " and " +
                Money(std::numeric_limits<std::int64_t>::max()).to_string() + "; found \"" + std::string(text) +
                "\" (too large for exact cents)");
  }
  return Money(static_cast<std::int64_t>(cents));
}

Money ExactAmount::round_to_cent() const {
  const detail::Int128 cents_num = detail::Int128(dollars_.numerator()) * kCentsPerDollar;
  return Money::from_cents(
      detail::narrow(detail::divide_half_away_from_zero(cents_num, dollars_.denominator()), "rounding to the cent"));
}

ExactAmount operator*(Money amount, const Rational& factor) { return ExactAmount(amount.dollars() * factor); }
ExactAmount operator*(const Rational& factor, Money amount) { return amount * factor; }

Money times_rounded_to_cent(Money amount, const Rational& factor) {
  // cents × num ÷ den: a 64-bit product times a 64-bit numerator fits in 128 bits.
  const detail::Int128 cents_num = detail::Int128(amount.cents()) * factor.numerator();
  return Money::from_cents(
      detail::narrow(detail::divide_half_away_from_zero(cents_num, factor.denominator()), "rounding to the cent"));
}

}  // namespace plateau
