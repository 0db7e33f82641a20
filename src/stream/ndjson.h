// Streams of payroll batches: NDJSON in, one line of pay out per line in, in order, on every core.
//
//   input bytes ─split at '\n'→ chunks of lines ─workers: read_batch_json → compute →
//   write_pay_json→ chunks of output lines ─in input order→ output bytes
//
// Each input line is a whole batch in the input format (../shared/spec/payroll-io.md), on one
// line. Its output line is exactly what `plateau compute --format json` writes for that batch
// alone. A line that cannot stand (bad JSON, a field the engine refuses, a line too long) gets an
// error line in its place, {"format": "plateau-pay/1", "line": N, "error": "…"}, so that output
// line N always answers input line N; the others go on (docs/interpretations.md, C3).
//
// Memory is flat: a bounded number of chunks is in flight, whatever the input's size. The output
// is byte-identical whatever the number of threads: each line is computed alone, and chunks are
// written in the order they were read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "agreement/registry.h"
#include "core/error.h"

namespace plateau::stream {

struct NdjsonOptions {
  unsigned threads = 1;                         // workers computing lines; 1 computes on the caller's thread
  bool keep_going = false;                      // within a batch, as `compute --keep-going`
  std::string lang = "en";                      // explanations' language
  std::size_t chunk_bytes = std::size_t{1} << 18;  // input read and handed to a worker at a time
  std::size_t max_line_bytes = std::size_t{256} << 20;  // a longer line is refused (its own error line)
};

// What happened to one input line that did not compute cleanly, for messages on standard error.
struct LineProblem {
  std::uint64_t line = 0;  // 1-based
  std::string message;
  bool rejected = true;    // false: computed, with error-severity findings or people left out
};

struct NdjsonSummary {
  std::uint64_t lines = 0;
  std::uint64_t rejected = 0;             // lines answered by an error line
  std::uint64_t with_error_findings = 0;  // lines computed with error-severity findings
  std::uint64_t people_left_out = 0;      // --keep-going: people rejected within computed lines
  std::uint64_t input_bytes = 0;
  std::uint64_t output_bytes = 0;
};

// Where the bytes come from: fills up to `size` bytes, returns how many (0 at the end).
using ReadBytes = std::function<Result<std::size_t>(char* buffer, std::size_t size)>;
// Where the output goes, in order.
using WriteBytes = std::function<Result<void>(std::string_view bytes)>;
// Told of each line's problem, in input order, from the caller's thread.
using OnProblem = std::function<void(const LineProblem&)>;

// Reads the whole stream and writes its answer. Fails only when reading or writing fails; bad
// lines are answered in the output and counted in the summary.
Result<NdjsonSummary> compute_ndjson(const ReadBytes& read, const WriteBytes& write, const agreement::Registry& registry,
                                     const NdjsonOptions& options, const OnProblem& on_problem = {});

// The output line (newline included) for one input line (without its newline), as the stream
// writes it: for tests and for a single batch.
std::string compute_ndjson_line(std::string_view line, std::uint64_t line_number, const agreement::Registry& registry,
                                const NdjsonOptions& options);

}  // namespace plateau::stream
