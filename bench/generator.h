// Synthetic payroll batches for benchmarks (issue 7): a seeded stream of valid
// plateau-payroll/1 batches (../shared/spec/payroll-io.md) under the DGC Quebec 2009 rate sheet.
//
// Each batch is one production's work week: 7 consecutive dates of 2009, Sunday to Saturday,
// with 3 to 40 people (about 12 on average) of the agreement's own classifications, members and
// permittees of every category, daily and weekly engagements. The mix is meant to exercise every
// rule the engine knows: overtime in both tiers, 6th and 7th days, holidays worked and not worked,
// late meals (with shots in progress and the non-deductible-meal exception), short turnarounds,
// unapproved premium work, studio, nearby and distant days (per diems, days on location without
// work), production gross near the per-production caps, and permit fees paid by either party.
//
// A batch is a pure function of (seed, index): the same pair gives the same bytes on every
// machine (the generator uses its own integer PRNG, no floating point and no std distribution),
// and batch i can be made without making batches 0 … i−1. Every batch is valid: the engine
// computes it without rejecting anyone and without an error-severity finding.
#pragma once

#include <cstdint>
#include <string>

namespace plateau::bench {

struct GeneratorOptions {
  std::uint64_t seed = 1;  // the stream; two seeds give unrelated streams
};

// Appends the `index`-th batch of the stream to `out`: one whole batch as compact JSON (UTF-8),
// without a newline inside or at its end.
void append_batch(const GeneratorOptions& options, std::uint64_t index, std::string& out);

}  // namespace plateau::bench
