// Computed pay as CSV, for a spreadsheet: one row per pay line (then the person's per diems), for
// every person; then, per person, one row per contribution and tax, and their gross and net pay.
//
// Columns: kind (line | allowance | contribution | tax | gross | net_pay), person_id,
// person_name, classification, date, week, code, on, hours, multiplier, rate, base, amount,
// currency, paid_by, paid_to, citation, explanation. Figures as in the JSON output (money with
// two decimals, rates exact, hours with two decimals); empty where a column does not apply.
#pragma once

#include <string>

#include "engine/pay.h"

namespace plateau::io {

std::string write_pay_csv(const engine::BatchPay& pay, const std::string& lang);

}  // namespace plateau::io
