// The DGC Quebec 2009 agreement file against the printed sheet: every minimum rate, every
// overtime tier, day rates, meals, rest, locations, contributions, caps and sales taxes.
#include <gtest/gtest.h>

#include "agreement/registry.h"
#include "agreement/test_support.h"
#include "agreement/units.h"

namespace plateau::agreement {
namespace {

using testing::day;
using testing::dgc_quebec_file;
using testing::load_or_fail;

Money dollars(std::string_view text) { return *parse_amount(text); }
Rational factor(std::string_view text) { return *parse_factor(text); }
Duration hours(std::string_view text) { return *parse_duration(text); }

class DgcQuebec : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { agreement_ = new Agreement(load_or_fail(dgc_quebec_file())); }
  static void TearDownTestSuite() {
    delete agreement_;
    agreement_ = nullptr;
  }
  static const Agreement& a() { return *agreement_; }

 private:
  static Agreement* agreement_;
};
Agreement* DgcQuebec::agreement_ = nullptr;

struct SheetRow {
  const char* name;  // as printed
  const char* weekly;
  const char* daily;  // "N/A": none
  const char* department;
};

// Copied from the sheet, "Minimum Rates for Theatrical Motion Pictures", in its order.
const SheetRow kSheet[] = {
    {"2 nd Unit Director", "9380", "2345", "direction"},
    {"Production Manager", "3135", "785", "production"},
    {"1 st Assistant Director", "3015", "755", "production"},
    {"2 nd Assistant Director", "2345", "585", "production"},
    {"3 rd Assistant Director", "1630", "405", "production"},
    {"Trainee Assistant Director", "975", "N/A", "production"},
    {"Production Designer", "3820", "960", "art"},
    {"Art Director Head of Department", "3360", "840", "art"},
    {"Art Director", "2535", "635", "art"},
    {"Assistant Art Director", "1890", "470", "art"},
    {"Set Designer", "1785", "445", "art"},
    {"Draftsman", "1530", "385", "art"},
    {"Art Department Coordinator", "1735", "435", "art"},
    {"Assistant Art Department Coordinator", "1100", "275", "art"},
    {"Production Accountant", "2450", "610", "accounting"},
    {"1 st Assistant Accountant (General)", "1560", "390", "accounting"},
    {"1 st Assistant Accountant (Payroll)", "1515", "380", "accounting"},
    {"2 nd Assistant Accountant", "1020", "255", "accounting"},
    {"3 rd Assistant Accountant", "815", "205", "accounting"},
    {"Trainee Assistant Accountant", "615", "155", "accounting"},
};

TEST_F(DgcQuebec, Metadata) {
  EXPECT_EQ(a().id, "dgc-quebec");
  EXPECT_EQ(a().effective, day(2009, 1, 1));
  EXPECT_EQ(a().currency, "CAD");
  EXPECT_FALSE(a().title.en.empty());
  EXPECT_FALSE(a().title.fr.empty());
  EXPECT_EQ(a().production_types, std::vector<std::string>{"theatrical"});
  EXPECT_FALSE(a().parties.empty());
  EXPECT_FALSE(a().source_document.empty());
}

TEST_F(DgcQuebec, EveryMinimumRateMatchesTheSheet) {
  ASSERT_EQ(a().classifications.size(), std::size(kSheet));
  for (std::size_t i = 0; i < std::size(kSheet); ++i) {
    const SheetRow& row = kSheet[i];
    const Classification& c = a().classifications[i];
    SCOPED_TRACE(row.name);
    EXPECT_EQ(c.name, row.name);
    EXPECT_FALSE(c.name_fr.empty());
    EXPECT_EQ(c.department, row.department);
    ASSERT_TRUE(c.minimums.contains("theatrical"));
    const MinimumRates& rates = c.minimums.at("theatrical");
    EXPECT_EQ(rates.weekly, dollars(row.weekly));
    if (std::string_view(row.daily) == "N/A") {
      EXPECT_FALSE(rates.daily.has_value());
    } else {
      ASSERT_TRUE(rates.daily.has_value());
      EXPECT_EQ(*rates.daily, dollars(row.daily));
    }
    EXPECT_EQ(c.citation.article, "Minimum Rates for Theatrical Motion Pictures");
    EXPECT_NE(c.citation.source.find(row.name), std::string::npos);
  }
}

struct Tier {
  const char* after;
  const char* multiplier;
};

void expect_tiers(const Department& d, DayKind kind, std::vector<Tier> expected) {
  SCOPED_TRACE(d.id + " " + std::string(to_string(kind)));
  ASSERT_TRUE(d.overtime.contains(kind));
  const std::vector<OvertimeTier>& tiers = d.overtime.at(kind);
  ASSERT_EQ(tiers.size(), expected.size());
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    EXPECT_EQ(tiers[i].after, hours(expected[i].after));
    EXPECT_EQ(tiers[i].multiplier, factor(expected[i].multiplier));
    EXPECT_EQ(tiers[i].citation.article, "Qc 2.05");
    EXPECT_FALSE(tiers[i].citation.source.empty());
  }
}

TEST_F(DgcQuebec, EveryOvertimeTierAsPrinted) {
  const Department* production = a().department("production");
  ASSERT_NE(production, nullptr);
  for (DayKind kind : {DayKind::first_five, DayKind::sixth, DayKind::seventh}) {
    expect_tiers(*production, kind, {{"14h", "2"}, {"16h", "3"}});
  }
  for (const char* id : {"art", "accounting"}) {
    const Department* d = a().department(id);
    ASSERT_NE(d, nullptr);
    expect_tiers(*d, DayKind::first_five, {{"12h", "2"}, {"16h", "3"}});
    expect_tiers(*d, DayKind::sixth, {{"12h", "2"}, {"16h", "3"}});
    // So printed: the 7th day pays ×3 from the 12th hour.
    expect_tiers(*d, DayKind::seventh, {{"12h", "3"}, {"16h", "3"}});
    EXPECT_FALSE(d->overtime.at(DayKind::seventh)[0].citation.note.empty());
  }
}

TEST_F(DgcQuebec, SecondUnitDirectorHasNoOvertimeRule) {
  const Department* direction = a().department("direction");
  ASSERT_NE(direction, nullptr);
  EXPECT_TRUE(direction->overtime.empty());
  EXPECT_FALSE(direction->no_overtime_citation.source.empty());
  EXPECT_FALSE(direction->no_overtime_citation.note.empty());
  EXPECT_EQ(a().overtime.long_day_threshold, hours("14h"));
  EXPECT_FALSE(a().overtime.long_day_citation.note.empty());
}

TEST_F(DgcQuebec, OvertimeComputation) {
  const OvertimeRules& o = a().overtime;
  EXPECT_EQ(o.increment, hours("15min"));
  EXPECT_TRUE(o.round_up);
  EXPECT_EQ(o.daily_divisor, 8);
  EXPECT_EQ(o.weekly_divisor, 40);
  EXPECT_EQ(o.day_rate_divisor, 8);
  EXPECT_TRUE(o.meal_breaks_are_work);
  EXPECT_EQ(o.citation.article, "Qc 2.05");
}

TEST_F(DgcQuebec, DayRates) {
  EXPECT_EQ(a().day_rates.weekly_days, 5);
  EXPECT_EQ(a().day_rates.sixth.multiplier, factor("1.5"));
  EXPECT_EQ(a().day_rates.seventh.multiplier, factor("2"));
  EXPECT_EQ(a().day_rates.holiday.multiplier, factor("2"));
  EXPECT_EQ(a().day_rates.holiday.citation.article, "Holiday Rate");
}

TEST_F(DgcQuebec, Meals) {
  const MealRules& m = a().meals;
  EXPECT_EQ(m.first_within, hours("6h"));
  EXPECT_EQ(m.next_within, hours("8h"));
  EXPECT_EQ(m.minimum_break, hours("30min"));
  EXPECT_EQ(m.penalty, dollars("20.00"));
  EXPECT_EQ(m.max_per_day, dollars("20.00"));
  EXPECT_EQ(m.shot_in_progress_grace, hours("10min"));
  EXPECT_EQ(m.first_within_after_general_call, hours("6h"));
  EXPECT_EQ(m.snack_before_meal, hours("2h30min"));
}

TEST_F(DgcQuebec, Rest) {
  const RestRules& r = a().rest;
  EXPECT_EQ(r.between_days, hours("10h"));
  EXPECT_TRUE(r.after_long_day.empty());
  ASSERT_EQ(r.weekly.size(), 3U);
  EXPECT_EQ(r.weekly[0].days_worked, 5);
  EXPECT_EQ(r.weekly[0].minimum, hours("54h"));
  EXPECT_EQ(r.weekly[1].days_worked, 6);
  EXPECT_EQ(r.weekly[1].minimum, hours("34h"));
  EXPECT_EQ(r.weekly[2].days_worked, 4);
  EXPECT_TRUE(r.weekly[2].requires_holiday_long_weekend);
  EXPECT_EQ(r.weekly[2].minimum, hours("72h"));
  EXPECT_EQ(r.weekend_reduction, hours("4h"));
  EXPECT_EQ(r.weekend_reductions_per_cycle, 2);
  EXPECT_EQ(r.cycle_weeks, 4);
  EXPECT_EQ(r.weekend_reduction_notice, hours("48h"));
  EXPECT_EQ(r.encroachment_increment, hours("30min"));
  EXPECT_TRUE(r.encroachment_round_up);
  EXPECT_EQ(r.daily_divisor, 8);
  EXPECT_EQ(r.weekly_divisor, 40);
  ASSERT_EQ(r.encroachment.size(), 1U);
  EXPECT_FALSE(r.encroachment[0].rest_below.has_value());
  EXPECT_EQ(r.encroachment[0].multiplier, factor("2"));
}

TEST_F(DgcQuebec, LocationsAndPerDiem) {
  const LocationRules& l = a().locations;
  EXPECT_DOUBLE_EQ(l.studio_zone.centre_latitude, 45.535556);
  EXPECT_DOUBLE_EQ(l.studio_zone.centre_longitude, -73.604444);
  EXPECT_DOUBLE_EQ(l.studio_zone.radius_km, 25.0);
  EXPECT_EQ(l.per_diem.incidentals, dollars("15"));
  EXPECT_EQ(l.per_diem.meals, dollars("50"));
  EXPECT_EQ(l.per_diem.meal_reductions.at("breakfast"), dollars("10"));
  EXPECT_EQ(l.per_diem.meal_reductions.at("lunch"), dollars("15"));
  EXPECT_EQ(l.per_diem.meal_reductions.at("supper"), dollars("25"));
  EXPECT_EQ(l.per_diem.home_currency, "CAD");
  EXPECT_EQ(l.per_diem.foreign_currency, "USD");
  EXPECT_EQ(l.accommodation_day_length, hours("14h"));
  EXPECT_EQ(l.accommodation_beyond_drive, hours("1h"));
}

TEST_F(DgcQuebec, PremiumApproval) {
  EXPECT_EQ(a().premium_approval.premium_line_codes,
            (std::vector<std::string>{"overtime", "turnaround", "rest_period"}));
  EXPECT_EQ(a().premium_approval.citation.article, "Qc 2.09");
  EXPECT_FALSE(a().premium_approval.citation.note.empty());
}

TEST_F(DgcQuebec, Caps) {
  ASSERT_NE(a().cap("health_welfare"), nullptr);
  EXPECT_EQ(a().cap("health_welfare")->per_production, dollars("125000"));
  EXPECT_EQ(a().cap("health_welfare")->citation.article, "Qc5.02");
  EXPECT_EQ(a().cap("checkoff")->per_production, dollars("125000"));
  EXPECT_EQ(a().cap("checkoff")->citation.article, "Qc5.04");
  EXPECT_EQ(a().cap("admin_training")->per_production, dollars("50000"));
  EXPECT_EQ(a().cap("admin_training")->citation.article, "Qc5.03");
}

struct Cell {
  const char* code;
  const char* rate;  // nullptr: "N/A"
  Payer paid_by;
  Payee paid_to;
  const char* cap;  // nullptr: none
  bool sales_taxes;
};

void expect_contributions(const Agreement& a, const std::string& category, std::vector<Cell> cells) {
  SCOPED_TRACE(category);
  const Category* c = a.category(category);
  ASSERT_NE(c, nullptr);
  std::size_t present = 0;
  for (const Cell& cell : cells) {
    SCOPED_TRACE(cell.code);
    const auto found = std::find_if(c->contributions.begin(), c->contributions.end(),
                                    [&](const ContributionRule& r) { return r.code == cell.code; });
    if (cell.rate == nullptr) {
      EXPECT_EQ(found, c->contributions.end());
      continue;
    }
    ++present;
    ASSERT_NE(found, c->contributions.end());
    EXPECT_EQ(found->rate, factor(cell.rate));
    EXPECT_EQ(found->paid_by, cell.paid_by);
    EXPECT_EQ(found->paid_to, cell.paid_to);
    EXPECT_EQ(found->cap, cell.cap ? std::optional<std::string>(cell.cap) : std::nullopt);
    EXPECT_EQ(found->sales_taxes, cell.sales_taxes);
  }
  EXPECT_EQ(c->contributions.size(), present);
}

// The sheet's fringe-benefit table, row by row.
TEST_F(DgcQuebec, ContributionsPerCategory) {
  const Payer producer = Payer::producer;
  const Payer person = Payer::person;
  expect_contributions(a(), "member",
                       {{"retirement", "0.06", producer, Payee::financial_institution, nullptr, false},
                        {"health_welfare", "0.04", producer, Payee::guild, "health_welfare", false},
                        {"admin_training", "0.015", producer, Payee::guild, "admin_training", true},
                        {"vacation", "0.05", producer, Payee::person, nullptr, false},
                        {"checkoff", "0.02", person, Payee::guild, "checkoff", false}});
  for (const char* id : {"permittee_non_canadian", "permittee_non_canadian_accountant", "permittee_canadian"}) {
    expect_contributions(a(), id,
                         {{"retirement", "0.06", producer, Payee::financial_institution, nullptr, false},
                          {"health_welfare", nullptr, producer, Payee::guild, nullptr, false},
                          {"admin_training", "0.015", producer, Payee::guild, "admin_training", true},
                          {"vacation", "0.05", producer, Payee::person, nullptr, false},
                          {"checkoff", "0.02", person, Payee::guild, nullptr, false}});
  }
  expect_contributions(a(), "permittee_dga_bectu_iatse_unsca",
                       {{"retirement", nullptr, producer, Payee::guild, nullptr, false},
                        {"health_welfare", nullptr, producer, Payee::guild, nullptr, false},
                        {"admin_training", "0.015", producer, Payee::guild, "admin_training", true},
                        {"vacation", nullptr, producer, Payee::guild, nullptr, false},
                        {"checkoff", "0.02", person, Payee::guild, nullptr, false}});
  EXPECT_EQ(a().categories.size(), 5U);
}

TEST_F(DgcQuebec, PermitFees) {
  EXPECT_FALSE(a().category("member")->permit_fee.has_value());
  for (const char* id : {"permittee_non_canadian", "permittee_dga_bectu_iatse_unsca"}) {
    const auto& fee = a().category(id)->permit_fee;
    ASSERT_TRUE(fee.has_value()) << id;
    EXPECT_EQ(fee->kind, PermitFeeKind::per_day_capped_weekly);
    EXPECT_EQ(fee->amount, dollars("50"));
    EXPECT_EQ(fee->weekly_cap, dollars("200"));
    EXPECT_TRUE(fee->sales_taxes);
    EXPECT_EQ(fee->paid_to, Payee::guild);
  }
  const auto& accountant = a().category("permittee_non_canadian_accountant")->permit_fee;
  EXPECT_EQ(accountant->kind, PermitFeeKind::per_week);
  EXPECT_EQ(accountant->amount, dollars("100"));
  EXPECT_FALSE(accountant->weekly_cap.has_value());
  const auto& canadian = a().category("permittee_canadian")->permit_fee;
  EXPECT_EQ(canadian->kind, PermitFeeKind::per_week_or_portion);
  EXPECT_EQ(canadian->amount, dollars("50"));
}

TEST_F(DgcQuebec, SalesTaxesByDate) {
  const SalesTaxPeriod* p2009 = a().sales_tax_on(day(2009, 6, 1));
  ASSERT_NE(p2009, nullptr);
  EXPECT_EQ(p2009->gst, factor("0.05"));
  EXPECT_EQ(p2009->qst, factor("0.075"));
  EXPECT_TRUE(p2009->qst_on_amount_plus_gst);
  EXPECT_EQ(a().sales_tax_on(day(2010, 12, 31))->qst, factor("0.075"));
  EXPECT_EQ(a().sales_tax_on(day(2011, 1, 1))->qst, factor("0.085"));
  EXPECT_EQ(a().sales_tax_on(day(2012, 7, 1))->qst, factor("0.095"));
  const SalesTaxPeriod* p2013 = a().sales_tax_on(day(2013, 1, 1));
  EXPECT_EQ(p2013->qst, factor("0.09975"));
  EXPECT_FALSE(p2013->qst_on_amount_plus_gst);
  EXPECT_EQ(a().sales_tax_on(day(2030, 1, 1)), p2013);
  EXPECT_EQ(a().sales_tax_on(day(2007, 12, 31)), nullptr);
}

TEST_F(DgcQuebec, EveryRuleCarriesACitation) {
  std::vector<const Citation*> all = {&a().overtime.citation, &a().overtime.meal_breaks_citation,
                                      &a().overtime.long_day_citation, &a().day_rates.sixth.citation,
                                      &a().day_rates.seventh.citation, &a().day_rates.holiday.citation,
                                      &a().meals.citation, &a().meals.exception_citation,
                                      &a().meals.grace_citation, &a().rest.between_days_citation,
                                      &a().rest.weekend_reduction_citation, &a().holidays.unworked_citation,
                                      &a().holidays.day_off_citation, &a().holidays.day_off_not_given_citation,
                                      &a().holidays.declared_citation, &a().locations.studio_zone.citation,
                                      &a().locations.nearby_citation, &a().locations.per_diem.incidentals_citation,
                                      &a().locations.per_diem.meals_citation, &a().locations.accommodation_citation,
                                      &a().premium_approval.citation};
  for (const auto& rule : a().holidays.rules) all.push_back(&rule.citation);
  for (const auto& weekly : a().rest.weekly) all.push_back(&weekly.citation);
  for (const auto& tier : a().rest.encroachment) all.push_back(&tier.citation);
  for (const auto& category : a().categories) {
    all.push_back(&category.citation);
    for (const auto& rule : category.contributions) all.push_back(&rule.citation);
    if (category.permit_fee) all.push_back(&category.permit_fee->citation);
  }
  for (const auto& sales_tax : a().sales_taxes) all.push_back(&sales_tax.citation);
  for (const Citation* citation : all) {
    EXPECT_FALSE(citation->article.empty());
    EXPECT_FALSE(citation->source.empty());
  }
  EXPECT_EQ(a().holidays.day_off_citation.article, "QC4.04(a)(b)");
  EXPECT_EQ(a().holidays.day_off_not_given_citation.article, "QC4.04(c)");
}

}  // namespace
}  // namespace plateau::agreement
