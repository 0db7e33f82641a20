// Writing computed pay as JSON (../shared/spec/payroll-io.md, "Output", format plateau-pay/1).
// Money with exactly 2 decimals, rates exact, hours with 2 decimals, explanations in `lang`.
#pragma once

#include <string>

#include "engine/pay.h"

namespace plateau::io {

std::string write_pay_json(const engine::BatchPay& pay, const std::string& lang);

// `text` as a JSON string literal, quotes included.
std::string json_string(const std::string& text);

}  // namespace plateau::io
