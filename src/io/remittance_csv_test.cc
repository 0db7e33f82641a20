// The remittance report on a two-person batch worked by hand, and CSV quoting.
#include <gtest/gtest.h>

#include "agreement/test_support.h"
#include "engine/compute.h"
#include "io/batch_json.h"
#include "io/csv.h"
#include "io/remittance_csv.h"

namespace plateau::io {
namespace {

TEST(Csv, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_row({"E-1", "Tremblay, Marie", "say \"hi\"", "two\nlines", ""}),
            "E-1,\"Tremblay, Marie\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

// A member and a DGA permittee, one 10-hour day each (Mon 2009-04-06, 07:00–17:00, meal 12:00).
//
// A: 1st AD, member, $1,000.00 a day → gross 1000.00.
//   retirement 6% = 60.00 (financial institution); H&W 4% = 40.00; fund 1.5% = 15.00;
//   GST 5% × 15.00 = 0.75; QST 7.5% × (15.00 + 0.75) = 1.18125 → 1.18; check-off 2% = 20.00
//   (guild: 40 + 15 + 0.75 + 1.18 + 20 = 76.93); vacation 5% = 50.00;
//   net = 1000 + 50 − 20 = 1030.00.
// B: 2nd AD, DGA permittee, $600.00 → gross 600.00. Fund 1.5% = 9.00; GST 0.45;
//   QST 7.5% × 9.45 = 0.70875 → 0.71; check-off 2% = 12.00; permit fee 1 day × $50 = 50.00,
//   paid by the producer; GST 2.50; QST 7.5% × 52.50 = 3.9375 → 3.94
//   (guild: 9 + 0.45 + 0.71 + 12 + 50 + 2.50 + 3.94 = 78.60); net = 600 − 12 = 588.00.
// Totals: guild 76.93 + 78.60 = 155.53; financial institution 60.00; net pay 1030 + 588 = 1618.00.
TEST(RemittanceCsv, OneRowPerPersonAndPayeeThenTotals) {
  const char* input = R"({
    "production": { "agreement": "dgc-quebec" },
    "crew": [
      { "id": "A", "name": "Tremblay, Marie", "classification": "1st Assistant Director",
        "rate": { "basis": "daily", "amount": "1000" },
        "days": [ { "date": "2009-04-06", "call": "07:00", "wrap": "17:00",
                    "meals": [ { "start": "12:00", "end": "12:30" } ] } ] },
      { "id": "B", "name": "Dan Cohen", "classification": "2nd Assistant Director",
        "category": "permittee_dga_bectu_iatse_unsca", "rate": { "basis": "daily", "amount": "600" },
        "days": [ { "date": "2009-04-06", "call": "07:00", "wrap": "17:00",
                    "meals": [ { "start": "12:00", "end": "12:30" } ] } ] }
    ] })";
  auto batch = read_batch_json(input);
  ASSERT_TRUE(batch) << batch.error().message;
  auto pay = engine::compute(*batch, agreement::testing::bundled_registry());
  ASSERT_TRUE(pay) << pay.error().message;
  const std::string expected =
      "person_id,person_name,category,paid_to,gross,retirement_base,retirement,health_welfare_base,health_welfare,"
      "admin_training_base,admin_training,admin_training_gst,admin_training_qst,vacation_base,vacation,checkoff_base,"
      "checkoff,permit_fee,permit_fee_gst,permit_fee_qst,net_pay,total\r\n"
      "A,\"Tremblay, Marie\",member,guild,1000.00,,,1000.00,40.00,1000.00,15.00,0.75,1.18,,,1000.00,20.00,,,,,76.93\r\n"
      "A,\"Tremblay, Marie\",member,financial_institution,1000.00,1000.00,60.00,,,,,,,,,,,,,,,60.00\r\n"
      "A,\"Tremblay, Marie\",member,person,1000.00,,,,,,,,,1000.00,50.00,,,,,,1030.00,1030.00\r\n"
      "B,Dan Cohen,permittee_dga_bectu_iatse_unsca,guild,600.00,,,,,600.00,9.00,0.45,0.71,,,600.00,12.00,50.00,2.50,"
      "3.94,,78.60\r\n"
      "B,Dan Cohen,permittee_dga_bectu_iatse_unsca,person,600.00,,,,,,,,,,,,,,,,588.00,588.00\r\n"
      ",TOTAL,,guild,1600.00,,,1000.00,40.00,1600.00,24.00,1.20,1.89,,,1600.00,32.00,50.00,2.50,3.94,,155.53\r\n"
      ",TOTAL,,financial_institution,1000.00,1000.00,60.00,,,,,,,,,,,,,,,60.00\r\n"
      ",TOTAL,,person,1600.00,,,,,,,,,1000.00,50.00,,,,,,1618.00,1618.00\r\n";
  EXPECT_EQ(write_remittance_csv(*pay), expected);
  // The JSON remittances carry the same totals.
  ASSERT_EQ(pay->remittances.size(), 3u);
  EXPECT_EQ(pay->remittances[0].amount.to_string(), "155.53");
  EXPECT_EQ(pay->remittances[1].amount.to_string(), "60.00");
  EXPECT_EQ(pay->remittances[2].amount.to_string(), "1618.00");
}

}  // namespace
}  // namespace plateau::io
