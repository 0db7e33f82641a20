// KeptTexts (explain.h): the writer's remembered texts of the agreement's rates and multipliers
// are the texts Rational::write_decimal writes, for every rate and multiplier of the shipped
// agreements, asked for again after others have pushed them out; the kept date's text and weekday
// are write_date's and weekday_of's, the same date again or another; and the sentences written
// with them are the sentences written without.
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "agreement/test_support.h"
#include "engine/explain.h"

namespace plateau::engine {
namespace {

// Every Rational the shipped agreements hold: overtime, day-rate and encroachment multipliers,
// contribution rates, GST and QST.
std::vector<Rational> shipped_rates_and_multipliers() {
  std::vector<Rational> out;
  const auto& registry = agreement::testing::bundled_registry();
  for (const auto& id : registry.ids()) {
    for (const auto& version : registry.versions(id)) {
      for (const auto& department : version.departments) {
        for (const auto& [kind, tiers] : department.overtime) {
          for (const auto& tier : tiers) out.push_back(tier.multiplier);
        }
      }
      for (const auto* day_rate : {&version.day_rates.sixth, &version.day_rates.seventh, &version.day_rates.holiday}) {
        out.push_back(day_rate->multiplier);
      }
      for (const auto& tier : version.rest.encroachment) out.push_back(tier.multiplier);
      for (const auto& category : version.categories) {
        for (const auto& contribution : category.contributions) out.push_back(contribution.rate);
      }
      for (const auto& period : version.sales_taxes) {
        out.push_back(period.gst);
        out.push_back(period.qst);
      }
    }
  }
  return out;
}

TEST(DecimalTexts, AreWriteDecimalsTextsForEveryShippedRate) {
  std::vector<Rational> values = shipped_rates_and_multipliers();
  // More distinct values than are kept, so that some are pushed out and written again.
  constexpr int kMoreThanKept = 40;
  for (int i = 1; i <= kMoreThanKept; ++i) values.push_back(Rational(i, 8));
  // Values that are not the agreement's, of every shape write_decimal has: whole, negative, many
  // decimals, one that does not end.
  for (const Rational& other : {Rational(0), Rational(-3, 2), Rational(1, 3), Rational(123456789, 1024),
                                Rational(-1, 100000000), Rational(7)}) {
    values.push_back(other);
  }
  DecimalTexts texts;
  for (int round = 0; round < 2; ++round) {  // the second round finds some kept, some pushed out
    for (const Rational& value : values) {
      EXPECT_EQ(texts.decimal(value), value.to_decimal());
      EXPECT_EQ(texts.percent(value), (value * Rational(100)).to_decimal());
      EXPECT_EQ(texts.decimal(value), value.to_decimal());  // now kept
    }
  }
}

// Hours kept by minutes are Rational(minutes, 60).to_fixed(2)'s text: durations that round up and
// down, negative, huge, more of them than are kept, asked for again.
TEST(HoursTexts, AreToFixedsTextOfEveryDuration) {
  std::vector<std::int64_t> minutes = {0, 1, -1, 59, 60, 61, 89, 90, 599, 600, 601, 1439, 100001,
                                       std::numeric_limits<std::int64_t>::max(),
                                       std::numeric_limits<std::int64_t>::min() + 1};
  for (std::int64_t m = 0; m < 200; m += 7) minutes.push_back(m);
  HoursTexts kept;
  for (int round = 0; round < 2; ++round) {
    for (const std::int64_t m : minutes) {
      EXPECT_EQ(kept.of(Duration{m}), Rational(m, 60).to_fixed(2)) << m;
      EXPECT_EQ(kept.of(Duration{m}), Rational(m, 60).to_fixed(2)) << m;  // now kept
    }
  }
}

// Dates in an order that finds the kept one and replaces it: the same again, the next day, back,
// across months and years, and years write_date writes the other way (before 0, after 9999).
TEST(DateText, IsWriteDatesTextAndWeekdayOfEveryDate) {
  const Date first{std::chrono::year{2009}, std::chrono::month{2}, std::chrono::day{27}};
  std::vector<Date> dates;
  for (int i = 0; i < 400; i += 1 + i % 3) {
    dates.push_back(add_days(first, i));
    dates.push_back(add_days(first, i));
    dates.push_back(add_days(first, i / 2));
  }
  dates.push_back(Date{std::chrono::year{-1}, std::chrono::month{12}, std::chrono::day{31}});
  dates.push_back(Date{std::chrono::year{10000}, std::chrono::month{1}, std::chrono::day{1}});
  dates.push_back(Date{std::chrono::year{-1}, std::chrono::month{12}, std::chrono::day{31}});
  dates.push_back(first);
  DateText kept;
  for (const Date date : dates) {
    char text[kMaxDateTextSize];
    const char* end = kept.write(text, date);
    EXPECT_EQ(std::string(static_cast<const char*>(text), end), to_string(date));
    EXPECT_EQ(kept.of(date), to_string(date));
    EXPECT_EQ(kept.weekday_of(date), weekday_of(date));
  }
}

// The sentences that show a percentage, a multiplier or a date, written with kept texts and
// without, for every shipped rate, in both languages, one KeptTexts for all (as the writer keeps one
// for a batch), the date changing from one to the next.
TEST(DecimalTexts, SentencesWrittenWithThemAreTheSame) {
  const agreement::Text name{"Retirement", "Retraite"};
  KeptTexts texts;
  int day = 0;
  const auto appended = [&](const auto& item, const std::string& lang) {
    std::string out;
    {
      TextOut text(out);
      append_explanation(item, lang, text, append_as_is, &texts);
    }
    return out;
  };
  for (const Rational& rate : shipped_rates_and_multipliers()) {
    Contribution contribution;
    contribution.name = &name;
    contribution.base = Money::from_cents(123456);
    contribution.rate = rate;
    contribution.amount = (Money::from_cents(123456) * rate).round_to_cent();
    Tax tax;
    tax.code = "qst";
    tax.on_name = &name;
    tax.taxed = tax.base = Money::from_cents(98765);
    tax.rate = rate;
    tax.amount = (tax.base * rate).round_to_cent();
    PayLine line;
    line.code = LineCode::overtime;
    line.base = Rational(75500, 100);
    line.divisor = 8;
    line.multiplier = rate;
    line.hours = Duration{135 + 15 * (day % 20)};  // more durations than are kept
    line.threshold = Duration{14 * 60 + 30};
    line.rate = line.base / Rational(line.divisor) * rate;
    line.amount = ExactAmount(Rational(line.hours->count(), 60) * *line.rate).round_to_cent();
    const Date first{std::chrono::year{2009}, std::chrono::month{3}, std::chrono::day{1}};
    line.date = add_days(first, day / 2);
    tax.date = add_days(first, day / 3);
    contribution.week = add_days(first, day % 5);  // and a permit fee's sentence, by the week
    Allowance allowance{add_days(first, day / 2), AllowanceCode::per_diem_meals, Money::from_cents(4550), "CAD",
                        &agreement::kNoCitation, Money::from_cents(6050), {"breakfast"}};
    ++day;
    for (const std::string lang : {"en", "fr"}) {
      EXPECT_EQ(appended(contribution, lang), explain(contribution, lang));
      EXPECT_EQ(appended(tax, lang), explain(tax, lang));
      EXPECT_EQ(appended(line, lang), explain(line, lang));
      EXPECT_EQ(appended(allowance, lang), explain(allowance, lang));
      contribution.week.reset();
      EXPECT_EQ(appended(contribution, lang), explain(contribution, lang));
      contribution.week = add_days(first, day % 5);
    }
  }
}

}  // namespace
}  // namespace plateau::engine
