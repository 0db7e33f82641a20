#include "io/remittance_csv.h"

#include <algorithm>
#include <map>
#include <optional>

#include "io/csv.h"

namespace plateau::io {

namespace {

using agreement::Payee;

// The report's columns after the person and payee: one per contribution figure of the batch.
struct Column {
  std::string name;  // "health_welfare_base", "admin_training_gst", "net_pay"
  std::string code;  // contribution code, or net_pay
  enum class Figure { base, amount, gst, qst, net_pay } figure;
};

std::vector<Column> columns_of(const engine::BatchPay& pay) {
  std::vector<std::string> codes;
  std::map<std::string, bool> has_base;
  std::map<std::string, bool> taxed;
  for (const auto& person : pay.crew) {
    for (const auto& contribution : person.contributions) {
      const std::string code(contribution.code);
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
      has_base[code] = has_base[code] || contribution.base.has_value();
    }
    for (const auto& tax : person.taxes) taxed[std::string(tax.on)] = true;
  }
  std::vector<Column> out;
  for (const auto& code : codes) {
    if (has_base[code]) out.push_back({code + "_base", code, Column::Figure::base});
    out.push_back({code, code, Column::Figure::amount});
    if (taxed[code]) {
      out.push_back({code + "_gst", code, Column::Figure::gst});
      out.push_back({code + "_qst", code, Column::Figure::qst});
    }
  }
  out.push_back({"net_pay", "net_pay", Column::Figure::net_pay});
  return out;
}

// One person's figures for one payee, by column; nullopt where the column does not apply.
std::vector<std::optional<Money>> figures(const engine::PersonPay& person, Payee payee,
                                          const std::vector<Column>& columns) {
  std::vector<std::optional<Money>> out(columns.size());
  const auto add = [&](std::size_t i, Money amount) { out[i] = out[i].value_or(Money()) + amount; };
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& column = columns[i];
    if (column.figure == Column::Figure::net_pay) {
      if (payee == Payee::person) add(i, person.net_pay);
      continue;
    }
    for (const auto& contribution : person.contributions) {
      if (contribution.code != column.code || contribution.paid_to != payee) continue;
      if (column.figure == Column::Figure::base && contribution.base) add(i, *contribution.base);
      if (column.figure == Column::Figure::amount) add(i, contribution.amount);
    }
    for (const auto& tax : person.taxes) {
      if (tax.on != column.code || tax.paid_to != payee) continue;
      if ((column.figure == Column::Figure::gst && tax.code == "gst") ||
          (column.figure == Column::Figure::qst && tax.code == "qst")) {
        add(i, tax.amount);
      }
    }
  }
  return out;
}

// The row's total: what this payee receives for the person. Paid to the person: their net pay,
// which already holds what is paid to them (vacation pay).
Money total_of(const std::vector<std::optional<Money>>& row, const std::vector<Column>& columns, Payee payee) {
  Money total;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!row[i]) continue;
    const auto figure = columns[i].figure;
    if (payee == Payee::person ? figure == Column::Figure::net_pay
                               : figure != Column::Figure::base && figure != Column::Figure::net_pay) {
      total += *row[i];
    }
  }
  return total;
}

}  // namespace

std::string write_remittance_csv(const engine::BatchPay& pay) {
  const std::vector<Column> columns = columns_of(pay);
  std::vector<std::string> header = {"person_id", "person_name", "category", "paid_to", "gross"};
  for (const auto& column : columns) header.push_back(column.name);
  header.push_back("total");
  std::string out = csv_row(header);

  constexpr Payee kPayees[] = {Payee::guild, Payee::financial_institution, Payee::person};
  std::map<Payee, std::vector<std::optional<Money>>> sums;
  std::map<Payee, Money> gross_sums;
  for (const auto& person : pay.crew) {
    for (const Payee payee : kPayees) {
      const auto row = figures(person, payee, columns);
      if (std::none_of(row.begin(), row.end(), [](const auto& cell) { return cell.has_value(); })) continue;
      std::vector<std::string> fields = {person.id, person.name, std::string(person.category),
                                         std::string(agreement::to_string(payee)), person.gross.to_string()};
      auto& sum = sums[payee];
      sum.resize(columns.size());
      for (std::size_t i = 0; i < columns.size(); ++i) {
        fields.push_back(row[i] ? row[i]->to_string() : "");
        if (row[i]) sum[i] = sum[i].value_or(Money()) + *row[i];
      }
      gross_sums[payee] += person.gross;
      fields.push_back(total_of(row, columns, payee).to_string());
      out += csv_row(fields);
    }
  }
  for (const Payee payee : kPayees) {
    const auto found = sums.find(payee);
    if (found == sums.end()) continue;
    std::vector<std::string> fields = {"", "TOTAL", "", std::string(agreement::to_string(payee)),
                                       gross_sums[payee].to_string()};
    for (const auto& cell : found->second) fields.push_back(cell ? cell->to_string() : "");
    fields.push_back(total_of(found->second, columns, payee).to_string());
    out += csv_row(fields);
  }
  return out;
}

}  // namespace plateau::io
