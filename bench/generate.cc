// plateau-bench-generate: writes synthetic payroll batches (bench/generator.h) for benchmarks.
//
//   plateau-bench-generate --seed N --bytes SIZE [-o FILE]
//
// Writes batches 0, 1, 2 … of stream N, one compact JSON batch per line ('\n'-terminated), until
// at least SIZE bytes are written; SIZE is a count of bytes, optionally with a binary suffix
// K, M or G (100M = 100 × 2^20 bytes). Output goes to standard output, or to FILE; nothing else is
// written to standard output. Exit status: 0 written; 1 a write failed; 2 usage.
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "bench/generator.h"

namespace {

enum ExitStatus : int {
  kWritten = 0,
  kWriteFailed = 1,
  kUsage = 2,
};

// Batches are gathered into a buffer of about this size before each write.
constexpr std::size_t kFlushBytes = std::size_t{8} << 20;
constexpr std::uint64_t kKibi = 1024;
constexpr std::uint64_t kDecimalBase = 10;

// "100M" → 104857600. Digits, then at most one of K, M, G (either case); nothing on overflow.
std::optional<std::uint64_t> parse_size(const std::string& text) {
  std::uint64_t value = 0;
  std::size_t i = 0;
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    const auto digit = static_cast<std::uint64_t>(text[i] - '0');
    if (value > (max - digit) / kDecimalBase) return std::nullopt;
    value = value * kDecimalBase + digit;
  }
  if (i == 0) return std::nullopt;
  std::uint64_t multiplier = 1;
  if (i < text.size()) {
    switch (text[i]) {
      case 'K': case 'k': multiplier = kKibi; break;
      case 'M': case 'm': multiplier = kKibi * kKibi; break;
      case 'G': case 'g': multiplier = kKibi * kKibi * kKibi; break;
      default: return std::nullopt;
    }
    if (++i != text.size()) return std::nullopt;
  }
  if (value > max / multiplier) return std::nullopt;
  return value * multiplier;
}

bool write_all(std::FILE* file, const std::string& text) {
  return std::fwrite(text.data(), 1, text.size(), file) == text.size();
}

int fail_write(const std::string& where) {
  std::fprintf(stderr, "plateau-bench-generate: cannot write %s: %s\n", where.c_str(), std::strerror(errno));
  return kWriteFailed;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"plateau-bench-generate: synthetic, valid payroll batches (plateau-payroll/1) for benchmarks, "
               "one per line"};
  std::uint64_t seed = 0;
  std::string size_text;
  std::string output;
  app.add_option("--seed", seed, "The stream: the same seed gives the same bytes on every machine")->required();
  app.add_option("--bytes", size_text, "Write batches until at least this many bytes: a count, or with K, M or G "
                                       "(binary: 1G = 2^30 bytes)")
      ->required();
  app.add_option("-o,--output", output, "Write to FILE instead of standard output");
  app.footer(
      "Examples:\n"
      "  plateau-bench-generate --seed 1 --bytes 100M -o batches.ndjson\n"
      "  plateau-bench-generate --seed 7 --bytes 1G | wc -l\n"
      "Exit status: 0 written; 1 a write failed; 2 usage.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? kWritten : kUsage;
  }
  const std::optional<std::uint64_t> target = parse_size(size_text);
  if (!target) {
    std::fprintf(stderr, "plateau-bench-generate: --bytes: found \"%s\"; expected a byte count like 1000, 100M or 1G\n",
                 size_text.c_str());
    return kUsage;
  }

  const std::string where = output.empty() ? "standard output" : output;
  std::FILE* file = output.empty() ? stdout : std::fopen(output.c_str(), "wb");
  if (file == nullptr) return fail_write(where);

  const plateau::bench::GeneratorOptions options{seed};
  std::string buffer;
  buffer.reserve(kFlushBytes * 2);
  std::uint64_t written = 0;
  for (std::uint64_t index = 0; written < *target; ++index) {
    const std::size_t before = buffer.size();
    plateau::bench::append_batch(options, index, buffer);
    buffer += '\n';
    written += buffer.size() - before;
    if (buffer.size() >= kFlushBytes) {
      if (!write_all(file, buffer)) return fail_write(where);
      buffer.clear();
    }
  }
  if (!write_all(file, buffer) || std::fflush(file) != 0) return fail_write(where);
  if (file != stdout && std::fclose(file) != 0) return fail_write(where);
  return kWritten;
}
