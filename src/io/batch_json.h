// Reading a payroll batch from JSON (../shared/spec/payroll-io.md, "Input").
//
// Strict: an unknown or duplicate key, a value of the wrong type or form, or a missing required
// field rejects the whole batch with a message naming the field path ("crew[0].days[3].wrap"),
// what was found and what was expected. Money given as a JSON number is read from its text,
// never through a binary float.
#pragma once

#include <memory>
#include <string_view>

#include "core/error.h"
#include "engine/batch.h"

namespace plateau::io {

// The whole text of one JSON document.
Result<engine::Batch> read_batch_json(std::string_view json);

// Reads one batch after another with the same parser, reusing its memory: for streams of
// batches (stream/ndjson.h), where a parser per batch would cost more than the parse.
class BatchJsonReader {
 public:
  BatchJsonReader();
  ~BatchJsonReader();
  BatchJsonReader(const BatchJsonReader&) = delete;
  BatchJsonReader& operator=(const BatchJsonReader&) = delete;

  // As read_batch_json, into `into`, which may hold the previous batch read: every field is set
  // again (to what the document gives or to its default), but its vectors and strings keep their
  // memory, so a stream of batches of about the same shape is read without allocating. On
  // failure `into` holds part of the document and is not to be used, except to read into again.
  Result<void> read(std::string_view json, engine::Batch& into);

  // As read_batch_json: a fresh batch.
  Result<engine::Batch> read(std::string_view json);

 private:
  struct State;
  static Result<void> read_into(State& state, std::string_view json, engine::Batch& into);

  std::unique_ptr<State> state_;
};

}  // namespace plateau::io
