// The words of plateau: each pay line's derivation as one sentence a crew member can redo with a
// calculator, in English or French, rendered from the line's structured fields.
//   "Overtime ×2, Wed 2009-03-04: 2.00 h beyond 14 h × ($755.00 ÷ 8 × 2 = $188.75) = $377.50 (Qc 2.05)"
#pragma once

#include <string>

#include "engine/pay.h"

namespace plateau::engine {

// "$3,015.00" (en) or "3 015,00 $" (fr).
std::string explain_money(Money amount, const std::string& lang);

// The line's label: "Overtime ×2", "Heures supplémentaires ×2".
std::string line_label(const PayLine& line, const std::string& lang);

std::string explain(const PayLine& line, const std::string& lang);
std::string explain(const Allowance& allowance, const std::string& lang);

}  // namespace plateau::engine
