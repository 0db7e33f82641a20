// Errors as values for expected failures (bad input, bad agreement files), and the one
// exception plateau throws: arithmetic that leaves the exact range, which ends the computation.
//
// An Error's message names the place, what was found and what was expected; callers that know
// the place (a field path, file:line) prefix it with `Error::at`.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace plateau {

struct Error {
  std::string message;

  // Returns this error with `place` in front: "crew[0].rate.amount: expected ...".
  Error at(const std::string& place) const& { return Error{place + ": " + message}; }
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(std::string message) { return tl::unexpected<Error>(Error{std::move(message)}); }

// Thrown when an exact computation would leave the range of its integer representation.
// Never caught to be ignored: the operation ends and the user sees which amount overflowed.
class OverflowError : public std::overflow_error {
 public:
  using std::overflow_error::overflow_error;
};

}  // namespace plateau
