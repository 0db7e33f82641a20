// Stage 1 of the pipeline: a Batch checked against its agreement and turned into normalized
// timecards — each person's engagement resolved (classification, department, category, rate
// checked against the minimum), each worked day as real instants in the production's time zone,
// days sorted, and each work day classified within its 7-day work week (1st–5th, 6th, 7th;
// holiday or not).
//
// Everything a user can get wrong is found here and reported with its field path; the stages
// after this one (rules.h) can assume clean timecards.
#pragma once

#include <utility>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "agreement/agreement.h"
#include "agreement/registry.h"
#include "core/clock.h"
#include "core/error.h"
#include "engine/batch.h"

namespace plateau::engine {

struct TimedMeal {
  Instant start;
  Instant end;
  ClockTime start_clock;
  ClockTime end_clock;
  bool shot_in_progress = false;
};

// One day of a person's timecard, ready for the rules.
struct Timecard {
  Timecard() {}  // NOLINT(modernize-use-equals-default): as PayLine's (engine/pay.h)
  const DayInput* input = nullptr;
  std::size_t crew_index = 0;  // in Batch::crew
  std::size_t day_index = 0;   // in CrewInput::days, as given
  Date date;
  bool worked = true;
  // Worked days only:
  Instant start;         // call, or the studio-zone crossing on a nearby day
  Instant end;           // wrap, or the crossing back
  ClockTime start_clock;
  ClockTime end_clock;
  Duration worked_time{0};  // real elapsed time, meal breaks included
  std::span<const TimedMeal> meals;  // in order; kept in NormalizedBatch::meals
  std::optional<Instant> general_crew_call;
  std::optional<Instant> snack;
  // Classification within the work week (worked days only):
  Date week_start;
  int ordinal_in_week = 0;  // 1 for the first work day of the week
  agreement::DayKind kind = agreement::DayKind::first_five;
  const agreement::Holiday* holiday = nullptr;  // the holiday this date is, if any

  std::string path() const { return day_path(crew_index, day_index); }  // "crew[0].days[2]", for messages
};

struct WorkWeek {
  Date start;
  int days_worked = 0;
  bool full_engagement = true;  // the engagement covers all 7 days of the week
};

// One person's timecards, kept in the batch's lists (NormalizedBatch: three allocations a batch,
// not three a person). Move-only, as the batch that holds its days is.
struct PersonTimecards {
  const CrewInput* input = nullptr;
  std::size_t index = 0;  // in Batch::crew
  const agreement::Classification* classification = nullptr;
  const agreement::Department* department = nullptr;
  const agreement::Category* category = nullptr;
  agreement::Basis basis = agreement::Basis::daily;
  Money rate;
  Engagement engagement;
  std::span<const Timecard> days;   // all listed days, by date; in NormalizedBatch::days
  std::span<const WorkWeek> weeks;  // the work weeks that hold a listed day, by date; in NormalizedBatch::weeks
  Date first_listed;
  Date last_listed;

  std::string path() const { return crew_path(index); }  // "crew[0]", for messages

  PersonTimecards() = default;
  PersonTimecards(PersonTimecards&&) = default;
  PersonTimecards& operator=(PersonTimecards&&) = default;
  PersonTimecards(const PersonTimecards&) = delete;
  PersonTimecards& operator=(const PersonTimecards&) = delete;
};

// A person whose timecards could not stand, left out when computing with keep_going.
struct RejectedPerson {
  std::size_t index;  // in Batch::crew
  Error error;
};

// The id of a holiday the production declared (Production::declared_holidays).
inline constexpr std::string_view kDeclaredHolidayId = "declared";

// Whether `holiday` is one the production declared, kept by the batch (NormalizedBatch::declared),
// not by the agreement: results must not point at it.
inline bool is_declared(const agreement::Holiday& holiday) { return holiday.id == kDeclaredHolidayId; }

struct NormalizedBatch {
  const agreement::Agreement* agreement = nullptr;
  const Production* production = nullptr;
  // The holidays of the batch's years and a year on each side, by date, one per date: the
  // agreement's (kept in its holiday calendar) and the declared ones (kept in `declared`) that
  // fall on no holiday of the agreement.
  std::vector<const agreement::Holiday*> holidays;
  std::vector<agreement::Holiday> declared;
  std::vector<PersonTimecards> crew;
  std::vector<RejectedPerson> rejected;  // keep_going only
  // Every person's days, meals and work weeks, person after person; the crew's spans point into
  // them. normalize reserves room for them all before the first person, so they never reallocate
  // (and a move keeps their buffers).
  std::vector<Timecard> days;
  std::vector<TimedMeal> meals;  // every day's meals, day after day (Timecard::meals)
  std::vector<WorkWeek> weeks;

  NormalizedBatch() = default;
  NormalizedBatch(NormalizedBatch&&) = default;  // `holidays` and the timecards point into `declared`,
                                                 // the crew into `days`, `meals` and `weeks`
  NormalizedBatch& operator=(NormalizedBatch&&) = default;
  NormalizedBatch(const NormalizedBatch&) = delete;
  NormalizedBatch& operator=(const NormalizedBatch&) = delete;

  // Where `holiday` comes from, in the agreement (results point at it, so never at `declared`):
  // its rule's citation, or for a declared holiday the agreement's article on unworked holidays.
  const agreement::Citation& citation_of(const agreement::Holiday& holiday) const {
    return is_declared(holiday) ? agreement->holidays.unworked_citation : holiday.citation;
  }

  // The holiday on `date`, or nullptr.
  const agreement::Holiday* holiday_on(Date date) const;
  // Whether a holiday falls from `first` to `last` inclusive.
  bool any_holiday_between(Date first, Date last) const;
  // The holidays from `first` to `last` inclusive, as [begin, end) of `holidays`.
  std::pair<std::vector<const agreement::Holiday*>::const_iterator, std::vector<const agreement::Holiday*>::const_iterator>
  holidays_between(Date first, Date last) const;
};

// REQUIRES: `batch` and `registry` outlive the result (it points into them).
// A problem with the production rejects the batch. A problem with a person's timecards rejects
// the batch too, unless `keep_going`: then that person is left out and listed in `rejected`.
Result<NormalizedBatch> normalize(const Batch& batch, const agreement::Registry& registry, bool keep_going = false);
// As normalize, into `out`, whose lists are emptied and refilled, keeping their room from the last
// batch (a stream's worker normalizes thousands of batches). On failure `out` holds no usable batch.
Result<void> normalize_into(const Batch& batch, const agreement::Registry& registry, bool keep_going,
                            NormalizedBatch& out);

// The time zone of IANA name `name`. Finding one searches the system's database (a few thousand
// instructions, as much as timing a person's week), and a production keeps its zone from batch to
// batch: the last zone found on the calling thread is kept, with the offsets it has learned, and
// given again while the name stays the same. Valid until the next call on the same thread.
Result<const TimeZone*> production_zone(std::string_view name);

// Whether `date` is one of the production's regular days off.
bool is_regular_day_off(const Production& production, Date date);

}  // namespace plateau::engine
