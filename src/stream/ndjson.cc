#include "stream/ndjson.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/text.h"
#include "engine/compute.h"
#include "io/batch_json.h"
#include "io/pay_json.h"

namespace plateau::stream {

namespace {

// Chunks in flight per worker: one being computed, one waiting, so no worker idles while the
// caller writes; the bound is what keeps memory flat.
constexpr std::size_t kChunksPerWorker = 2;

// A run of whole input lines, and, once a worker is done with it, their output lines.
struct Chunk {
  std::string input;            // lines, each ending with '\n' except perhaps the stream's last
  std::uint64_t first_line = 0;
  bool oversized = false;       // stands for one line longer than max_line_bytes (input empty)
  std::string output;
  std::vector<LineProblem> problems;
  NdjsonSummary counts;
  bool done = false;

  void reset() {
    input.clear();
    first_line = 0;
    oversized = false;
    output.clear();
    problems.clear();
    counts = {};
    done = false;
  }
};

// Computes lines one at a time with one reusable parser; one per worker.
class LineComputer {
 public:
  LineComputer(const agreement::Registry& registry, const NdjsonOptions& options)
      : options_(options), calculator_(registry) {}

  void compute(std::string_view line, std::uint64_t number, Chunk& chunk) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++chunk.counts.lines;
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      reject(number, "an empty line; expected a payroll batch on each line", chunk);
      return;
    }
    if (auto read = reader_.read(line, batch_); !read) {
      reject(number, read.error().message, chunk);
      return;
    }
    engine::ComputeOptions compute_options;
    compute_options.keep_going = options_.keep_going;
    auto pay = calculator_.compute(batch_, compute_options);
    if (!pay) {
      reject(number, pay.error().message, chunk);
      return;
    }
    io::append_pay_json(**pay, options_.lang, chunk.output);
    for (const auto& rejected : (*pay)->rejected) {
      chunk.problems.push_back({number, rejected.message + " (left out: --keep-going)", false});
      ++chunk.counts.people_left_out;
    }
    if (engine::has_error_findings(**pay)) {
      ++chunk.counts.with_error_findings;
      chunk.problems.push_back({number, "computed with error-severity findings", false});
    }
  }

  void reject(std::uint64_t number, const std::string& message, Chunk& chunk) {
    chunk.output += "{\"format\": \"plateau-pay/1\", \"line\": " + std::to_string(number) +
                    ", \"error\": " + io::json_string(message) + "}\n";
    chunk.problems.push_back({number, message, true});
    ++chunk.counts.rejected;
  }

  void compute_chunk(Chunk& chunk) {
    if (chunk.oversized) {
      ++chunk.counts.lines;
      reject(chunk.first_line,
             "a line of more than " + std::to_string(options_.max_line_bytes) + " bytes; expected at most that",
             chunk);
      return;
    }
    std::uint64_t number = chunk.first_line;
    std::string_view rest = chunk.input;
    while (!rest.empty()) {
      const auto end = rest.find('\n');
      const std::string_view line = rest.substr(0, end);
      compute(line, number++, chunk);
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }

 private:
  const NdjsonOptions& options_;
  io::BatchJsonReader reader_;
  engine::Batch batch_;  // the line being computed, read into the memory of the one before
  engine::Calculator calculator_;  // its pay, computed into the memory of the one before
};

// The newlines in `text`, found by memchr (which looks at many bytes a step, where a loop over the
// bytes looks at one): this runs over the whole input on the thread that reads and writes.
std::uint64_t count_newlines(std::string_view text) {
  std::uint64_t count = 0;
  const char* at = text.data();
  const char* const end = at + text.size();
  while (at != end) {
    const void* found = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
    if (found == nullptr) break;
    ++count;
    at = static_cast<const char*>(found) + 1;
  }
  return count;
}

// Cuts the input into chunks of whole lines, reading as it goes.
class LineSplitter {
 public:
  LineSplitter(const ReadBytes& read, const NdjsonOptions& options) : read_(read), options_(options) {}

  // Fills `chunk` with the next lines; false at the end of the input.
  Result<bool> next(Chunk& chunk) {
    for (;;) {
      if (skipping_) {
        const auto end = pending_.find('\n');
        if (end != std::string::npos) {
          pending_.erase(0, end + 1);
          skipping_ = false;
          continue;
        }
        pending_.clear();
        if (at_end_) return false;
      } else if (pending_.size() >= options_.chunk_bytes || at_end_) {
        const auto last = pending_.rfind('\n');
        if (last != std::string::npos) {
          // The chunk takes the buffer as it is, and only the start of the next line, after the
          // last newline, is copied back: the lines themselves are not copied.
          chunk.input.swap(pending_);
          pending_.assign(chunk.input, last + 1);
          chunk.input.resize(last + 1);
          chunk.first_line = next_line_;
          next_line_ += count_newlines(chunk.input);
          return true;
        }
        if (at_end_) {
          if (pending_.empty()) return false;
          chunk.input = std::move(pending_);  // the last line, without its newline
          pending_.clear();
          chunk.first_line = next_line_++;
          return true;
        }
        if (pending_.size() > options_.max_line_bytes) {
          pending_.clear();
          skipping_ = true;
          chunk.oversized = true;
          chunk.first_line = next_line_++;
          return true;
        }
      }
      if (at_end_) return false;
      auto read = fill();
      if (!read) return tl::unexpected(read.error());
    }
  }

  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  Result<void> fill() {
    const std::size_t had = pending_.size();
    resize_for_overwrite(pending_, had + options_.chunk_bytes);
    auto got = read_(pending_.data() + had, options_.chunk_bytes);
    if (!got) {
      pending_.resize(had);  // nothing unwritten left in the buffer
      return tl::unexpected(got.error());
    }
    pending_.resize(had + *got);
    bytes_read_ += *got;
    if (*got == 0) at_end_ = true;
    return {};
  }

  const ReadBytes& read_;
  const NdjsonOptions& options_;
  std::string pending_;  // read, not yet handed out: the start of the next lines
  std::uint64_t next_line_ = 1;
  std::uint64_t bytes_read_ = 0;
  bool at_end_ = false;
  bool skipping_ = false;  // discarding the rest of an oversized line
};

void add(NdjsonSummary& total, const NdjsonSummary& counts) {
  total.lines += counts.lines;
  total.rejected += counts.rejected;
  total.with_error_findings += counts.with_error_findings;
  total.people_left_out += counts.people_left_out;
}

// Writes a computed chunk and tells of its problems.
Result<void> deliver(Chunk& chunk, const WriteBytes& write, const OnProblem& on_problem, NdjsonSummary& summary) {
  if (auto written = write(chunk.output); !written) return written;
  summary.output_bytes += chunk.output.size();
  add(summary, chunk.counts);
  if (on_problem) {
    for (const auto& problem : chunk.problems) on_problem(problem);
  }
  return {};
}

Result<NdjsonSummary> compute_on_this_thread(const ReadBytes& read, const WriteBytes& write,
                                             const agreement::Registry& registry, const NdjsonOptions& options,
                                             const OnProblem& on_problem) {
  NdjsonSummary summary;
  LineSplitter splitter(read, options);
  LineComputer computer(registry, options);
  Chunk chunk;
  for (;;) {
    chunk.reset();
    auto more = splitter.next(chunk);
    if (!more) return tl::unexpected(more.error());
    if (!*more) break;
    computer.compute_chunk(chunk);
    if (auto delivered = deliver(chunk, write, on_problem, summary); !delivered) return tl::unexpected(delivered.error());
  }
  summary.input_bytes = splitter.bytes_read();
  return summary;
}

// Workers take chunks from a queue; the caller reads, hands out, and writes finished chunks in
// the order they were read.
class WorkerPool {
 public:
  WorkerPool(unsigned threads, const agreement::Registry& registry, const NdjsonOptions& options) {
    for (unsigned i = 0; i < threads; ++i) {
      workers_.emplace_back([this, &registry, &options] { work(registry, options); });
    }
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& worker : workers_) worker.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void submit(Chunk* chunk) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(chunk);
    }
    work_ready_.notify_one();
  }

  // Waits until `chunk` is computed; rethrows what a worker could not handle.
  void wait(const Chunk& chunk) {
    std::unique_lock lock(mutex_);
    chunk_done_.wait(lock, [&] { return chunk.done || failure_ != nullptr; });
    if (failure_ != nullptr) std::rethrow_exception(failure_);
  }

 private:
  void work(const agreement::Registry& registry, const NdjsonOptions& options) {
    LineComputer computer(registry, options);
    for (;;) {
      Chunk* chunk = nullptr;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        chunk = queue_.front();
        queue_.pop_front();
      }
      try {
        computer.compute_chunk(*chunk);
      } catch (...) {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
        chunk_done_.notify_all();
        return;
      }
      {
        std::lock_guard lock(mutex_);
        chunk->done = true;
      }
      chunk_done_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable chunk_done_;
  std::deque<Chunk*> queue_;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> workers_;
};

Result<NdjsonSummary> compute_on_workers(const ReadBytes& read, const WriteBytes& write,
                                         const agreement::Registry& registry, const NdjsonOptions& options,
                                         const OnProblem& on_problem) {
  NdjsonSummary summary;
  LineSplitter splitter(read, options);
  const std::size_t max_in_flight = kChunksPerWorker * options.threads;
  std::deque<std::unique_ptr<Chunk>> in_flight;  // in input order
  std::vector<std::unique_ptr<Chunk>> spare;     // written, for reuse
  WorkerPool pool(options.threads, registry, options);
  bool input_done = false;
  for (;;) {
    while (!input_done && in_flight.size() < max_in_flight) {
      std::unique_ptr<Chunk> chunk;
      if (spare.empty()) {
        chunk = std::make_unique<Chunk>();
      } else {
        chunk = std::move(spare.back());
        spare.pop_back();
        chunk->reset();
      }
      auto more = splitter.next(*chunk);
      if (!more) return tl::unexpected(more.error());
      if (!*more) {
        input_done = true;
        break;
      }
      pool.submit(chunk.get());
      in_flight.push_back(std::move(chunk));
    }
    if (in_flight.empty()) break;
    pool.wait(*in_flight.front());
    if (auto delivered = deliver(*in_flight.front(), write, on_problem, summary); !delivered) {
      return tl::unexpected(delivered.error());
    }
    spare.push_back(std::move(in_flight.front()));
    in_flight.pop_front();
  }
  summary.input_bytes = splitter.bytes_read();
  return summary;
}

}  // namespace

Result<NdjsonSummary> compute_ndjson(const ReadBytes& read, const WriteBytes& write, const agreement::Registry& registry,
                                     const NdjsonOptions& options, const OnProblem& on_problem) {
  if (options.chunk_bytes == 0 || options.max_line_bytes == 0) return fail("NDJSON: chunk and line sizes must be positive");
  if (options.threads <= 1) return compute_on_this_thread(read, write, registry, options, on_problem);
  return compute_on_workers(read, write, registry, options, on_problem);
}

std::string compute_ndjson_line(std::string_view line, std::uint64_t line_number, const agreement::Registry& registry,
                                const NdjsonOptions& options) {
  LineComputer computer(registry, options);
  Chunk chunk;
  computer.compute(line, line_number, chunk);
  return std::move(chunk.output);
}

}  // namespace plateau::stream
