// Stage 2 of the pipeline: one person's normalized timecards → pay lines, allowances, findings.
//
// Every figure comes from the agreement (agreement.h); this file only knows the shape of the
// rules: day rates by kind of day, overtime tiers, rest requirements and encroachment tiers,
// meal deadlines, holiday pay, per diems and premium approval. Each line is rounded once.
#pragma once

#include "engine/pay.h"
#include "engine/timecards.h"

namespace plateau::engine {

// Fills `out`, a PersonPay just made (in place in the batch's results: a PersonPay holds strings
// and lists, and returning it moved them all).
void pay_person(const NormalizedBatch& batch, const PersonTimecards& person, PersonPay& out);

}  // namespace plateau::engine
