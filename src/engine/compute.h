// plateau's engine, whole: a payroll batch in, what each person is owed out.
//
//   Batch ─normalize→ timecards (days classified in their work weeks) ─pay_person→ pay lines,
//   allowances, findings ─→ BatchPay
//
// Input that cannot stand (unknown classification, rate below minimum, wrap before call, a
// wall-clock time that does not exist…) is rejected as a whole with its field path; nothing is
// computed from it. Arithmetic beyond plateau's exact range (core/error.h, OverflowError) rejects
// the batch too: only absurd amounts reach it, and they are the input's.
#pragma once

#include <functional>

#include "agreement/registry.h"
#include "core/error.h"
#include "engine/batch.h"
#include "engine/pay.h"
#include "engine/timecards.h"

namespace plateau::engine {

struct ComputeOptions {
  // Leave out a person whose timecards cannot stand (listed in BatchPay::rejected) and compute
  // the others, instead of rejecting the batch. Problems with the production still reject it.
  bool keep_going = false;
  // Called after each person is computed, with how many are done and how many there are.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

Result<BatchPay> compute(const Batch& batch, const agreement::Registry& registry, ComputeOptions options = {});

// Computes batch after batch on one thread, as compute does, keeping the memory of each batch's
// timecards and pay for the next: a stream's worker computes thousands of batches, and making each
// person's lists anew was most of the engine's allocations. Not shared between threads.
class Calculator {
 public:
  explicit Calculator(const agreement::Registry& registry) : registry_(registry) {}
  Calculator(const Calculator&) = delete;
  Calculator& operator=(const Calculator&) = delete;

  // As compute(batch, registry, options). The pay is valid until the next call, and while `batch`
  // and the registry live (it points into them).
  Result<const BatchPay*> compute(const Batch& batch, const ComputeOptions& options = {});

 private:
  const agreement::Registry& registry_;
  NormalizedBatch normalized_;
  BatchPay pay_;
  std::vector<PersonPay> spare_;  // pay set aside from earlier batches, its lists emptied when reused
};

// Whether a finding of severity error stands in `pay` (exit status 3 of the command).
bool has_error_findings(const BatchPay& pay);

}  // namespace plateau::engine
