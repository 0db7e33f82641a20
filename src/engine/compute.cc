#include "engine/compute.h"

#include "engine/contributions.h"
#include "engine/rules.h"

namespace plateau::engine {

namespace {

// `pay` emptied for another person, its lists and texts keeping their room. Every field of
// PersonPay is here (calculator_test compares each batch with a fresh compute).
void reset_keeping_memory(PersonPay& pay) {
  pay.id.clear();
  pay.name.clear();
  pay.classification.clear();
  pay.classification_name = {};
  pay.category = {};
  pay.lines.clear();
  pay.gross = Money();
  pay.allowances.clear();
  pay.contributions.clear();
  pay.taxes.clear();
  pay.net_pay = Money();
  pay.findings.clear();
}

// `crew` made to hold `count` people's pay, each emptied: the pay it held is reused in place, and
// what it holds beyond `count` is set aside in `spare`, where pay is taken from first when it grows.
void make_crew(std::size_t count, std::vector<PersonPay>& crew, std::vector<PersonPay>& spare) {
  while (crew.size() > count) {
    spare.push_back(std::move(crew.back()));
    crew.pop_back();
  }
  for (auto& pay : crew) reset_keeping_memory(pay);
  crew.reserve(count);
  while (crew.size() < count && !spare.empty()) {
    crew.push_back(std::move(spare.back()));
    spare.pop_back();
    reset_keeping_memory(crew.back());
  }
  crew.resize(count);
}

// Fills `out` (emptied first) with the pay of `normalized`'s crew, reusing the memory of the pay it
// held and of `spare`.
Result<void> compute_into(const NormalizedBatch& normalized, const ComputeOptions& options, BatchPay& out,
                          std::vector<PersonPay>& spare) {
  make_crew(normalized.crew.size(), out.crew, spare);
  out.rejected.clear();
  out.total_gross = Money();
  out.total_net_pay = Money();
  out.agreement_id = normalized.agreement->id;
  out.agreement_versions.resize(1);
  out.agreement_versions.front() = to_string(normalized.agreement->effective);
  // Contributions are owed with the batch's pay: on its last day, whose sales-tax rates apply.
  Date owed_on = normalized.crew.empty() ? Date{} : normalized.crew.front().last_listed;
  for (const auto& person : normalized.crew) owed_on = std::max(owed_on, person.last_listed);
  for (std::size_t i = 0; i < normalized.crew.size(); ++i) {
    const PersonTimecards& person = normalized.crew[i];
    PersonPay& pay = out.crew[i];
    pay_person(normalized, person, pay);
    if (auto added = add_contributions(normalized, person, owed_on, pay); !added) {
      return tl::unexpected(added.error());
    }
    out.total_gross += pay.gross;
    out.total_net_pay += pay.net_pay;
    if (options.progress) options.progress(i + 1, normalized.crew.size());
  }
  remittances_into(*normalized.agreement, out.crew, out.remittances);
  for (const auto& rejected : normalized.rejected) out.rejected.push_back(rejected.error);
  return {};
}

// The whole engine, into `normalized` and `pay` (both refilled, keeping their room).
Result<void> compute_reusing(const Batch& batch, const agreement::Registry& registry, const ComputeOptions& options,
                             NormalizedBatch& normalized, BatchPay& pay, std::vector<PersonPay>& spare) {
  try {
    if (auto done = normalize_into(batch, registry, options.keep_going, normalized); !done) return done;
    return compute_into(normalized, options, pay, spare);
  } catch (const OverflowError& overflow) {
    return fail(std::string(overflow.what()) + "; an amount is beyond the exact range plateau computes in");
  }
}

}  // namespace

Result<BatchPay> compute(const Batch& batch, const agreement::Registry& registry, ComputeOptions options) {
  NormalizedBatch normalized;
  BatchPay pay;
  std::vector<PersonPay> spare;
  if (auto done = compute_reusing(batch, registry, options, normalized, pay, spare); !done) {
    return tl::unexpected(done.error());
  }
  return pay;
}

Result<const BatchPay*> Calculator::compute(const Batch& batch, const ComputeOptions& options) {
  if (auto done = compute_reusing(batch, registry_, options, normalized_, pay_, spare_); !done) {
    return tl::unexpected(done.error());
  }
  return &pay_;
}

bool has_error_findings(const BatchPay& pay) {
  for (const auto& person : pay.crew) {
    for (const auto& finding : person.findings) {
      if (finding.severity == Severity::error) return true;
    }
  }
  return false;
}

}  // namespace plateau::engine
