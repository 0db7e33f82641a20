#include "engine/compute.h"

#include "engine/rules.h"
#include "engine/timecards.h"

namespace plateau::engine {

Result<BatchPay> compute(const Batch& batch, const agreement::Registry& registry) {
  auto normalized = normalize(batch, registry);
  if (!normalized) return tl::unexpected(normalized.error());
  BatchPay out;
  out.agreement_id = normalized->agreement->id;
  out.agreement_versions = {to_string(normalized->agreement->effective)};
  out.crew.reserve(normalized->crew.size());
  for (const auto& person : normalized->crew) {
    out.crew.push_back(pay_person(*normalized, person));
    out.total_gross += out.crew.back().gross;
  }
  return out;
}

}  // namespace plateau::engine
