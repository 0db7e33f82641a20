// Hostile input and large amounts (issue 8, docs/robustness.md): inputs generated here, on the
// fly, at the size of the limits of core/limits.h and beyond — a 10 MB single line, a batch of a
// million people, nesting 100,000 deep — are refused with a message naming the place and the
// limit, having read no further than the limit (no timing is asserted: a hang would time the
// test out). Amounts of $10,000,000 on one pay line and $1,000,000,000 in one batch compute to
// the cent; amounts beyond 64-bit cents are refused or reported, never wrapped.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "agreement/test_support.h"
#include "core/limits.h"
#include "core/money.h"
#include "engine/compute.h"
#include "io/batch_csv.h"
#include "io/batch_json.h"
#include "io/pay_json.h"

namespace plateau {
namespace {

using nlohmann::json;

constexpr std::size_t kTenMegabytes = 10'000'000;
constexpr std::size_t kMillion = 1'000'000;
constexpr std::size_t kDeep = 100'000;

const std::string kBatchStart = R"({"format":"plateau-payroll/1","production":{"agreement":"dgc-quebec"},"crew":[)";
const std::string kBatchEnd = "]}";
constexpr std::string_view kCsvHeader = "id,classification,basis,rate,date,call,wrap,production.agreement\n";

// A person of the bundled agreement, with `days` (JSON array text) and a daily `rate`.
std::string person(const std::string& id, const std::string& rate, const std::string& days) {
  return R"({"id":")" + id + R"(","classification":"1st Assistant Director","rate":{"basis":"daily","amount":")" +
         rate + R"("},"days":[)" + days + "]}";
}

std::string day(const std::string& date, const std::string& call = "07:00", const std::string& wrap = "19:00") {
  return R"({"date":")" + date + R"(","call":")" + call + R"(","wrap":")" + wrap + R"("})";
}

std::string json_rejection(const std::string& text) {
  auto batch = io::read_batch_json(text);
  EXPECT_FALSE(batch.has_value());
  return batch ? std::string() : batch.error().message;
}

std::string csv_rejection(const std::string& text) {
  auto batch = io::read_batch_csv(text, "timecards.csv");
  EXPECT_FALSE(batch.has_value());
  return batch ? std::string() : batch.error().message;
}

Result<engine::BatchPay> compute_json(const std::string& text) {
  auto batch = io::read_batch_json(text);
  if (!batch) return tl::unexpected(batch.error());
  return engine::compute(*batch, agreement::testing::bundled_registry());
}

// ---------------------------------------------------------------------------------------------
// Size: a 10 MB single line.

TEST(Hostile, TenMegabyteStringOnOneLineIsRefusedAtItsField) {
  const std::string text = R"({"format":"plateau-payroll/1","production":{"agreement":"dgc-quebec","title":")" +
                           std::string(kTenMegabytes, 'x') + R"("},"crew":[]})";
  EXPECT_EQ(json_rejection(text), "production.title: found a text of 10000000 bytes; expected at most 10000 bytes");
}

TEST(Hostile, TenMegabyteNumberOnOneLineIsRefusedAtItsField) {
  const std::string text = kBatchStart + person("E-1", "0", "") + kBatchEnd;
  const std::string huge = text.substr(0, text.find("\"0\"")) + std::string(kTenMegabytes, '9') +
                           text.substr(text.find("\"0\"") + 3);
  EXPECT_EQ(json_rejection(huge), "crew[0].rate.amount: found a number of 10000000 bytes; expected at most 10000 bytes");
}

TEST(Hostile, TenMegabyteKeyIsRefused) {
  const std::string text = "{\"" + std::string(kTenMegabytes, 'k') + "\":1}";
  EXPECT_EQ(json_rejection(text), "the document: found a key of 10000000 bytes; expected at most 10000 bytes");
}

TEST(Hostile, TenMegabyteCsvLineIsRefusedAtTheCell) {
  EXPECT_EQ(csv_rejection(std::string(kTenMegabytes, 'x')),
            "timecards.csv:1:1: found a cell of more than 10000 characters; expected at most 10000");
  std::string commas(kTenMegabytes, ',');
  EXPECT_EQ(csv_rejection(commas), "timecards.csv:1:1001: found more than 1000 cells on one row; expected at most 1000");
}

TEST(Hostile, MoreThanTheBatchLimitIsRefusedBeforeReading) {
  // A view of more bytes than the limit, over a small buffer: the readers refuse it by its size alone.
  const std::string small = "{}";
  const std::string_view oversized(small.data(), limits::kMaxBatchBytes + 1);
  EXPECT_EQ(io::read_batch_json(oversized).error().message,
            "the document: found 268435457 bytes; expected a batch of at most 268435456 bytes");
  EXPECT_EQ(io::read_batch_csv(oversized, "big.csv").error().message,
            "big.csv: found 268435457 bytes; expected a file of at most 268435456 bytes");
}

// ---------------------------------------------------------------------------------------------
// Counts: a million people, days, meals.

TEST(Hostile, MillionPersonJsonBatchIsRefusedAtTheLimit) {
  std::string text = kBatchStart;
  text.reserve(kMillion * 100);
  for (std::size_t i = 0; i < kMillion; ++i) {
    if (i != 0) text += ',';
    text += person("P" + std::to_string(i), "755", "");
  }
  text += kBatchEnd;
  EXPECT_EQ(json_rejection(text),
            "crew: found more than 100000 people; expected at most 100000 (split a larger payroll into batches: "
            "compute --ndjson reads one batch per line)");
}

TEST(Hostile, MillionPersonCsvIsRefusedAtTheLimit) {
  std::string text(kCsvHeader);
  text.reserve(kMillion * 60);
  for (std::size_t i = 0; i < kMillion; ++i) {
    text += "P" + std::to_string(i) + ",1st Assistant Director,daily,755,,,,dgc-quebec\n";
  }
  EXPECT_EQ(csv_rejection(text),
            "timecards.csv:100002:1: id: found more than 100000 people; expected at most 100000 in one file (split a "
            "larger payroll into several files)");
}

TEST(Hostile, ManyDaysForOnePersonAreRefusedAtTheLimit) {
  std::string days;
  for (std::size_t i = 0; i <= limits::kMaxDaysPerPerson; ++i) days += (i == 0 ? "" : ",") + day("2009-03-02");
  EXPECT_EQ(json_rejection(kBatchStart + person("E-1", "755", days) + kBatchEnd),
            "crew[0].days: found more than 1000 days; expected at most 1000 for one person in one batch");
  std::string csv(kCsvHeader);
  for (std::size_t i = 0; i <= limits::kMaxDaysPerPerson; ++i) {
    csv += "E-1,1st Assistant Director,daily,755,2009-03-02,07:00,19:00,dgc-quebec\n";
  }
  EXPECT_EQ(csv_rejection(csv),
            "timecards.csv:1002:5: date: found more than 1000 days for \"E-1\"; expected at most 1000 days for one "
            "person in one file");
}

TEST(Hostile, ManyMealsOnOneDayAreRefusedAtTheLimit) {
  std::string meals;
  for (std::size_t i = 0; i <= limits::kMaxMealsPerDay; ++i) {
    meals += std::string(i == 0 ? "" : ",") + R"({"start":"12:00","end":"12:30"})";
  }
  const std::string days = R"({"date":"2009-03-02","call":"07:00","wrap":"19:00","meals":[)" + meals + "]}";
  EXPECT_EQ(json_rejection(kBatchStart + person("E-1", "755", days) + kBatchEnd),
            "crew[0].days[0].meals: found more than 99 meal breaks; expected at most 99 on one day");
}

TEST(Hostile, LongListsAreRefusedAtTheLimit) {
  std::string dates;
  for (std::size_t i = 0; i <= limits::kMaxListItems; ++i) dates += std::string(i == 0 ? "" : ",") + "\"2009-03-02\"";
  const std::string text =
      R"({"format":"plateau-payroll/1","production":{"agreement":"dgc-quebec","declared_holidays":[)" + dates +
      R"(]},"crew":[]})";
  EXPECT_EQ(json_rejection(text), "production.declared_holidays: found more than 1000 entries; expected at most 1000");
}

// ---------------------------------------------------------------------------------------------
// Nesting 100,000 deep.

TEST(Hostile, DeepNestingIsRefusedWhereTheFormatEnds) {
  EXPECT_EQ(json_rejection(std::string(kDeep, '[') + std::string(kDeep, ']')),
            "the document: expected a payroll batch object {\"format\": …, \"production\": …, \"crew\": […]}; found "
            "an array");
  EXPECT_EQ(json_rejection(R"({"crew":)" + std::string(kDeep, '[')), "crew[0]: expected an object; found an array");
  EXPECT_EQ(json_rejection(kBatchStart + R"({"id":)" + std::string(kDeep, '{')),
            "crew[0].id: expected the person's id, like \"E-001\"; found an object");
}

TEST(Hostile, DeepNestingInBrokenJsonIsRefusedWithoutDescending) {
  // Not JSON (a byte that is not UTF-8), so the reader locates the error with its scan, which stops
  // at kMaxJsonDepth.
  const std::string text = R"({"crew":)" + std::string(kDeep, '[') + "\xff";
  EXPECT_EQ(json_rejection(text).substr(0, 55), "found arrays or objects nested more than 64 deep in a d");
}

TEST(Hostile, SyntaxErrorsStillHaveTheirLineAndColumn) {
  EXPECT_EQ(json_rejection("{\n  \"format\": \"plateau-payroll/1\",\n  \"crew\": [}\n"),
            "line 3, column 12: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal "
            "(invalid JSON; expected a payroll batch object)");
}

TEST(Hostile, AValueThatSaysInvalidJsonIsNotTakenForASyntaxError) {
  EXPECT_EQ(json_rejection(R"({"format":"invalid JSON"})"),
            "format: expected \"plateau-payroll/1\"; found \"invalid JSON\"");
}

// ---------------------------------------------------------------------------------------------
// Amounts: $10,000,000 on a pay line, $1,000,000,000 in a batch, exactly.

TEST(Amounts, TenMillionDollarsOnOnePayLineIsExact) {
  // 07:00–22:30: 15.5 h, 1.5 h of overtime beyond 14 h at 2× the hourly rate (Qc 2.05):
  // $10,000,000 ÷ 8 × 2 × 1.5 = $3,750,000.00.
  auto pay = compute_json(kBatchStart + person("E-1", "10000000.00", day("2009-03-02", "07:00", "22:30")) + kBatchEnd);
  ASSERT_TRUE(pay.has_value()) << pay.error().message;
  // Then a meal penalty of $20.00: no meal break was given.
  const auto& lines = pay->crew.at(0).lines;
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].amount, Money::from_dollars(10'000'000));
  EXPECT_EQ(lines[1].amount, Money::from_dollars(3'750'000));
  EXPECT_EQ(lines[2].amount, Money::from_dollars(20));
  EXPECT_EQ(pay->crew[0].gross, Money::from_dollars(13'750'020));
}

TEST(Amounts, OneBillionDollarsInOneBatchIsExactToTheCent) {
  // 100 people at $10,000,000.01 a day, one 12-hour day each with its meal: $1,000,000,001.00 of gross.
  const std::string with_meal =
      R"({"date":"2009-03-02","call":"07:00","wrap":"19:00","meals":[{"start":"12:00","end":"12:30"}]})";
  std::string crew;
  for (int i = 0; i < 100; ++i) crew += (i == 0 ? "" : ",") + person("P" + std::to_string(i), "10000000.01", with_meal);
  auto pay = compute_json(kBatchStart + crew + kBatchEnd);
  ASSERT_TRUE(pay.has_value()) << pay.error().message;
  EXPECT_EQ(pay->total_gross, Money::from_cents(100'000'000'100));
  const json output = json::parse(io::write_pay_json(*pay, "en"));
  EXPECT_EQ(output["totals"]["gross"], "1000000001.00");
  EXPECT_EQ(output["crew"][99]["gross"], "10000000.01");
}

TEST(Amounts, BeyondSixtyFourBitCentsTheReaderRefuses) {
  EXPECT_EQ(json_rejection(kBatchStart + person("E-1", "999999999999999999", "") + kBatchEnd),
            "crew[0].rate.amount: expected an amount between -92233720368547758.08 and 92233720368547758.07; found "
            "\"999999999999999999\" (too large for exact cents)");
  EXPECT_EQ(csv_rejection(std::string(kCsvHeader) + "E-1,1st Assistant Director,daily,999999999999999999,,,,dgc-quebec\n"),
            "timecards.csv:2:4: rate: found \"999999999999999999\" (too large for exact cents); expected an amount "
            "between -92233720368547758.08 and 92233720368547758.07");
  EXPECT_EQ(Money::parse("92233720368547758.07")->cents(), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(Money::parse("-92233720368547758.08")->cents(), std::numeric_limits<std::int64_t>::min());
  EXPECT_FALSE(Money::parse("92233720368547758.08").has_value());
}

TEST(Amounts, BeyondSixtyFourBitCentsTheEngineReportsTheOverflow) {
  // Each day's line fits in 64-bit cents; their sum, the gross, does not.
  const std::string rate = "50000000000000000.00";
  auto pay = compute_json(kBatchStart + person("E-1", rate, day("2009-03-02") + "," + day("2009-03-03")) + kBatchEnd);
  ASSERT_FALSE(pay.has_value());
  EXPECT_NE(pay.error().message.find("arithmetic overflow in money addition"), std::string::npos) << pay.error().message;
  EXPECT_NE(pay.error().message.find("beyond the exact range plateau computes in"), std::string::npos);
}

}  // namespace
}  // namespace plateau
