#include "io/pay_csv.h"

#include <array>

#include "engine/explain.h"
#include "io/csv.h"

namespace plateau::io {

namespace {

enum Column { kind, person_id, person_name, classification, date, week, code, on, hours, multiplier, rate, base,
              amount, currency, paid_by, paid_to, citation, explanation, column_count };

constexpr std::array<const char*, column_count> kHeader = {
    "kind", "person_id", "person_name", "classification", "date", "week", "code", "on", "hours", "multiplier",
    "rate", "base", "amount", "currency", "paid_by", "paid_to", "citation", "explanation"};

using Row = std::array<std::string, column_count>;

Row person_row(const char* what, const engine::PersonPay& person) {
  Row row;
  row[kind] = what;
  row[person_id] = person.id;
  row[person_name] = person.name;
  row[classification] = person.classification;
  return row;
}

std::string csv(const Row& row) { return csv_row(std::vector<std::string>(row.begin(), row.end())); }

}  // namespace

std::string write_pay_csv(const engine::BatchPay& pay, const std::string& lang) {
  std::string out = csv_row(std::vector<std::string>(kHeader.begin(), kHeader.end()));
  for (const auto& person : pay.crew) {
    for (const auto& line : person.lines) {
      Row row = person_row("line", person);
      row[date] = to_string(line.date);
      row[code] = engine::to_string(line.code);
      if (line.hours) row[hours] = Rational(line.hours->count(), 60).to_fixed(2);
      if (line.rate) {
        row[multiplier] = line.multiplier.to_decimal();
        row[rate] = line.rate->to_decimal();
      }
      row[amount] = line.amount.to_string();
      row[citation] = line.citation->article;
      row[explanation] = engine::explain(line, lang);
      out += csv(row);
    }
    for (const auto& allowance : person.allowances) {
      Row row = person_row("allowance", person);
      row[date] = to_string(allowance.date);
      row[code] = engine::to_string(allowance.code);
      row[amount] = allowance.amount.to_string();
      row[currency] = std::string(allowance.currency);
      row[citation] = allowance.citation->article;
      row[explanation] = engine::explain(allowance, lang);
      out += csv(row);
    }
  }
  for (const auto& person : pay.crew) {
    for (const auto& contribution : person.contributions) {
      Row row = person_row("contribution", person);
      if (contribution.week) row[week] = to_string(*contribution.week);
      row[code] = contribution.code;
      if (contribution.rate) row[rate] = contribution.rate->to_decimal();
      if (contribution.base) row[base] = contribution.base->to_string();
      row[amount] = contribution.amount.to_string();
      row[paid_by] = agreement::to_string(contribution.paid_by);
      row[paid_to] = agreement::to_string(contribution.paid_to);
      row[citation] = contribution.citation->article;
      row[explanation] = engine::explain(contribution, lang);
      out += csv(row);
    }
    for (const auto& tax : person.taxes) {
      Row row = person_row("tax", person);
      row[date] = to_string(tax.date);
      row[code] = tax.code;
      row[on] = tax.on;
      row[rate] = tax.rate.to_decimal();
      row[base] = tax.base.to_string();
      row[amount] = tax.amount.to_string();
      row[paid_by] = agreement::to_string(tax.paid_by);
      row[paid_to] = agreement::to_string(tax.paid_to);
      row[citation] = tax.citation->article;
      row[explanation] = engine::explain(tax, lang);
      out += csv(row);
    }
    Row gross_row = person_row("gross", person);
    gross_row[amount] = person.gross.to_string();
    out += csv(gross_row);
    Row net_row = person_row("net_pay", person);
    net_row[amount] = person.net_pay.to_string();
    out += csv(net_row);
  }
  return out;
}

}  // namespace plateau::io
