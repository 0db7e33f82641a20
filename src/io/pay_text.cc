#include "io/pay_text.h"

#include <map>

#include "engine/explain.h"

namespace plateau::io {

namespace {

// Pads `text` on the left to `width` display columns (UTF-8 aware enough for our labels).
std::string pad_left(const std::string& text, std::size_t width) {
  std::size_t columns = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++columns;
  }
  return columns >= width ? text : std::string(width - columns, ' ') + text;
}

}  // namespace

std::string write_pay_text(const engine::BatchPay& pay, const std::string& production_title, const std::string& lang) {
  const bool fr = lang == "fr";
  constexpr std::size_t kAmountWidth = 14;
  std::string out;
  out += (fr ? "Paie — " : "Pay — ") + (production_title.empty() ? std::string("production") : production_title) +
         " — " + pay.agreement_id + " (" + (fr ? "version du " : "version of ") +
         (pay.agreement_versions.empty() ? "" : pay.agreement_versions.front()) + ")\n";
  for (const auto& person : pay.crew) {
    out += "\n" + person.id + "  " + person.name + " — " + person.classification + "\n";
    for (const auto& line : person.lines) {
      out += pad_left(engine::explain_money(line.amount, lang), kAmountWidth) + "  " + engine::explain(line, lang) + "\n";
    }
    out += pad_left(engine::explain_money(person.gross, lang), kAmountWidth) + "  " + (fr ? "BRUT" : "GROSS") + "\n";
    std::map<std::string, Money> allowances_by_currency;
    for (const auto& allowance : person.allowances) {
      out += pad_left(engine::explain_money(allowance.amount, lang), kAmountWidth) + "  " +
             engine::explain(allowance, lang) + "\n";
      allowances_by_currency[std::string(allowance.currency)] += allowance.amount;
    }
    for (const auto& [currency, amount] : allowances_by_currency) {
      out += pad_left(engine::explain_money(amount, lang), kAmountWidth) + "  " +
             (fr ? "PER DIEM (hors brut) " : "PER DIEMS (not in gross) ") + currency + "\n";
    }
    if (!person.contributions.empty()) {
      out += fr ? "  Cotisations et retenues :\n" : "  Contributions and deductions:\n";
      for (const auto& contribution : person.contributions) {
        out += pad_left(engine::explain_money(contribution.amount, lang), kAmountWidth) + "  " +
               engine::explain(contribution, lang) + "\n";
      }
      for (const auto& tax : person.taxes) {
        out += pad_left(engine::explain_money(tax.amount, lang), kAmountWidth) + "  " + engine::explain(tax, lang) + "\n";
      }
    }
    out += pad_left(engine::explain_money(person.net_pay, lang), kAmountWidth) + "  " +
           (fr ? "NET (brut + versé à la personne − retenues; avant impôts)"
               : "NET PAY (gross + paid to the person − deductions; before income tax)") +
           "\n";
    for (const auto& finding : person.findings) {
      out += "  [" + engine::to_string(finding.severity) + "] " + to_string(finding.date) + " " + std::string(finding.code) + ": " +
             finding.message.in(lang) + (finding.citation->article.empty() ? "" : " (" + finding.citation->article + ")") +
             "\n";
    }
  }
  out += "\n" + pad_left(engine::explain_money(pay.total_gross, lang), kAmountWidth) + "  " +
         (fr ? "BRUT TOTAL DU LOT" : "BATCH GROSS") + "\n";
  out += pad_left(engine::explain_money(pay.total_net_pay, lang), kAmountWidth) + "  " +
         (fr ? "NET TOTAL DU LOT" : "BATCH NET PAY") + "\n";
  if (!pay.remittances.empty()) out += fr ? "\nVersements :\n" : "\nRemittances:\n";
  for (const auto& remittance : pay.remittances) {
    out += pad_left(engine::explain_money(remittance.amount, lang), kAmountWidth) + "  " +
           (fr ? "à " : "to ") + engine::payee_name(remittance.paid_to, lang) + "\n";
    for (const auto& item : remittance.items) {
      out += pad_left(engine::explain_money(item.amount, lang), kAmountWidth * 2) + "  " + item.code +
             (item.on.empty() ? "" : (fr ? " sur " : " on ") + item.on) + "\n";
    }
  }
  return out;
}

}  // namespace plateau::io
