// What plateau serve keeps: accounts, sessions, productions, people, timecards, computed pay and
// the audit log, on SQLite or PostgreSQL (database.h) behind one set of operations.
//
// The store knows rows, not rules: documents are kept as JSON text in the payroll format
// (../shared/spec/payroll-io.md) and handed back as they were given. Deciding who may do what,
// assembling batches and computing pay belong to the server's office (server/office.h).
//
// Every write happens inside a transaction the caller opens (`Store::transaction`); a committed
// transaction survives the process being killed. REQUIRES: one thread at a time per Store.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace plateau::store {

enum class Role { admin, accountant, crew };
std::string to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);

struct Membership {
  std::int64_t production_id = 0;
  std::optional<std::string> person_id;  // set for a crew account: the person it is
};

struct User {
  std::int64_t id = 0;
  std::string login;
  std::string name;
  Role role = Role::crew;
  std::string password_hash;  // libsodium's argon2id string
  std::vector<Membership> memberships;
};

struct Session {
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t expires_at = 0;  // Unix seconds
};

struct Production {
  std::int64_t id = 0;
  std::string settings;  // JSON: the payroll format's `production` object
};

struct Person {
  std::string id;
  std::string engagement;  // JSON: the payroll format's crew object without `days`
};

struct Timecard {
  std::string person_id;
  std::string date;  // YYYY-MM-DD
  std::string day;   // JSON: the payroll format's day object
};

// One person's computed pay for one week, in both languages.
struct PersonPay {
  std::string week_start;
  std::string person_id;
  std::int64_t gross_cents = 0;
  std::string pay_fr;  // JSON: the person's entry in the output's `crew`
  std::string pay_en;
};

// A week's computation: the output without `crew` (format, agreement, remittances, totals), or
// the reason it failed.
struct WeekPay {
  std::string week_start;
  std::optional<std::string> summary_fr;
  std::optional<std::string> summary_en;
  std::optional<std::string> error;
  std::string computed_at;  // ISO UTC
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;  // ISO UTC
  std::optional<std::int64_t> user_id;
  std::string user_login;
  std::optional<std::int64_t> production_id;
  std::string entity;  // production, person, timecard, user, member
  std::string key;     // e.g. "E-001/2009-04-07"
  std::optional<std::string> old_value;  // JSON, absent for a creation
  std::optional<std::string> new_value;  // JSON, absent for a deletion
};

class Store {
 public:
  // Opens `target` (a SQLite path or a postgresql:// URI) and brings its schema up to date.
  static Result<Store> open(const std::string& target);
  explicit Store(std::unique_ptr<Database> database) : database_(std::move(database)) {}

  Database& database() { return *database_; }
  Transaction transaction() { return Transaction(*database_); }

  // Accounts. create_user returns nullopt when the login is taken.
  std::optional<std::int64_t> create_user(const User& user, const std::string& now);
  std::optional<User> user_by_login(const std::string& login);
  std::optional<User> user_by_id(std::int64_t id);
  std::vector<User> users();
  bool has_users();
  void add_member(std::int64_t production_id, std::int64_t user_id, const std::optional<std::string>& person_id);

  // Sessions, by a hash of their token. Expired sessions are not found.
  void create_session(const std::string& token_hash, const Session& session);
  std::optional<Session> session(const std::string& token_hash, std::int64_t now);
  void delete_session(const std::string& token_hash);
  void delete_expired_sessions(std::int64_t now);

  // Productions. lock_production takes the production's row for the rest of the transaction, so
  // that writers to one production (even on several servers) follow one another; false when
  // there is no such production.
  std::int64_t create_production(const std::string& settings, const std::string& now);
  std::optional<Production> production(std::int64_t id);
  std::vector<Production> productions();
  void update_production(std::int64_t id, const std::string& settings);
  bool lock_production(std::int64_t id);

  // People of a production, in id order.
  std::vector<Person> people(std::int64_t production_id);
  std::optional<Person> person(std::int64_t production_id, const std::string& person_id);
  void put_person(std::int64_t production_id, const Person& person);
  void delete_person(std::int64_t production_id, const std::string& person_id);

  // Timecards of a production, by date then person; `from`..`to` inclusive when given.
  std::vector<Timecard> timecards(std::int64_t production_id, const std::optional<std::string>& from = std::nullopt,
                                  const std::optional<std::string>& to = std::nullopt);
  std::optional<Timecard> timecard(std::int64_t production_id, const std::string& person_id, const std::string& date);
  void put_timecard(std::int64_t production_id, const Timecard& timecard);
  void delete_timecard(std::int64_t production_id, const std::string& person_id, const std::string& date);

  // Computed pay: replace_pay swaps a production's whole computed pay for a new one.
  void replace_pay(std::int64_t production_id, const std::vector<WeekPay>& weeks, const std::vector<PersonPay>& people);
  std::vector<WeekPay> week_pays(std::int64_t production_id);
  std::optional<WeekPay> week_pay(std::int64_t production_id, const std::string& week_start);
  // One week's pay of the people given (all of them when `person_id` is nullopt).
  std::vector<PersonPay> person_pays(std::int64_t production_id, const std::optional<std::string>& week_start,
                                     const std::optional<std::string>& person_id);

  // The audit log: appended, never changed. Newest first, `before` an id for paging.
  void append_audit(const AuditEntry& entry);
  std::vector<AuditEntry> audit(std::int64_t production_id, std::int64_t limit,
                                std::optional<std::int64_t> before = std::nullopt);

 private:
  std::vector<Membership> memberships(std::int64_t user_id);
  std::unique_ptr<Database> database_;
};

}  // namespace plateau::store
