// `plateau explain`: one person's pay derived step by step, for a crew member or an auditor who
// wants to redo it — each day's facts as given (call, wrap, elapsed time, meals, location), then
// each pay line of that day with its arithmetic, its article and the agreement's own words (and
// the reading plateau took, where the sheet is ambiguous); then contributions, taxes and net pay.
#pragma once

#include <optional>
#include <string>

#include "core/calendar.h"
#include "engine/batch.h"
#include "engine/pay.h"

namespace plateau::io {

// REQUIRES: `pay` was computed from `input` (same id). With `only`, that date's facts, lines,
// per diems and findings alone.
std::string write_derivation(const engine::CrewInput& input, const engine::PersonPay& pay,
                             const engine::Production& production, std::optional<Date> only, const std::string& lang);

}  // namespace plateau::io
