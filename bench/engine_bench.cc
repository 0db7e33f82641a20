// (c) of `make bench`: the engine alone, with Google Benchmark, in person-weeks per second.
//
// The batches come from the seeded generator (bench/generator.h), are parsed once before timing,
// and each iteration computes them all with one engine::Calculator: normalization, day and week
// classification, pay lines, contributions. No parsing, no output.
//
// (c) is `engine_compute`: each batch is computed as a stream's worker computes it, just after it
// has been written into the worker's reused batch (here by copying it there, untimed; in the
// stream, by the reader), so the engine finds its input in the cache, as it does in the stream.
// Only the computing is timed. `engine_compute_from_memory` computes the 2,000 batches where they
// lie, tens of megabytes apart, so that each is first read from main memory: a harsher figure,
// which the stream never meets, kept beside it to show what the cache is worth.
//
// Beside them, for the breakdown docs/performance.md gives, the same batches parsed alone and
// written alone (JSON output), each as the stream does it: lines read one after the other into one
// reused batch; each batch's pay written just after it is computed.
//
//   build/bench/plateau-bench-engine [--batches=N] [--seed=S] [Google Benchmark flags]
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <atomic>
#include <new>

#include <benchmark/benchmark.h>

#include "agreement/registry.h"
#include "bench/generator.h"
#include "engine/compute.h"
#include "io/batch_json.h"
#include "io/pay_json.h"

// Every heap allocation of the process is counted, so that each benchmark can report how many it
// makes per person-week (allocations are where the engine's time went: docs/performance.md).
std::atomic<std::int64_t> allocations{0};

namespace {

using namespace plateau;

struct Workload {
  agreement::Registry registry;
  std::vector<std::string> lines;        // the batches as the generator writes them
  std::vector<engine::Batch> batches;    // the same, parsed
  std::int64_t person_weeks = 0;
  std::int64_t input_bytes = 0;
};

// One person's distinct work weeks (the 7-day weeks starting on the production's week day).
std::int64_t person_weeks_of(const engine::Batch& batch) {
  std::int64_t total = 0;
  for (const auto& person : batch.crew) {
    std::set<Date> weeks;
    for (const auto& day : person.days) weeks.insert(work_week_start(day.date, batch.production.week_starts_on));
    total += static_cast<std::int64_t>(weeks.size());
  }
  return total;
}

std::uint64_t batch_count = 2000;
std::uint64_t seed = 1;

const Workload& workload() {
  static const Workload loaded = [] {
    Workload w;
    auto registry = agreement::Registry::load_directory(agreement::default_agreements_dir());
    if (!registry) {
      std::cerr << "plateau-bench-engine: " << registry.error().message << "\n";
      std::exit(1);
    }
    w.registry = std::move(*registry);
    bench::GeneratorOptions options;
    options.seed = seed;
    for (std::uint64_t i = 0; i < batch_count; ++i) {
      std::string line;
      bench::append_batch(options, i, line);
      auto batch = io::read_batch_json(line);
      if (!batch) {
        std::cerr << "plateau-bench-engine: batch " << i << ": " << batch.error().message << "\n";
        std::exit(1);
      }
      auto pay = engine::compute(*batch, w.registry);
      if (!pay) {
        std::cerr << "plateau-bench-engine: batch " << i << ": " << pay.error().message << "\n";
        std::exit(1);
      }
      w.person_weeks += person_weeks_of(*batch);
      w.input_bytes += static_cast<std::int64_t>(line.size() + 1);
      w.lines.push_back(std::move(line));
      w.batches.push_back(std::move(*batch));
    }
    return w;
  }();
  return loaded;
}

// Person-weeks per second, bytes per second, and allocations per person-week, of `made` in all.
void count(benchmark::State& state, const Workload& w, std::int64_t made) {
  state.counters["allocs_per_pw"] =
      static_cast<double>(made) / static_cast<double>(w.person_weeks * static_cast<std::int64_t>(state.iterations()));
  state.counters["person_weeks"] = benchmark::Counter(static_cast<double>(w.person_weeks * state.iterations()),
                                                      benchmark::Counter::kIsRate);
  state.SetBytesProcessed(w.input_bytes * static_cast<std::int64_t>(state.iterations()));
}

// The part of a batch's work a benchmark times, when the rest of it is not timed (manual time):
// adds how long `timed` took to `elapsed`, and the allocations it made to `made`.
using Clock = std::chrono::steady_clock;
template <typename Timed>
void time_part(Timed&& timed, Clock::duration& elapsed, std::int64_t& made) {
  const std::int64_t before = allocations.load(std::memory_order_relaxed);
  const auto start = Clock::now();
  timed();
  elapsed += Clock::now() - start;
  made += allocations.load(std::memory_order_relaxed) - before;
}

// (c): the engine alone, each batch computed as a stream's worker computes it (see the top).
void engine_compute(benchmark::State& state) {
  const Workload& w = workload();
  engine::Calculator calculator(w.registry);  // as a stream's worker computes: one calculator, batch after batch
  engine::Batch current;                      // the worker's batch, each one written into the memory of the one before
  std::int64_t made = 0;
  for (auto _ : state) {
    Clock::duration computing{};
    for (const auto& batch : w.batches) {
      current = batch;  // untimed: the reader's part, in the stream
      time_part(
          [&] {
            auto pay = calculator.compute(current);
            benchmark::DoNotOptimize(pay);
          },
          computing, made);
    }
    state.SetIterationTime(std::chrono::duration<double>(computing).count());
  }
  count(state, w, made);
}
BENCHMARK(engine_compute)->Unit(benchmark::kMillisecond)->UseManualTime();

// The engine alone on batches that lie apart in memory, each read from main memory (see the top).
void engine_compute_from_memory(benchmark::State& state) {
  const Workload& w = workload();
  engine::Calculator calculator(w.registry);
  const std::int64_t before = allocations.load(std::memory_order_relaxed);
  for (auto _ : state) {
    for (const auto& batch : w.batches) {
      auto pay = calculator.compute(batch);
      benchmark::DoNotOptimize(pay);
    }
  }
  count(state, w, allocations.load(std::memory_order_relaxed) - before);
}
BENCHMARK(engine_compute_from_memory)->Unit(benchmark::kMillisecond)->UseRealTime();

// For the breakdown: reading the JSON into batches.
void read_json(benchmark::State& state) {
  const Workload& w = workload();
  io::BatchJsonReader reader;
  engine::Batch batch;  // each line read into the memory of the one before, as compute --ndjson does
  const std::int64_t before = allocations.load(std::memory_order_relaxed);
  for (auto _ : state) {
    for (const auto& line : w.lines) {
      auto read = reader.read(line, batch);
      benchmark::DoNotOptimize(read);
      benchmark::DoNotOptimize(batch);
    }
  }
  count(state, w, allocations.load(std::memory_order_relaxed) - before);
}
BENCHMARK(read_json)->Unit(benchmark::kMillisecond)->UseRealTime();

// For the breakdown: writing computed pay as JSON, explanations included, each batch's pay written
// just after it is computed (untimed), as a stream's worker writes it.
void write_json(benchmark::State& state) {
  const Workload& w = workload();
  engine::Calculator calculator(w.registry);
  std::string out;
  std::int64_t made = 0;
  for (auto _ : state) {
    Clock::duration writing{};
    for (const auto& batch : w.batches) {
      auto pay = calculator.compute(batch);  // untimed: the engine's part, in the stream
      if (!pay) {
        state.SkipWithError(pay.error().message.c_str());
        return;
      }
      out.clear();
      time_part(
          [&] {
            io::append_pay_json(**pay, "en", out);
            benchmark::DoNotOptimize(out.data());
          },
          writing, made);
    }
    state.SetIterationTime(std::chrono::duration<double>(writing).count());
  }
  count(state, w, made);
}
BENCHMARK(write_json)->Unit(benchmark::kMillisecond)->UseManualTime();

// Takes --batches=N and --seed=S out of the arguments, leaving Google Benchmark's own.
void take_own_flags(int& argc, char** argv) {
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--batches=", 0) == 0) {
      batch_count = std::strtoull(arg.c_str() + std::strlen("--batches="), nullptr, 10);
    } else if (arg.rfind("--seed=", 0) == 0) {
      seed = std::strtoull(arg.c_str() + std::strlen("--seed="), nullptr, 10);
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
}

}  // namespace

// GCC takes the replaced operator delete's free() for a mismatch with operator new; it is not one.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop

int main(int argc, char** argv) {
  take_own_flags(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  const Workload& w = workload();
  std::cout << "workload: " << w.batches.size() << " batches (seed " << seed << "), " << w.person_weeks
            << " person-weeks, " << w.input_bytes << " bytes of JSON\n";
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
