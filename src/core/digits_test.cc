// digits.h: the count of digits worked out from the count of bits is the length of the number's
// text, on each side of every power of ten and of two, and at the ends of 64 bits; the powers of
// ten and the digits written are the ones std::to_string writes.
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

// Every number's digits are std::to_string's, on each side of every power of ten and at the ends
// of 64 bits; the low digits of a number, `count` of them, are the last `count` of its text padded
// with zeros on the left, and what is left is the number ÷ 10^count.
TEST(Digits, WholeNumbersAndLowDigitsBeforeTheEnd) {
  std::vector<std::uint64_t> values = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 123456789,
                                       std::numeric_limits<std::uint64_t>::max()};
  for (const std::uint64_t power : kPowersOfTen) {
    values.push_back(power - 1);
    values.push_back(power);
    values.push_back(power + 1);
  }
  for (const std::uint64_t value : values) {
    char text[kMaxDigits64];
    char* const end = text + kMaxDigits64;
    char* start = put_digits_before(end, value);
    EXPECT_EQ(std::string(start, end), std::to_string(value));
    for (int count = 0; count <= kMaxPowerOfTen64; ++count) {
      std::uint64_t rest = value;
      start = put_low_digits_before(end, rest, count);
      const std::string padded = std::string(kMaxDigits64, '0') + std::to_string(value);
      EXPECT_EQ(std::string(start, end), padded.substr(padded.size() - static_cast<std::size_t>(count))) << value;
      EXPECT_EQ(rest, value / kPowersOfTen[static_cast<std::size_t>(count)]) << value << " " << count;
    }
  }
}

}  // namespace
}  // namespace plateau
