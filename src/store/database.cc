// What both drivers share: reading cells, the transaction guard, choosing a driver.
#include "store/database.h"

#include <charconv>

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

Result<std::unique_ptr<Database>> open_database(const std::string& target) {
  if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0) return open_postgresql(target);
  return open_sqlite(target);
}

}  // namespace plateau::store
