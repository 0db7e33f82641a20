// Files for the plateau command: reading an input whole (with a size limit), telling JSON from
// CSV, and writing an output atomically (a temporary file beside it, then a rename), so that a
// reader never sees half a file and a failed run leaves the previous file as it was.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/limits.h"

namespace plateau::cli {

// The largest input plateau reads in one batch; beyond it the input is refused, not swallowed.
constexpr std::uintmax_t kMaxInputBytes = limits::kMaxBatchBytes;

enum class InputFormat { json, csv };

// `path` ("-" for standard input) read whole.
Result<std::string> read_input(const std::string& path);

// The format named by `option` ("json", "csv"), else by the file's extension (".csv" is CSV),
// else JSON.
InputFormat input_format(const std::string& path, const std::string& option);

// Writes `text` to `path`, or to standard output when `path` is empty or "-". A device or pipe
// (`-o /dev/null`) is written to directly; a regular file is replaced atomically.
Result<void> write_output(const std::string& path, const std::string& text);

// An input read a piece at a time (streams: compute --ndjson), with no size limit.
class InputStream {
 public:
  // `path`, or standard input for "-".
  static Result<InputStream> open(const std::string& path);
  InputStream(InputStream&& other) noexcept;
  InputStream& operator=(InputStream&&) = delete;
  InputStream(const InputStream&) = delete;
  ~InputStream();

  // Up to `size` bytes into `buffer`; 0 at the end.
  Result<std::size_t> read(char* buffer, std::size_t size);

 private:
  InputStream(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  int fd_ = -1;
  std::string name_;
};

// An output written a piece at a time and still atomic: the bytes go to a temporary file beside
// `path`, renamed over it by commit(); a stream never committed is removed, and the previous file
// stays as it was. Standard output (written as it comes) when `path` is empty or "-", and a
// device or pipe (`-o /dev/null`) likewise.
class OutputStream {
 public:
  static Result<OutputStream> open(const std::string& path);
  OutputStream(OutputStream&& other) noexcept;
  OutputStream& operator=(OutputStream&&) = delete;
  OutputStream(const OutputStream&) = delete;
  ~OutputStream();

  Result<void> write(std::string_view bytes);
  Result<void> commit();

 private:
  OutputStream(int fd, std::string path, std::string temporary)
      : fd_(fd), path_(std::move(path)), temporary_(std::move(temporary)) {}
  int fd_ = -1;
  std::string path_;       // empty: standard output
  std::string temporary_;  // empty: written in place (standard output, a device)
};

}  // namespace plateau::cli
