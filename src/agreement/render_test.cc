// The text rendering of an agreement, in English and French: every figure and citation shows,
// and the labels are in the language asked for.
#include <gtest/gtest.h>

#include "agreement/render.h"
#include "agreement/test_support.h"

namespace plateau::agreement {
namespace {

const Agreement& dgc() {
  static const Agreement kAgreement = testing::load_or_fail(testing::dgc_quebec_file());
  return kAgreement;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Render, EnglishShowsEveryRuleWithItsCitation) {
  const std::string text = render_agreement(dgc(), "en");
  for (const char* part : {
           "Agreement: dgc-quebec",
           "Version in force from 2009-01-01 until a later version",
           "1 st Assistant Director / 1er assistant-réalisateur [Production Department]: weekly $3015.00, daily $755.00",
           "Trainee Assistant Director / Assistant-réalisateur stagiaire [Production Department]: weekly $975.00, daily "
           "N/A (no daily engagement)",
           "First five days: after 14h ×2",
           "7th day: after 12h ×3",
           "No overtime rule",
           "Increment: 15min, rounded up",
           "6th day: contracted daily rate ×1.5, or contracted weekly rate ÷ 5 ×1.5",
           "Meal penalty: $20.00, at most per day $20.00",
           "Weekly rest after 4 days worked: 72h (when a holiday makes a 3-day weekend)",
           "Weekend rest may be reduced by 4h, 2 occasions per cycle of weeks: 4, notice 48h",
           "shortfall below the applicable minimum: hourly base ×2",
           "Canada Day: fixed (7/1), moves to the next day when on a sunday",
           "Victoria Day: weekday_before (monday before 5/25)",
           "Studio zone: radius 25 km, centred on Beaubien Metro Station, Montreal",
           "Source (Qc 2.09):",
           "Source (QC4.04(c)):",
           "health_welfare: $125000.00",
           "Members' check-off (checkoff): 2%, paid by the person to guild, cap checkoff",
           "Permit fee: $50.00 per day, capped per week at $200.00, to guild, plus sales taxes",
           "from 2013-01-01: GST/TPS 5%, QST/TVQ 9.975% (QST on the amount alone)",
           "Other provisions",
       }) {
    EXPECT_TRUE(contains(text, part)) << part;
  }
}

TEST(Render, FrenchLabels) {
  const std::string text = render_agreement(dgc(), "fr");
  for (const char* part : {"Convention : dgc-quebec", "Version en vigueur à partir du 2009-01-01",
                           "Taux minimums", "Département de production", "Cinq premiers jours : après 14h ×2",
                           "Aucune règle d'heures supplémentaires", "Jours fériés", "Fête du Canada",
                           "Zone studio : rayon 25 km", "Lecture retenue", "Droits de permis", "Taxes de vente"}) {
    EXPECT_TRUE(contains(text, part)) << part;
  }
  EXPECT_FALSE(contains(text, "Minimum rates"));
}

TEST(Render, List) {
  auto registry = Registry::load_directory(testing::source_dir() / "agreements");
  ASSERT_TRUE(registry) << registry.error().message;
  const std::string list = render_list(*registry);
  EXPECT_TRUE(contains(list, "dgc-quebec  Directors Guild of Canada – Quebec: Core Agreement Rate Sheet  (2009-01-01)"));
  EXPECT_TRUE(contains(list, "example-invented"));
}

}  // namespace
}  // namespace plateau::agreement
