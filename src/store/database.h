// The SQL database under the store: one small interface, two drivers (SQLite, PostgreSQL).
//
// The store (store.h) writes its SQL once, with `?` placeholders, in the dialect both databases
// share (INSERT … ON CONFLICT, RETURNING, CTEs); only the schema's DDL differs (migrations.cc).
// The PostgreSQL driver numbers the placeholders ($1, $2, …) itself.
//
// Failures of the database itself (disk full, connection lost, a constraint the store did not
// expect) end the operation: they are thrown as DatabaseError and the open transaction is rolled
// back by Transaction's destructor. Opening a database is an expected failure (bad path, server
// down) and returns an Error.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"

namespace plateau::store {

enum class Dialect { sqlite, postgresql };

// A statement's parameter: NULL, an integer or a text.
using Param = std::variant<std::nullptr_t, std::int64_t, std::string_view>;

// One row of a result, every cell as text (NULL as nullopt), in the order of the SELECT.
struct Row {
  std::vector<std::optional<std::string>> cells;

  bool is_null(std::size_t column) const { return !cells.at(column).has_value(); }
  const std::string& text(std::size_t column) const;   // REQUIRES: not NULL
  std::int64_t integer(std::size_t column) const;       // REQUIRES: not NULL, an integer
  std::optional<std::string> optional_text(std::size_t column) const { return cells.at(column); }
};

class DatabaseError : public std::runtime_error {
 public:
  enum class Kind { failure, unique_violation, busy };
  DatabaseError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  // Runs one statement with `?` placeholders bound to `params`, in order; returns its rows.
  std::vector<Row> query(std::string_view sql, std::initializer_list<Param> params = {}) {
    return query_list(sql, params.begin(), params.size());
  }
  std::vector<Row> query(std::string_view sql, const std::vector<Param>& params) {
    return query_list(sql, params.data(), params.size());
  }

  // Runs several statements without parameters (the schema's migrations).
  virtual void execute_script(std::string_view sql) = 0;

  // A write transaction: SQLite takes the write lock at once (BEGIN IMMEDIATE), so that two
  // writers never deadlock on an upgrade; PostgreSQL runs READ COMMITTED and the store locks the
  // production's row first.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

 protected:
  virtual std::vector<Row> query_list(std::string_view sql, const Param* params, std::size_t count) = 0;
};

// Begins on construction; rolls back on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(Database& database) : database_(database) { database_.begin(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Database& database_;
  bool done_ = false;
};

// A SQLite file, created if missing: WAL journal, synchronous FULL (a committed transaction
// survives the process being killed and the machine losing power), foreign keys on.
Result<std::unique_ptr<Database>> open_sqlite(const std::string& path);

// A PostgreSQL server, by connection URI (postgresql://user:password@host:port/dbname?…).
Result<std::unique_ptr<Database>> open_postgresql(const std::string& uri);

// The target as it may be shown in a message or a log: a password in a PostgreSQL URI
// (user:password@, or password=…) is replaced by "***". A SQLite path is shown as it is.
std::string shown_target(const std::string& target);
// `text` with every occurrence of the password of `target` replaced by "***" (libpq's own
// messages can quote the URI it was given).
std::string without_secret(std::string text, const std::string& target);

// `postgresql://…` or `postgres://…` opens PostgreSQL; anything else is a SQLite file path.
Result<std::unique_ptr<Database>> open_database(const std::string& target);

}  // namespace plateau::store
