// The remittance report a guild reconciles against what it received: CSV, one row per person and
// payee (guild, financial institution, the person), with the base and amount of each contribution
// that payee receives, the GST and QST on it, and the row's total; then one total row per payee,
// whose figures equal the JSON output's `remittances`.
//
// Columns: person_id, person_name, category, paid_to, gross, then for each contribution code of
// the batch in order of first appearance: <code>_base (percentage contributions), <code>,
// <code>_gst and <code>_qst (taxed codes); then net_pay (the person's row), total.
// Money is written with two decimals; a cell is empty when the column does not apply to the row.
#pragma once

#include <string>

#include "engine/pay.h"

namespace plateau::io {

std::string write_remittance_csv(const engine::BatchPay& pay);

}  // namespace plateau::io
