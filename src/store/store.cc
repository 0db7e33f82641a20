// The store's SQL, written once for both dialects (database.h).
#include "store/store.h"

#include "store/migrations.h"

namespace plateau::store {
namespace {

std::optional<std::int64_t> optional_integer(const Row& row, std::size_t column) {
  if (row.is_null(column)) return std::nullopt;
  return row.integer(column);
}

Param optional_param(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return std::string_view(*text);
}

Param optional_param(const std::optional<std::int64_t>& value) {
  if (!value) return nullptr;
  return *value;
}

constexpr const char* kUserColumns = "SELECT id, login, name, role, password_hash FROM users";

}  // namespace

std::string to_string(Role role) {
  switch (role) {
    case Role::admin: return "admin";
    case Role::accountant: return "accountant";
    case Role::crew: return "crew";
  }
  return "crew";
}

std::optional<Role> role_from_string(std::string_view text) {
  if (text == "admin") return Role::admin;
  if (text == "accountant") return Role::accountant;
  if (text == "crew") return Role::crew;
  return std::nullopt;
}

Result<Store> Store::open(const std::string& target) {
  auto database = open_database(target);
  if (!database) return tl::unexpected(database.error());
  if (auto migrated = migrate(**database); !migrated) {
    return tl::unexpected(Error{without_secret(migrated.error().at(shown_target(target)).message, target)});
  }
  return Store(std::move(*database));
}

// Accounts.

std::optional<std::int64_t> Store::create_user(const User& user, const std::string& now) {
  if (!database_->query("SELECT 1 FROM users WHERE login = ?", {user.login}).empty()) return std::nullopt;
  const std::string role = to_string(user.role);
  const auto rows = database_->query(
      "INSERT INTO users (login, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
      {user.login, user.name, role, user.password_hash, now});
  return rows.at(0).integer(0);
}

std::vector<Membership> Store::memberships(std::int64_t user_id) {
  std::vector<Membership> out;
  for (const Row& row :
       database_->query("SELECT production_id, person_id FROM members WHERE user_id = ? ORDER BY production_id", {user_id})) {
    out.push_back(Membership{row.integer(0), row.optional_text(1)});
  }
  return out;
}

namespace {
User user_from(const Row& row) {
  User user;
  user.id = row.integer(0);
  user.login = row.text(1);
  user.name = row.text(2);
  user.role = role_from_string(row.text(3)).value_or(Role::crew);
  user.password_hash = row.text(4);
  return user;
}
}  // namespace

std::optional<User> Store::user_by_login(const std::string& login) {
  const auto rows = database_->query(std::string(kUserColumns) + " WHERE login = ?", {login});
  if (rows.empty()) return std::nullopt;
  User user = user_from(rows[0]);
  user.memberships = memberships(user.id);
  return user;
}

std::optional<User> Store::user_by_id(std::int64_t id) {
  const auto rows = database_->query(std::string(kUserColumns) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  User user = user_from(rows[0]);
  user.memberships = memberships(user.id);
  return user;
}

std::vector<User> Store::users() {
  std::vector<User> out;
  for (const Row& row : database_->query(std::string(kUserColumns) + " ORDER BY id")) out.push_back(user_from(row));
  for (User& user : out) user.memberships = memberships(user.id);
  return out;
}

bool Store::has_users() { return !database_->query("SELECT 1 FROM users LIMIT 1").empty(); }

void Store::add_member(std::int64_t production_id, std::int64_t user_id, const std::optional<std::string>& person_id) {
  database_->query(
      "INSERT INTO members (production_id, user_id, person_id) VALUES (?, ?, ?) "
      "ON CONFLICT (production_id, user_id) DO UPDATE SET person_id = excluded.person_id",
      {production_id, user_id, optional_param(person_id)});
}

// Sessions.

void Store::create_session(const std::string& token_hash, const Session& session) {
  database_->query("INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                   {token_hash, session.user_id, session.csrf_token, session.expires_at});
}

std::optional<Session> Store::session(const std::string& token_hash, std::int64_t now) {
  const auto rows = database_->query(
      "SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?", {token_hash, now});
  if (rows.empty()) return std::nullopt;
  return Session{rows[0].integer(0), rows[0].text(1), rows[0].integer(2)};
}

void Store::delete_session(const std::string& token_hash) {
  database_->query("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

void Store::delete_expired_sessions(std::int64_t now) {
  database_->query("DELETE FROM sessions WHERE expires_at <= ?", {now});
}

// Productions.

std::int64_t Store::create_production(const std::string& settings, const std::string& now) {
  const auto rows =
      database_->query("INSERT INTO productions (settings, created_at) VALUES (?, ?) RETURNING id", {settings, now});
  return rows.at(0).integer(0);
}

std::optional<Production> Store::production(std::int64_t id) {
  const auto rows = database_->query("SELECT id, settings FROM productions WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return Production{rows[0].integer(0), rows[0].text(1)};
}

std::vector<Production> Store::productions() {
  std::vector<Production> out;
  for (const Row& row : database_->query("SELECT id, settings FROM productions ORDER BY id")) {
    out.push_back(Production{row.integer(0), row.text(1)});
  }
  return out;
}

void Store::update_production(std::int64_t id, const std::string& settings) {
  database_->query("UPDATE productions SET settings = ? WHERE id = ?", {settings, id});
}

bool Store::lock_production(std::int64_t id) {
  // An UPDATE takes the row's lock in PostgreSQL until the transaction ends; in SQLite the
  // transaction already holds the database's write lock (BEGIN IMMEDIATE).
  return !database_->query("UPDATE productions SET revision = revision + 1 WHERE id = ? RETURNING revision", {id}).empty();
}

// People.

std::vector<Person> Store::people(std::int64_t production_id) {
  std::vector<Person> out;
  for (const Row& row : database_->query(
           "SELECT person_id, engagement FROM people WHERE production_id = ? ORDER BY person_id", {production_id})) {
    out.push_back(Person{row.text(0), row.text(1)});
  }
  return out;
}

std::optional<Person> Store::person(std::int64_t production_id, const std::string& person_id) {
  const auto rows = database_->query(
      "SELECT person_id, engagement FROM people WHERE production_id = ? AND person_id = ?", {production_id, person_id});
  if (rows.empty()) return std::nullopt;
  return Person{rows[0].text(0), rows[0].text(1)};
}

void Store::put_person(std::int64_t production_id, const Person& person) {
  database_->query(
      "INSERT INTO people (production_id, person_id, engagement) VALUES (?, ?, ?) "
      "ON CONFLICT (production_id, person_id) DO UPDATE SET engagement = excluded.engagement",
      {production_id, person.id, person.engagement});
}

void Store::delete_person(std::int64_t production_id, const std::string& person_id) {
  database_->query("DELETE FROM people WHERE production_id = ? AND person_id = ?", {production_id, person_id});
}

// Timecards.

std::vector<Timecard> Store::timecards(std::int64_t production_id, const std::optional<std::string>& from,
                                       const std::optional<std::string>& to) {
  std::vector<Timecard> out;
  for (const Row& row : database_->query(
           "SELECT person_id, date, day FROM timecards WHERE production_id = ? "
           "AND (CAST(? AS TEXT) IS NULL OR date >= ?) AND (CAST(? AS TEXT) IS NULL OR date <= ?) ORDER BY date, person_id",
           {production_id, optional_param(from), optional_param(from), optional_param(to), optional_param(to)})) {
    out.push_back(Timecard{row.text(0), row.text(1), row.text(2)});
  }
  return out;
}

std::optional<Timecard> Store::timecard(std::int64_t production_id, const std::string& person_id,
                                        const std::string& date) {
  const auto rows = database_->query(
      "SELECT person_id, date, day FROM timecards WHERE production_id = ? AND person_id = ? AND date = ?",
      {production_id, person_id, date});
  if (rows.empty()) return std::nullopt;
  return Timecard{rows[0].text(0), rows[0].text(1), rows[0].text(2)};
}

void Store::put_timecard(std::int64_t production_id, const Timecard& timecard) {
  database_->query(
      "INSERT INTO timecards (production_id, person_id, date, day) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (production_id, person_id, date) DO UPDATE SET day = excluded.day",
      {production_id, timecard.person_id, timecard.date, timecard.day});
}

void Store::delete_timecard(std::int64_t production_id, const std::string& person_id, const std::string& date) {
  database_->query("DELETE FROM timecards WHERE production_id = ? AND person_id = ? AND date = ?",
                   {production_id, person_id, date});
}

// Computed pay.

void Store::replace_pay(std::int64_t production_id, const std::vector<WeekPay>& weeks,
                        const std::vector<PersonPay>& people) {
  database_->query("DELETE FROM person_pay WHERE production_id = ?", {production_id});
  database_->query("DELETE FROM week_pay WHERE production_id = ?", {production_id});
  for (const WeekPay& week : weeks) {
    database_->query(
        "INSERT INTO week_pay (production_id, week_start, summary_fr, summary_en, error, computed_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {production_id, week.week_start, optional_param(week.summary_fr), optional_param(week.summary_en),
         optional_param(week.error), week.computed_at});
  }
  for (const PersonPay& pay : people) {
    database_->query(
        "INSERT INTO person_pay (production_id, week_start, person_id, gross_cents, pay_fr, pay_en) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {production_id, pay.week_start, pay.person_id, pay.gross_cents, pay.pay_fr, pay.pay_en});
  }
}

namespace {
WeekPay week_pay_from(const Row& row) {
  return WeekPay{row.text(0), row.optional_text(1), row.optional_text(2), row.optional_text(3), row.text(4)};
}
}  // namespace

std::vector<WeekPay> Store::week_pays(std::int64_t production_id) {
  std::vector<WeekPay> out;
  for (const Row& row : database_->query(
           "SELECT week_start, summary_fr, summary_en, error, computed_at FROM week_pay WHERE production_id = ? "
           "ORDER BY week_start",
           {production_id})) {
    out.push_back(week_pay_from(row));
  }
  return out;
}

std::optional<WeekPay> Store::week_pay(std::int64_t production_id, const std::string& week_start) {
  const auto rows = database_->query(
      "SELECT week_start, summary_fr, summary_en, error, computed_at FROM week_pay WHERE production_id = ? AND "
      "week_start = ?",
      {production_id, week_start});
  if (rows.empty()) return std::nullopt;
  return week_pay_from(rows[0]);
}

std::vector<PersonPay> Store::person_pays(std::int64_t production_id, const std::optional<std::string>& week_start,
                                          const std::optional<std::string>& person_id) {
  std::vector<PersonPay> out;
  for (const Row& row : database_->query(
           "SELECT week_start, person_id, gross_cents, pay_fr, pay_en FROM person_pay WHERE production_id = ? "
           "AND (CAST(? AS TEXT) IS NULL OR week_start = ?) AND (CAST(? AS TEXT) IS NULL OR person_id = ?) "
           "ORDER BY week_start, person_id",
           {production_id, optional_param(week_start), optional_param(week_start), optional_param(person_id),
            optional_param(person_id)})) {
    out.push_back(PersonPay{row.text(0), row.text(1), row.integer(2), row.text(3), row.text(4)});
  }
  return out;
}

// The audit log.

void Store::append_audit(const AuditEntry& entry) {
  database_->query(
      "INSERT INTO audit_log (at, user_id, user_login, production_id, entity, entity_key, old_value, new_value) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {entry.at, optional_param(entry.user_id), entry.user_login, optional_param(entry.production_id), entry.entity,
       entry.key, optional_param(entry.old_value), optional_param(entry.new_value)});
}

std::vector<AuditEntry> Store::audit(std::int64_t production_id, std::int64_t limit, std::optional<std::int64_t> before) {
  std::vector<AuditEntry> out;
  for (const Row& row : database_->query(
           "SELECT id, at, user_id, user_login, production_id, entity, entity_key, old_value, new_value "
           "FROM audit_log WHERE production_id = ? AND (CAST(? AS BIGINT) IS NULL OR id < ?) ORDER BY id DESC LIMIT ?",
           {production_id, optional_param(before), optional_param(before), limit})) {
    out.push_back(AuditEntry{row.integer(0), row.text(1), optional_integer(row, 2), row.text(3),
                             optional_integer(row, 4), row.text(5), row.text(6), row.optional_text(7),
                             row.optional_text(8)});
  }
  return out;
}

}  // namespace plateau::store
