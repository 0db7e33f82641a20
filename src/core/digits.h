// Decimal digits two at a time: the text of every number from 0 to 99 ("00" to "99"), for the
// writers that put out many numbers (money, exact decimals, dollars in sentences) and halve their
// divisions by writing two digits per step.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

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

}  // namespace plateau
