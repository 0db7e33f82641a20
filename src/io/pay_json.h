// Writing computed pay as JSON (../shared/spec/payroll-io.md, "Output", format plateau-pay/1).
// Money with exactly 2 decimals, rates exact, hours with 2 decimals, explanations in `lang`.
#pragma once

#include <string>
#include <string_view>

#include "engine/pay.h"

namespace plateau::io {

std::string write_pay_json(const engine::BatchPay& pay, const std::string& lang);
// The same, appended to `out` (streams write many batches into one buffer).
void append_pay_json(const engine::BatchPay& pay, const std::string& lang, std::string& out);

// `text` as a JSON string literal, quotes included.
std::string json_string(std::string_view text);
void append_json_string(std::string& out, std::string_view text);

}  // namespace plateau::io
