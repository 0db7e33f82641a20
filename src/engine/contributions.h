// Stage 4 of the pipeline: from a person's gross, what the agreement's fringe-benefit table sets
// for their category — retirement, health & welfare, the administration and training fund,
// vacation pay, check-off, permit fees — then GST and QST on the contributions marked
// "(plus GST & QST)", net pay, and the batch's remittances per payee.
//
//   gross (sum of pay lines; per diems excluded)
//     ─→ contributions: base = the part of gross within any per-production cap
//        (production_gross_to_date counts), amount = base × rate, one rounding each
//     ─→ permit fees: one per work week worked, $ per day capped a week, or $ per week
//     ─→ taxes: GST, QST at the rates in force on the date the amount is owed
//     ─→ net pay = gross + paid to the person − deducted from the person
//
// All figures, rates, caps, payers and payees come from the agreement (agreement.h, Category).
#pragma once

#include <vector>

#include "core/calendar.h"
#include "core/error.h"
#include "engine/pay.h"
#include "engine/timecards.h"

namespace plateau::engine {

// Fills `pay.contributions`, `pay.taxes` and `pay.net_pay` from `pay.gross`. Amounts are owed on
// `owed_on` (the last day of the batch), which picks the sales-tax rates. Fails when a taxed
// contribution is owed on a date the agreement gives no sales-tax rates for.
Result<void> add_contributions(const NormalizedBatch& batch, const PersonTimecards& person, Date owed_on,
                               PersonPay& pay);

// What the batch sends to each payee: the guild, the financial institution, the persons (their
// net pay), in that order, each with the sum of every contribution and tax code. Items follow the
// agreement's order of contributions (its categories' tables, read in order; permit fees after
// the percentages), each tax right after the contribution it is on; items of 0.00 are left out.
// Written into `out`, whose remittances are refilled in place (keeping their lists' room).
void remittances_into(const agreement::Agreement& agreement, const std::vector<PersonPay>& crew,
                      std::vector<Remittance>& out);

}  // namespace plateau::engine
