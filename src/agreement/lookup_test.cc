// Finding classifications by the name a payroll person typed, "did you mean" suggestions, and
// the studio zone's geometry (inside/outside the 25 km circle around Beaubien metro).
#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include "agreement/lookup.h"
#include "agreement/test_support.h"

namespace plateau::agreement {
namespace {

const Agreement& dgc() {
  static const Agreement kAgreement = testing::load_or_fail(testing::dgc_quebec_file());
  return kAgreement;
}

TEST(Normalise, DropsCaseSpacesAndPunctuation) {
  EXPECT_EQ(normalise_name("1 st Assistant Director"), "1stassistantdirector");
  EXPECT_EQ(normalise_name("1st assistant-director"), "1stassistantdirector");
  EXPECT_EQ(normalise_name("1 st Assistant Accountant (Payroll)"), "1stassistantaccountantpayroll");
  EXPECT_EQ(normalise_name("Réalisateur"), "r\xc3\xa9" "alisateur");
}

TEST(FindClassification, AsTypedOnATimecard) {
  const Classification* first_ad = find_classification(dgc(), "1st Assistant Director");
  ASSERT_NE(first_ad, nullptr);
  EXPECT_EQ(first_ad->id, "first_assistant_director");
  EXPECT_EQ(find_classification(dgc(), "1 ST ASSISTANT DIRECTOR"), first_ad);
  EXPECT_EQ(find_classification(dgc(), "first_assistant_director"), first_ad);
  EXPECT_EQ(find_classification(dgc(), "1er assistant-réalisateur"), first_ad);
  EXPECT_EQ(find_classification(dgc(), "2nd Unit Director")->id, "second_unit_director");
  EXPECT_EQ(find_classification(dgc(), "1st Assistant Accountant (Payroll)")->id, "first_assistant_accountant_payroll");
  EXPECT_EQ(find_classification(dgc(), "Assistant Director"), nullptr);
  EXPECT_EQ(find_classification(dgc(), ""), nullptr);
}

TEST(ClosestClassifications, SuggestNamesAsPrinted) {
  const std::vector<std::string> suggestions = closest_classifications(dgc(), "1st Asistant Director");
  ASSERT_EQ(suggestions.size(), 3U);
  EXPECT_EQ(suggestions[0], "1 st Assistant Director");
  EXPECT_EQ(closest_classifications(dgc(), "Draftsmen", 1), std::vector<std::string>{"Draftsman"});
  EXPECT_EQ(closest_classifications(dgc(), "Art Directr", 1), std::vector<std::string>{"Art Director"});
}

// The point `km` due north of the centre of the zone.
std::pair<double, double> north_of_beaubien(double km) {
  constexpr double kEarthMeanRadiusKm = 6371.0088;
  const double degrees = km / kEarthMeanRadiusKm * 180.0 / std::numbers::pi;
  return {45.535556 + degrees, -73.604444};
}

TEST(StudioZone, InsideAndOutside) {
  const StudioZone& zone = dgc().locations.studio_zone;
  EXPECT_TRUE(inside_studio_zone(zone, 45.535556, -73.604444));  // Beaubien itself
  EXPECT_TRUE(inside_studio_zone(zone, 45.5075, -73.5540));      // Old Montreal
  EXPECT_FALSE(inside_studio_zone(zone, 46.8139, -71.2080));     // Quebec City
  const auto [in_lat, in_lon] = north_of_beaubien(24.9);
  EXPECT_TRUE(inside_studio_zone(zone, in_lat, in_lon));
  const auto [out_lat, out_lon] = north_of_beaubien(25.1);
  EXPECT_FALSE(inside_studio_zone(zone, out_lat, out_lon));
}

TEST(Distance, Haversine) {
  EXPECT_NEAR(distance_km(45.535556, -73.604444, 45.535556, -73.604444), 0.0, 1e-9);
  const auto [lat, lon] = north_of_beaubien(10.0);
  EXPECT_NEAR(distance_km(45.535556, -73.604444, lat, lon), 10.0, 1e-6);
  // Montreal (Beaubien) to Quebec City: about 230 km.
  EXPECT_NEAR(distance_km(45.535556, -73.604444, 46.8139, -71.2080), 230.0, 5.0);
}

}  // namespace
}  // namespace plateau::agreement
