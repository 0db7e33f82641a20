// Limits on what plateau reads: every input, in one place.
//
// plateau reads files typed by hand, exported by spreadsheets and written by other programs. Each
// limit below keeps such a file, broken or hostile, from costing more than a clear message: an
// input beyond a limit is refused where the limit is crossed, naming the place (a field path, or
// FILE:ROW:COLUMN), what was found and the limit; it never runs plateau out of memory or time.
// Every value is far beyond what a real payroll needs, so that no honest input meets one
// (docs/robustness.md, "Limits", says why each value; users read them in README.md and
// docs/timecard-csv.md).
#pragma once

#include <cstddef>
#include <cstdint>

namespace plateau::limits {

// One batch, JSON or CSV, read whole (and one line of an NDJSON stream, which is one batch). A
// whole season in one file is tens of MB (make bench's 115,376 person-weeks are 105 MB over 9,397
// batches); the batch, read, takes a few times its text in memory and its pay JSON about five
// times its text.
inline constexpr std::size_t kMaxBatchBytes = std::size_t{256} * 1024 * 1024;

// One text value: a JSON string, a CSV cell. Names, ids, classifications and titles are tens of
// characters; a longer value is a cell that ran on (a missing closing quote) or not payroll at all.
inline constexpr std::size_t kMaxTextBytes = 10'000;

// People in one batch. A production's crew is tens to hundreds; a payroll service's week across
// many productions is thousands. More than this is a stream of batches (compute --ndjson).
inline constexpr std::size_t kMaxPeoplePerBatch = 100'000;

// Timecard days of one person in one batch: nearly three years of days, longer than any
// engagement on one production (a batch is usually a week's pay period).
inline constexpr std::size_t kMaxDaysPerPerson = 1'000;

// Meal breaks on one day: a day has at most 72 hours of clock (ClockTime::kMaxHours), and the CSV
// layout numbers its meal columns up to meal99, so JSON and CSV agree.
inline constexpr std::size_t kMaxMealsPerDay = 99;

// Entries of any other list (declared holidays, days off in lieu, regular days off, meals
// provided): a list of dates as long as the days a person may have.
inline constexpr std::size_t kMaxListItems = kMaxDaysPerPerson;

// Nesting of a JSON document. The batch format is 5 levels deep (crew, person, days, day, meals);
// the reader never descends further, and a document with a syntax error is located (line and
// column) by a scan that refuses to go deeper than this.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Cells on one CSV row: the layout has under 50 columns with three meal slots, 340 with all 99.
inline constexpr std::size_t kMaxCellsPerRow = 1'000;

// An agreement file: the bundled DGC sheet is under 50 KB; toml++ keeps the whole parsed tree in
// memory, and a file hundreds of times larger is not an agreement.
inline constexpr std::size_t kMaxAgreementBytes = std::size_t{16} * 1024 * 1024;

}  // namespace plateau::limits
