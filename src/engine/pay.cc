#include "engine/pay.h"

#include <type_traits>

#include "engine/explain.h"

namespace plateau::engine {

Text declared_holiday_name(Date date) {
  return {"Declared holiday " + to_string(date), "Jour férié décrété du " + to_string(date)};
}

Rational exact_amount(const PayLine& line) {
  if (line.hours) return Rational(line.hours->count(), 60) * *line.rate;
  // Most lines are a day's rate as it stands: ÷ 1, × 1 and × 1 change nothing (and cannot
  // overflow), so they are skipped.
  Rational out = line.base;
  if (line.divisor != 1) out = out / Rational(line.divisor);
  if (line.multiplier != Rational(1)) out = out * line.multiplier;
  if (line.count != 1) out = out * Rational(line.count);
  return out;
}

std::string FindingMessage::in(std::string_view lang) const {
  std::string out;
  {
    TextOut text(out);
    append_in(lang, text, append_as_is);
  }  // the room not written is given back here
  return out;
}

void FindingMessage::append_in(std::string_view lang, TextOut& out, AppendGivenText append_given) const {
  const bool french = lang == "fr";
  std::visit(
      [&](const auto& figures) {
        if constexpr (std::is_same_v<std::decay_t<decltype(figures)>, Text>) {
          append_given(out, figures.shown(french));
        } else {
          figures.render(french, out, append_given);
        }
      },
      figures_);
}

std::string to_string(LineCode code) {
  switch (code) {
    case LineCode::daily_rate: return "daily_rate";
    case LineCode::weekly_rate: return "weekly_rate";
    case LineCode::sixth_day: return "sixth_day";
    case LineCode::seventh_day: return "seventh_day";
    case LineCode::holiday_worked: return "holiday_worked";
    case LineCode::overtime: return "overtime";
    case LineCode::turnaround: return "turnaround";
    case LineCode::rest_period: return "rest_period";
    case LineCode::meal_penalty: return "meal_penalty";
    case LineCode::holiday_unworked: return "holiday_unworked";
    case LineCode::holiday_day_off_not_given: return "holiday_day_off_not_given";
  }
  return "unknown";
}

std::string to_string(AllowanceCode code) {
  switch (code) {
    case AllowanceCode::per_diem_incidentals: return "per_diem_incidentals";
    case AllowanceCode::per_diem_meals: return "per_diem_meals";
  }
  return "unknown";
}

std::string to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "unknown";
}

}  // namespace plateau::engine
