#include "engine/contributions.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace plateau::engine {

namespace {

using agreement::Payee;
using agreement::Payer;

// A percentage of gross: base = the part of this batch's gross that lies under the cap, counting
// what was paid before on the production; a batch that crosses the cap splits its gross there.
// Filled in place: a contribution is large, and building it aside moved it once more.
void fill_percentage_contribution(const agreement::Agreement& agreement, const agreement::ContributionRule& rule,
                                  Money gross, Money gross_to_date, Contribution& out) {
  out.code = rule.code;
  out.code_index = rule.code_index;
  out.name = &rule.name;
  out.paid_by = rule.paid_by;
  out.paid_to = rule.paid_to;
  out.citation = &rule.citation;
  out.sales_taxes = rule.sales_taxes;
  out.rate = rule.rate;
  out.gross = gross;
  out.gross_to_date = gross_to_date;
  Money base = gross;
  if (rule.cap_index) {
    const agreement::Cap& cap = agreement.caps[*rule.cap_index];
    out.cap = cap.per_production;
    const Money room = std::max(Money(), cap.per_production - gross_to_date);
    base = std::min(gross, room);
  }
  out.base = base;
  out.amount = times_rounded_to_cent(base, rule.rate);
}

// The name of permit fee contributions (the sheet's fringe-benefit table calls them so).
const agreement::Text kPermitFeeName{"Permit fee", "Droit de permis"};

// The permit fee of one work week in which the permittee worked `days` days.
void fill_permit_fee(const agreement::Agreement& agreement, const agreement::PermitFee& fee, Date week, int days,
                     Payer paid_by, Contribution& out) {
  out.code_index = agreement.permit_fee_code_index;
  out.code = agreement.contribution_codes[out.code_index];
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
}

// The sales taxes' codes, in the order a remittance lists them after the contribution they are on.
constexpr std::string_view kGst = "gst";
constexpr std::string_view kQst = "qst";

// GST, then QST, on `taxed` (the sum of one contribution code's amounts), added to `taxes`.
void add_sales_taxes(const agreement::SalesTaxPeriod& period, const Contribution& on, Money taxed, Date owed_on,
                     Payer paid_by, Payee paid_to, std::vector<Tax>& taxes) {
  Tax& gst = taxes.emplace_back();
  gst.code = kGst;
  gst.on = on.code;
  gst.on_index = on.code_index;
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
  qst.code = kQst;
  qst.rate = period.qst;
  if (period.qst_on_amount_plus_gst) {
    qst.gst_included = gst.amount;
    qst.base = taxed + gst.amount;
  }
  qst.amount = times_rounded_to_cent(qst.base, period.qst);
}

// The code remittances list each person's net pay under.
constexpr std::string_view kNetPay = "net_pay";

// Net pay: gross, plus what is paid to the person, less what is deducted from them.
Money net_pay(const PersonPay& pay) {
  Money out = pay.gross;
  for (const auto& contribution : pay.contributions) {
    if (contribution.paid_to == Payee::person && contribution.paid_by == Payer::producer) out += contribution.amount;
    if (contribution.paid_by == Payer::person && contribution.paid_to != Payee::person) out -= contribution.amount;
  }
  for (const auto& tax : pay.taxes) {
    if (tax.paid_by == Payer::person) out -= tax.amount;
  }
  return out;
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
    fill_percentage_contribution(agreement, rule, pay.gross, gross_to_date, pay.contributions.emplace_back());
  }
  if (category.permit_fee) {
    const Payer paid_by =
        person.input->permit_fee_paid_by == PermitFeePayer::permittee ? Payer::person : Payer::producer;
    for (const auto& week : person.weeks) {
      if (week.days_worked == 0) continue;
      fill_permit_fee(agreement, *category.permit_fee, week.start, week.days_worked, paid_by,
                      pay.contributions.emplace_back());
    }
  }

  // Sales taxes: one GST and one QST line per taxed contribution code, on the sum of its amounts,
  // in the order the codes first appear. All contributions of a code share their payer and payee;
  // the first stands for them. A person has a handful of contributions: the sums are found by
  // looking back and ahead in them, with no list of codes.
  const auto& contributions = pay.contributions;
  const auto first_of_code = [&](std::size_t i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (contributions[j].sales_taxes && contributions[j].code_index == contributions[i].code_index) return false;
    }
    return true;
  };
  const auto taxed_sum = [&](std::size_t first) {
    Money sum;
    for (std::size_t j = first; j < contributions.size(); ++j) {
      if (contributions[j].sales_taxes && contributions[j].code_index == contributions[first].code_index) {
        sum += contributions[j].amount;
      }
    }
    return sum;
  };
  // Room for every code's GST and QST at once: growing by two per code moved all the taxes each time.
  constexpr std::size_t kSalesTaxesPerCode = 2;
  std::size_t taxed_codes = 0;
  for (std::size_t i = 0; i < contributions.size(); ++i) {
    if (contributions[i].sales_taxes && first_of_code(i) && !taxed_sum(i).is_zero()) ++taxed_codes;
  }
  if (taxed_codes == 0) {
    pay.net_pay = net_pay(pay);
    return {};
  }
  pay.taxes.reserve(pay.taxes.size() + taxed_codes * kSalesTaxesPerCode);
  const agreement::SalesTaxPeriod* period = agreement.sales_tax_on(owed_on);
  for (std::size_t i = 0; i < contributions.size(); ++i) {
    const Contribution& first = contributions[i];
    if (!first.sales_taxes || !first_of_code(i)) continue;
    const Money amount = taxed_sum(i);
    if (amount.is_zero()) continue;
    if (period == nullptr) {
      return fail(person.path() + ".category: the agreement " + agreement.id + " (" + to_string(agreement.effective) +
                  ") gives no GST and QST rates for " + to_string(owed_on) + ", the day " + std::string(first.code) +
                  " is owed; expected a [[sales_tax]] period that covers it");
    }
    const bool producer_pays_fee_taxes =
        first.code_index == agreement.permit_fee_code_index &&
        agreement.interpretations.permit_fee_taxes_paid_by == agreement::PermitFeeTaxesPaidBy::producer;
    const Payer paid_by = producer_pays_fee_taxes ? Payer::producer : first.paid_by;
    add_sales_taxes(*period, first, amount, owed_on, paid_by, first.paid_to, pay.taxes);
  }
  pay.net_pay = net_pay(pay);
  return {};
}

void remittances_into(const agreement::Agreement& agreement, const std::vector<PersonPay>& crew,
                      std::vector<Remittance>& out) {
  // Sums by payee, code and part (the contribution itself, its GST, its QST), in one table whose
  // codes are the agreement's in its order (their indices, resolved when it was loaded), net pay
  // after them: walking the table gives each remittance's items in order, with no search by name
  // and no sort. An agreement that names a contribution net_pay ranks net pay there.
  enum Part : std::size_t { kContribution, kGstPart, kQstPart, kParts };
  constexpr std::size_t kPayees = static_cast<std::size_t>(Payee::person) + 1;
  const auto& codes = agreement.contribution_codes;
  const auto net_pay_index = static_cast<std::size_t>(std::find(codes.begin(), codes.end(), kNetPay) - codes.begin());
  const std::size_t code_count = codes.size() + 1;  // and net pay
  std::vector<Money> sums(kPayees * code_count * kParts);
  std::array<Money, kPayees> totals{};
  std::array<bool, kPayees> owed{};  // whether anything is sent to the payee, if only 0.00
  const auto add = [&](Payee payee, std::size_t code, Part part, Money amount) {
    const auto to = static_cast<std::size_t>(payee);
    owed[to] = true;
    totals[to] += amount;
    sums[(to * code_count + code) * kParts + part] += amount;
  };
  for (const auto& person : crew) {
    for (const auto& contribution : person.contributions) {
      // What is paid to the person travels in their net pay.
      if (contribution.paid_to != Payee::person) {
        add(contribution.paid_to, contribution.code_index, kContribution, contribution.amount);
      }
    }
    for (const auto& tax : person.taxes) add(tax.paid_to, tax.on_index, tax.code == kGst ? kGstPart : kQstPart, tax.amount);
  }
  for (const auto& person : crew) add(Payee::person, net_pay_index, kContribution, person.net_pay);

  const auto code_text = [&](std::size_t code) { return code < codes.size() ? std::string_view(codes[code]) : kNetPay; };
  // The remittances `out` held are refilled in place, their item lists keeping their room.
  std::size_t used = 0;
  for (std::size_t to = 0; to < kPayees; ++to) {
    if (!owed[to]) continue;
    if (used == out.size()) out.emplace_back();
    Remittance& remittance = out[used++];
    remittance.paid_to = static_cast<Payee>(to);
    remittance.amount = totals[to];
    remittance.items.clear();
    for (std::size_t code = 0; code < code_count; ++code) {
      for (std::size_t part = 0; part < kParts; ++part) {
        const Money amount = sums[(to * code_count + code) * kParts + part];
        if (amount.is_zero()) continue;  // items of 0.00 are left out
        if (part == kContribution) {
          remittance.items.push_back(RemittanceItem{std::string(code_text(code)), "", amount});
        } else {
          remittance.items.push_back(
              RemittanceItem{std::string(part == kGstPart ? kGst : kQst), std::string(code_text(code)), amount});
        }
      }
    }
  }
  out.resize(used);
}

}  // namespace plateau::engine
