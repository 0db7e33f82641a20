#include "engine/contributions.h"

#include <algorithm>
#include <deque>
#include <string_view>
#include <tuple>
#include <utility>

namespace plateau::engine {

namespace {

using agreement::Payee;
using agreement::Payer;

// A percentage of gross: base = the part of this batch's gross that lies under the cap, counting
// what was paid before on the production; a batch that crosses the cap splits its gross there.
Contribution percentage_contribution(const agreement::Agreement& agreement, const agreement::ContributionRule& rule,
                                     Money gross, Money gross_to_date) {
  Contribution out;
  out.code = rule.code;
  out.name = &rule.name;
  out.paid_by = rule.paid_by;
  out.paid_to = rule.paid_to;
  out.citation = &rule.citation;
  out.sales_taxes = rule.sales_taxes;
  out.rate = rule.rate;
  out.gross = gross;
  out.gross_to_date = gross_to_date;
  Money base = gross;
  if (rule.cap) {
    const agreement::Cap* cap = agreement.cap(*rule.cap);  // the loader checked it exists
    out.cap = cap->per_production;
    const Money room = std::max(Money(), cap->per_production - gross_to_date);
    base = std::min(gross, room);
  }
  out.base = base;
  out.amount = times_rounded_to_cent(base, rule.rate);
  return out;
}

// The name of permit fee contributions (the sheet's fringe-benefit table calls them so).
const agreement::Text kPermitFeeName{"Permit fee", "Droit de permis"};

// The permit fee of one work week in which the permittee worked `days` days.
Contribution permit_fee(const agreement::PermitFee& fee, Date week, int days, Payer paid_by) {
  Contribution out;
  out.code = "permit_fee";
  out.name = &kPermitFeeName;
  out.paid_by = paid_by;
  out.paid_to = fee.paid_to;
  out.citation = &fee.citation;
  out.sales_taxes = fee.sales_taxes;
  out.week = week;
  out.days = days;
  out.fee_kind = fee.kind;
  out.fee = fee.amount;
  out.weekly_cap = fee.weekly_cap;
  switch (fee.kind) {
    case agreement::PermitFeeKind::per_day_capped_weekly:
      out.amount = fee.amount * days;
      if (fee.weekly_cap) out.amount = std::min(out.amount, *fee.weekly_cap);
      break;
    case agreement::PermitFeeKind::per_week:
    case agreement::PermitFeeKind::per_week_or_portion:
      out.amount = fee.amount;
      break;
  }
  return out;
}

// GST, then QST, on `taxed` (the sum of one contribution code's amounts), added to `taxes`.
void add_sales_taxes(const agreement::SalesTaxPeriod& period, const Contribution& on, Money taxed, Date owed_on,
                     Payer paid_by, Payee paid_to, std::vector<Tax>& taxes) {
  Tax& gst = taxes.emplace_back();
  gst.code = "gst";
  gst.on = on.code;
  gst.on_name = on.name;
  gst.taxed = taxed;
  gst.base = taxed;
  gst.rate = period.gst;
  gst.amount = times_rounded_to_cent(taxed, period.gst);
  gst.date = owed_on;
  gst.paid_by = paid_by;
  gst.paid_to = paid_to;
  gst.citation = &period.citation;
  Tax& qst = taxes.emplace_back(gst);  // `taxes` has room for both: `gst` stays put
  qst.code = "qst";
  qst.rate = period.qst;
  if (period.qst_on_amount_plus_gst) {
    qst.gst_included = gst.amount;
    qst.base = taxed + gst.amount;
  }
  qst.amount = times_rounded_to_cent(qst.base, period.qst);
}

}  // namespace

Result<void> add_contributions(const NormalizedBatch& batch, const PersonTimecards& person, Date owed_on,
                               PersonPay& pay) {
  const agreement::Agreement& agreement = *batch.agreement;
  const agreement::Category& category = *person.category;
  const Money gross_to_date = person.input->production_gross_to_date;
  // Contributions hold their citation and names: room for all at once, not one move per growth.
  pay.contributions.reserve(category.contributions.size() + (category.permit_fee ? person.weeks.size() : 0));
  for (const auto& rule : category.contributions) {
    pay.contributions.push_back(percentage_contribution(agreement, rule, pay.gross, gross_to_date));
  }
  if (category.permit_fee) {
    const Payer paid_by =
        person.input->permit_fee_paid_by == PermitFeePayer::permittee ? Payer::person : Payer::producer;
    for (const auto& week : person.weeks) {
      if (week.days_worked == 0) continue;
      pay.contributions.push_back(permit_fee(*category.permit_fee, week.start, week.days_worked, paid_by));
    }
  }

  // Sales taxes: one GST and one QST line per taxed contribution code, on the sum of its amounts.
  // All contributions of a code share their payer and payee; the first stands for them.
  std::vector<std::pair<const Contribution*, Money>> taxed;  // first of each taxed code, sum of its amounts
  taxed.reserve(pay.contributions.size());
  for (const auto& contribution : pay.contributions) {
    if (!contribution.sales_taxes) continue;
    auto same_code = std::find_if(taxed.begin(), taxed.end(),
                                  [&](const auto& entry) { return entry.first->code == contribution.code; });
    if (same_code == taxed.end()) same_code = taxed.insert(taxed.end(), {&contribution, Money()});
    same_code->second += contribution.amount;
  }
  // Room for every code's GST and QST at once: growing by two per code moved all the taxes each time.
  constexpr std::size_t kSalesTaxesPerCode = 2;
  const auto taxed_codes =
      std::count_if(taxed.begin(), taxed.end(), [](const auto& entry) { return !entry.second.is_zero(); });
  if (taxed_codes > 0) pay.taxes.reserve(pay.taxes.size() + static_cast<std::size_t>(taxed_codes) * kSalesTaxesPerCode);
  for (const auto& [first, amount] : taxed) {
    const std::string& code = first->code;
    if (amount.is_zero()) continue;
    const agreement::SalesTaxPeriod* period = agreement.sales_tax_on(owed_on);
    if (period == nullptr) {
      return fail(person.path() + ".category: the agreement " + agreement.id + " (" + to_string(agreement.effective) +
                  ") gives no GST and QST rates for " + to_string(owed_on) + ", the day " + code +
                  " is owed; expected a [[sales_tax]] period that covers it");
    }
    const bool producer_pays_fee_taxes =
        code == "permit_fee" &&
        agreement.interpretations.permit_fee_taxes_paid_by == agreement::PermitFeeTaxesPaidBy::producer;
    const Payer paid_by = producer_pays_fee_taxes ? Payer::producer : first->paid_by;
    add_sales_taxes(*period, *first, amount, owed_on, paid_by, first->paid_to, pay.taxes);
  }

  // Net pay: gross, plus what is paid to the person, less what is deducted from them.
  pay.net_pay = pay.gross;
  for (const auto& contribution : pay.contributions) {
    if (contribution.paid_to == Payee::person && contribution.paid_by == Payer::producer) {
      pay.net_pay += contribution.amount;
    }
    if (contribution.paid_by == Payer::person && contribution.paid_to != Payee::person) {
      pay.net_pay -= contribution.amount;
    }
  }
  for (const auto& tax : pay.taxes) {
    if (tax.paid_by == Payer::person) pay.net_pay -= tax.amount;
  }
  return {};
}

std::vector<Remittance> remittances(const agreement::Agreement& agreement, const std::vector<PersonPay>& crew) {
  std::vector<Remittance> out;
  const auto add = [&](Payee payee, const std::string& code, const std::string& on, Money amount) {
    auto remittance = std::find_if(out.begin(), out.end(), [&](const Remittance& r) { return r.paid_to == payee; });
    if (remittance == out.end()) {
      out.push_back(Remittance{payee, Money(), {}});
      remittance = out.end() - 1;
    }
    remittance->amount += amount;
    auto item = std::find_if(remittance->items.begin(), remittance->items.end(),
                             [&](const RemittanceItem& i) { return i.code == code && i.on == on; });
    if (item == remittance->items.end()) {
      remittance->items.push_back(RemittanceItem{code, on, Money()});
      item = remittance->items.end() - 1;
    }
    item->amount += amount;
  };
  for (const auto& person : crew) {
    for (const auto& contribution : person.contributions) {
      // What is paid to the person travels in their net pay.
      if (contribution.paid_to != Payee::person) add(contribution.paid_to, contribution.code, "", contribution.amount);
    }
    for (const auto& tax : person.taxes) add(tax.paid_to, tax.code, tax.on, tax.amount);
  }
  for (const auto& person : crew) add(Payee::person, "net_pay", "", person.net_pay);
  std::stable_sort(out.begin(), out.end(),
                   [](const Remittance& a, const Remittance& b) { return a.paid_to < b.paid_to; });
  // The agreement's order of contribution codes; each tax right after the contribution it is on.
  // Views of the agreement's codes, then of copies of any other code (net_pay), in `others`: a
  // deque, whose strings never move.
  std::vector<std::string_view> order;
  std::deque<std::string> others;
  const auto note = [&](std::string_view code) {
    const auto at = std::find(order.begin(), order.end(), code);
    if (at != order.end()) return static_cast<std::size_t>(at - order.begin());
    order.push_back(others.emplace_back(code));
    return order.size() - 1;
  };
  for (const auto& category : agreement.categories) {
    for (const auto& rule : category.contributions) {
      if (std::find(order.begin(), order.end(), rule.code) == order.end()) order.push_back(rule.code);
    }
  }
  note("permit_fee");
  for (auto& remittance : out) {
    std::erase_if(remittance.items, [](const RemittanceItem& item) { return item.amount.is_zero(); });
    // Each item's rank worked out once: (its code's place, a tax after its contribution, its code).
    using Rank = std::tuple<std::size_t, bool, std::string_view>;
    std::vector<std::pair<Rank, std::size_t>> ranked;  // (rank, index in items)
    ranked.reserve(remittance.items.size());
    for (std::size_t i = 0; i < remittance.items.size(); ++i) {
      const RemittanceItem& item = remittance.items[i];
      ranked.push_back({{note(item.on.empty() ? item.code : item.on), !item.on.empty(), item.code}, i});
    }
    if (std::is_sorted(ranked.begin(), ranked.end())) continue;
    std::sort(ranked.begin(), ranked.end());  // the index breaks ties: stable
    std::vector<RemittanceItem> sorted;
    sorted.reserve(ranked.size());
    for (const auto& entry : ranked) sorted.push_back(std::move(remittance.items[entry.second]));
    remittance.items = std::move(sorted);
  }
  return out;
}

}  // namespace plateau::engine
