// The CSV timecard layout (docs/timecard-csv.md) and the batch writers: fixtures read to the same
// batch as their JSON twins, every rejection with its exact message, hostile input, and the
// round trips CSV → batch → CSV and JSON → batch → JSON on random batches (rapidcheck).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "agreement/test_support.h"
#include "engine/compute.h"
#include "io/batch_csv.h"
#include "io/batch_json.h"
#include "io/batch_json_write.h"
#include "io/pay_json.h"

namespace plateau::io {
namespace {

using engine::Batch;
using engine::CrewInput;
using engine::DayInput;

std::filesystem::path source_dir() { return PLATEAU_SOURCE_DIR; }
std::filesystem::path fixture(const std::string& name) { return source_dir() / "tests" / "csv" / name; }

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Batch json_batch(const std::string& text) {
  auto batch = read_batch_json(text);
  EXPECT_TRUE(batch.has_value()) << batch.error().message;
  return batch ? *batch : Batch{};
}

Batch csv_batch(const std::string& text, const std::string& file = "timecards.csv") {
  auto batch = read_batch_csv(text, file);
  EXPECT_TRUE(batch.has_value()) << batch.error().message;
  return batch ? *batch : Batch{};
}

// The message a rejected file gives ("" when it is read).
std::string rejection(const std::string& text) {
  auto batch = read_batch_csv(text, "timecards.csv");
  return batch ? std::string() : batch.error().message;
}

Date day(const char* text) { return parse_date(text).value(); }
ClockTime at(const char* date, const char* time) { return ClockTime::parse(time, day(date)).value(); }

// ---------------------------------------------------------------------------------------------
// Reading.

TEST(BatchCsv, EveryColumnReadsAsItsJsonTwin) {
  const Batch from_csv = csv_batch(file_text(fixture("every-column.csv")), "every-column.csv");
  const Batch from_json = json_batch(file_text(fixture("every-column.json")));
  EXPECT_EQ(from_csv, from_json);
  // A few values checked by hand, so that the two fixtures cannot be wrong together.
  ASSERT_EQ(from_csv.crew.size(), 3u);
  EXPECT_EQ(from_csv.crew[0].name, "Tremblay, Marie");
  EXPECT_EQ(from_csv.crew[0].days.size(), 2u);
  EXPECT_EQ(from_csv.crew[0].days[0].wrap, at("2009-04-07", "02:15"));
  EXPECT_EQ(from_csv.crew[0].days[0].meals.size(), 4u);
  EXPECT_TRUE(from_csv.crew[0].days[0].meals[1].shot_in_progress);
  EXPECT_FALSE(from_csv.crew[0].days[0].premium_approved);
  EXPECT_EQ(from_csv.crew[1].rate, Money::from_dollars(2350));
  EXPECT_EQ(from_csv.crew[1].days[1].worked, false);
  EXPECT_EQ(from_csv.crew[2].id, "E-002");
  EXPECT_TRUE(from_csv.crew[2].days.empty());
  EXPECT_EQ(from_csv.production.regular_days_off, (std::vector<Weekday>{std::chrono::Sunday, std::chrono::Monday}));
}

TEST(BatchCsv, EmptyCellsAndMissingColumnsTakeTheJsonDefaults) {
  const Batch from_csv = csv_batch(file_text(fixture("defaults.csv")));
  EXPECT_EQ(from_csv, json_batch(file_text(fixture("defaults.json"))));
  const auto& person = from_csv.crew.at(0);
  EXPECT_EQ(from_csv.production.production_type, "theatrical");
  EXPECT_EQ(from_csv.production.week_starts_on, std::chrono::Sunday);
  EXPECT_EQ(from_csv.production.time_zone, "America/Toronto");
  EXPECT_EQ(from_csv.production.regular_days_off, (std::vector<Weekday>{std::chrono::Saturday, std::chrono::Sunday}));
  EXPECT_EQ(person.category, "member");
  EXPECT_FALSE(person.engagement.has_value());
  EXPECT_EQ(person.permit_fee_paid_by, engine::PermitFeePayer::producer);
  const DayInput& first = person.days.at(0);
  EXPECT_TRUE(first.worked);
  EXPECT_TRUE(first.premium_approved);
  EXPECT_EQ(first.location, engine::Location::studio);
  EXPECT_FALSE(first.distant.has_value());
}

TEST(BatchCsv, ExcelExportWithBomCrlfQuotesAndTrailingBlankRows) {
  EXPECT_EQ(csv_batch(file_text(fixture("excel-export.csv"))), json_batch(file_text(fixture("excel-export.json"))));
}

TEST(BatchCsv, LineEndingsAndByteOrderMarkChangeNothing) {
  const std::string lf =
      "id,classification,basis,rate,date,call,wrap,production.agreement\n"
      "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec\n"
      "A,Art Director,daily,635,2009-04-07,07:00,19:00,dgc-quebec";  // no line break at the end
  std::string crlf;
  for (const char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const Batch expected = csv_batch(lf);
  EXPECT_EQ(expected.crew.at(0).days.size(), 2u);
  EXPECT_EQ(csv_batch(crlf), expected);
  EXPECT_EQ(csv_batch(crlf + "\r\n"), expected);
  EXPECT_EQ(csv_batch("\xEF\xBB\xBF" + crlf + "\r\n\r\n"), expected);
  EXPECT_EQ(csv_batch("\n\n" + lf + "\n\n"), expected);  // blank lines anywhere
}

TEST(BatchCsv, QuotedCellsKeepCommasQuotesAndLineBreaks) {
  const Batch batch = csv_batch(
      "id,name,classification,basis,rate,date,call,wrap,production.agreement,production.title\n"
      "\"E,1\",\"Roy, \"\"JF\"\"\nJean-François\",Production Manager,weekly,3135,2009-04-06,07:00,19:00,"
      "dgc-quebec,\"\"\n");
  ASSERT_EQ(batch.crew.size(), 1u);
  EXPECT_EQ(batch.crew[0].id, "E,1");
  EXPECT_EQ(batch.crew[0].name, "Roy, \"JF\"\nJean-François");
  EXPECT_EQ(batch.production.title, "");
}

TEST(BatchCsv, RowsOfAPersonNeedNotBeAdjacentAndMayLeavePersonCellsEmpty) {
  const Batch batch = csv_batch(
      "date,id,classification,basis,rate,call,wrap,production.agreement\n"
      "2009-04-06,B,Art Director,daily,635,07:00,19:00,dgc-quebec\n"
      "2009-04-06,A,1st Assistant Director,daily,755,07:00,19:00,\n"
      "2009-04-07,B,,,,07:00,19:00,\n"
      "2009-04-07,A,1st Assistant Director,daily,755.00,08:00,20:00,dgc-quebec\n");
  ASSERT_EQ(batch.crew.size(), 2u);
  EXPECT_EQ(batch.crew[0].id, "B");  // people in order of first appearance
  EXPECT_EQ(batch.crew[1].id, "A");
  ASSERT_EQ(batch.crew[1].days.size(), 2u);
  EXPECT_EQ(batch.crew[1].days[1].call, at("2009-04-07", "08:00"));
  EXPECT_EQ(batch.crew[0].classification, "Art Director");
}

TEST(BatchCsv, BooleansInEnglishFrenchAndDigitsAnyCase) {
  const std::string header = "id,classification,basis,rate,date,call,wrap,production.agreement,ndb\n";
  const std::string row = "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec,";
  for (const char* yes : {"true", "TRUE", "Yes", "oui", "OUI", "vrai", "VRAI", "1"}) {
    EXPECT_TRUE(csv_batch(header + row + yes + "\n").crew.at(0).days.at(0).ndb) << yes;
  }
  for (const char* no : {"false", "False", "no", "NON", "faux", "FAUX", "0"}) {
    EXPECT_FALSE(csv_batch(header + row + no + "\n").crew.at(0).days.at(0).ndb) << no;
  }
}

TEST(BatchCsv, ListsSeparatedBySemicolonsOrNone) {
  const std::string header =
      "id,classification,basis,rate,date,call,wrap,production.agreement,production.regular_days_off,"
      "days_off_in_lieu\n";
  const std::string row = "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec,";
  EXPECT_TRUE(csv_batch(header + row + "none,\n").production.regular_days_off.empty());
  EXPECT_TRUE(csv_batch(header + row + "None,\n").production.regular_days_off.empty());
  const Batch spaced = csv_batch(header + row + "friday ; saturday;,2009-06-23; 2009-06-24\n");
  EXPECT_EQ(spaced.production.regular_days_off, (std::vector<Weekday>{std::chrono::Friday, std::chrono::Saturday}));
  EXPECT_EQ(spaced.crew.at(0).days_off_in_lieu, (std::vector<Date>{day("2009-06-23"), day("2009-06-24")}));
}

TEST(BatchCsv, MealSlotsBeyondThreeAndGapsBetweenSlots) {
  const Batch batch = csv_batch(
      "id,classification,basis,rate,date,call,wrap,production.agreement,meal1_start,meal1_end,meal2_start,meal2_end,"
      "meal2_shot_in_progress,meal12_start,meal12_end,meal3_shot_in_progress\n"
      "A,Art Director,daily,635,2009-04-06,07:00,26:00,dgc-quebec,12:00,12:30,,,no,25:00,25:30,false\n");
  const auto& meals = batch.crew.at(0).days.at(0).meals;
  ASSERT_EQ(meals.size(), 2u);
  EXPECT_EQ(meals[0].start, at("2009-04-06", "12:00"));
  EXPECT_EQ(meals[1].start, at("2009-04-07", "01:00"));
}

TEST(BatchCsv, UnnamedEmptyColumnsAndShortRowsAreAccepted) {
  const Batch batch = csv_batch(
      "id,classification,basis,rate,date,call,wrap,production.agreement,,ndb\n"
      "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec\n"
      "A,Art Director,daily,635,2009-04-07,07:00,19:00,dgc-quebec,,yes,,\n");
  ASSERT_EQ(batch.crew.at(0).days.size(), 2u);
  EXPECT_FALSE(batch.crew[0].days[0].ndb);
  EXPECT_TRUE(batch.crew[0].days[1].ndb);
}

// ---------------------------------------------------------------------------------------------
// Rejections: each with its exact message. Columns of the base file:
//   1 id, 2 name, 3 classification, 4 basis, 5 rate, 6 date, 7 call, 8 wrap, 9 meal1_start,
//   10 meal1_end, 11 production.agreement.

const std::string kHeader = "id,name,classification,basis,rate,date,call,wrap,meal1_start,meal1_end,production.agreement\n";
std::string row(const std::string& date = "2009-04-06", const std::string& rate = "755.00") {
  return "E-001,Marie Tremblay,1st Assistant Director,daily," + rate + "," + date + ",07:00,19:00,12:00,13:00,dgc-quebec\n";
}

struct Rejected {
  const char* what;
  std::string text;
  std::string message;
};

void PrintTo(const Rejected& rejected, std::ostream* out) { *out << rejected.what; }

std::string rejected_case_name(const ::testing::TestParamInfo<Rejected>& param_info) { return param_info.param.what; }

class BatchCsvRejects : public ::testing::TestWithParam<Rejected> {};

TEST_P(BatchCsvRejects, WithItsMessage) { EXPECT_EQ(rejection(GetParam().text), GetParam().message); }

INSTANTIATE_TEST_SUITE_P(
    Messages, BatchCsvRejects,
    ::testing::Values(
        Rejected{"empty_file", "", "timecards.csv: found an empty file; expected a header row naming the columns, then one row per person-day"},
        Rejected{"only_blank_lines", "\xEF\xBB\xBF\r\n,,,\r\n", "timecards.csv: found an empty file; expected a header row naming the columns, then one row per person-day"},
        Rejected{"header_only", kHeader, "timecards.csv: found a header but no timecard rows; expected one row per person-day after the header"},
        Rejected{"unknown_column_close_to_one", "id,name,clasification\n",
                 "timecards.csv:1:3: found an unknown column \"clasification\"; did you mean \"classification\"?"},
        Rejected{"unknown_production_column_without_prefix", "id,agreement\n",
                 "timecards.csv:1:2: found an unknown column \"agreement\"; did you mean \"production.agreement\"?"},
        Rejected{"unknown_column_far_from_all", "id,Hours Worked\n",
                 "timecards.csv:1:2: found an unknown column \"Hours Worked\"; expected one of id, name, classification, "
                 "category, basis, rate, engagement_start, engagement_end, production_gross_to_date, permit_fee_paid_by, "
                 "days_off_in_lieu, date, worked, call, wrap, meal1_start, meal1_end, meal1_shot_in_progress, "
                 "general_crew_call, ndb, snack, location, zone_departure, zone_return, distant_currency, "
                 "distant_meals_provided, distant_beyond_one_hour_drive, premium_approved, reduced_weekend_rest, "
                 "production.title, production.agreement, production.production_type, production.week_starts_on, "
                 "production.time_zone, production.regular_days_off, production.declared_holidays (more meals: "
                 "meal2_start, meal2_end, … up to meal99)"},
        Rejected{"duplicate_column", "id,date,call,Date\n",
                 "timecards.csv:1:4: found the column \"date\" a second time (first in column 2); expected each column once"},
        Rejected{"missing_required_columns", "id,name,date,call,wrap,production.agreement\n" + std::string("E-001,,2009-04-06,07:00,19:00,dgc-quebec\n"),
                 "timecards.csv:1: found no column \"classification\", \"basis\", \"rate\" in the header; expected the "
                 "columns id, classification, basis, rate, date, call, wrap, production.agreement (in any order), "
                 "besides any others of the layout"},
        Rejected{"semicolon_separated", "id;name;classification\nE-001;Marie;Art Director\n",
                 "timecards.csv:1: found a header with semicolons between the names and no commas; expected cells "
                 "separated by commas: save as \"CSV UTF-8 (comma delimited)\" (Excel in French separates with "
                 "semicolons unless told otherwise)"},
        Rejected{"bad_money", kHeader + row() + row("2009-04-07", "\"755,00\""),
                 "timecards.csv:3:5: rate: found \"755,00\" (no thousands separators or decimal commas); expected a "
                 "decimal amount with at most 2 decimals, like \"755\" or \"755.00\""},
        Rejected{"money_with_three_decimals", kHeader + row("2009-04-06", "755.001"),
                 "timecards.csv:2:5: rate: found \"755.001\" (3 decimals or more); expected a decimal amount with at "
                 "most 2 decimals, like \"755\" or \"755.00\""},
        Rejected{"negative_gross_to_date",
                 "id,classification,basis,rate,date,call,wrap,production.agreement,production_gross_to_date\n"
                 "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec,-10.00\n",
                 "timecards.csv:2:9: production_gross_to_date: found \"-10.00\"; expected an amount of zero or more"},
        Rejected{"bad_time", kHeader + "E-001,Marie,1st Assistant Director,daily,755,2009-04-06,7h00,19:00,,,dgc-quebec\n",
                 "timecards.csv:2:7: call: found \"7h00\"; expected a time HH:MM (24:00 and beyond for the next day, "
                 "like \"26:15\") or YYYY-MM-DDTHH:MM"},
        Rejected{"time_with_seconds", kHeader + "E-001,Marie,1st Assistant Director,daily,755,2009-04-06,07:00,19:00:00,,,dgc-quebec\n",
                 "timecards.csv:2:8: wrap: found \"19:00:00\"; expected a time HH:MM (24:00 and beyond for the next "
                 "day, like \"26:15\") or YYYY-MM-DDTHH:MM (a spreadsheet may have added seconds: format the column "
                 "as text and type HH:MM)"},
        Rejected{"time_minutes_out_of_range", kHeader + "E-001,Marie,1st Assistant Director,daily,755,2009-04-06,07:00,19:00,12:75,13:00,dgc-quebec\n",
                 "timecards.csv:2:9: meal1_start: found \"12:75\"; expected minutes 00–59"},
        Rejected{"bad_date", kHeader + row("06/04/2009"),
                 "timecards.csv:2:6: date: found \"06/04/2009\"; expected a date YYYY-MM-DD, like \"2009-03-02\" (a "
                 "spreadsheet may have changed the date's format: format the column as text and type YYYY-MM-DD)"},
        Rejected{"date_that_does_not_exist", kHeader + row("2009-02-30"),
                 "timecards.csv:2:6: date: found \"2009-02-30\", which does not exist; expected a real calendar date "
                 "YYYY-MM-DD"},
        Rejected{"bad_enum", kHeader + "E-001,Marie,1st Assistant Director,hourly,755,2009-04-06,07:00,19:00,,,dgc-quebec\n",
                 "timecards.csv:2:4: basis: found \"hourly\"; expected one of daily, weekly"},
        Rejected{"enum_in_the_wrong_case", kHeader + "E-001,Marie,1st Assistant Director,Daily,755,2009-04-06,07:00,19:00,,,dgc-quebec\n",
                 "timecards.csv:2:4: basis: found \"Daily\"; expected one of daily, weekly, in lower case"},
        Rejected{"bad_weekday_in_a_list",
                 "id,classification,basis,rate,date,call,wrap,production.agreement,production.regular_days_off\n"
                 "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec,\"saturday,sunday\"\n",
                 "timecards.csv:2:9: production.regular_days_off: found \"saturday,sunday\"; expected a weekday in lower "
                 "case (sunday, monday, …, saturday) (item 1 of the list; separate items with \";\")"},
        Rejected{"meal_provided_twice",
                 "id,classification,basis,rate,date,call,wrap,production.agreement,distant_meals_provided\n"
                 "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec,lunch;supper;lunch\n",
                 "timecards.csv:2:9: distant_meals_provided: found \"lunch\" twice in \"lunch;supper;lunch\"; expected "
                 "each meal once"},
        Rejected{"bad_boolean",
                 "id,classification,basis,rate,date,call,wrap,production.agreement,ndb\n"
                 "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec,maybe\n",
                 "timecards.csv:2:9: ndb: found \"maybe\"; expected true or false (or yes/no, oui/non, vrai/faux, 1/0)"},
        Rejected{"person_columns_disagree", kHeader + row() + row("2009-04-07", "750.00"),
                 "timecards.csv:3:5: rate: found \"750.00\" for \"E-001\"; expected \"755.00\" as on row 2 (a person's "
                 "columns must agree on all their rows; leave the cell empty to repeat it)"},
        Rejected{"production_columns_disagree",
                 kHeader + row() + "E-002,Sophie,2nd Assistant Director,daily,585,2009-04-06,07:00,19:00,,,dgc-qc\n",
                 "timecards.csv:3:11: production.agreement: found \"dgc-qc\"; expected \"dgc-quebec\" as on row 2 "
                 "(production columns must agree on every row; leave the cell empty to repeat it)"},
        Rejected{"too_many_cells", kHeader + "E-001,Tremblay, Marie,1st Assistant Director,daily,755,2009-04-06,07:00,19:00,,,dgc-quebec\n",
                 "timecards.csv:2:12: found \"dgc-quebec\" beyond the last column of the header, which has 11 "
                 "columns; expected at most 11 cells on a row (is a cell with a comma missing its quotes, like "
                 "\"Tremblay, Marie\"?)"},
        Rejected{"too_many_cells_past_the_header", kHeader + "E-001,Marie,1st Assistant Director,daily,755,2009-04-06,07:00,19:00,,,dgc-quebec,extra\n",
                 "timecards.csv:2:12: found \"extra\" beyond the last column of the header, which has 11 columns; "
                 "expected at most 11 cells on a row (is a cell with a comma missing its quotes, like \"Tremblay, "
                 "Marie\"?)"},
        Rejected{"cell_under_a_column_with_no_name",
                 "id,classification,basis,rate,date,call,wrap,production.agreement,\n"
                 "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec,note\n",
                 "timecards.csv:2:9: found \"note\" in a column with no name in the header; expected a name for the "
                 "column in the header, or an empty cell"},
        Rejected{"unterminated_quote", kHeader + row() + "E-002,\"Sophie,2nd Assistant Director,daily,585,2009-04-06,07:00,19:00,,,dgc-quebec\n" + row("2009-04-08"),
                 "timecards.csv:3:2: name: found an opening quote (\") that is never closed; expected a closing quote "
                 "before the end of the file (look for a stray quote in this cell)"},
        Rejected{"text_after_a_closing_quote", kHeader + "E-001,\"Marie\" T.,1st Assistant Director,daily,755,2009-04-06,07:00,19:00,,,dgc-quebec\n",
                 "timecards.csv:2:2: name: found \" T.\" after the closing quote of the cell; expected a comma or the "
                 "end of the row right after a closing quote (inside a quoted cell, write a quote as \"\")"},
        Rejected{"row_counted_in_lines_after_a_line_break_in_a_cell",
                 kHeader + "E-001,\"Marie\nTremblay\",1st Assistant Director,daily,755,2009-04-06,07:00,19:00,,,dgc-quebec\n" +
                     row("2009-04-31"),
                 "timecards.csv:4:6: date: found \"2009-04-31\", which does not exist; expected a real calendar date "
                 "YYYY-MM-DD"},
        Rejected{"empty_id", kHeader + ",Marie,1st Assistant Director,daily,755,2009-04-06,07:00,19:00,,,dgc-quebec\n",
                 "timecards.csv:2:1: id: found an empty cell; expected the person's id, like \"E-001\", on each of their rows"},
        Rejected{"missing_call_on_a_worked_day", kHeader + "E-001,Marie,1st Assistant Director,daily,755,2009-04-06,,19:00,,,dgc-quebec\n",
                 "timecards.csv:2:7: call: found an empty cell; expected the call time of a worked day, like \"07:00\" "
                 "(or worked = false)"},
        Rejected{"meal_without_an_end", kHeader + "E-001,Marie,1st Assistant Director,daily,755,2009-04-06,07:00,19:00,12:00,,dgc-quebec\n",
                 "timecards.csv:2:10: meal1_end: found an empty cell; expected the time meal 1 ended (meal1_start is "
                 "\"12:00\")"},
        Rejected{"shot_in_progress_without_a_meal",
                 "id,classification,basis,rate,date,call,wrap,production.agreement,meal2_shot_in_progress\n"
                 "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec,yes\n",
                 "timecards.csv:2:9: meal2_shot_in_progress: found \"yes\", but meal 2 has no start or end; expected "
                 "meal2_start and meal2_end for the break, or an empty cell"},
        Rejected{"day_columns_without_a_date", kHeader + "E-001,Marie,1st Assistant Director,daily,755,,07:00,19:00,,,dgc-quebec\n",
                 "timecards.csv:2:6: date: found an empty cell, but the row has day columns filled (call in column 7); "
                 "expected the day's date YYYY-MM-DD, or no day columns on a row that only lists the person"},
        Rejected{"classification_never_given", kHeader + "E-001,Marie,,daily,755,2009-04-06,07:00,19:00,,,dgc-quebec\n",
                 "timecards.csv:2:3: classification: found an empty cell on every row of \"E-001\"; expected a "
                 "classification of the agreement, like \"1st Assistant Director\""},
        Rejected{"agreement_never_given", kHeader + "E-001,Marie,1st Assistant Director,daily,755,2009-04-06,07:00,19:00,,,\n",
                 "timecards.csv:2:11: production.agreement: found an empty cell on every row; expected the agreement "
                 "id, like \"dgc-quebec\""},
        Rejected{"engagement_with_one_end",
                 "id,classification,basis,rate,date,call,wrap,production.agreement,engagement_start,engagement_end\n"
                 "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec,2009-03-30,\n",
                 "timecards.csv:2:10: engagement_end: found an empty cell on every row of \"A\"; expected the last day "
                 "of the engagement, since engagement_start is given (or leave both empty)"},
        Rejected{"engagement_ending_before_it_starts",
                 "id,classification,basis,rate,date,call,wrap,production.agreement,engagement_start,engagement_end\n"
                 "A,Art Director,daily,635,2009-04-06,07:00,19:00,dgc-quebec,2009-03-30,2009-03-01\n",
                 "timecards.csv:2:10: engagement_end: found \"2009-03-01\", before engagement_start \"2009-03-30\" (row "
                 "2); expected an end on or after the start"},
        Rejected{"not_utf8", kHeader + "E-001,Jean-Fran\xE7ois,1st Assistant Director,daily,755,2009-04-06,07:00,19:00,,,dgc-quebec\n",
                 "timecards.csv:2:2: name: found text that is not UTF-8 (byte 0xE7 at character 10); expected UTF-8 "
                 "text: save the file as \"CSV UTF-8\" (Excel's plain \"CSV\" uses the Windows code page)"},
        Rejected{"utf16", "\xFF\xFEi\0d\0", "timecards.csv: found a UTF-16 file; expected UTF-8 text: save the file as \"CSV UTF-8 (comma delimited)\""},
        Rejected{"workbook", std::string("PK\x03\x04\x14\0\x06\0", 8),
                 "timecards.csv: found a spreadsheet workbook (.xlsx, .xls or .ods), not CSV text; expected a CSV "
                 "file: save or export the sheet as \"CSV UTF-8 (comma delimited)\""}),
    rejected_case_name);

// ---------------------------------------------------------------------------------------------
// Hostile input: refused with a message, never a crash.

TEST(BatchCsvHostile, AnEnormousCellIsRefused) {
  const std::string huge(1'000'000, 'x');
  EXPECT_EQ(rejection(kHeader + "E-001," + huge + ",1st Assistant Director\n"),
            "timecards.csv:2:2: name: found a cell of more than 10000 characters; expected at most 10000");
  EXPECT_EQ(rejection(kHeader + "E-001,\"" + huge),
            "timecards.csv:2:2: name: found a cell of more than 10000 characters; expected at most 10000 (is the "
            "closing quote of this cell missing?)");
}

TEST(BatchCsvHostile, AnEnormousRowIsRefused) {
  EXPECT_EQ(rejection(kHeader + std::string(1'000'000, ',')),
            "timecards.csv:2:1001: found more than 1000 cells on one row; expected at most 1000");
}

TEST(BatchCsvHostile, ExtremeValuesAreRefusedOrKept) {
  EXPECT_EQ(rejection(kHeader + row("2009-04-06", "99999999999999999999")),
            "timecards.csv:2:5: rate: found \"99999999999999999999\" (too large); expected a decimal amount with at "
            "most 2 decimals, like \"755\" or \"755.00\"");
  EXPECT_EQ(rejection(kHeader + "E-001,Marie,1st Assistant Director,daily,755,2009-04-06,07:00,72:00,,,dgc-quebec\n"),
            "timecards.csv:2:8: wrap: found \"72:00\"; expected hours 00–71");
  EXPECT_EQ(csv_batch(kHeader + row("2009-04-06", "92233720368547758.07")).crew.at(0).rate,
            Money::from_cents(std::numeric_limits<std::int64_t>::max()));
}

RC_GTEST_PROP(BatchCsvHostile, AnyTextIsReadOrRefusedWithThePlace, (const std::string& text)) {
  auto batch = read_batch_csv(text, "t.csv");
  if (!batch) RC_ASSERT(batch.error().message.rfind("t.csv:", 0) == 0);
}

// ---------------------------------------------------------------------------------------------
// Random batches, for the round trips.

rc::Gen<std::string> gen_text(bool allow_empty) {
  // Pieces that a CSV writer must quote or keep as they are.
  static const std::vector<std::string> kPieces = {
      "E",  "7",    "é",   "Jean-François", " ",   ",",    "\"",   "\n", "\r\n", "\r",     ";",
      "none", "true", "07:00", "\t", "=1+1", "'", "#",  std::string(1, '\0'), "\xE2\x80\xA6"};
  return rc::gen::map(rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(kPieces)),
                      [allow_empty](const std::vector<std::string>& pieces) {
                        std::string text;
                        for (const auto& piece : pieces) text += piece;
                        if (text.empty() && !allow_empty) text = "x";
                        return text;
                      });
}

Date gen_date() {
  constexpr int kDaysInRange = 40 * 366;
  return add_days(day("1990-01-01"), *rc::gen::inRange(0, kDaysInRange));
}

// A time on the day itself, the days before or after: HH:MM up to 71:59, and the ISO form beyond.
ClockTime gen_time(Date date) {
  constexpr int kMinutesPerDay = 24 * 60;
  return ClockTime::at(add_days(date, *rc::gen::inRange(-2, 4)), Duration{*rc::gen::inRange(0, kMinutesPerDay)});
}

std::optional<ClockTime> gen_optional_time(Date date) {
  if (*rc::gen::arbitrary<bool>()) return std::nullopt;
  return gen_time(date);
}

Money gen_money(bool non_negative) {
  constexpr std::int64_t kLargestCents = 1'000'000'000'000;
  return Money::from_cents(*rc::gen::inRange<std::int64_t>(non_negative ? 0 : -kLargestCents, kLargestCents));
}

Weekday gen_weekday() { return Weekday{static_cast<unsigned>(*rc::gen::inRange(0, 7))}; }

template <class T, class Make>
std::vector<T> gen_list(int most, Make make) {
  std::vector<T> out(static_cast<std::size_t>(*rc::gen::inRange(0, most + 1)));
  for (auto& item : out) item = make();
  return out;
}

// Which batches to draw: every batch the JSON reader gives, or those the CSV layout can carry
// (a person at least; no empty text where an empty cell means a default; see "Round trip" in
// docs/timecard-csv.md).
enum class Representable { in_json, in_csv };

DayInput gen_day(Representable as) {
  const bool csv = as == Representable::in_csv;
  DayInput day;
  day.date = gen_date();
  day.worked = *rc::gen::arbitrary<bool>();
  day.call = day.worked ? gen_time(day.date) : gen_optional_time(day.date);
  day.wrap = day.worked ? gen_time(day.date) : gen_optional_time(day.date);
  day.meals = gen_list<engine::MealBreak>(5, [&] {
    return engine::MealBreak{gen_time(day.date), gen_time(day.date), *rc::gen::arbitrary<bool>()};
  });
  day.general_crew_call = gen_optional_time(day.date);
  day.ndb = *rc::gen::arbitrary<bool>();
  day.snack = gen_optional_time(day.date);
  day.location = *rc::gen::element(engine::Location::studio, engine::Location::nearby, engine::Location::distant);
  day.zone_departure = gen_optional_time(day.date);
  day.zone_return = gen_optional_time(day.date);
  if (*rc::gen::arbitrary<bool>()) {
    engine::DistantFacts distant;
    distant.currency = *gen_text(!csv);
    std::vector<std::string> meals = {"breakfast", "lunch", "supper"};
    std::vector<std::string> provided;
    for (const auto& meal : meals) {
      if (*rc::gen::arbitrary<bool>()) provided.insert(provided.begin() + *rc::gen::inRange<long>(0, static_cast<long>(provided.size()) + 1), meal);
    }
    distant.meals_provided = provided;
    distant.beyond_one_hour_drive = *rc::gen::arbitrary<bool>();
    day.distant = distant;
  }
  day.premium_approved = *rc::gen::arbitrary<bool>();
  day.reduced_weekend_rest = *rc::gen::arbitrary<bool>();
  return day;
}

Batch gen_batch(Representable as) {
  const bool csv = as == Representable::in_csv;
  Batch batch;
  batch.production.title = *gen_text(true);
  batch.production.agreement = *gen_text(!csv);
  batch.production.production_type = *gen_text(!csv);
  batch.production.week_starts_on = gen_weekday();
  batch.production.time_zone = *gen_text(!csv);
  batch.production.regular_days_off = gen_list<Weekday>(3, gen_weekday);
  batch.production.declared_holidays = gen_list<Date>(2, gen_date);
  const int people = *rc::gen::inRange(csv ? 1 : 0, 4);
  for (int i = 0; i < people; ++i) {
    CrewInput person;
    person.id = *gen_text(false) + "-" + std::to_string(i);  // unique
    person.name = *gen_text(true);
    person.classification = *gen_text(!csv);
    person.category = *gen_text(!csv);
    person.basis = *rc::gen::element(engine::RateBasis::daily, engine::RateBasis::weekly);
    person.rate = gen_money(false);
    if (*rc::gen::arbitrary<bool>()) {
      const Date start = gen_date();
      person.engagement = engine::Engagement{start, add_days(start, *rc::gen::inRange(0, 400))};
    }
    person.production_gross_to_date = gen_money(true);
    person.permit_fee_paid_by = *rc::gen::element(engine::PermitFeePayer::producer, engine::PermitFeePayer::permittee);
    person.days_off_in_lieu = gen_list<Date>(2, gen_date);
    person.days = gen_list<DayInput>(4, [&] { return gen_day(as); });
    batch.crew.push_back(std::move(person));
  }
  return batch;
}

RC_GTEST_PROP(BatchRoundTrip, CsvToBatchToCsvLosesNothing, ()) {
  const Batch batch = gen_batch(Representable::in_csv);
  const std::string csv = write_batch_csv(batch);
  RC_LOG() << csv;
  auto read = read_batch_csv(csv, "written.csv");
  RC_ASSERT(read.has_value());
  RC_ASSERT(*read == batch);
  RC_ASSERT(write_batch_csv(*read) == csv);
}

RC_GTEST_PROP(BatchRoundTrip, JsonToBatchToJsonLosesNothing, ()) {
  const Batch batch = gen_batch(Representable::in_json);
  const std::string json = write_batch_json(batch);
  RC_LOG() << json;
  auto read = read_batch_json(json);
  RC_ASSERT(read.has_value());
  RC_ASSERT(*read == batch);
}

// Random batches read one after another into one batch, as compute --ndjson reads its lines, some
// cut short so that the read stops midway: each as read alone (batch_json_reuse_test.cc has
// the chosen cases).
RC_GTEST_PROP(BatchRoundTrip, JsonReadIntoAReusedBatchAsIntoANewOne, ()) {
  BatchJsonReader reader;
  Batch reused;
  const int documents = *rc::gen::inRange(2, 6);
  for (int i = 0; i < documents; ++i) {
    std::string json = write_batch_json(gen_batch(Representable::in_json));
    if (*rc::gen::inRange(0, 4) == 0) json.resize(*rc::gen::inRange<std::size_t>(0, json.size()));
    RC_LOG() << json;
    const auto fresh = read_batch_json(json);
    const auto read = reader.read(json, reused);
    RC_ASSERT(read.has_value() == fresh.has_value());
    if (fresh) {
      RC_ASSERT(reused == *fresh);
    } else {
      RC_ASSERT(read.error().message == fresh.error().message);
    }
  }
}

// A written file, damaged at random: still read or refused, and what is read writes back to itself.
RC_GTEST_PROP(BatchCsvHostile, DamagedFilesAreReadOrRefused, ()) {
  std::string csv = write_batch_csv(gen_batch(Representable::in_csv));
  const int damages = *rc::gen::inRange(1, 4);
  for (int i = 0; i < damages; ++i) {
    const auto where = *rc::gen::inRange<std::size_t>(0, csv.size());
    const char what = *rc::gen::element(',', '"', '\n', '\r', ';', 'x', '\0');
    if (*rc::gen::arbitrary<bool>()) csv.insert(where, 1, what);
    else csv.erase(where, 1);
  }
  auto read = read_batch_csv(csv, "damaged.csv");
  RC_CLASSIFY(read.has_value(), "still read");
  if (!read) {
    RC_ASSERT(read.error().message.rfind("damaged.csv:", 0) == 0);
    return;
  }
  auto again = read_batch_csv(write_batch_csv(*read), "again.csv");
  RC_ASSERT(again.has_value());
  RC_ASSERT(*again == *read);
}

// ---------------------------------------------------------------------------------------------
// Writing.

TEST(BatchCsvWrite, FullHeaderInTheDocumentedOrder) {
  const std::string csv = write_batch_csv(json_batch(file_text(fixture("defaults.json"))));
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "id,name,classification,category,basis,rate,engagement_start,engagement_end,production_gross_to_date,"
            "permit_fee_paid_by,days_off_in_lieu,date,worked,call,wrap,meal1_start,meal1_end,meal1_shot_in_progress,"
            "meal2_start,meal2_end,meal2_shot_in_progress,meal3_start,meal3_end,meal3_shot_in_progress,"
            "general_crew_call,ndb,snack,location,zone_departure,zone_return,distant_currency,distant_meals_provided,"
            "distant_beyond_one_hour_drive,premium_approved,reduced_weekend_rest,production.title,"
            "production.agreement,production.production_type,production.week_starts_on,production.time_zone,"
            "production.regular_days_off,production.declared_holidays");
  EXPECT_EQ(csv.substr(csv.find("\r\n") + 2),
            "E-001,,1st Assistant Director,member,daily,755.00,,,0.00,producer,,2009-04-06,true,07:00,19:00,,,,,,,,,,"
            ",false,,studio,,,,,,true,false,,dgc-quebec,theatrical,sunday,America/Toronto,saturday;sunday,\r\n");
}

TEST(BatchCsvWrite, TimesRelativeToTheDayAndMoreMealSlotsWhenNeeded) {
  Batch batch = json_batch(file_text(fixture("every-column.json")));
  auto& first = batch.crew.at(0).days.at(0);
  first.snack = at("2009-04-05", "23:00");  // the evening before: not expressible as HH:MM on the day
  const std::string csv = write_batch_csv(batch);
  EXPECT_NE(csv.find(",meal4_start,meal4_end,meal4_shot_in_progress,general_crew_call,"), std::string::npos);
  EXPECT_NE(csv.find(",26:15,"), std::string::npos);
  EXPECT_NE(csv.find(",2009-04-05T23:00,"), std::string::npos);
  EXPECT_NE(csv.find(",\"Tremblay, Marie\","), std::string::npos);
  EXPECT_EQ(csv_batch(csv), batch);
}

TEST(BatchJsonWrite, PrettyPrintedAndReadBackEqual) {
  const Batch batch = json_batch(file_text(fixture("every-column.json")));
  const std::string json = write_batch_json(batch);
  EXPECT_EQ(json_batch(json), batch);
  EXPECT_EQ(json.substr(0, json.find("\"crew\"")),
            "{\n"
            "  \"format\": \"plateau-payroll/1\",\n"
            "  \"production\": {\n"
            "    \"title\": \"Le Grand Nord\",\n"
            "    \"agreement\": \"dgc-quebec\",\n"
            "    \"production_type\": \"theatrical\",\n"
            "    \"week_starts_on\": \"monday\",\n"
            "    \"time_zone\": \"America/Montreal\",\n"
            "    \"regular_days_off\": [\"sunday\", \"monday\"],\n"
            "    \"declared_holidays\": [\"2009-06-24\", \"2009-07-01\"]\n"
            "  },\n"
            "  ");
  EXPECT_NE(json.find("\"days\": []"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// The bundled example, both ways.

TEST(BatchCsvExample, ExampleCsvIsTheWriterOutputOfTheJsonExample) {
  const Batch from_json = json_batch(file_text(source_dir() / "examples" / "le-grand-nord.json"));
  const std::string csv = file_text(source_dir() / "examples" / "le-grand-nord.csv");
  EXPECT_EQ(write_batch_csv(from_json), csv);
  EXPECT_EQ(csv_batch(csv, "le-grand-nord.csv"), from_json);
  EXPECT_EQ(json_batch(write_batch_json(from_json)), from_json);
}

// The complete small example of docs/timecard-csv.md is the fixture, and it computes.
TEST(BatchCsvExample, DocumentedExampleIsTheFixtureAndComputes) {
  const std::string doc = file_text(source_dir() / "docs" / "timecard-csv.md");
  const std::string opening = "```csv\n";
  const auto start = doc.find(opening);
  ASSERT_NE(start, std::string::npos);
  const auto end = doc.find("```", start + opening.size());
  const std::string example = doc.substr(start + opening.size(), end - start - opening.size());
  EXPECT_EQ(example, file_text(fixture("timecards-example.csv")));
  const Batch batch = csv_batch(example);
  ASSERT_EQ(batch.crew.size(), 2u);
  EXPECT_EQ(batch.crew[0].days.at(1).wrap, at("2009-04-08", "02:15"));
  auto pay = engine::compute(batch, agreement::testing::bundled_registry());
  ASSERT_TRUE(pay.has_value()) << pay.error().message;
  EXPECT_EQ(pay->crew.size(), 2u);
}

TEST(BatchCsvExample, CsvComputesTheSamePayAsJson) {
  const auto& registry = agreement::testing::bundled_registry();
  const Batch from_json = json_batch(file_text(source_dir() / "examples" / "le-grand-nord.json"));
  const Batch from_csv = csv_batch(write_batch_csv(from_json));
  auto pay_json = engine::compute(from_json, registry);
  auto pay_csv = engine::compute(from_csv, registry);
  ASSERT_TRUE(pay_json.has_value()) << pay_json.error().message;
  ASSERT_TRUE(pay_csv.has_value()) << pay_csv.error().message;
  EXPECT_FALSE(pay_json->crew.empty());
  EXPECT_EQ(write_pay_json(*pay_csv, "en"), write_pay_json(*pay_json, "en"));
}

}  // namespace
}  // namespace plateau::io
