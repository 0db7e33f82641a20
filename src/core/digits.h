// Decimal digits two at a time: the text of every number from 0 to 99 ("00" to "99"), and the
// writing of a number's digits from it, for the writers that put out many numbers (money, exact
// decimals, dollars in sentences) and halve their divisions by writing two digits per step; and the
// powers of ten and counts of digits those writers size their texts with.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

namespace plateau {

// kDigitPairs[2 * n] and kDigitPairs[2 * n + 1] are the tens and units of n, for n below 100.
inline constexpr std::array<char, 200> kDigitPairs = [] {
  std::array<char, 200> pairs{};
  for (std::size_t i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

// Writes the two digits of `below_hundred` (below 100) just before `end`, as numbers are written
// from their last digit backwards; returns where they start.
inline char* put_two_digits_before(char* end, std::uint64_t below_hundred) {
  end -= 2;
  std::memcpy(end, &kDigitPairs[2 * below_hundred], 2);
  return end;
}

// Writes the decimal digits of `value` ("0" for 0) just before `end`, two at a time from the last;
// returns where they start.
inline char* put_digits_before(char* end, std::uint64_t value) {
  constexpr std::uint64_t kHundred = 100;
  constexpr std::uint64_t kTen = 10;
  while (value >= kHundred) {
    const std::uint64_t higher = value / kHundred;
    end = put_two_digits_before(end, value - higher * kHundred);
    value = higher;
  }
  if (value >= kTen) return put_two_digits_before(end, value);
  *--end = static_cast<char>('0' + value);
  return end;
}

// Writes the last `count` decimal digits of `value`, leading zeros included, just before `end`,
// two at a time from the last, and leaves in `value` the digits above them (the decimals of a
// number scaled by 10^count, then its whole part); returns where they start.
inline char* put_low_digits_before(char* end, std::uint64_t& value, int count) {
  constexpr std::uint64_t kHundred = 100;
  constexpr std::uint64_t kTen = 10;
  for (; count >= 2; count -= 2) {
    const std::uint64_t higher = value / kHundred;
    end = put_two_digits_before(end, value - higher * kHundred);
    value = higher;
  }
  if (count == 1) {
    const std::uint64_t higher = value / kTen;
    *--end = static_cast<char>('0' + (value - higher * kTen));
    value = higher;
  }
  return end;
}

// The largest power of ten a 64-bit unsigned value holds is 10^19; the most digits it has, 20.
inline constexpr int kMaxPowerOfTen64 = std::numeric_limits<std::uint64_t>::digits10;
inline constexpr int kMaxDigits64 = kMaxPowerOfTen64 + 1;

// 10^0 … 10^19.
inline constexpr std::array<std::uint64_t, kMaxPowerOfTen64 + 1> kPowersOfTen = [] {
  std::array<std::uint64_t, kMaxPowerOfTen64 + 1> powers{};
  std::uint64_t power = 1;
  for (auto& p : powers) {
    p = power;
    power *= 10;
  }
  return powers;
}();

// How many decimal digits `value` is written with: 1 for 0 to 9, 2 for 10 to 99, … 20 from 10^19.
// From its count of bits, with no division: bits × log10(2) (1233 / 4096, a little above it) is the
// count of digits or one less, and one comparison with a power of ten tells which.
inline int decimal_digit_count(std::uint64_t value) {
  constexpr int kLog10Of2Times4096 = 1233;
  constexpr int kShift = 12;  // ÷ 4096
  // `value | 1` has the digits of value, and at least one (0 has one digit, "0").
  const std::uint64_t nonzero = value | 1;
  const int below = (std::bit_width(nonzero) * kLog10Of2Times4096) >> kShift;
  return below + (nonzero >= kPowersOfTen[static_cast<std::size_t>(below)] ? 1 : 0);
}

}  // namespace plateau
