// A payroll batch as the user gave it: a production and its crew's timecards
// (../shared/spec/payroll-io.md, "Input"). Values are parsed and typed, with the spec's
// defaults applied, but nothing is yet checked against an agreement: that is normalize.h.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/money.h"

namespace plateau::engine {

enum class RateBasis { daily, weekly };
enum class Location { studio, nearby, distant };
enum class PermitFeePayer { producer, permittee };

struct Production {
  std::string title;
  std::string agreement;                 // required: "dgc-quebec"
  std::string production_type = "theatrical";
  Weekday week_starts_on = std::chrono::Sunday;
  std::string time_zone = "America/Toronto";
  std::vector<Weekday> regular_days_off = {std::chrono::Saturday, std::chrono::Sunday};
  std::vector<Date> declared_holidays;

  bool operator==(const Production&) const = default;
};

struct MealBreak {
  ClockTime start;
  ClockTime end;
  bool shot_in_progress = false;

  bool operator==(const MealBreak&) const = default;
};

// The meals a distant location may provide (DistantFacts::meals_provided), each listed at most once.
inline constexpr std::array<std::string_view, 3> kProvidedMealNames = {"breakfast", "lunch", "supper"};

struct DistantFacts {
  std::string currency = "CAD";
  std::vector<std::string> meals_provided;  // of kProvidedMealNames
  bool beyond_one_hour_drive = false;

  bool operator==(const DistantFacts&) const = default;
};

struct DayInput {
  Date date;
  bool worked = true;
  std::optional<ClockTime> call;  // required when worked
  std::optional<ClockTime> wrap;  // required when worked
  std::vector<MealBreak> meals;
  std::optional<ClockTime> general_crew_call;
  bool ndb = false;
  std::optional<ClockTime> snack;
  Location location = Location::studio;
  std::optional<ClockTime> zone_departure;
  std::optional<ClockTime> zone_return;
  std::optional<DistantFacts> distant;
  bool premium_approved = true;
  bool reduced_weekend_rest = false;

  bool operator==(const DayInput&) const = default;
};

struct Engagement {
  Date start;
  Date end;

  bool operator==(const Engagement&) const = default;
};

struct CrewInput {
  std::string id;
  std::string name;
  std::string classification;
  std::string category = "member";
  RateBasis basis = RateBasis::daily;
  Money rate;
  std::optional<Engagement> engagement;  // default: first to last day given
  Money production_gross_to_date;
  PermitFeePayer permit_fee_paid_by = PermitFeePayer::producer;
  std::vector<Date> days_off_in_lieu;
  std::vector<DayInput> days;

  bool operator==(const CrewInput&) const = default;
};

struct Batch {
  std::string format = "plateau-payroll/1";
  Production production;
  std::vector<CrewInput> crew;

  bool operator==(const Batch&) const = default;
};

// Field paths for messages: "crew[2].days[0].wrap".
std::string crew_path(std::size_t crew_index);
std::string day_path(std::size_t crew_index, std::size_t day_index);

}  // namespace plateau::engine
