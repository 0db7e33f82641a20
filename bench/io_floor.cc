// (a) of `make bench`: the I/O floor. Reads an NDJSON stream of batches as `plateau compute
// --ndjson` does (the same read size), parses each line with simdjson (the DOM parser, which
// validates the whole document), and writes as many output bytes as plateau wrote for the same
// input, spread over the input in proportion — doing no payroll work. What plateau takes beyond
// this is the price of computing.
//
//   plateau-bench-floor INPUT --output-bytes N [-o FILE]     the floor, timed by the caller
//   plateau-bench-floor INPUT --count                        person-weeks in INPUT (not timed)
//
// A person-week is one person's one work week with days in it (weeks start on the batch's
// production.week_starts_on, Sunday by default).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <set>
#include <string>

#include <CLI/CLI.hpp>
#include <simdjson.h>

#include "core/calendar.h"
#include "core/text.h"

namespace {

using namespace plateau;

// As stream::NdjsonOptions::chunk_bytes, the default plateau reads with.
constexpr std::size_t kReadBytes = std::size_t{1} << 18;

// output_bytes × consumed can pass 2^64 for inputs of a few GB.
__extension__ using Wide = unsigned __int128;

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t put = ::write(fd, data, size);
    if (put < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += put;
    size -= static_cast<std::size_t>(put);
  }
  return true;
}

// Calls on_line(line) for each line of `fd`, reading kReadBytes at a time.
template <class OnLine>
bool for_each_line(int fd, OnLine&& on_line) {
  std::string pending;
  for (;;) {
    const std::size_t had = pending.size();
    resize_for_overwrite(pending, had + kReadBytes);  // as plateau reads: no zero-fill first
    const ssize_t got = ::read(fd, pending.data() + had, kReadBytes);
    if (got < 0) {
      if (errno == EINTR) {
        pending.resize(had);
        continue;
      }
      return false;
    }
    pending.resize(had + static_cast<std::size_t>(got));
    std::size_t start = 0;
    for (std::size_t end = pending.find('\n'); end != std::string::npos; end = pending.find('\n', start)) {
      if (!on_line(std::string_view(pending).substr(start, end - start))) return false;
      start = end + 1;
    }
    pending.erase(0, start);
    if (got == 0) {
      if (!pending.empty()) return on_line(std::string_view(pending));
      return true;
    }
  }
}

std::int64_t person_weeks(simdjson::dom::element batch) {
  Weekday first_day = std::chrono::Sunday;
  std::string_view week_starts_on;
  if (batch["production"]["week_starts_on"].get(week_starts_on) == simdjson::SUCCESS) {
    if (auto parsed = parse_weekday(week_starts_on)) first_day = *parsed;
  }
  std::int64_t total = 0;
  simdjson::dom::array crew;
  if (batch["crew"].get(crew) != simdjson::SUCCESS) return 0;
  for (auto person : crew) {
    std::set<Date> weeks;
    simdjson::dom::array days;
    if (person["days"].get(days) != simdjson::SUCCESS) continue;
    for (auto day : days) {
      std::string_view text;
      if (day["date"].get(text) != simdjson::SUCCESS) continue;
      if (auto date = parse_date(text)) weeks.insert(work_week_start(*date, first_day));
    }
    total += static_cast<std::int64_t>(weeks.size());
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"plateau-bench-floor: the I/O floor of compute --ndjson (parse with simdjson, write the same bytes)"};
  std::string input;
  std::string output;
  std::uint64_t output_bytes = 0;
  bool count = false;
  app.add_option("input", input, "NDJSON batches")->required();
  app.add_option("--output-bytes", output_bytes, "How many bytes plateau wrote for this input");
  app.add_option("-o,--output", output, "Where to write them (default: standard output)");
  app.add_flag("--count", count, "Print the person-weeks in the input instead");
  CLI11_PARSE(app, argc, argv);

  const int in = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) {
    std::cerr << "plateau-bench-floor: " << input << ": " << std::strerror(errno) << "\n";
    return 1;
  }
  const off_t input_size = ::lseek(in, 0, SEEK_END);
  ::lseek(in, 0, SEEK_SET);
  simdjson::dom::parser parser;
  std::uint64_t lines = 0;
  std::int64_t weeks = 0;

  if (count) {
    const bool ok = for_each_line(in, [&](std::string_view line) {
      simdjson::dom::element batch;
      if (parser.parse(line.data(), line.size()).get(batch) != simdjson::SUCCESS) return false;
      weeks += person_weeks(batch);
      ++lines;
      return true;
    });
    if (!ok) {
      std::cerr << "plateau-bench-floor: " << input << ": line " << lines + 1 << " cannot be read\n";
      return 1;
    }
    std::cout << weeks << "\n";
    return 0;
  }

  const int out = output.empty() ? STDOUT_FILENO : ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (out < 0) {
    std::cerr << "plateau-bench-floor: " << output << ": " << std::strerror(errno) << "\n";
    return 1;
  }
  // Output bytes owed after `consumed` input bytes: output_bytes × consumed ÷ input_size.
  const std::string filler(kReadBytes * 8, 'x');
  std::uint64_t consumed = 0;
  std::uint64_t written = 0;
  std::string pending_out;
  bool ok = for_each_line(in, [&](std::string_view line) {
    simdjson::dom::element batch;
    if (parser.parse(line.data(), line.size()).get(batch) != simdjson::SUCCESS) return false;
    ++lines;
    consumed += line.size() + 1;
    const auto owed = static_cast<std::uint64_t>(
        (static_cast<Wide>(output_bytes) * std::min<std::uint64_t>(consumed, static_cast<std::uint64_t>(input_size))) /
        static_cast<std::uint64_t>(input_size));
    // Written in pieces of about the read size, as plateau writes a chunk at a time.
    while (owed - written >= kReadBytes) {
      const std::size_t piece = static_cast<std::size_t>(std::min<std::uint64_t>(owed - written, filler.size()));
      if (!write_all(out, filler.data(), piece)) return false;
      written += piece;
    }
    return true;
  });
  while (ok && written < output_bytes) {
    const std::size_t piece = static_cast<std::size_t>(std::min<std::uint64_t>(output_bytes - written, filler.size()));
    ok = write_all(out, filler.data(), piece);
    written += piece;
  }
  if (!ok) {
    std::cerr << "plateau-bench-floor: " << input << ": line " << lines + 1 << " cannot be read, or the output cannot be written\n";
    return 1;
  }
  return 0;
}
