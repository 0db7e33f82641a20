// Writing a payroll batch as JSON (../shared/spec/payroll-io.md, "Input", format
// plateau-payroll/1), pretty-printed with 2-space indentation, so that read_batch_json gives back
// an equal batch: the other half of `plateau convert`.
//
// The production is written whole. A person's id, name, classification, category and rate are
// always written, and a day's date, call and wrap when given; their other fields only when they
// differ from the spec's default, as a person would write the file by hand.
#pragma once

#include <string>

#include "engine/batch.h"

namespace plateau::io {

std::string write_batch_json(const engine::Batch& batch);

}  // namespace plateau::io
