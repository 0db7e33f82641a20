// Writing CSV as RFC 4180 has it: fields separated by commas, quoted when they hold a comma, a
// quote or a line break (quotes doubled), rows ended by CRLF so spreadsheets open them as is.
#pragma once

#include <string>
#include <vector>

namespace plateau::io {

std::string csv_field(const std::string& text);
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace plateau::io
