// Text helpers shared by the readers, the writers and the agreement look-ups: how far apart two
// names are, for "did you mean" messages; a string grown for bytes its caller writes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plateau {

// The number of single-character edits (insert, delete, replace) that turn `a` into `b`
// (Levenshtein distance). Quadratic: meant for names and short texts.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Grows (or shrinks) `text` to `size` bytes, leaving the bytes added unwritten, for a caller that
// writes them next: the output being made, the input being read. resize() would first fill them
// with zeros, a pass over memory that the caller's own writing then repeats (measured: 1.5% to 2.9%
// of `compute --ndjson`'s samples, in memset). Until the caller writes them, the added bytes hold
// whatever was there; the caller must write them before reading them. (C++23 asks the operation
// given to resize_and_overwrite to write them itself; here the caller does, just after, which
// libstdc++ and libc++ both leave to it: a char's "indeterminate" value is what memory holds.)
// Where the standard library has no resize_and_overwrite (before C++23), this is resize().
inline void resize_for_overwrite(std::string& text, std::size_t size) {
#if defined(__cpp_lib_string_resize_and_overwrite)
  // The size asked for, not the one the operation is given: GCC 12's library gives it the capacity
  // it grew to, which may be more.
  text.resize_and_overwrite(size, [size](char*, std::size_t) { return size; });
#else
  text.resize(size);
#endif
}

}  // namespace plateau
