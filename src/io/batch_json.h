// Reading a payroll batch from JSON (../shared/spec/payroll-io.md, "Input").
//
// Strict: an unknown or duplicate key, a value of the wrong type or form, or a missing required
// field rejects the whole batch with a message naming the field path ("crew[0].days[3].wrap"),
// what was found and what was expected. Money given as a JSON number is read from its text,
// never through a binary float.
#pragma once

#include <string_view>

#include "core/error.h"
#include "engine/batch.h"

namespace plateau::io {

// The whole text of one JSON document.
Result<engine::Batch> read_batch_json(std::string_view json);

}  // namespace plateau::io
