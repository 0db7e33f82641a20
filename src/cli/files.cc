#include "cli/files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace plateau::cli {

Result<std::string> read_input(const std::string& path) {
  std::string text;
  if (path == "-") {
    constexpr std::size_t kChunk = 1 << 16;
    std::string chunk(kChunk, '\0');
    while (std::cin.read(chunk.data(), static_cast<std::streamsize>(kChunk)) || std::cin.gcount() > 0) {
      text.append(chunk.data(), static_cast<std::size_t>(std::cin.gcount()));
      if (text.size() > kMaxInputBytes) {
        return fail("standard input: more than " + std::to_string(kMaxInputBytes) + " bytes; expected at most that");
      }
    }
    return text;
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return fail(path + ": is a directory; expected a file");
  const auto size = std::filesystem::file_size(path, error);
  if (error) return fail(path + ": cannot read (" + error.message() + ")");
  if (size > kMaxInputBytes) {
    return fail(path + ": " + std::to_string(size) + " bytes; expected at most " + std::to_string(kMaxInputBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path + ": cannot open");
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return text;
}

InputFormat input_format(const std::string& path, const std::string& option) {
  if (option == "csv") return InputFormat::csv;
  if (option == "json") return InputFormat::json;
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".csv" ? InputFormat::csv : InputFormat::json;
}

namespace {

// A path that names something other than a regular file (/dev/null, a named pipe, a terminal) is
// written to as it is: renaming a temporary file over it would replace the device with a file.
bool is_special_file(const std::string& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  return !error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
         !std::filesystem::is_directory(status);
}

}  // namespace

Result<void> write_output(const std::string& path, const std::string& text) {
  auto out = OutputStream::open(path);
  if (!out) return tl::unexpected(out.error());
  if (auto written = out->write(text); !written) return written;
  return out->commit();
}

namespace {

std::string system_message() { return std::strerror(errno); }

}  // namespace

Result<InputStream> InputStream::open(const std::string& path) {
  if (path == "-") return InputStream(STDIN_FILENO, "standard input");
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return fail(path + ": is a directory; expected a file");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(path + ": cannot open (" + system_message() + ")");
  return InputStream(fd, path);
}

InputStream::InputStream(InputStream&& other) noexcept : fd_(other.fd_), name_(std::move(other.name_)) {
  other.fd_ = -1;
}

InputStream::~InputStream() {
  if (fd_ > STDERR_FILENO) ::close(fd_);
}

Result<std::size_t> InputStream::read(char* buffer, std::size_t size) {
  for (;;) {
    const ssize_t got = ::read(fd_, buffer, size);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) return fail(name_ + ": cannot read (" + system_message() + ")");
  }
}

Result<OutputStream> OutputStream::open(const std::string& path) {
  if (path.empty() || path == "-") {
    std::cout.flush();
    return OutputStream(STDOUT_FILENO, "", "");
  }
  if (is_special_file(path)) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return fail(path + ": cannot write (" + system_message() + ")");
    return OutputStream(fd, path, "");
  }
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return fail(path + ": cannot write (" + system_message() + ")");
  return OutputStream(fd, path, temporary);
}

OutputStream::OutputStream(OutputStream&& other) noexcept
    : fd_(other.fd_), path_(std::move(other.path_)), temporary_(std::move(other.temporary_)) {
  other.fd_ = -1;
  other.temporary_.clear();
}

OutputStream::~OutputStream() {
  if (fd_ > STDERR_FILENO) ::close(fd_);
  if (!temporary_.empty()) {
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

Result<void> OutputStream::write(std::string_view bytes) {
  const std::string shown = path_.empty() ? "standard output" : path_;
  while (!bytes.empty()) {
    const ssize_t put = ::write(fd_, bytes.data(), bytes.size());
    if (put < 0) {
      if (errno == EINTR) continue;
      return fail(shown + ": write failed (" + system_message() + ")");
    }
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  return {};
}

Result<void> OutputStream::commit() {
  if (temporary_.empty()) return {};  // standard output or a device: written as it came
  if (::close(fd_) != 0) {
    fd_ = -1;
    return fail(path_ + ": write failed (" + system_message() + ")");
  }
  fd_ = -1;
  std::error_code error;
  std::filesystem::rename(temporary_, path_, error);
  if (error) return fail(path_ + ": cannot replace (" + error.message() + ")");
  temporary_.clear();
  return {};
}

}  // namespace plateau::cli
