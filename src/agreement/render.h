// Printing an agreement's rules so a payroll person can check them against the printed sheet
// (`plateau agreements list` and `plateau agreements show`).
#pragma once

#include <string>

#include "agreement/registry.h"

namespace plateau::agreement {

// One line per agreement: id, title, versions with their effective dates.
std::string render_list(const Registry& registry);

// Every rule and figure of one version, with citations, in "en" or "fr".
std::string render_agreement(const Agreement& agreement, const std::string& lang);

}  // namespace plateau::agreement
