// Text of a payroll batch's values, shared by the batch writers (JSON and CSV) and the CSV
// reader: the names of the enum values, and clock times written relative to the day's date.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/calendar.h"
#include "core/clock.h"
#include "engine/batch.h"

namespace plateau::io {

template <class Enum>
using NamedValues = std::array<std::pair<std::string_view, Enum>, 2>;

inline constexpr NamedValues<engine::RateBasis> kRateBasisNames = {
    {{"daily", engine::RateBasis::daily}, {"weekly", engine::RateBasis::weekly}}};
inline constexpr NamedValues<engine::PermitFeePayer> kPermitFeePayerNames = {
    {{"producer", engine::PermitFeePayer::producer}, {"permittee", engine::PermitFeePayer::permittee}}};
inline constexpr std::array<std::pair<std::string_view, engine::Location>, 3> kLocationNames = {
    {{"studio", engine::Location::studio}, {"nearby", engine::Location::nearby}, {"distant", engine::Location::distant}}};
using engine::kProvidedMealNames;

// The name of `value` in `names`.
template <class Names, class Enum>
std::string name_of(const Names& names, Enum value) {
  for (const auto& [name, option] : names) {
    if (option == value) return std::string(name);
  }
  return {};
}

// The value named `text` in `names`, exactly (names are lower case).
template <class Names>
auto value_named(const Names& names, std::string_view text) -> std::optional<typename Names::value_type::second_type> {
  for (const auto& [name, option] : names) {
    if (name == text) return option;
  }
  return std::nullopt;
}

// `time` as the timecard writes it on `day`: "07:00", "26:15" past midnight (up to
// ClockTime::kMaxHours), otherwise the ISO local date-time "2009-03-05T07:00", which
// ClockTime::parse reads back to the same time on any day.
std::string timecard_time(ClockTime time, Date day);

}  // namespace plateau::io
