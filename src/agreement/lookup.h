// Finding a classification by the name a payroll person typed, and geometry of the studio zone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "agreement/agreement.h"

namespace plateau::agreement {

// The form names are compared in: ASCII letters lower-cased, spaces and ASCII punctuation
// dropped, other bytes (accented letters in UTF-8) kept: "1 st Assistant Director" and
// "1st assistant-director" both give "1stassistantdirector".
std::string normalise_name(std::string_view name);

// Case-, space- and punctuation-insensitive match on the printed name, the French name or the id:
// "1st Assistant Director" finds "1 st Assistant Director". nullptr when nothing matches.
const Classification* find_classification(const Agreement& agreement, std::string_view name);

// Up to `count` printed names closest to `name` (edit distance on the normalised form), for
// "did you mean" messages.
std::vector<std::string> closest_classifications(const Agreement& agreement, std::string_view name,
                                                 std::size_t count = 3);

// Great-circle distance in km between two points given in degrees.
double distance_km(double latitude_a, double longitude_a, double latitude_b, double longitude_b);

// Whether a point lies inside (or on the edge of) the studio zone.
bool inside_studio_zone(const StudioZone& zone, double latitude, double longitude);

}  // namespace plateau::agreement
