// Finding classifications by typed name, and studio-zone geometry (see lookup.h).
#include "agreement/lookup.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numbers>
#include <utility>
#include <vector>

#include "core/text.h"

namespace plateau::agreement {
namespace {

// The mean radius of the Earth (IUGG), in km: a physical constant, not an agreement figure.
constexpr double kEarthMeanRadiusKm = 6371.0088;
constexpr double kDegreesPerHalfTurn = 180.0;

double radians(double degrees) { return degrees * std::numbers::pi / kDegreesPerHalfTurn; }

}  // namespace

namespace {

// ASCII only, whatever the locale: the byte kept by normalise_name, lower-cased, or 0 to skip.
constexpr char normalised_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x80) return c;  // part of a UTF-8 sequence (é, è): kept as is
  if (byte >= 'A' && byte <= 'Z') return static_cast<char>(byte - 'A' + 'a');
  if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) return c;
  return 0;
}

// normalised_byte of every byte, worked out once: find_classification normalises the name typed on
// every timecard that is not written as the sheet prints it.
constexpr std::array<char, 256> kNormalisedBytes = [] {
  std::array<char, 256> table{};
  for (std::size_t byte = 0; byte < table.size(); ++byte) table[byte] = normalised_byte(static_cast<char>(byte));
  return table;
}();

// normalise_name's text written at `out`, which has room for name.size() bytes; returns its length.
std::size_t normalise_into(std::string_view name, char* out) {
  std::size_t length = 0;
  for (const char c : name) {  // each byte written, then kept or written over
    const char kept = kNormalisedBytes[static_cast<unsigned char>(c)];
    out[length] = kept;
    length += kept != 0 ? 1 : 0;
  }
  return length;
}

}  // namespace

std::string normalise_name(std::string_view name) {
  std::string out(name.size(), '\0');
  out.resize(normalise_into(name, out.data()));
  return out;
}

const Classification* find_classification(const Agreement& agreement, std::string_view name) {
  // The name as the sheet prints it, or the id, is the usual case: found without normalising.
  const ClassificationNames& names = agreement.classification_names;
  if (const auto exact = names.exact.find(name)) return &agreement.classifications[*exact];
  // Normalised on the stack: a name typed on a timecard is short.
  constexpr std::size_t kOnStack = 128;
  std::array<char, kOnStack> on_stack;
  std::string on_heap;
  std::size_t length = 0;
  if (name.size() <= kOnStack) {
    length = normalise_into(name, on_stack.data());
  } else {
    on_heap = normalise_name(name);
  }
  const std::string_view wanted = name.size() <= kOnStack ? std::string_view(on_stack.data(), length) : on_heap;
  if (wanted.empty()) return nullptr;
  const auto normalised = names.normalised.find(wanted);
  return normalised ? &agreement.classifications[*normalised] : nullptr;
}

std::vector<std::string> closest_classifications(const Agreement& agreement, std::string_view name,
                                                 std::size_t count) {
  const std::string wanted = normalise_name(name);
  std::vector<std::pair<std::size_t, std::size_t>> ranked;  // (distance, index in file order)
  for (std::size_t index = 0; index < agreement.classifications.size(); ++index) {
    const Classification& classification = agreement.classifications[index];
    const std::size_t distance = std::min({edit_distance(wanted, normalise_name(classification.name)),
                                           edit_distance(wanted, normalise_name(classification.name_fr)),
                                           edit_distance(wanted, normalise_name(classification.id))});
    ranked.push_back({distance, index});
  }
  std::stable_sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && out.size() < count; ++i) {
    out.push_back(agreement.classifications[ranked[i].second].name);
  }
  return out;
}

double distance_km(double latitude_a, double longitude_a, double latitude_b, double longitude_b) {
  const double phi_a = radians(latitude_a);
  const double phi_b = radians(latitude_b);
  const double half_delta_phi = (phi_b - phi_a) / 2.0;
  const double half_delta_lambda = radians(longitude_b - longitude_a) / 2.0;
  const double h = std::sin(half_delta_phi) * std::sin(half_delta_phi) +
                   std::cos(phi_a) * std::cos(phi_b) * std::sin(half_delta_lambda) * std::sin(half_delta_lambda);
  return 2.0 * kEarthMeanRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

bool inside_studio_zone(const StudioZone& zone, double latitude, double longitude) {
  return distance_km(zone.centre_latitude, zone.centre_longitude, latitude, longitude) <= zone.radius_km;
}

}  // namespace plateau::agreement
