// Text helpers shared by the readers and the agreement look-ups: how far apart two names are,
// for "did you mean" messages.
#pragma once

#include <cstddef>
#include <string_view>

namespace plateau {

// The number of single-character edits (insert, delete, replace) that turn `a` into `b`
// (Levenshtein distance). Quadratic: meant for names and short texts.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace plateau
