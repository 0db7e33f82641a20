// engine::Calculator computes batch after batch keeping its memory (compute.h). Each batch's pay
// must be exactly what compute() gives it afresh, whatever came before: a batch with more people
// or fewer, other days, meals, permit fees, findings, a batch rejected half-way, a person left out.
// Compared through the spec's JSON, in both languages, which writes every field of the pay.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "agreement/test_support.h"
#include "bench/generator.h"
#include "engine/compute.h"
#include "io/batch_json.h"
#include "io/pay_json.h"

namespace plateau::engine {
namespace {

const agreement::Registry& registry() { return agreement::testing::bundled_registry(); }

// Generated batches (bench/generator.h): 3 to 40 people, daily and weekly engagements, overtime,
// 6th and 7th days, holidays, late meals, short turnarounds, permit fees, distant days.
constexpr std::uint64_t kSeed = 1;
constexpr std::uint64_t kBatches = 300;

Batch generated(std::uint64_t index) {
  std::string line;
  bench::append_batch(bench::GeneratorOptions{kSeed}, index, line);
  auto batch = io::read_batch_json(line);
  EXPECT_TRUE(batch) << "batch " << index << ": " << (batch ? "" : batch.error().message);
  return batch ? std::move(*batch) : Batch{};
}

// The pay as JSON, English then French: every field the output has.
std::string written(const BatchPay& pay) {
  std::string out;
  io::append_pay_json(pay, "en", out);
  io::append_pay_json(pay, "fr", out);
  return out;
}

// What a fresh compute gives `batch`: its JSON, or its error's message.
std::string fresh(const Batch& batch, const ComputeOptions& options) {
  auto pay = compute(batch, registry(), options);
  return pay ? written(*pay) : "error: " + pay.error().message;
}

std::string reused(Calculator& calculator, const Batch& batch, const ComputeOptions& options) {
  auto pay = calculator.compute(batch, options);
  return pay ? written(**pay) : "error: " + pay.error().message;
}

TEST(Calculator, GivesEachGeneratedBatchWhatAFreshComputeGives) {
  Calculator calculator(registry());
  for (std::uint64_t index = 0; index < kBatches; ++index) {
    const Batch batch = generated(index);
    ASSERT_EQ(reused(calculator, batch, {}), fresh(batch, {})) << "batch " << index;
  }
}

TEST(Calculator, ARejectedBatchOrAPersonLeftOutLeavesNothingBehind) {
  Calculator calculator(registry());
  ComputeOptions keep_going;
  keep_going.keep_going = true;
  for (std::uint64_t index = 0; index < kBatches / 10; ++index) {
    const Batch batch = generated(index);
    // The same batch with its last person unknown to the agreement: rejected whole, then computed
    // without that person (keep_going), then the batch as it was.
    Batch unknown = batch;
    ASSERT_FALSE(unknown.crew.empty());
    unknown.crew.back().classification = "Key Grip";
    const std::string rejected = reused(calculator, unknown, {});
    ASSERT_EQ(rejected.rfind("error: ", 0), 0U) << rejected;
    ASSERT_EQ(rejected, fresh(unknown, {}));
    ASSERT_EQ(reused(calculator, unknown, keep_going), fresh(unknown, keep_going)) << "batch " << index;
    ASSERT_EQ(reused(calculator, batch, {}), fresh(batch, {})) << "batch " << index;
  }
}

TEST(Calculator, APersonsListsAreEmptiedBetweenBatches) {
  // The largest of the first batches, then the smallest: each person of the second must hold only
  // their own lines, contributions and findings.
  Calculator calculator(registry());
  std::uint64_t largest = 0;
  std::uint64_t smallest = 0;
  std::size_t most = 0;
  std::size_t fewest = SIZE_MAX;
  for (std::uint64_t index = 0; index < kBatches / 10; ++index) {
    const std::size_t people = generated(index).crew.size();
    if (people > most) most = people, largest = index;
    if (people < fewest) fewest = people, smallest = index;
  }
  ASSERT_LT(fewest, most);
  const Batch big = generated(largest);
  const Batch small = generated(smallest);
  ASSERT_TRUE(calculator.compute(big));
  auto pay = calculator.compute(small);
  ASSERT_TRUE(pay);
  ASSERT_EQ((*pay)->crew.size(), small.crew.size());
  auto alone = compute(small, registry());
  ASSERT_TRUE(alone);
  for (std::size_t i = 0; i < small.crew.size(); ++i) {
    EXPECT_EQ((*pay)->crew[i].lines.size(), alone->crew[i].lines.size()) << i;
    EXPECT_EQ((*pay)->crew[i].contributions.size(), alone->crew[i].contributions.size()) << i;
    EXPECT_EQ((*pay)->crew[i].taxes.size(), alone->crew[i].taxes.size()) << i;
    EXPECT_EQ((*pay)->crew[i].findings.size(), alone->crew[i].findings.size()) << i;
    EXPECT_EQ((*pay)->crew[i].allowances.size(), alone->crew[i].allowances.size()) << i;
  }
  EXPECT_EQ((*pay)->remittances.size(), alone->remittances.size());
  EXPECT_EQ((*pay)->total_gross, alone->total_gross);
}

}  // namespace
}  // namespace plateau::engine
