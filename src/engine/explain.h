// The words of plateau: each pay line's derivation as one sentence a crew member can redo with a
// calculator, in English or French, rendered from the line's structured fields.
//   "Overtime ×2, Wed 2009-03-04: 2.00 h beyond 14 h × ($755.00 ÷ 8 × 2 = $188.75) = $377.50 (Qc 2.05)"
#pragma once

#include <string>
#include <string_view>

#include "engine/pay.h"

namespace plateau::engine {

// "$3,015.00" (en) or "3 015,00 $" (fr).
std::string explain_money(Money amount, const std::string& lang);

// "15.50 h" (en) or "15,50 h" (fr).
std::string explain_hours(Duration duration, const std::string& lang);

// The line's label: "Overtime ×2", "Heures supplémentaires ×2".
std::string line_label(const PayLine& line, const std::string& lang);

std::string explain(const PayLine& line, const std::string& lang);
std::string explain(const Allowance& allowance, const std::string& lang);

// "Health & Welfare: 4% × $1,000.00 = $40.00 — the part of the gross ($3,000.00) under the cap of
// $125,000.00 per production, $124,000.00 having been paid before, paid by the producer (Qc5.02)"
std::string explain(const Contribution& contribution, const std::string& lang);

// "QST on Administration and Training Fund: 7.5% × ($15.57 + $0.78 GST = $16.35) = $1.22625 → $1.23,
// rate in force on 2009-06-13, paid by the producer (…)"
std::string explain(const Tax& tax, const std::string& lang);

// How a sentence writes a text given to plateau (an agreement's names and citations, the input's
// words) into its output: as it is, or escaped for the output's format. plateau's own words and
// numbers never need escaping and are written as they are.
using AppendGivenText = void (*)(std::string& out, std::string_view text);
void append_as_is(std::string& out, std::string_view text);

// The same sentences, appended to `out`: writers of many lines (pay_json) put them straight into
// their output instead of building a string for each, escaping the given texts with `append_given`.
void append_explanation(const PayLine& line, const std::string& lang, std::string& out,
                        AppendGivenText append_given = append_as_is);
void append_explanation(const Allowance& allowance, const std::string& lang, std::string& out,
                        AppendGivenText append_given = append_as_is);
void append_explanation(const Contribution& contribution, const std::string& lang, std::string& out,
                        AppendGivenText append_given = append_as_is);
void append_explanation(const Tax& tax, const std::string& lang, std::string& out,
                        AppendGivenText append_given = append_as_is);

// "guild", "institution financière", … in `lang`.
std::string payee_name(agreement::Payee payee, const std::string& lang);

}  // namespace plateau::engine
