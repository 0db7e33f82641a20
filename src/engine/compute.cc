#include "engine/compute.h"

#include "engine/contributions.h"
#include "engine/rules.h"

namespace plateau::engine {

namespace {

// `pay` emptied for another person, its lists and texts keeping their room; every other field
// takes its default, as in a PersonPay made anew.
void reset_keeping_memory(PersonPay& pay) {
  PersonPay fresh;
  fresh.id.swap(pay.id);
  fresh.name.swap(pay.name);
  fresh.classification.swap(pay.classification);
  fresh.lines.swap(pay.lines);
  fresh.allowances.swap(pay.allowances);
  fresh.contributions.swap(pay.contributions);
  fresh.taxes.swap(pay.taxes);
  fresh.findings.swap(pay.findings);
  fresh.id.clear();
  fresh.name.clear();
  fresh.classification.clear();
  fresh.lines.clear();
  fresh.allowances.clear();
  fresh.contributions.clear();
  fresh.taxes.clear();
  fresh.findings.clear();
  pay = std::move(fresh);
}

// Fills `out` (emptied first) with the pay of `normalized`'s crew. People's pay is taken from
// `spare` while it lasts, and the pay `out` held before is set aside there first.
Result<void> compute_into(const NormalizedBatch& normalized, const ComputeOptions& options, BatchPay& out,
                          std::vector<PersonPay>& spare) {
  for (auto& person : out.crew) spare.push_back(std::move(person));
  out.crew.clear();
  out.rejected.clear();
  out.total_gross = Money();
  out.total_net_pay = Money();
  out.agreement_id = normalized.agreement->id;
  out.agreement_versions.resize(1);
  out.agreement_versions.front() = to_string(normalized.agreement->effective);
  // Contributions are owed with the batch's pay: on its last day, whose sales-tax rates apply.
  Date owed_on = normalized.crew.empty() ? Date{} : normalized.crew.front().last_listed;
  for (const auto& person : normalized.crew) owed_on = std::max(owed_on, person.last_listed);
  out.crew.reserve(normalized.crew.size());
  for (const auto& person : normalized.crew) {
    if (spare.empty()) {
      out.crew.emplace_back();
    } else {
      out.crew.push_back(std::move(spare.back()));
      spare.pop_back();
      reset_keeping_memory(out.crew.back());
    }
    PersonPay& pay = out.crew.back();
    pay_person(normalized, person, pay);
    if (auto added = add_contributions(normalized, person, owed_on, pay); !added) {
      return tl::unexpected(added.error());
    }
    out.total_gross += pay.gross;
    out.total_net_pay += pay.net_pay;
    if (options.progress) options.progress(out.crew.size(), normalized.crew.size());
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
