// The PostgreSQL driver (libpq): one connection, text parameters and results.
#include <libpq-fe.h>

#include <string>

#include "store/database.h"

namespace plateau::store {
namespace {

// SQLSTATE of a unique constraint violation, and of the failures that a retry can cure.
constexpr std::string_view kUniqueViolation = "23505";
constexpr std::string_view kSerializationFailure = "40001";
constexpr std::string_view kDeadlockDetected = "40P01";

// The store's `?` placeholders as PostgreSQL's $1, $2, … (the store's SQL has no `?` in literals).
std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  for (const char c : sql) {
    if (c != '?') {
      out += c;
      continue;
    }
    out += '$';
    out += std::to_string(next++);
  }
  return out;
}

class PostgresqlDatabase final : public Database {
 public:
  explicit PostgresqlDatabase(PGconn* connection) : connection_(connection) {}
  ~PostgresqlDatabase() override { PQfinish(connection_); }
  PostgresqlDatabase(const PostgresqlDatabase&) = delete;
  PostgresqlDatabase& operator=(const PostgresqlDatabase&) = delete;

  Dialect dialect() const override { return Dialect::postgresql; }

  void execute_script(std::string_view sql) override {
    const std::string text(sql);
    PgResult result(PQexec(connection_, text.c_str()));
    check(result.get(), text);
  }

  void begin() override { execute_script("BEGIN"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() override { execute_script("ROLLBACK"); }

 protected:
  std::vector<Row> query_list(std::string_view sql, const Param* params, std::size_t count) override {
    const std::string text = numbered_placeholders(sql);
    std::vector<std::string> owned(count);
    std::vector<const char*> values(count, nullptr);
    for (std::size_t i = 0; i < count; ++i) {
      if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
        owned[i] = std::to_string(*integer);
        values[i] = owned[i].c_str();
      } else if (const auto* view = std::get_if<std::string_view>(&params[i])) {
        owned[i] = std::string(*view);
        values[i] = owned[i].c_str();
      }
    }
    PgResult result(PQexecParams(connection_, text.c_str(), static_cast<int>(count), nullptr, values.data(), nullptr,
                               nullptr, 0));
    check(result.get(), text);
    std::vector<Row> rows;
    const int tuples = PQntuples(result.get());
    const int fields = PQnfields(result.get());
    rows.reserve(static_cast<std::size_t>(tuples));
    for (int tuple = 0; tuple < tuples; ++tuple) {
      Row row;
      row.cells.reserve(static_cast<std::size_t>(fields));
      for (int field = 0; field < fields; ++field) {
        if (PQgetisnull(result.get(), tuple, field) != 0) {
          row.cells.emplace_back(std::nullopt);
          continue;
        }
        row.cells.emplace_back(std::string(PQgetvalue(result.get(), tuple, field),
                                           static_cast<std::size_t>(PQgetlength(result.get(), tuple, field))));
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

 private:
  // Owns a PGresult.
  class PgResult {
   public:
    explicit PgResult(PGresult* result) : result_(result) {}
    ~PgResult() { PQclear(result_); }
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    PGresult* get() const { return result_; }

   private:
    PGresult* result_;
  };

  void check(PGresult* result, const std::string& sql) const {
    const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string_view sqlstate = state != nullptr ? state : "";
    const std::string message = "PostgreSQL: " + std::string(PQerrorMessage(connection_)) + " in: " + sql;
    if (sqlstate == kUniqueViolation) throw DatabaseError(DatabaseError::Kind::unique_violation, message);
    if (sqlstate == kSerializationFailure || sqlstate == kDeadlockDetected) {
      throw DatabaseError(DatabaseError::Kind::busy, message);
    }
    throw DatabaseError(DatabaseError::Kind::failure, message);
  }

  PGconn* connection_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgresql(const std::string& uri) {
  PGconn* connection = PQconnectdb(uri.c_str());
  if (connection == nullptr) return fail("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection);
    PQfinish(connection);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return fail("cannot connect to PostgreSQL at " + shown_target(uri) + ": " + without_secret(message, uri));
  }
  auto database = std::make_unique<PostgresqlDatabase>(connection);
  try {
    // The store's notices (CREATE … IF NOT EXISTS) are not the user's business.
    database->execute_script("SET client_min_messages TO WARNING");
  } catch (const DatabaseError& failure) {
    return fail(without_secret(failure.what(), uri));
  }
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace plateau::store
