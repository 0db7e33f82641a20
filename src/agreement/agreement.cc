// Look-ups on a loaded Agreement, and the names of its enum values (see agreement.h).
#include "agreement/agreement.h"

#include <algorithm>

namespace plateau::agreement {
namespace {

template <class T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
  const auto found = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return found == items.end() ? nullptr : &*found;
}

}  // namespace

const Department* Agreement::department(const std::string& wanted) const { return find_by_id(departments, wanted); }
const Category* Agreement::category(const std::string& wanted) const { return find_by_id(categories, wanted); }
const Cap* Agreement::cap(const std::string& wanted) const { return find_by_id(caps, wanted); }
const Classification* Agreement::classification(const std::string& wanted) const {
  return find_by_id(classifications, wanted);
}

const SalesTaxPeriod* Agreement::sales_tax_on(Date date) const {
  for (const SalesTaxPeriod& period : sales_taxes) {
    if (date < period.from) continue;
    if (period.until && date > *period.until) continue;
    return &period;
  }
  return nullptr;
}

std::string_view to_string(Basis basis) {
  switch (basis) {
    case Basis::daily: return "daily";
    case Basis::weekly: return "weekly";
  }
  return "";
}

std::string_view to_string(DayKind kind) {
  switch (kind) {
    case DayKind::first_five: return "first_five";
    case DayKind::sixth: return "sixth";
    case DayKind::seventh: return "seventh";
  }
  return "";
}

std::string_view to_string(HolidayRuleKind kind) {
  switch (kind) {
    case HolidayRuleKind::fixed: return "fixed";
    case HolidayRuleKind::easter_offset: return "easter_offset";
    case HolidayRuleKind::weekday_before: return "weekday_before";
    case HolidayRuleKind::nth_weekday: return "nth_weekday";
  }
  return "";
}

std::string_view to_string(Payer payer) {
  switch (payer) {
    case Payer::producer: return "producer";
    case Payer::person: return "person";
  }
  return "";
}

std::string_view to_string(Payee payee) {
  switch (payee) {
    case Payee::guild: return "guild";
    case Payee::financial_institution: return "financial_institution";
    case Payee::person: return "person";
  }
  return "";
}

std::string_view to_string(PermitFeeKind kind) {
  switch (kind) {
    case PermitFeeKind::per_day_capped_weekly: return "per_day_capped_weekly";
    case PermitFeeKind::per_week: return "per_week";
    case PermitFeeKind::per_week_or_portion: return "per_week_or_portion";
  }
  return "";
}

}  // namespace plateau::agreement
