#include "core/money.h"

#include <array>
#include <charconv>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>

#include "core/checked.h"
#include "core/digits.h"

namespace plateau {

namespace {
constexpr std::int64_t kCentsPerDollar = 100;

}  // namespace

Money Money::from_dollars(std::int64_t dollars) {
  return Money(detail::checked_mul(dollars, kCentsPerDollar, "money"));
}

void Money::throw_overflow(const char* what) { throw OverflowError(std::string("arithmetic overflow in ") + what); }
Money Money::operator-() const { return Money(detail::checked_sub(0, cents_, "money negation")); }
Money Money::operator*(std::int64_t count) const {
  return Money(detail::checked_mul(cents_, count, "money multiplication"));
}

std::string Money::to_string() const {
  char text[kMaxTextSize];
  return std::string(text, write_text(text));
}

char* Money::write_text(char* at) const {
  // Straight from the cents: "-1234.05". The magnitude of INT64_MIN still fits in uint64.
  const bool negative = cents_ < 0;
  const std::uint64_t magnitude =
      negative ? std::uint64_t{0} - static_cast<std::uint64_t>(cents_) : static_cast<std::uint64_t>(cents_);
  constexpr auto kHundred = static_cast<std::uint64_t>(kCentsPerDollar);
  // Written backwards, two digits at a time, to end at the middle of a buffer twice the longest
  // text; then all kMaxTextSize bytes from its start are copied to `at` (which has room for them):
  // a copy of a size known here, a few moves, where the text's own size would be a call to memcpy.
  // The bytes after the text are copied too (zeros), and written over next.
  char text[2 * kMaxTextSize] = {};
  char* const end = text + kMaxTextSize;
  char* start = end;
  const std::uint64_t dollars = magnitude / kHundred;
  start = put_two_digits_before(start, magnitude - dollars * kHundred);  // the cents, the remainder of the one division
  *--start = '.';
  start = put_digits_before(start, dollars);
  if (negative) *--start = '-';
  std::memcpy(at, start, kMaxTextSize);
  return at + (end - start);
}

void Money::append_to(std::string& out) const {
  char text[kMaxTextSize];
  out.append(text, write_text(text));
}

namespace {

// The cents of `text` when it has the usual shape of an amount, "-"? digits ("." 1 or 2 digits)?,
// with few enough digits that the cents cannot overflow; nothing otherwise, and the general
// reader below then decides (and explains a refusal).
std::optional<std::int64_t> plain_amount_in_cents(std::string_view text) {
  constexpr std::size_t kMaxIntegerDigits = 15;  // 10^15 dollars: 10^17 cents, well inside 64 bits
  constexpr int kDecimals = 2;
  std::size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  const bool negative = i == 1;
  const auto digit = [&](std::size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  const std::size_t integer_start = i;
  std::int64_t cents = 0;
  while (digit(i)) {
    if (i - integer_start == kMaxIntegerDigits) return std::nullopt;  // before a digit could overflow
    cents = cents * 10 + (text[i++] - '0');
  }
  if (i == integer_start) return std::nullopt;
  int decimals = 0;
  if (i < text.size()) {
    if (text[i++] != '.') return std::nullopt;
    while (digit(i) && decimals < kDecimals) {
      cents = cents * 10 + (text[i++] - '0');
      ++decimals;
    }
    if (decimals == 0 || i != text.size()) return std::nullopt;
  }
  for (; decimals < kDecimals; ++decimals) cents *= 10;
  return negative ? -cents : cents;
}

}  // namespace

Result<Money> Money::parse(std::string_view text) {
  if (const auto cents = plain_amount_in_cents(text)) return Money::from_cents(*cents);
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

namespace {

// numerator ÷ denominator rounded to the cent: numerator × 100 ÷ denominator, halves away from
// zero. In 64 bits when (2 × |numerator| × 100 + denominator) fits, as it does for any pay line;
// else in 128 bits, where a result beyond 64-bit cents throws OverflowError.
Money cents_rounded(std::int64_t numerator, std::int64_t denominator, std::int64_t factor) {
  const bool negative = numerator < 0;
  const std::uint64_t magnitude =
      negative ? std::uint64_t{0} - static_cast<std::uint64_t>(numerator) : static_cast<std::uint64_t>(numerator);
  const auto den = static_cast<std::uint64_t>(denominator);
  std::uint64_t scaled = 0;
  std::uint64_t twice_scaled = 0;
  std::uint64_t rounded_up = 0;
  if (factor >= 0 && !__builtin_mul_overflow(magnitude, static_cast<std::uint64_t>(factor), &scaled) &&
      !__builtin_mul_overflow(scaled, std::uint64_t{2}, &twice_scaled) &&
      !__builtin_add_overflow(twice_scaled, den, &rounded_up)) {
    // Below 2^63 here (2 × scaled fits in 64 bits), so it is a valid count of cents either way.
    const auto rounded = static_cast<std::int64_t>(rounded_up / (2 * den));
    return Money::from_cents(negative ? -rounded : rounded);
  }
  const detail::Int128 cents_num = detail::Int128(numerator) * factor;
  return Money::from_cents(
      detail::narrow(detail::divide_half_away_from_zero(cents_num, denominator), "rounding to the cent"));
}

}  // namespace

Money ExactAmount::round_to_cent() const {
  return cents_rounded(dollars_.numerator(), dollars_.denominator(), kCentsPerDollar);
}

ExactAmount operator*(Money amount, const Rational& factor) { return ExactAmount(amount.dollars() * factor); }
ExactAmount operator*(const Rational& factor, Money amount) { return amount * factor; }

Money times_rounded_to_cent(Money amount, const Rational& factor) {
  // cents × num ÷ den: a 64-bit product times a 64-bit numerator fits in 128 bits.
  if (factor.numerator() >= 0) return cents_rounded(amount.cents(), factor.denominator(), factor.numerator());
  const detail::Int128 cents_num = detail::Int128(amount.cents()) * factor.numerator();
  return Money::from_cents(
      detail::narrow(detail::divide_half_away_from_zero(cents_num, factor.denominator()), "rounding to the cent"));
}

}  // namespace plateau
