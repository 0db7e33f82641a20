#include "engine/compute.h"

#include "engine/contributions.h"
#include "engine/rules.h"
#include "engine/timecards.h"

namespace plateau::engine {

namespace {

Result<BatchPay> compute_or_throw(const Batch& batch, const agreement::Registry& registry, const ComputeOptions& options) {
  auto normalized = normalize(batch, registry, options.keep_going);
  if (!normalized) return tl::unexpected(normalized.error());
  BatchPay out;
  out.agreement_id = normalized->agreement->id;
  out.agreement_versions = {to_string(normalized->agreement->effective)};
  // Contributions are owed with the batch's pay: on its last day, whose sales-tax rates apply.
  Date owed_on = normalized->crew.empty() ? Date{} : normalized->crew.front().last_listed;
  for (const auto& person : normalized->crew) owed_on = std::max(owed_on, person.last_listed);
  out.crew.reserve(normalized->crew.size());
  for (const auto& person : normalized->crew) {
    PersonPay& pay = out.crew.emplace_back();
    pay_person(*normalized, person, pay);
    if (auto added = add_contributions(*normalized, person, owed_on, pay); !added) {
      return tl::unexpected(added.error());
    }
    out.total_gross += pay.gross;
    out.total_net_pay += pay.net_pay;
    if (options.progress) options.progress(out.crew.size(), normalized->crew.size());
  }
  out.remittances = remittances(*normalized->agreement, out.crew);
  for (const auto& rejected : normalized->rejected) out.rejected.push_back(rejected.error);
  return out;
}

}  // namespace

Result<BatchPay> compute(const Batch& batch, const agreement::Registry& registry, ComputeOptions options) {
  try {
    return compute_or_throw(batch, registry, options);
  } catch (const OverflowError& overflow) {
    return fail(std::string(overflow.what()) + "; an amount is beyond the exact range plateau computes in");
  }
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
