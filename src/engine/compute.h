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

namespace plateau::engine {

struct ComputeOptions {
  // Leave out a person whose timecards cannot stand (listed in BatchPay::rejected) and compute
  // the others, instead of rejecting the batch. Problems with the production still reject it.
  bool keep_going = false;
  // Called after each person is computed, with how many are done and how many there are.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

Result<BatchPay> compute(const Batch& batch, const agreement::Registry& registry, ComputeOptions options = {});

// Whether a finding of severity error stands in `pay` (exit status 3 of the command).
bool has_error_findings(const BatchPay& pay);

}  // namespace plateau::engine
