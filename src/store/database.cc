// What both drivers share: reading cells, the transaction guard, choosing a driver.
#include "store/database.h"

#include <charconv>
#include <vector>

namespace plateau::store {

const std::string& Row::text(std::size_t column) const {
  const auto& cell = cells.at(column);
  if (!cell) throw DatabaseError(DatabaseError::Kind::failure, "column " + std::to_string(column) + " is NULL");
  return *cell;
}

std::int64_t Row::integer(std::size_t column) const {
  const std::string& cell = text(column);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc() || end != cell.data() + cell.size()) {
    throw DatabaseError(DatabaseError::Kind::failure,
                        "column " + std::to_string(column) + " holds \"" + cell + "\", expected an integer");
  }
  return value;
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    database_.rollback();
  } catch (const DatabaseError&) {
    // The connection is gone or the transaction already ended: nothing was committed either way.
  }
}

void Transaction::commit() {
  database_.commit();
  done_ = true;
}

namespace {

bool is_postgresql(const std::string& target) {
  return target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
}

// The password a PostgreSQL URI holds: user:password@host, or a password=… parameter.
std::vector<std::string> passwords_in(const std::string& uri) {
  std::vector<std::string> found;
  if (!is_postgresql(uri)) return found;
  const auto scheme = uri.find("://") + 3;
  const auto at = uri.find('@', scheme);
  const auto path = uri.find_first_of("/?", scheme);
  if (at != std::string::npos && (path == std::string::npos || at < path)) {
    const auto colon = uri.find(':', scheme);
    if (colon != std::string::npos && colon < at) found.push_back(uri.substr(colon + 1, at - colon - 1));
  }
  for (auto key = uri.find("password="); key != std::string::npos; key = uri.find("password=", key + 1)) {
    if (key != 0 && uri[key - 1] != '?' && uri[key - 1] != '&') continue;
    const auto start = key + std::string_view("password=").size();
    found.push_back(uri.substr(start, uri.find('&', start) - start));
  }
  std::erase_if(found, [](const std::string& password) { return password.empty(); });
  return found;
}

}  // namespace

std::string without_secret(std::string text, const std::string& target) {
  for (const std::string& password : passwords_in(target)) {
    for (auto at = text.find(password); at != std::string::npos; at = text.find(password, at + 3)) {
      text.replace(at, password.size(), "***");
    }
  }
  return text;
}

std::string shown_target(const std::string& target) { return without_secret(target, target); }

Result<std::unique_ptr<Database>> open_database(const std::string& target) {
  if (is_postgresql(target)) return open_postgresql(target);
  return open_sqlite(target);
}

}  // namespace plateau::store
