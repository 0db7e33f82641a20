// Helpers shared by tests of anything that writes amounts: the amounts worth trying.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace plateau::testing {

// Amounts in cents of every count of digits: 0, 1, 9, 10, 99, 100, 101, each power of ten less
// one, itself, plus one and times 7 plus 3, with both signs, and the extremes of 64 bits.
inline std::vector<std::int64_t> cents_of_every_length() {
  std::vector<std::int64_t> cents = {0, 1, 9, 10, 99, 100, 101, std::numeric_limits<std::int64_t>::max(),
                                     std::numeric_limits<std::int64_t>::min()};
  for (std::int64_t power = 1; power <= std::numeric_limits<std::int64_t>::max() / 10; power *= 10) {
    for (const std::int64_t near : {power - 1, power, power + 1, power * 7 + 3}) {
      cents.push_back(near);
      cents.push_back(-near);
    }
  }
  return cents;
}

}  // namespace plateau::testing
