// Files for the plateau command: reading an input whole (with a size limit), telling JSON from
// CSV, and writing an output atomically (a temporary file beside it, then a rename), so that a
// reader never sees half a file and a failed run leaves the previous file as it was.
#pragma once

#include <cstdint>
#include <string>

#include "core/error.h"

namespace plateau::cli {

// The largest input plateau reads in one batch; beyond it the input is refused, not swallowed.
constexpr std::uintmax_t kMaxInputBytes = 256ull * 1024 * 1024;

enum class InputFormat { json, csv };

// `path` ("-" for standard input) read whole.
Result<std::string> read_input(const std::string& path);

// The format named by `option` ("json", "csv"), else by the file's extension (".csv" is CSV),
// else JSON.
InputFormat input_format(const std::string& path, const std::string& option);

// Writes `text` to `path`, or to standard output when `path` is empty or "-".
Result<void> write_output(const std::string& path, const std::string& text);

}  // namespace plateau::cli
