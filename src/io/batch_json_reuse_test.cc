// BatchJsonReader::read(json, into): batches read one after another into one reused batch, as
// compute --ndjson reads its lines, each equal to the same document read into a new batch. A
// field the reuse forgot to reset (an optional, a flag, a nested vector, a default) shows as a
// difference after a batch that had it is followed by one that does not.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/batch_json.h"
#include "io/batch_json_write.h"

namespace plateau::io {
namespace {

using engine::Batch;

// Every key of the format given, none at its default; three people, three days each.
const std::string kEveryField = R"({"format": "plateau-payroll/1",
  "production": {"title": "Les Bâtisseurs d'une très longue saison", "agreement": "dgc-quebec",
    "production_type": "series", "week_starts_on": "monday", "time_zone": "America/Vancouver",
    "regular_days_off": ["friday"], "declared_holidays": ["2009-05-18", "2009-07-01"]},
  "crew": [
    {"id": "E-001-with-a-long-identifier", "name": "Marie-Ève Tremblay-Gagnon", "classification": "Art Director Head of Department",
     "category": "permittee_non_canadian", "rate": {"basis": "weekly", "amount": "3840.50"},
     "engagement": {"start": "2009-02-22", "end": "2009-08-15"}, "production_gross_to_date": "26621.92",
     "permit_fee_paid_by": "permittee", "days_off_in_lieu": ["2009-05-25", "2009-05-26"],
     "days": [
       {"date": "2009-05-18", "call": "07:45", "wrap": "19:30",
        "meals": [{"start": "12:25", "end": "13:25", "shot_in_progress": true}, {"start": "18:00", "end": "18:30"}],
        "general_crew_call": "08:00", "ndb": true, "snack": "16:00", "location": "distant",
        "zone_departure": "06:30", "zone_return": "20:45",
        "distant": {"currency": "USD", "meals_provided": ["lunch", "breakfast"], "beyond_one_hour_drive": true},
        "premium_approved": false, "reduced_weekend_rest": true, "worked": true},
       {"date": "2009-05-19", "call": "17:45", "wrap": "28:40", "meals": [{"start": "23:25", "end": "24:25"}],
        "location": "nearby", "zone_departure": "17:05", "zone_return": "29:10",
        "distant": {"currency": "EUR", "meals_provided": ["supper"]}},
       {"date": "2009-05-20", "worked": false, "call": "09:00"}]},
    {"id": "E-002", "name": "Julie", "classification": "Production Manager", "rate": {"basis": "daily", "amount": 1051},
     "days": [{"date": "2009-05-18", "call": "06:15", "wrap": "18:20", "ndb": true}]},
    {"id": "E-003", "classification": "Key Grip", "rate": {"basis": "daily", "amount": "655.00"}, "days": []}]})";

// Only what is required: every optional key absent, fewer people and days.
const std::string kRequiredOnly = R"({"production": {"agreement": "dgc-quebec"},
  "crew": [{"id": "A", "classification": "Key Grip", "rate": {"basis": "daily", "amount": "655.00"},
            "days": [{"date": "2009-06-01", "call": "07:00", "wrap": "17:00"}]}]})";

// More people and days than either before, in other shapes.
const std::string kMorePeople = R"({"production": {"agreement": "dgc-quebec", "regular_days_off": []},
  "crew": [
    {"id": "B1", "classification": "Key Grip", "rate": {"basis": "daily", "amount": "1.00"},
     "days": [{"date": "2009-06-01", "call": "07:00", "wrap": "17:00"}, {"date": "2009-06-02", "worked": false},
              {"date": "2009-06-03", "call": "07:00", "wrap": "17:00", "meals": []},
              {"date": "2009-06-04", "call": "07:00", "wrap": "17:00", "location": "distant", "distant": {}}]},
    {"id": "B2", "classification": "Key Grip", "rate": {"basis": "weekly", "amount": "2.00"}, "days": []},
    {"id": "B3", "name": "Someone with a rather long name", "classification": "Gaffer",
     "rate": {"basis": "daily", "amount": "3.00"}, "engagement": {"start": "2009-06-01", "end": "2009-06-01"},
     "days": [{"date": "2009-06-01", "call": "07:00", "wrap": "17:00"}]},
    {"id": "B4", "classification": "Best Boy", "rate": {"basis": "daily", "amount": "4.00"},
     "days": [{"date": "2009-06-05", "call": "05:00", "wrap": "25:00", "snack": "12:00"}]}]})";

// Refused midway through the second person's second day, after much of the batch was read.
const std::string kBadMidway = R"({"production": {"agreement": "dgc-quebec", "title": "Half read"},
  "crew": [
    {"id": "C1", "classification": "Key Grip", "rate": {"basis": "daily", "amount": "1.00"}, "name": "First",
     "days": [{"date": "2009-06-01", "call": "07:00", "wrap": "17:00", "ndb": true, "location": "nearby"}]},
    {"id": "C2", "classification": "Key Grip", "rate": {"basis": "daily", "amount": "2.00"}, "category": "trainee",
     "days": [{"date": "2009-06-01", "call": "07:00", "wrap": "17:00"},
              {"date": "2009-06-02", "call": "07:00", "ndb": true, "wrap": 1700}]}]})";

// Refused once a person is read whole: an id given twice.
const std::string kIdTwice = R"({"production": {"agreement": "dgc-quebec"},
  "crew": [{"id": "D", "classification": "Key Grip", "rate": {"basis": "daily", "amount": "1.00"}, "days": []},
           {"id": "D", "classification": "Gaffer", "rate": {"basis": "weekly", "amount": "2.00"},
            "days": [{"date": "2009-06-01", "call": "07:00", "wrap": "17:00", "premium_approved": false}]}]})";

// Not JSON past its start.
const std::string kNotJson = R"({"production": {"agreement": "dgc-quebec"}, "crew": [{"id": "E", )";

// Read in turn into one batch, each compared with the same document read alone.
void expect_reused_reads_as_fresh(const std::vector<std::string>& documents) {
  BatchJsonReader reader;
  Batch reused;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    SCOPED_TRACE("document " + std::to_string(i));
    const auto fresh = read_batch_json(documents[i]);
    const auto read = reader.read(documents[i], reused);
    ASSERT_EQ(read.has_value(), fresh.has_value());
    if (!fresh) {
      EXPECT_EQ(read.error().message, fresh.error().message);
      continue;
    }
    // The written text shows where they differ; the comparison covers every field, written or not.
    EXPECT_EQ(write_batch_json(reused), write_batch_json(*fresh));
    EXPECT_TRUE(reused == *fresh);
  }
}

TEST(BatchJsonReuse, EveryFieldIsResetForTheNextBatch) {
  expect_reused_reads_as_fresh({kEveryField, kRequiredOnly, kEveryField, kMorePeople, kEveryField, kRequiredOnly});
}

TEST(BatchJsonReuse, ABatchRefusedMidwayLeavesNothingForTheNext) {
  expect_reused_reads_as_fresh({kEveryField, kBadMidway, kRequiredOnly, kBadMidway, kMorePeople, kIdTwice,
                                kRequiredOnly, kNotJson, kEveryField, kIdTwice, kMorePeople});
}

TEST(BatchJsonReuse, TheSameDocumentAgainReadsTheSame) {
  expect_reused_reads_as_fresh({kMorePeople, kMorePeople, kEveryField, kEveryField});
}

// The documents above are what they say: read alone, the good ones are read and the bad ones
// refused where they are meant to be.
TEST(BatchJsonReuse, TheDocumentsAreReadOrRefusedAsMeant) {
  for (const auto* good : {&kEveryField, &kRequiredOnly, &kMorePeople}) {
    const auto batch = read_batch_json(*good);
    ASSERT_TRUE(batch.has_value()) << batch.error().message;
  }
  EXPECT_EQ(read_batch_json(kEveryField)->crew.size(), 3U);
  EXPECT_TRUE(read_batch_json(kEveryField)->crew[0].days[0].distant.has_value());
  EXPECT_EQ(read_batch_json(kMorePeople)->crew.size(), 4U);
  EXPECT_EQ(read_batch_json(kBadMidway).error().message,
            "crew[1].days[1].wrap: expected a time HH:MM, like \"07:00\" or \"26:15\"; found a number");
  EXPECT_EQ(read_batch_json(kIdTwice).error().message, "crew[1].id: \"D\" is used twice; expected unique ids");
  EXPECT_FALSE(read_batch_json(kNotJson).has_value());
}

}  // namespace
}  // namespace plateau::io
