// The SQLite driver: one connection, prepared per statement.
#include <sqlite3.h>

#include "store/database.h"

namespace plateau::store {
namespace {

// How long a writer waits for another process's write lock before giving up.
constexpr int kBusyTimeoutMs = 10'000;

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(sqlite3* connection) : connection_(connection) {}
  ~SqliteDatabase() override { sqlite3_close_v2(connection_); }
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }

  void execute_script(std::string_view sql) override {
    const std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(connection_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string reason = message != nullptr ? message : sqlite3_errmsg(connection_);
      sqlite3_free(message);
      throw error(reason, sqlite3_extended_errcode(connection_));
    }
  }

  void begin() override { execute_script("BEGIN IMMEDIATE"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() override { execute_script("ROLLBACK"); }

 protected:
  std::vector<Row> query_list(std::string_view sql, const Param* params, std::size_t count) override {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK) {
      throw error(std::string(sqlite3_errmsg(connection_)) + " in: " + std::string(sql));
    }
    struct Finalize {
      sqlite3_stmt* statement;
      ~Finalize() { sqlite3_finalize(statement); }
    } finalize{statement};
    for (std::size_t i = 0; i < count; ++i) {
      const int index = static_cast<int>(i) + 1;
      int status = SQLITE_OK;
      if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
        status = sqlite3_bind_int64(statement, index, *integer);
      } else if (const auto* text = std::get_if<std::string_view>(&params[i])) {
        status = sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else {
        status = sqlite3_bind_null(statement, index);
      }
      if (status != SQLITE_OK) throw error(sqlite3_errmsg(connection_));
    }
    std::vector<Row> rows;
    for (;;) {
      const int status = sqlite3_step(statement);
      if (status == SQLITE_DONE) break;
      if (status != SQLITE_ROW) throw error(sqlite3_errmsg(connection_), sqlite3_extended_errcode(connection_));
      Row row;
      const int columns = sqlite3_column_count(statement);
      row.cells.reserve(static_cast<std::size_t>(columns));
      for (int column = 0; column < columns; ++column) {
        if (sqlite3_column_type(statement, column) == SQLITE_NULL) {
          row.cells.emplace_back(std::nullopt);
          continue;
        }
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        row.cells.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column))));
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

 private:
  DatabaseError error(const std::string& message, int code = SQLITE_ERROR) const {
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
      return DatabaseError(DatabaseError::Kind::unique_violation, "SQLite: " + message);
    }
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) return DatabaseError(DatabaseError::Kind::busy, "SQLite: " + message);
    return DatabaseError(DatabaseError::Kind::failure, "SQLite: " + message);
  }

  sqlite3* connection_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path) {
  sqlite3* connection = nullptr;
  const int status = sqlite3_open_v2(path.c_str(), &connection,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (status != SQLITE_OK) {
    std::string message = connection != nullptr ? sqlite3_errmsg(connection) : sqlite3_errstr(status);
    sqlite3_close_v2(connection);
    return fail(path + ": cannot open the SQLite database: " + message);
  }
  auto database = std::make_unique<SqliteDatabase>(connection);
  sqlite3_busy_timeout(connection, kBusyTimeoutMs);
  try {
    // WAL: readers never wait for the writer. synchronous=FULL: a COMMIT is on disk when it
    // returns. foreign_keys: SQLite leaves them off unless asked, per connection.
    database->execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    // A file that is not a database fails only when first read.
    database->query("SELECT count(*) FROM sqlite_master");
  } catch (const DatabaseError& failure) {
    return fail(path + ": " + failure.what());
  }
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace plateau::store
