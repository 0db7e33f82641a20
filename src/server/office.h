// The production office: what plateau serve does, whatever carries the requests.
//
//   request ─(http.cc: cookie, CSRF, JSON)→ Office ─(who may?)→ Store (rows, one transaction)
//                                              └─ recompute: timecards → weekly batches in the
//                                                 payroll format → engine → pay in fr and en
//
// Every write is one transaction: the change, its audit entries and the production's recomputed
// pay are committed together or not at all, so stored pay always matches stored timecards. A
// change that makes a week impossible to compute (a wrap the engine refuses) is refused with
// the engine's message, placed on the person, date and field, and nothing is written.
//
// Answers are JSON in the shapes of docs/api.md; failures are ApiErrors (status, code, message,
// field). REQUIRES: one call at a time (the HTTP layer holds a lock); the registry outlives the Office.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "agreement/registry.h"
#include "engine/batch.h"
#include "store/store.h"

namespace plateau::server {

using Json = nlohmann::ordered_json;

struct ApiError {
  int status = 400;
  std::string code;     // bad_input, not_found, forbidden, conflict, bad_login, …
  std::string message;
  std::string field;    // empty when no one field is at fault
};

template <class T>
using Answer = tl::expected<T, ApiError>;

// A logged-in account and its session's CSRF token.
struct Caller {
  store::User user;
  std::string csrf_token;
};

struct LoginTicket {
  Json user;
  std::string token;       // for the cookie
  std::string csrf_token;  // for the page
};

// The time, so that tests can set it: Unix seconds.
using Clock = std::function<std::int64_t()>;

class Office {
 public:
  Office(store::Store store, const agreement::Registry& registry, Clock clock);

  // Sessions.
  Answer<LoginTicket> login(const std::string& login, const std::string& password);
  std::optional<Caller> caller(const std::string& token);
  void logout(const std::string& token);
  Json user_json(const store::User& user) const;

  // Accounts (admin).
  Answer<Json> users(const Caller& caller);
  Answer<Json> create_user(const Caller& caller, const Json& body);
  Answer<Json> add_member(const Caller& caller, std::int64_t production_id, const Json& body);

  Json agreements() const;

  // Productions.
  Answer<Json> productions(const Caller& caller);
  Answer<Json> create_production(const Caller& caller, const Json& body);
  Answer<Json> production(const Caller& caller, std::int64_t production_id);
  Answer<Json> update_production(const Caller& caller, std::int64_t production_id, const Json& body);

  // People.
  Answer<Json> people(const Caller& caller, std::int64_t production_id);
  Answer<Json> put_person(const Caller& caller, std::int64_t production_id, const std::string& person_id,
                          const Json& body);
  Answer<Json> delete_person(const Caller& caller, std::int64_t production_id, const std::string& person_id);

  // Weeks, timecards, pay. `lang` is fr or en.
  Answer<Json> weeks(const Caller& caller, std::int64_t production_id);
  Answer<Json> week(const Caller& caller, std::int64_t production_id, const std::string& date, const std::string& lang);
  Answer<Json> put_timecard(const Caller& caller, std::int64_t production_id, const std::string& person_id,
                            const std::string& date, const Json& body, const std::string& lang);
  Answer<Json> delete_timecard(const Caller& caller, std::int64_t production_id, const std::string& person_id,
                               const std::string& date, const std::string& lang);
  Answer<Json> statement(const Caller& caller, std::int64_t production_id, const std::string& person_id,
                         const std::string& lang);
  Answer<Json> remittances(const Caller& caller, std::int64_t production_id, const std::string& lang);

  // CSV in the input format (../shared/spec/payroll-io.md, examples/le-grand-nord.csv).
  Answer<std::string> export_csv(const Caller& caller, std::int64_t production_id,
                                 const std::optional<std::string>& week);
  Answer<Json> import_csv(const Caller& caller, std::int64_t production_id, const std::string& text);

  Answer<Json> audit(const Caller& caller, std::int64_t production_id, std::int64_t limit,
                     std::optional<std::int64_t> before);

  // On an empty store: imports `demo` (a batch as read from a file) as a production and
  // creates the demo accounts of docs/api.md. Returns the production's id, or nullopt when the
  // store already had accounts (nothing is done).
  Answer<std::optional<std::int64_t>> seed_demo(const engine::Batch& demo);

  // Recomputes every production's pay (on start: an agreement file may have changed).
  void recompute_all();

 private:
  struct Access;
  struct Recomputed;

  Answer<Access> access(const Caller& caller, std::int64_t production_id);
  Recomputed recompute(std::int64_t production_id);
  Answer<void> store_recomputed(std::int64_t production_id, const std::optional<std::string>& changed_week);
  Json week_json(const Access& access, const std::string& week_start, const std::string& lang);
  void audit_change(const Caller* caller, std::optional<std::int64_t> production_id, const std::string& entity,
                    const std::string& key, const std::optional<std::string>& old_value,
                    const std::optional<std::string>& new_value);
  std::string now_text() const;
  std::string week_start_of(const Json& settings, const std::string& date) const;
  Answer<void> import_batch(const Caller* caller, std::int64_t production_id, const Json& batch);

  store::Store store_;
  const agreement::Registry& registry_;
  Clock clock_;
};

}  // namespace plateau::server
