// digits.h: the count of digits worked out from the count of bits is the length of the number's
// text, on each side of every power of ten and of two, and at the ends of 64 bits; the powers of
// ten are the ones std::to_string writes.
#include "core/digits.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace plateau {
namespace {

TEST(Digits, CountOfDigitsOnEachSideOfEveryPowerOfTenAndTwo) {
  std::vector<std::uint64_t> values = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001,
                                       std::numeric_limits<std::uint64_t>::max(),
                                       std::numeric_limits<std::uint64_t>::max() - 1};
  for (std::size_t i = 0; i < kPowersOfTen.size(); ++i) {
    values.push_back(kPowersOfTen[i]);
    values.push_back(kPowersOfTen[i] - 1);
    values.push_back(kPowersOfTen[i] + 1);
  }
  for (int bit = 0; bit < std::numeric_limits<std::uint64_t>::digits; ++bit) {
    const std::uint64_t power = std::uint64_t{1} << bit;
    values.push_back(power);
    values.push_back(power - 1);
    values.push_back(power + 1);
  }
  for (const std::uint64_t value : values) {
    EXPECT_EQ(decimal_digit_count(value), static_cast<int>(std::to_string(value).size())) << value;
  }
  for (std::uint64_t value = 0; value < 100'000; ++value) {
    ASSERT_EQ(decimal_digit_count(value), static_cast<int>(std::to_string(value).size())) << value;
  }
}

TEST(Digits, PowersOfTen) {
  std::string text = "1";
  for (const std::uint64_t power : kPowersOfTen) {
    EXPECT_EQ(std::to_string(power), text);
    text += '0';
  }
  EXPECT_EQ(kPowersOfTen.size(), static_cast<std::size_t>(kMaxDigits64));
}

TEST(Digits, PairsBeforeTheEnd) {
  for (std::uint64_t n = 0; n < 100; ++n) {
    char text[2];
    EXPECT_EQ(put_two_digits_before(text + 2, n), text);
    EXPECT_EQ(std::string(text, 2), (n < 10 ? "0" : "") + std::to_string(n));
  }
}

}  // namespace
}  // namespace plateau
