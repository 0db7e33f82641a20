// A payroll batch as a spreadsheet: the CSV timecard layout of docs/timecard-csv.md, one row per
// person-day, read into the same engine::Batch as the JSON batch and written back without loss.
//
// Reading is RFC 4180 (quoted cells, doubled quotes, line breaks inside quotes, CRLF or LF, an
// optional UTF-8 byte-order mark). A header row names the columns in any order. Person columns
// repeat on each of a person's rows and production columns on every row; where given they must
// agree. Values are read with the JSON reader's parsers and rules. The first problem rejects the
// whole batch with "FILE:ROW:COLUMN: column: found "…"; expected …", ROW being the line of the
// file and COLUMN the 1-based position of the cell.
//
// Writing gives the full header in the documented order (three meal slots, more when a day has
// more meals) and fills every value that is set, defaults included, so the file is a template a
// coordinator can extend. read_batch_csv(write_batch_csv(b), …) == b for every batch the readers
// produce, within the limits listed in docs/timecard-csv.md ("Round trip").
#pragma once

#include <map>
#include <vector>

#include <string>
#include <string_view>

#include "core/error.h"
#include "engine/batch.h"

namespace plateau::io {

// Where each person and day of a batch read from CSV came from, so that a problem found later
// (by the engine, with a field path like "crew[2].days[0].wrap") can be shown at its row and column.
struct CsvPlaces {
  std::string file;
  std::map<std::string, std::size_t> column_of;  // column name → 1-based column
  std::size_t first_row_line = 0;                // the first data row
  std::vector<std::size_t> person_line;          // by crew index: the line of the person's first row
  std::vector<std::vector<std::size_t>> day_line;  // by crew index, then day index
  std::vector<std::string> person_id;
};

// The whole text of one CSV file; `file_name` is only used to name the place in messages. With
// `places`, it is filled with where each person and day came from.
Result<engine::Batch> read_batch_csv(std::string_view text, const std::string& file_name,
                                     CsvPlaces* places = nullptr);

// A message placed by field path ("crew[2].days[0].wrap: …", "production.time_zone: …") placed
// in the CSV file instead: "FILE:ROW:COLUMN: wrap (E-003): …". Other messages are returned as
// they are.
std::string place_in_csv(const std::string& message, const CsvPlaces& places);

// The batch as CSV: a header row, then one row per person-day (a person without days gets one
// row with an empty date). Rows end with CRLF, as spreadsheets write them.
std::string write_batch_csv(const engine::Batch& batch);

}  // namespace plateau::io
