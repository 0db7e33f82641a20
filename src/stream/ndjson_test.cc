// NDJSON streams: one output line per input line, in order, the same bytes on one thread or many,
// each line what the single-batch path writes, bad lines answered in place, memory bounded.
#include "stream/ndjson.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "agreement/test_support.h"
#include "engine/compute.h"
#include "io/batch_json.h"
#include "io/pay_json.h"

namespace plateau::stream {
namespace {

using agreement::testing::bundled_registry;
using agreement::testing::source_dir;

// Every golden case's input batch, each on one line (the corpus holds batches the engine computes
// and batches it rejects, so a stream of them mixes both); `rejected` counts the latter.
std::vector<std::string> golden_lines(std::size_t* rejected = nullptr) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "tests" / "golden")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> lines;
  for (const auto& file : files) {
    std::ifstream in(file);
    const auto golden = nlohmann::json::parse(in);
    lines.push_back(golden.at("input").dump());
    if (rejected != nullptr && golden.contains("error")) ++*rejected;
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

struct StreamRun {
  std::string output;
  NdjsonSummary summary;
  std::vector<LineProblem> problems;
  std::size_t most_read_ahead = 0;  // input bytes read but not yet answered, at the worst moment
};

// Streams `input` through compute_ndjson, handing it out `piece` bytes at a time.
StreamRun run(const std::string& input, NdjsonOptions options, std::size_t piece = 1 << 16) {
  StreamRun result;
  std::size_t offset = 0;
  auto read = [&](char* buffer, std::size_t size) -> Result<std::size_t> {
    const std::size_t n = std::min({size, piece, input.size() - offset});
    std::copy_n(input.data() + offset, n, buffer);
    offset += n;
    return n;
  };
  // Where each input line ends, to know how much input the lines written so far answer.
  std::vector<std::size_t> line_ends;
  for (std::size_t at = input.find('\n'); at != std::string::npos; at = input.find('\n', at + 1)) line_ends.push_back(at + 1);
  std::size_t lines_answered = 0;
  auto write = [&](std::string_view bytes) -> Result<void> {
    const std::size_t answered_input = lines_answered == 0 ? 0 : line_ends.at(lines_answered - 1);
    result.most_read_ahead = std::max(result.most_read_ahead, offset - answered_input);
    result.output += bytes;
    lines_answered += static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
    return {};
  };
  auto summary = compute_ndjson(read, write, bundled_registry(), options,
                                [&](const LineProblem& problem) { result.problems.push_back(problem); });
  EXPECT_TRUE(summary.has_value()) << (summary ? "" : summary.error().message);
  if (summary) result.summary = *summary;
  return result;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST(Ndjson, EachLineIsWhatComputeWritesForThatBatchAlone) {
  std::size_t expected_rejected = 0;
  const auto lines = golden_lines(&expected_rejected);
  ASSERT_GT(lines.size(), 100u);
  ASSERT_GT(expected_rejected, 10u);
  const StreamRun streamed = run(joined(lines), {});
  const auto output = split_lines(streamed.output);
  ASSERT_EQ(output.size(), lines.size());
  std::size_t computed = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto batch = io::read_batch_json(lines[i]);
    Result<engine::BatchPay> pay = batch ? engine::compute(*batch, bundled_registry()) : tl::unexpected(batch.error());
    if (pay) {
      ++computed;
      EXPECT_EQ(output[i] + "\n", io::write_pay_json(*pay, "en")) << "line " << i + 1;
    } else {
      const auto answer = nlohmann::json::parse(output[i]);
      EXPECT_EQ(answer.at("line"), i + 1);
      EXPECT_EQ(answer.at("error"), pay.error().message) << "line " << i + 1;
    }
  }
  // The cases that expect an error are answered by error lines; the others compute.
  EXPECT_EQ(computed, lines.size() - expected_rejected);
  EXPECT_EQ(streamed.summary.lines, lines.size());
  EXPECT_EQ(streamed.summary.rejected, expected_rejected);
  EXPECT_EQ(streamed.summary.output_bytes, streamed.output.size());
}

TEST(Ndjson, ManyThreadsWriteTheSameBytesInTheSameOrderAsOne) {
  std::vector<std::string> lines;
  for (int copy = 0; copy < 4; ++copy) {
    for (auto& line : golden_lines()) lines.push_back(line);
  }
  const std::string input = joined(lines);
  NdjsonOptions one;
  one.threads = 1;
  const StreamRun single = run(input, one);
  for (const unsigned threads : {2u, 3u, 8u}) {
    for (const std::size_t chunk_bytes : {std::size_t{64}, std::size_t{4096}, std::size_t{1} << 20}) {
      NdjsonOptions many;
      many.threads = threads;
      many.chunk_bytes = chunk_bytes;
      const StreamRun parallel = run(input, many, 777);
      EXPECT_EQ(parallel.output, single.output) << threads << " threads, chunks of " << chunk_bytes;
      EXPECT_EQ(parallel.summary.rejected, single.summary.rejected);
      ASSERT_EQ(parallel.problems.size(), single.problems.size());
      for (std::size_t i = 0; i < single.problems.size(); ++i) {
        EXPECT_EQ(parallel.problems[i].line, single.problems[i].line);
      }
    }
  }
}

TEST(Ndjson, BadLinesAreAnsweredInPlaceAndTheOthersGoOn) {
  const auto lines = golden_lines();
  const std::string good = lines[0];
  const std::string too_long(good.size() + 50, 'x');
  const std::string input = good + "\n" +                             // 1
                            "\n" +                                    // 2: empty
                            "{\"format\": \"plateau-payroll/1\",\n" +   // 3: cut short
                            "[1, 2]\n" +                              // 4: not an object
                            good + "\r\n" +                           // 5: CRLF
                            too_long + "\n" +                         // 6: too long
                            good;                                     // 7: no final newline
  for (const unsigned threads : {1u, 2u}) {
    NdjsonOptions options;
    options.threads = threads;
    options.chunk_bytes = 100;
    options.max_line_bytes = good.size() + 2;  // the batches (and a CR) fit; the line of x does not
    const StreamRun result = run(input, options, 37);
    const auto output = split_lines(result.output);
    ASSERT_EQ(output.size(), 7u);
    const std::string computed = split_lines(run(good + "\n", {}).output).at(0);
    EXPECT_EQ(output[0], computed);
    EXPECT_EQ(output[4], computed);
    EXPECT_EQ(output[6], computed);
    for (const std::size_t bad : {1u, 2u, 3u, 5u}) {
      const auto answer = nlohmann::json::parse(output[bad]);
      EXPECT_EQ(answer.at("format"), "plateau-pay/1");
      EXPECT_EQ(answer.at("line"), bad + 1);
    }
    EXPECT_EQ(nlohmann::json::parse(output[1]).at("error"), "an empty line; expected a payroll batch on each line");
    EXPECT_NE(nlohmann::json::parse(output[2]).at("error").get<std::string>().find("invalid JSON"), std::string::npos);
    EXPECT_NE(nlohmann::json::parse(output[3]).at("error").get<std::string>().find("found an array"),
              std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(output[5]).at("error"),
              "a line of more than " + std::to_string(options.max_line_bytes) + " bytes; expected at most that");
    EXPECT_EQ(result.summary.lines, 7u);
    EXPECT_EQ(result.summary.rejected, 4u);
    ASSERT_EQ(result.problems.size(), 4u);
    EXPECT_EQ(result.problems[0].line, 2u);
    EXPECT_EQ(result.problems[3].line, 6u);
  }
}

TEST(Ndjson, AnEmptyStreamHasNoLines) {
  const StreamRun result = run("", {});
  EXPECT_EQ(result.output, "");
  EXPECT_EQ(result.summary.lines, 0u);
}

TEST(Ndjson, ReadAheadIsBoundedWhateverTheInputSize) {
  // 40 copies of the corpus, about 1.5 MB; with chunks of 4 KiB and 2 workers at most
  // 2 × 2 chunks are in flight beside the one being written, each at most a chunk plus one line.
  std::vector<std::string> lines;
  for (int copy = 0; copy < 40; ++copy) {
    for (auto& line : golden_lines()) lines.push_back(line);
  }
  const std::string input = joined(lines);
  std::size_t longest = 0;
  for (const auto& line : lines) longest = std::max(longest, line.size() + 1);
  NdjsonOptions options;
  options.threads = 2;
  options.chunk_bytes = 4096;
  const StreamRun result = run(input, options, 4096);
  EXPECT_EQ(result.summary.lines, lines.size());
  const std::size_t bound = (2 * options.threads + 1) * (options.chunk_bytes + longest) + options.chunk_bytes;
  EXPECT_LE(result.most_read_ahead, bound);
  EXPECT_GT(input.size(), 50 * bound);  // the input is far larger than what was ever held
}

TEST(Ndjson, AFailedWriteStopsTheStreamWithItsMessage) {
  const std::string input = joined(golden_lines());
  for (const unsigned threads : {1u, 2u}) {
    NdjsonOptions options;
    options.threads = threads;
    options.chunk_bytes = 512;
    std::size_t offset = 0;
    int writes = 0;
    auto summary = compute_ndjson(
        [&](char* buffer, std::size_t size) -> Result<std::size_t> {
          const std::size_t n = std::min(size, input.size() - offset);
          std::copy_n(input.data() + offset, n, buffer);
          offset += n;
          return n;
        },
        [&](std::string_view) -> Result<void> {
          if (++writes == 3) return fail("standard output: write failed (Broken pipe)");
          return {};
        },
        bundled_registry(), options);
    ASSERT_FALSE(summary.has_value());
    EXPECT_EQ(summary.error().message, "standard output: write failed (Broken pipe)");
    EXPECT_EQ(writes, 3);
  }
}

TEST(Ndjson, AFailedReadStopsTheStreamWithItsMessage) {
  NdjsonOptions options;
  options.threads = 2;
  auto summary = compute_ndjson([](char*, std::size_t) -> Result<std::size_t> { return fail("in.ndjson: cannot read (I/O error)"); },
                                [](std::string_view) -> Result<void> { return {}; }, bundled_registry(), options);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().message, "in.ndjson: cannot read (I/O error)");
}

}  // namespace
}  // namespace plateau::stream
