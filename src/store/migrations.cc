// The schema of plateau serve's store (store.h says what each table holds).
#include "store/migrations.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace plateau::store {
namespace {

struct Migration {
  int version;
  const char* tables;      // both dialects, with $ID and $INT
  const char* sqlite;      // SQLite's own statements, after the tables
  const char* postgresql;  // PostgreSQL's own
};

// Version 1: accounts, sessions, productions, people, timecards, computed pay, the audit log.
// Dates are ISO text (YYYY-MM-DD), instants ISO UTC text, JSON documents text in the payroll
// format of ../shared/spec/payroll-io.md. The tables are written once; `$ID` stands for each
// dialect's generated primary key and `$INT` for its 64-bit integer (dialect_text).
constexpr const char* kTablesV1 = R"sql(
CREATE TABLE users (
  id $ID,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'accountant', 'crew')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id $INT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  expires_at $INT NOT NULL
);
CREATE TABLE productions (
  id $ID,
  settings TEXT NOT NULL,
  revision $INT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE members (
  production_id $INT NOT NULL REFERENCES productions(id) ON DELETE CASCADE,
  user_id $INT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  person_id TEXT,
  PRIMARY KEY (production_id, user_id)
);
CREATE TABLE people (
  production_id $INT NOT NULL REFERENCES productions(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  engagement TEXT NOT NULL,
  PRIMARY KEY (production_id, person_id)
);
CREATE TABLE timecards (
  production_id $INT NOT NULL,
  person_id TEXT NOT NULL,
  date TEXT NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY (production_id, person_id, date),
  FOREIGN KEY (production_id, person_id) REFERENCES people(production_id, person_id) ON DELETE CASCADE
);
CREATE INDEX timecards_by_date ON timecards(production_id, date);
CREATE TABLE week_pay (
  production_id $INT NOT NULL REFERENCES productions(id) ON DELETE CASCADE,
  week_start TEXT NOT NULL,
  summary_fr TEXT,
  summary_en TEXT,
  error TEXT,
  computed_at TEXT NOT NULL,
  PRIMARY KEY (production_id, week_start)
);
CREATE TABLE person_pay (
  production_id $INT NOT NULL REFERENCES productions(id) ON DELETE CASCADE,
  week_start TEXT NOT NULL,
  person_id TEXT NOT NULL,
  gross_cents $INT NOT NULL,
  pay_fr TEXT NOT NULL,
  pay_en TEXT NOT NULL,
  PRIMARY KEY (production_id, week_start, person_id)
);
CREATE TABLE audit_log (
  id $ID,
  at TEXT NOT NULL,
  user_id $INT,
  user_login TEXT NOT NULL,
  production_id $INT,
  entity TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX audit_by_production ON audit_log(production_id, id);
)sql";

// The audit log refuses UPDATE and DELETE: triggers, in each dialect's own words.
constexpr const char* kSqliteAppendOnlyV1 = R"sql(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

constexpr const char* kPostgresqlAppendOnlyV1 = R"sql(
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
)sql";

// A migration's text for `dialect`: its portable part with $ID and $INT spelled out, then the
// dialect's own part.
std::string dialect_text(const Migration& migration, Dialect dialect) {
  const bool sqlite = dialect == Dialect::sqlite;
  std::string text = migration.tables;
  const std::pair<std::string_view, std::string_view> spellings[] = {
      {"$ID", sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"},
      {"$INT", sqlite ? "INTEGER" : "BIGINT"},
  };
  for (const auto& [token, spelling] : spellings) {
    for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + spelling.size())) {
      text.replace(at, token.size(), spelling);
    }
  }
  return text + (sqlite ? migration.sqlite : migration.postgresql);
}

constexpr std::array kMigrations{Migration{1, kTablesV1, kSqliteAppendOnlyV1, kPostgresqlAppendOnlyV1}};

}  // namespace

int latest_schema_version() { return kMigrations.back().version; }

Result<int> migrate(Database& database) {
  try {
    database.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    int current = 0;
    {
      // Two servers starting at once on one PostgreSQL database: the second waits here for the
      // first's migration, then finds it done.
      Transaction transaction(database);
      if (database.dialect() == Dialect::postgresql) database.execute_script("LOCK TABLE schema_migrations");
      const auto rows = database.query("SELECT coalesce(max(version), 0) FROM schema_migrations");
      current = static_cast<int>(rows.at(0).integer(0));
      if (current > latest_schema_version()) {
        return fail("the database's schema is version " + std::to_string(current) + "; this plateau knows up to " +
                    std::to_string(latest_schema_version()) + ": use a newer plateau");
      }
      for (const Migration& migration : kMigrations) {
        if (migration.version <= current) continue;
        database.execute_script(dialect_text(migration, database.dialect()));
        database.query("INSERT INTO schema_migrations (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)",
                       {std::int64_t{migration.version}});
        current = migration.version;
      }
      transaction.commit();
    }
    return current;
  } catch (const DatabaseError& failure) {
    return fail(std::string("cannot migrate the database: ") + failure.what());
  }
}

}  // namespace plateau::store
