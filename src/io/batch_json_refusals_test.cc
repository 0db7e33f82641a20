// read_batch_json's refusals of values of the wrong type, word for word: the reader tries the
// type it expects first and asks for the actual type only to explain a refusal, and these pin
// that the explanation is the one it always gave.
#include <string>

#include <gtest/gtest.h>

#include "io/batch_json.h"

namespace plateau::io {
namespace {

// A batch of one person with one day whose `day_field` is given as its text ("" for none), or
// with `person_field` added to the person.
std::string batch_with(const std::string& day_field, const std::string& person_field = "") {
  return R"({"production": {"agreement": "dgc-quebec"}, "crew": [{"id": "A", "classification": "Key Grip",)"
         R"( "rate": {"basis": "daily", "amount": "1.00"},)" +
         (person_field.empty() ? std::string() : person_field + ",") +
         R"( "days": [{"date": "2009-06-01", "call": "07:00", "wrap": "17:00")" +
         (day_field.empty() ? std::string() : ", " + day_field) + "}]}]}";
}

std::string refusal(const std::string& json) {
  const auto batch = read_batch_json(json);
  return batch ? std::string("(read)") : batch.error().message;
}

TEST(BatchJsonRefusals, TheBatchReadsWithoutTheWrongField) { EXPECT_EQ(refusal(batch_with("")), "(read)"); }

TEST(BatchJsonRefusals, AnObjectOfAnotherType) {
  EXPECT_EQ(refusal(R"({"production": "x", "crew": []})"), "production: expected an object; found a string");
  EXPECT_EQ(refusal(batch_with("", R"("rate2": 1)")),
            "crew[0].rate2: unknown key; expected one of id, name, classification, category, rate, engagement, "
            "production_gross_to_date, permit_fee_paid_by, days_off_in_lieu, days");
  EXPECT_EQ(refusal(batch_with(R"("meals": [7])")), "crew[0].days[0].meals[0]: expected an object; found a number");
  EXPECT_EQ(refusal(batch_with(R"("distant": [])")), "crew[0].days[0].distant: expected an object; found an array");
  EXPECT_EQ(refusal(R"({"production": {"agreement": "dgc-quebec"}, "crew": [null]})"),
            "crew[0]: expected an object; found null");
  EXPECT_EQ(refusal(R"(["not", "a", "batch"])"),
            "the document: expected a payroll batch object {\"format\": …, \"production\": …, \"crew\": […]}; found an array");
}

TEST(BatchJsonRefusals, AnArrayOfAnotherType) {
  EXPECT_EQ(refusal(R"({"production": {"agreement": "dgc-quebec"}, "crew": null})"), "crew: expected an array; found null");
  EXPECT_EQ(refusal(batch_with(R"("meals": 5)")), "crew[0].days[0].meals: expected an array; found a number");
  EXPECT_EQ(refusal(batch_with("", R"("days_off_in_lieu": {})")),
            "crew[0].days_off_in_lieu: expected an array; found an object");
}

TEST(BatchJsonRefusals, ABooleanOfAnotherType) {
  EXPECT_EQ(refusal(batch_with(R"("ndb": "yes")")), "crew[0].days[0].ndb: expected true or false; found a string");
  EXPECT_EQ(refusal(batch_with(R"("ndb": null)")), "crew[0].days[0].ndb: expected true or false; found null");
  EXPECT_EQ(refusal(batch_with(R"("worked": 1)")), "crew[0].days[0].worked: expected true or false; found a number");
  EXPECT_EQ(refusal(batch_with(R"("ndb": tru)")),
            "crew[0].days[0].ndb: expected true or false (The JSON element does not have the requested type.)");
}

TEST(BatchJsonRefusals, AChoiceOfAnotherType) {
  EXPECT_EQ(refusal(batch_with(R"("location": 3)")),
            "crew[0].days[0].location: expected one of studio, nearby, distant; found a number");
  EXPECT_EQ(refusal(batch_with(R"("location": "moon")")),
            "crew[0].days[0].location: expected one of studio, nearby, distant; found \"moon\"");
}

TEST(BatchJsonRefusals, AnAmountOfAnotherType) {
  const auto with_amount = [](const std::string& amount) {
    return R"({"production": {"agreement": "dgc-quebec"}, "crew": [{"id": "A", "classification": "Key Grip",)"
           R"( "rate": {"basis": "daily", "amount": )" + amount + R"(}, "days": []}]})";
  };
  EXPECT_EQ(refusal(with_amount("1051")), "(read)");
  EXPECT_EQ(refusal(with_amount(R"("1051.5")")), "(read)");
  EXPECT_EQ(refusal(with_amount("true")),
            "crew[0].rate.amount: expected a decimal amount with at most 2 decimals, like \"755.00\"; found true or false");
  EXPECT_EQ(refusal(with_amount("[]")),
            "crew[0].rate.amount: expected a decimal amount with at most 2 decimals, like \"755.00\"; found an array");
  EXPECT_EQ(refusal(with_amount(R"("12\q")")),
            "crew[0].rate.amount: invalid string (Problem while parsing a string)");
}

// Keys are matched in the document's text when written as is; escaped, or near a name, they are
// read as they always were.
TEST(BatchJsonKeys, AnEscapedKeyIsTheKeyItSpells) {
  const auto plain = read_batch_json(batch_with(R"("ndb": true)", R"("category": "trainee")"));
  const auto escaped = read_batch_json(batch_with(R"("nd\u0062": true)", R"("c\u0061tegory": "trainee")"));
  ASSERT_TRUE(plain.has_value()) << plain.error().message;
  ASSERT_TRUE(escaped.has_value()) << escaped.error().message;
  EXPECT_TRUE(*plain == *escaped);
  EXPECT_TRUE(escaped->crew[0].days[0].ndb);
  EXPECT_EQ(escaped->crew[0].category, "trainee");
}

TEST(BatchJsonKeys, AKeyNearANameIsUnknown) {
  const std::string day_keys =
      "expected one of date, call, wrap, meals, general_crew_call, ndb, snack, location, zone_departure, zone_return, "
      "distant, premium_approved, reduced_weekend_rest, worked";
  EXPECT_EQ(refusal(batch_with(R"("ndbs": true)")), "crew[0].days[0].ndbs: unknown key; " + day_keys);
  EXPECT_EQ(refusal(batch_with(R"("nd": true)")), "crew[0].days[0].nd: unknown key; " + day_keys);
  EXPECT_EQ(refusal(batch_with(R"("ndb\"": true)")), "crew[0].days[0].ndb\": unknown key; " + day_keys);
  EXPECT_EQ(refusal(batch_with(R"("Ndb": true)")), "crew[0].days[0].Ndb: unknown key; " + day_keys);
  EXPECT_EQ(refusal(batch_with(R"("": true)")), "crew[0].days[0].: unknown key; " + day_keys);
  EXPECT_EQ(refusal(batch_with(R"("ndb": true, "nd\u0062": false)")),
            "crew[0].days[0].ndb: duplicate key; expected each key once");
  EXPECT_EQ(refusal(batch_with(R"("reduced_weekend_rest_": true)")),
            "crew[0].days[0].reduced_weekend_rest_: unknown key; " + day_keys);
}

}  // namespace
}  // namespace plateau::io
