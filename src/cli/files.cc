#include "cli/files.h"

#include <unistd.h>

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

Result<void> write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) return fail("standard output: write failed");
    return {};
  }
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return fail(path + ": cannot write");
    out << text;
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary);
      return fail(path + ": write failed");
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary);
    return fail(path + ": cannot replace (" + error.message() + ")");
  }
  return {};
}

}  // namespace plateau::cli
