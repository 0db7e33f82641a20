// Tests of the synthetic batch generator (generator.h):
//   the stream is a pure function of (seed, index), pinned to its bytes;
//   the first kBatchesChecked batches of seed 1 are read by plateau's JSON reader and computed by
//   the engine with nobody rejected and no error-severity finding;
//   across those batches the mix holds every situation the generator promises, each in a share
//   that is plausible for a film crew's week (printed, then checked against bounds).
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "agreement/lookup.h"
#include "agreement/test_support.h"
#include "bench/generator.h"
#include "engine/compute.h"
#include "io/batch_json.h"

namespace plateau::bench {
namespace {

constexpr std::uint64_t kSeed = 1;
constexpr std::uint64_t kOtherSeed = 2;
constexpr std::uint64_t kBatchesChecked = 300;
constexpr std::uint64_t kBatchesCompared = 20;

std::string batch_text(std::uint64_t seed, std::uint64_t index) {
  std::string out;
  append_batch(GeneratorOptions{seed}, index, out);
  return out;
}

// FNV-1a, 64 bits: a checksum of bytes that is the same on every machine.
constexpr std::uint64_t kFnvOffsetBasis = 0xCBF29CE484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001B3ULL;
std::uint64_t fnv1a(const std::string& bytes, std::uint64_t hash = kFnvOffsetBasis) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

// --- Determinism ------------------------------------------------------------------------------

TEST(GeneratorStream, SameSeedAndIndexGiveTheSameBytes) {
  for (std::uint64_t index = 0; index < kBatchesCompared; ++index) {
    EXPECT_EQ(batch_text(kSeed, index), batch_text(kSeed, index)) << "batch " << index;
  }
}

TEST(GeneratorStream, ABatchDependsOnNothingButSeedAndIndex) {
  // Made in order into one string, or each alone, or in reverse: the same batches.
  std::string in_order;
  for (std::uint64_t index = 0; index < kBatchesCompared; ++index) {
    append_batch(GeneratorOptions{kSeed}, index, in_order);
  }
  std::string alone;
  for (std::uint64_t index = 0; index < kBatchesCompared; ++index) alone += batch_text(kSeed, index);
  std::string reversed;
  for (std::uint64_t index = kBatchesCompared; index-- > 0;) reversed.insert(0, batch_text(kSeed, index));
  EXPECT_EQ(in_order, alone);
  EXPECT_EQ(in_order, reversed);
}

TEST(GeneratorStream, AnotherSeedOrIndexGivesOtherBytes) {
  for (std::uint64_t index = 0; index < kBatchesCompared; ++index) {
    EXPECT_NE(batch_text(kSeed, index), batch_text(kOtherSeed, index)) << "batch " << index;
    EXPECT_NE(batch_text(kSeed, index), batch_text(kSeed, index + 1)) << "batch " << index;
  }
}

// The bytes themselves, so that a change of compiler, standard library or machine that changed
// them would be seen. A deliberate change of the generator changes this figure: update it, and
// regenerate any benchmark input compared across the change.
TEST(GeneratorStream, BytesArePinned) {
  constexpr std::uint64_t kPinnedBatches = 10;
  std::uint64_t hash = kFnvOffsetBasis;
  for (std::uint64_t index = 0; index < kPinnedBatches; ++index) hash = fnv1a(batch_text(kSeed, index), hash);
  EXPECT_EQ(hash, 0x5190FFF285DEC9A1ULL) << std::hex << "0x" << hash;
}

TEST(GeneratorStream, EachBatchIsOneLine) {
  for (std::uint64_t index = 0; index < kBatchesChecked; ++index) {
    const std::string text = batch_text(kSeed, index);
    ASSERT_EQ(text.find('\n'), std::string::npos) << "batch " << index;
    ASSERT_EQ(text.front(), '{');
    ASSERT_EQ(text.back(), '}');
  }
}

// --- Validity and mix ---------------------------------------------------------------------------

// What the first kBatchesChecked batches hold, counted from their input and their computed pay.
struct Mix {
  std::int64_t batches = 0;
  std::int64_t bytes = 0;
  std::vector<std::string> problems;  // unreadable batches, rejected people, error findings
  // Crew and engagement.
  std::int64_t person_weeks = 0;
  std::size_t smallest_crew = SIZE_MAX;
  std::size_t largest_crew = 0;
  std::map<std::string, std::int64_t> categories;
  std::int64_t weekly_basis = 0;
  std::int64_t at_minimum_rate = 0;
  std::int64_t above_minimum_rate = 0;
  std::int64_t engagement_written = 0;
  std::int64_t permit_fee_by_permittee = 0;
  std::int64_t days_off_in_lieu = 0;
  std::int64_t batches_with_declared_holiday = 0;
  std::int64_t batches_outside_one_week = 0;
  // Days.
  std::int64_t worked_days = 0;
  std::int64_t days_over_14h = 0;
  std::int64_t days_over_16h = 0;
  std::int64_t wraps_past_midnight = 0;
  std::int64_t meals_with_shot_in_progress = 0;
  std::int64_t ndb_with_snack = 0;
  std::int64_t general_crew_call_given = 0;
  std::int64_t nearby_days = 0;
  std::int64_t zone_crossings = 0;
  std::int64_t distant_worked_days = 0;
  std::int64_t distant_unworked_days = 0;
  std::int64_t distant_meals_provided = 0;
  std::int64_t reduced_weekend_rest = 0;
  std::int64_t premium_not_approved_days = 0;
  // Person-weeks with at least one line of each code; lines by overtime multiplier.
  std::map<engine::LineCode, std::int64_t> person_weeks_with_line;
  std::map<std::string, std::int64_t> overtime_lines_by_multiplier;
  std::map<std::string, std::int64_t> person_weeks_with_finding;
  std::int64_t per_diem_incidentals = 0;
  std::int64_t per_diem_meals = 0;
  std::int64_t per_diems_in_usd = 0;
  std::int64_t permit_fees = 0;
  std::int64_t contributions_cap_crossed = 0;    // the cap falls inside this batch's gross
  std::int64_t contributions_cap_exhausted = 0;  // the cap was reached before this batch
  std::int64_t error_findings = 0;
  std::int64_t rejected = 0;

  std::int64_t lines(engine::LineCode code) const {
    const auto found = person_weeks_with_line.find(code);
    return found == person_weeks_with_line.end() ? 0 : found->second;
  }
  std::int64_t overtime_lines(const std::string& multiplier) const {
    const auto found = overtime_lines_by_multiplier.find(multiplier);
    return found == overtime_lines_by_multiplier.end() ? 0 : found->second;
  }
  std::int64_t findings(const std::string& code) const {
    const auto found = person_weeks_with_finding.find(code);
    return found == person_weeks_with_finding.end() ? 0 : found->second;
  }
};

const agreement::Registry& registry() { return agreement::testing::bundled_registry(); }

std::int64_t wall_minutes(const ClockTime& time) { return time.wall_minutes_since_epoch().count(); }

constexpr std::int64_t kMinutesPerHour = 60;
constexpr std::int64_t kOvertimeLongDay = 14 * kMinutesPerHour;
constexpr std::int64_t kOvertimeVeryLongDay = 16 * kMinutesPerHour;

void count_input(const engine::Batch& batch, const agreement::Agreement& agreement, Mix& mix) {
  mix.smallest_crew = std::min(mix.smallest_crew, batch.crew.size());
  mix.largest_crew = std::max(mix.largest_crew, batch.crew.size());
  if (!batch.production.declared_holidays.empty()) ++mix.batches_with_declared_holiday;
  std::optional<Date> first;
  std::optional<Date> last;
  for (const auto& person : batch.crew) {
    ++mix.person_weeks;
    ++mix.categories[person.category];
    if (person.basis == engine::RateBasis::weekly) ++mix.weekly_basis;
    const auto* classification = agreement::find_classification(agreement, person.classification);
    if (classification != nullptr) {
      const auto& minimums = classification->minimums.at("theatrical");
      const Money minimum =
          person.basis == engine::RateBasis::weekly ? minimums.weekly : minimums.daily.value_or(Money());
      if (person.rate == minimum) ++mix.at_minimum_rate;
      if (person.rate > minimum) ++mix.above_minimum_rate;
    }
    if (person.engagement) ++mix.engagement_written;
    if (person.category != "member" && person.permit_fee_paid_by == engine::PermitFeePayer::permittee) {
      ++mix.permit_fee_by_permittee;
    }
    if (!person.days_off_in_lieu.empty()) ++mix.days_off_in_lieu;
    bool reduced = false;
    for (const auto& day : person.days) {
      if (!first || day.date < *first) first = day.date;
      if (!last || day.date > *last) last = day.date;
      if (day.location == engine::Location::distant) {
        ++(day.worked ? mix.distant_worked_days : mix.distant_unworked_days);
        if (day.distant && !day.distant->meals_provided.empty()) ++mix.distant_meals_provided;
      }
      if (!day.worked) continue;
      ++mix.worked_days;
      const std::int64_t length = wall_minutes(*day.wrap) - wall_minutes(*day.call);
      if (length > kOvertimeLongDay) ++mix.days_over_14h;
      if (length > kOvertimeVeryLongDay) ++mix.days_over_16h;
      if (day.wrap->date() != day.date) ++mix.wraps_past_midnight;
      for (const auto& meal : day.meals) {
        if (meal.shot_in_progress) ++mix.meals_with_shot_in_progress;
      }
      if (day.ndb && day.snack) ++mix.ndb_with_snack;
      if (day.general_crew_call && *day.general_crew_call != *day.call) ++mix.general_crew_call_given;
      if (day.location == engine::Location::nearby) {
        ++mix.nearby_days;
        if (day.zone_departure || day.zone_return) ++mix.zone_crossings;
      }
      if (day.reduced_weekend_rest) reduced = true;
      if (!day.premium_approved) ++mix.premium_not_approved_days;
    }
    if (reduced) ++mix.reduced_weekend_rest;
  }
  // One Sunday-to-Saturday week of 2009.
  constexpr int kYear = 2009;
  constexpr int kLastDayOfWeek = 6;
  const bool one_week = first && last && static_cast<int>(first->year()) == kYear &&
                        static_cast<int>(last->year()) == kYear &&
                        work_week_start(*first, std::chrono::Sunday) == work_week_start(*last, std::chrono::Sunday) &&
                        days_between(*first, *last) <= kLastDayOfWeek;
  if (!one_week) ++mix.batches_outside_one_week;
}

// `where` names the batch in problems.
void count_pay(const engine::BatchPay& pay, const std::string& where, Mix& mix) {
  mix.rejected += static_cast<std::int64_t>(pay.rejected.size());
  for (const auto& error : pay.rejected) mix.problems.push_back(where + "rejected: " + error.message);
  for (const auto& person : pay.crew) {
    std::map<engine::LineCode, bool> has_line;
    for (const auto& line : person.lines) {
      has_line[line.code] = true;
      if (line.code == engine::LineCode::overtime) ++mix.overtime_lines_by_multiplier[line.multiplier.to_decimal()];
    }
    for (const auto& [code, present] : has_line) ++mix.person_weeks_with_line[code];
    std::map<std::string, bool> has_finding;
    for (const auto& finding : person.findings) {
      has_finding[std::string(finding.code)] = true;
      if (finding.severity == engine::Severity::error) {
        ++mix.error_findings;
        mix.problems.push_back(where + "error finding: " + person.id + " " + to_string(finding.date) + " " +
                               std::string(finding.code));
      }
    }
    for (const auto& [code, present] : has_finding) ++mix.person_weeks_with_finding[code];
    for (const auto& allowance : person.allowances) {
      ++(allowance.code == engine::AllowanceCode::per_diem_incidentals ? mix.per_diem_incidentals : mix.per_diem_meals);
      if (allowance.currency == "USD") ++mix.per_diems_in_usd;
    }
    for (const auto& contribution : person.contributions) {
      if (contribution.code == "permit_fee") ++mix.permit_fees;
      if (!contribution.cap || !contribution.base) continue;
      if (contribution.base->is_zero() && !contribution.gross.is_zero()) ++mix.contributions_cap_exhausted;
      if (!contribution.base->is_zero() && *contribution.base < contribution.gross) ++mix.contributions_cap_crossed;
    }
  }
}

const Mix& mix_of_seed_one() {
  static const Mix mix = [] {
    Mix out;
    for (std::uint64_t index = 0; index < kBatchesChecked; ++index) {
      const std::string text = batch_text(kSeed, index);
      ++out.batches;
      out.bytes += static_cast<std::int64_t>(text.size());
      auto batch = io::read_batch_json(text);
      if (!batch) {
        out.problems.push_back("batch " + std::to_string(index) + " unreadable: " + batch.error().message);
        continue;
      }
      const agreement::Agreement* agreement = registry().find("dgc-quebec", batch->crew.front().days.front().date);
      if (agreement == nullptr) {
        out.problems.push_back("batch " + std::to_string(index) + ": no agreement in force");
        continue;
      }
      count_input(*batch, *agreement, out);
      engine::ComputeOptions options;
      options.keep_going = true;  // every rejected person, not only the first
      auto pay = engine::compute(*batch, registry(), options);
      if (!pay) {
        out.problems.push_back("batch " + std::to_string(index) + " rejected: " + pay.error().message);
        continue;
      }
      count_pay(*pay, "batch " + std::to_string(index) + ": ", out);
    }
    return out;
  }();
  return mix;
}

// A share of `part` in `whole`, in percent with one decimal, for the printed table.
std::string percent_text(std::int64_t part, std::int64_t whole) {
  constexpr std::int64_t kPerThousand = 1000;
  constexpr std::int64_t kTenths = 10;
  const std::int64_t per_thousand = whole == 0 ? 0 : (part * kPerThousand + whole / 2) / whole;
  return std::to_string(per_thousand / kTenths) + "." + std::to_string(per_thousand % kTenths) + "%";
}

// Whether part/whole lies within [low_percent, high_percent], exactly, in integers.
bool share_within(std::int64_t part, std::int64_t whole, std::int64_t low_percent, std::int64_t high_percent) {
  constexpr std::int64_t kHundred = 100;
  return part * kHundred >= low_percent * whole && part * kHundred <= high_percent * whole;
}

TEST(GeneratorBatches, AreReadAndComputedWithNobodyRejectedAndNoErrorFinding) {
  const Mix& mix = mix_of_seed_one();
  std::string listed;
  for (std::size_t i = 0; i < std::min<std::size_t>(mix.problems.size(), 10); ++i) listed += "\n  " + mix.problems[i];
  EXPECT_TRUE(mix.problems.empty()) << mix.problems.size() << " problem(s), the first:" << listed;
  EXPECT_EQ(mix.rejected, 0);
  EXPECT_EQ(mix.error_findings, 0);
  EXPECT_EQ(mix.batches, static_cast<std::int64_t>(kBatchesChecked));
}

TEST(GeneratorBatches, AreOneProductionWeekOf2009WithThreeToFortyPeople) {
  const Mix& mix = mix_of_seed_one();
  constexpr std::size_t kSmallestCrew = 3;
  constexpr std::size_t kLargestCrew = 40;
  constexpr std::int64_t kLowestMeanCrewTimesTen = 100;  // mean crew between 10 and 14 people
  constexpr std::int64_t kHighestMeanCrewTimesTen = 140;
  constexpr std::int64_t kTen = 10;
  EXPECT_EQ(mix.batches_outside_one_week, 0);
  EXPECT_GE(mix.smallest_crew, kSmallestCrew);
  EXPECT_LE(mix.largest_crew, kLargestCrew);
  const std::int64_t mean_times_ten = mix.person_weeks * kTen / mix.batches;
  EXPECT_GE(mean_times_ten, kLowestMeanCrewTimesTen);
  EXPECT_LE(mean_times_ten, kHighestMeanCrewTimesTen);
}

TEST(GeneratorBatches, HoldEverySituationInAPlausibleShare) {
  const Mix& mix = mix_of_seed_one();
  using engine::LineCode;
  const std::int64_t weeks = mix.person_weeks;
  const std::int64_t days = mix.worked_days;

  // The table, for the benchmark's record.
  std::cout << "Mix of the first " << mix.batches << " batches of seed " << kSeed << " (" << mix.bytes << " bytes, "
            << weeks << " person-weeks, " << days << " worked days; crew " << mix.smallest_crew << "–"
            << mix.largest_crew << "):\n";
  const auto row = [](const std::string& what, std::int64_t part, std::int64_t whole, const std::string& of) {
    std::cout << "  " << what << ": " << part << " (" << percent_text(part, whole) << " of " << of << ")\n";
  };
  row("person-weeks with overtime", mix.lines(LineCode::overtime), weeks, "person-weeks");
  for (const auto& [multiplier, count] : mix.overtime_lines_by_multiplier) {
    std::cout << "    overtime lines ×" << multiplier << ": " << count << "\n";
  }
  row("person-weeks with a 6th day", mix.lines(LineCode::sixth_day), weeks, "person-weeks");
  row("person-weeks with a 7th day", mix.lines(LineCode::seventh_day), weeks, "person-weeks");
  row("person-weeks with a holiday worked", mix.lines(LineCode::holiday_worked), weeks, "person-weeks");
  row("person-weeks with a holiday not worked paid", mix.lines(LineCode::holiday_unworked), weeks, "person-weeks");
  row("person-weeks with a meal penalty", mix.lines(LineCode::meal_penalty), weeks, "person-weeks");
  row("person-weeks with a turnaround line", mix.lines(LineCode::turnaround), weeks, "person-weeks");
  row("person-weeks with a rest-period line", mix.lines(LineCode::rest_period), weeks, "person-weeks");
  row("person-weeks with a weekly_rate line", mix.lines(LineCode::weekly_rate), weeks, "person-weeks");
  row("person-weeks with a daily_rate line", mix.lines(LineCode::daily_rate), weeks, "person-weeks");
  row("person-weeks with premium withheld", mix.findings("premium_not_approved"), weeks, "person-weeks");
  row("person-weeks with a no_overtime_rule finding", mix.findings("no_overtime_rule"), weeks, "person-weeks");
  row("person-weeks with a meal_too_short finding", mix.findings("meal_too_short"), weeks, "person-weeks");
  row("person-weeks weekly engagements", mix.weekly_basis, weeks, "person-weeks");
  row("person-weeks at the minimum rate", mix.at_minimum_rate, weeks, "person-weeks");
  row("person-weeks above the minimum rate", mix.above_minimum_rate, weeks, "person-weeks");
  for (const auto& [category, count] : mix.categories) row("category " + category, count, weeks, "person-weeks");
  row("permit fees paid by the permittee", mix.permit_fee_by_permittee, weeks, "person-weeks");
  row("permit fee contributions", mix.permit_fees, weeks, "person-weeks");
  row("contributions whose cap falls in the batch", mix.contributions_cap_crossed, weeks, "person-weeks");
  row("contributions whose cap was reached before", mix.contributions_cap_exhausted, weeks, "person-weeks");
  row("days off in lieu designated", mix.days_off_in_lieu, weeks, "person-weeks");
  row("reduced weekend rest", mix.reduced_weekend_rest, weeks, "person-weeks");
  row("batches with a declared holiday", mix.batches_with_declared_holiday, mix.batches, "batches");
  row("days longer than 14 h", mix.days_over_14h, days, "worked days");
  row("days longer than 16 h", mix.days_over_16h, days, "worked days");
  row("wraps past midnight", mix.wraps_past_midnight, days, "worked days");
  row("meals with a shot in progress", mix.meals_with_shot_in_progress, days, "worked days");
  row("days with general crew call after the call", mix.general_crew_call_given, days, "worked days");
  row("days with a non-deductible meal and a snack", mix.ndb_with_snack, days, "worked days");
  row("nearby days", mix.nearby_days, days, "worked days");
  row("nearby days with zone crossings", mix.zone_crossings, days, "worked days");
  row("distant days worked", mix.distant_worked_days, days, "worked days");
  row("distant days not worked", mix.distant_unworked_days, days, "worked days");
  row("distant days with meals provided", mix.distant_meals_provided, days, "worked days");
  row("per diems (incidentals)", mix.per_diem_incidentals, days, "worked days");
  row("per diems in USD", mix.per_diems_in_usd, days, "worked days");
  row("days with premium not approved", mix.premium_not_approved_days, days, "worked days");

  // Every situation is there.
  EXPECT_GT(mix.overtime_lines("2"), 0);
  EXPECT_GT(mix.overtime_lines("3"), 0);
  for (const LineCode code : {LineCode::daily_rate, LineCode::weekly_rate, LineCode::sixth_day, LineCode::seventh_day,
                              LineCode::holiday_worked, LineCode::holiday_unworked, LineCode::meal_penalty,
                              LineCode::turnaround}) {
    EXPECT_GT(mix.lines(code), 0) << engine::to_string(code);
  }
  for (const std::string category : {"member", "permittee_non_canadian", "permittee_dga_bectu_iatse_unsca",
                                     "permittee_non_canadian_accountant", "permittee_canadian"}) {
    EXPECT_GT(mix.categories.count(category), 0u) << category;
  }
  EXPECT_GT(mix.per_diem_incidentals, 0);
  EXPECT_GT(mix.per_diem_meals, 0);
  EXPECT_GT(mix.per_diems_in_usd, 0);
  EXPECT_GT(mix.permit_fees, 0);
  EXPECT_GT(mix.permit_fee_by_permittee, 0);
  EXPECT_GT(mix.contributions_cap_crossed, 0);
  EXPECT_GT(mix.contributions_cap_exhausted, 0);
  EXPECT_GT(mix.findings("premium_not_approved"), 0);
  EXPECT_GT(mix.findings("no_overtime_rule"), 0);
  EXPECT_GT(mix.days_off_in_lieu, 0);
  EXPECT_GT(mix.batches_with_declared_holiday, 0);
  EXPECT_GT(mix.distant_unworked_days, 0);
  EXPECT_GT(mix.distant_meals_provided, 0);
  EXPECT_GT(mix.zone_crossings, 0);
  EXPECT_GT(mix.ndb_with_snack, 0);
  EXPECT_GT(mix.meals_with_shot_in_progress, 0);
  EXPECT_GT(mix.reduced_weekend_rest, 0);
  EXPECT_GT(mix.engagement_written, 0);
  EXPECT_LT(mix.engagement_written, weeks);

  // In shares a film crew's week would show: some, never all.
  EXPECT_TRUE(share_within(mix.lines(LineCode::overtime), weeks, 5, 60)) << "overtime";
  EXPECT_TRUE(share_within(mix.lines(LineCode::meal_penalty), weeks, 5, 60)) << "meal penalty";
  EXPECT_TRUE(share_within(mix.lines(LineCode::turnaround), weeks, 2, 40)) << "turnaround";
  EXPECT_TRUE(share_within(mix.lines(LineCode::sixth_day), weeks, 10, 50)) << "6th day";
  EXPECT_TRUE(share_within(mix.lines(LineCode::seventh_day), weeks, 1, 20)) << "7th day";
  EXPECT_TRUE(share_within(mix.lines(LineCode::holiday_worked), weeks, 1, 25)) << "holiday worked";
  EXPECT_TRUE(share_within(mix.weekly_basis, weeks, 20, 55)) << "weekly engagements";
  EXPECT_TRUE(share_within(mix.at_minimum_rate, weeks, 25, 60)) << "rates at the minimum";
  EXPECT_EQ(mix.at_minimum_rate + mix.above_minimum_rate, weeks) << "every rate at or above its minimum";
  EXPECT_TRUE(share_within(mix.categories.at("member"), weeks, 65, 90)) << "members";
  EXPECT_TRUE(share_within(mix.days_over_14h, days, 5, 30)) << "days over 14 h";
  EXPECT_TRUE(share_within(mix.days_over_16h, days, 1, 10)) << "days over 16 h";
  EXPECT_TRUE(share_within(mix.wraps_past_midnight, days, 1, 20)) << "wraps past midnight";
  EXPECT_TRUE(share_within(mix.nearby_days, days, 5, 30)) << "nearby days";
  EXPECT_TRUE(share_within(mix.distant_worked_days, days, 5, 30)) << "distant days";
}

}  // namespace
}  // namespace plateau::bench
