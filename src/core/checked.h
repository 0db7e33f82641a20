// Checked integer arithmetic shared by Rational and Money: 128-bit intermediates, and a throw
// of OverflowError when a result does not fit in 64 bits. Internal to src/core.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

#include "core/error.h"

namespace plateau::detail {

__extension__ typedef __int128 Int128;

inline std::int64_t narrow(Int128 value, const char* what) {
  if (value > std::numeric_limits<std::int64_t>::max() || value < std::numeric_limits<std::int64_t>::min()) {
    throw OverflowError(std::string("arithmetic overflow in ") + what);
  }
  return static_cast<std::int64_t>(value);
}

inline std::int64_t checked_add(std::int64_t a, std::int64_t b, const char* what) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) throw OverflowError(std::string("arithmetic overflow in ") + what);
  return out;
}

inline std::int64_t checked_sub(std::int64_t a, std::int64_t b, const char* what) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a, b, &out)) throw OverflowError(std::string("arithmetic overflow in ") + what);
  return out;
}

inline std::int64_t checked_mul(std::int64_t a, std::int64_t b, const char* what) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) throw OverflowError(std::string("arithmetic overflow in ") + what);
  return out;
}

inline Int128 gcd128(Int128 a, Int128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    const Int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// num / den rounded to the nearest integer, halves away from zero. REQUIRES: den > 0.
inline Int128 divide_half_away_from_zero(Int128 num, Int128 den) {
  const bool negative = num < 0;
  const Int128 magnitude = negative ? -num : num;
  const Int128 rounded = (2 * magnitude + den) / (2 * den);
  return negative ? -rounded : rounded;
}

}  // namespace plateau::detail
