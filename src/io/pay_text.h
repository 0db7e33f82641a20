// A pay statement per person that a crew member can read: each line with its explanation,
// gross, per diems and findings, in English or French.
#pragma once

#include <string>

#include "engine/pay.h"

namespace plateau::io {

std::string write_pay_text(const engine::BatchPay& pay, const std::string& production_title, const std::string& lang);

}  // namespace plateau::io
