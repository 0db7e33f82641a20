// The production office (office.h): permissions, batches, recomputation, CSV, audit.
#include "server/office.h"

#include <charconv>
#include <ctime>
#include <map>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/money.h"
#include "engine/compute.h"
#include "io/batch_csv.h"
#include "io/batch_json.h"
#include "io/batch_json_write.h"
#include "io/pay_json.h"
#include "server/auth.h"

namespace plateau::server {
namespace {

constexpr const char* kInputFormat = "plateau-payroll/1";
constexpr int kDaysInWeek = 7;
// The name the audit log gives changes made by plateau itself (the demo's import).
constexpr const char* kSystemLogin = "plateau";
// A session lasts a working day and a half.
constexpr std::int64_t kSessionSeconds = 12 * 60 * 60;
constexpr std::int64_t kMaxAuditPage = 500;

ApiError bad_input(std::string message, std::string field = {}) {
  return ApiError{400, "bad_input", std::move(message), std::move(field)};
}
ApiError not_found(std::string message) { return ApiError{404, "not_found", std::move(message), {}}; }
ApiError forbidden(std::string message) { return ApiError{403, "forbidden", std::move(message), {}}; }

template <class T = Json>
tl::unexpected<ApiError> refuse(ApiError error) {
  return tl::unexpected<ApiError>(std::move(error));
}

Json parse_stored(const std::string& text) { return Json::parse(text); }

// A money value of a document (string or number), in cents; 0 when absent.
std::int64_t cents_of(const Json& value) {
  if (value.is_null()) return 0;
  const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  const auto money = Money::parse(text);
  return money ? money->cents() : 0;
}

std::string money_text(std::int64_t cents) { return Money::from_cents(cents).to_string(); }

// "crew[2].days[1].wrap: expected …" in a batch the office built, placed on the person and date
// it stands for: message "E-003, 2009-04-07: wrap: expected …", field "wrap".
ApiError placed_error(const std::string& message, const std::vector<std::string>& people,
                      const std::vector<std::vector<std::string>>& dates) {
  ApiError error = bad_input(message);
  auto read_index = [&](std::size_t& at, std::string_view opening) -> std::optional<std::size_t> {
    if (message.compare(at, opening.size(), opening) != 0) return std::nullopt;
    std::size_t value = 0;
    const char* first = message.data() + at + opening.size();
    const auto [end, status] = std::from_chars(first, message.data() + message.size(), value);
    if (status != std::errc() || end == message.data() + message.size() || *end != ']') return std::nullopt;
    at = static_cast<std::size_t>(end - message.data()) + 1;
    return value;
  };
  std::size_t at = 0;
  const auto person = read_index(at, "crew[");
  if (!person || *person >= people.size()) return error;
  std::string place = people[*person];
  if (const auto day = read_index(at, ".days["); day && *day < dates[*person].size()) {
    place += ", " + dates[*person][*day];
  }
  const auto colon = message.find(": ", at);
  if (colon == std::string::npos) return error;
  if (at < message.size() && message[at] == '.') error.field = message.substr(at + 1, colon - at - 1);
  error.message = place + ": " + (error.field.empty() ? "" : error.field + ": ") + message.substr(colon + 2);
  return error;
}

// The production's settings as given, checked by reading them as a batch with nobody in it.
Answer<Json> checked_settings(const Json& body, const agreement::Registry& registry) {
  if (!body.is_object()) return refuse(bad_input("expected a JSON object: the payroll format's production"));
  Json settings = body;
  settings.erase("id");
  if (!settings.contains("agreement")) return refuse(bad_input("missing: the agreement (e.g. \"dgc-quebec\")", "agreement"));
  if (!settings.contains("title")) settings["title"] = "";
  const Json batch = {{"format", kInputFormat}, {"production", settings}, {"crew", Json::array()}};
  auto read = io::read_batch_json(batch.dump());
  if (!read) {
    const std::string& message = read.error().message;
    const std::string prefix = "production.";
    if (message.rfind(prefix, 0) == 0) {
      const auto colon = message.find(": ");
      return refuse(bad_input(message.substr(prefix.size()), message.substr(prefix.size(), colon - prefix.size())));
    }
    return refuse(bad_input(message));
  }
  if (const std::string zone = settings.value("time_zone", "America/Toronto"); !TimeZone::named(zone)) {
    return refuse(bad_input("time zone \"" + zone + "\" is not in the tz database; expected an IANA name such as America/Toronto",
                            "time_zone"));
  }
  if (registry.versions(settings["agreement"].get<std::string>()).empty()) {
    std::string known;
    for (const auto& id : registry.ids()) known += (known.empty() ? "" : ", ") + id;
    return refuse(bad_input("agreement \"" + settings["agreement"].get<std::string>() + "\" is not known; expected one of: " + known,
                            "agreement"));
  }
  return settings;
}

std::string iso_utc(std::int64_t seconds) {
  const std::time_t time = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[sizeof "2026-11-22T14:03:11Z"];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

Json with_id(std::int64_t id, const Json& settings) {
  Json out = {{"id", id}};
  for (const auto& [key, value] : settings.items()) out[key] = value;
  return out;
}

}  // namespace

// Who the caller is on one production.
struct Office::Access {
  std::int64_t production_id = 0;
  Json settings;
  bool manager = false;                   // admin, or an accountant of the production
  std::optional<std::string> own_person;  // a crew account: the person it is

  bool sees(const std::string& person_id) const { return manager || own_person == person_id; }
};

// A production's pay, worked out from its stored timecards.
struct Office::Recomputed {
  std::vector<store::WeekPay> weeks;
  std::vector<store::PersonPay> people;
  std::map<std::string, ApiError> errors;  // by week start
};

Office::Office(store::Store store, const agreement::Registry& registry, Clock clock)
    : store_(std::move(store)), registry_(registry), clock_(std::move(clock)) {}

std::string Office::now_text() const { return iso_utc(clock_()); }

std::string Office::week_start_of(const Json& settings, const std::string& date) const {
  const auto day = parse_date(date);
  const auto first = parse_weekday(settings.value("week_starts_on", "sunday"));
  if (!day || !first) return date;
  return to_string(work_week_start(*day, *first));
}

// Sessions.

Json Office::user_json(const store::User& user) const {
  Json productions = Json::array();
  for (const auto& membership : user.memberships) {
    Json entry = {{"production", membership.production_id}};
    if (membership.person_id) entry["person"] = *membership.person_id;
    productions.push_back(entry);
  }
  return {{"id", user.id}, {"login", user.login}, {"name", user.name}, {"role", store::to_string(user.role)},
          {"productions", productions}};
}

Answer<LoginTicket> Office::login(const std::string& login, const std::string& password) {
  const auto user = store_.user_by_login(login);
  // A login that does not exist costs the same time as a wrong password: one hash.
  static const std::string kNobody = hash_password("no account has this password").value_or("");
  const bool good = verify_password(user ? user->password_hash : kNobody, password) && user.has_value();
  if (!good) return refuse(ApiError{401, "bad_login", "wrong login or password", {}});
  LoginTicket ticket{user_json(*user), random_token(), random_token()};
  const std::int64_t now = clock_();
  auto transaction = store_.transaction();
  store_.delete_expired_sessions(now);
  store_.create_session(token_hash(ticket.token), store::Session{user->id, ticket.csrf_token, now + kSessionSeconds});
  transaction.commit();
  return ticket;
}

std::optional<Caller> Office::caller(const std::string& token) {
  if (token.empty()) return std::nullopt;
  const auto session = store_.session(token_hash(token), clock_());
  if (!session) return std::nullopt;
  auto user = store_.user_by_id(session->user_id);
  if (!user) return std::nullopt;
  return Caller{std::move(*user), session->csrf_token};
}

void Office::logout(const std::string& token) {
  auto transaction = store_.transaction();
  store_.delete_session(token_hash(token));
  transaction.commit();
}

// Accounts.

Answer<Json> Office::users(const Caller& caller) {
  if (caller.user.role != store::Role::admin) return refuse(forbidden("only an admin sees the accounts"));
  Json out = Json::array();
  for (const auto& user : store_.users()) out.push_back(user_json(user));
  return out;
}

Answer<Json> Office::create_user(const Caller& caller, const Json& body) {
  if (caller.user.role != store::Role::admin) return refuse(forbidden("only an admin creates accounts"));
  if (!body.is_object()) return refuse(bad_input("expected a JSON object with login, name, role and password"));
  for (const char* key : {"login", "name", "role", "password"}) {
    if (!body.contains(key) || !body[key].is_string()) return refuse(bad_input(std::string("missing: ") + key, key));
  }
  store::User user;
  user.login = body["login"].get<std::string>();
  user.name = body["name"].get<std::string>();
  if (user.login.empty()) return refuse(bad_input("the login is empty", "login"));
  const auto role = store::role_from_string(body["role"].get<std::string>());
  if (!role) return refuse(bad_input("role \"" + body["role"].get<std::string>() + "\"; expected admin, accountant or crew", "role"));
  user.role = *role;
  auto hash = hash_password(body["password"].get<std::string>());
  if (!hash) return refuse(bad_input(hash.error().message, "password"));
  user.password_hash = *hash;
  auto transaction = store_.transaction();
  const auto id = store_.create_user(user, now_text());
  if (!id) return refuse(ApiError{409, "conflict", "the login \"" + user.login + "\" is taken", "login"});
  audit_change(&caller, std::nullopt, "user", user.login, std::nullopt,
               Json({{"login", user.login}, {"name", user.name}, {"role", store::to_string(user.role)}}).dump());
  transaction.commit();
  return user_json(*store_.user_by_id(*id));
}

Answer<Json> Office::add_member(const Caller& caller, std::int64_t production_id, const Json& body) {
  if (caller.user.role != store::Role::admin) return refuse(forbidden("only an admin adds members"));
  if (!store_.production(production_id)) return refuse(not_found("no production " + std::to_string(production_id)));
  if (!body.is_object() || !body.contains("user") || !body["user"].is_number_integer()) {
    return refuse(bad_input("expected {\"user\": ID, \"person\": \"E-001\"}", "user"));
  }
  const auto user = store_.user_by_id(body["user"].get<std::int64_t>());
  if (!user) return refuse(not_found("no account " + body["user"].dump()));
  std::optional<std::string> person;
  if (body.contains("person") && body["person"].is_string()) person = body["person"].get<std::string>();
  if (user->role == store::Role::crew && !person) {
    return refuse(bad_input("a crew account is linked to a person: give \"person\"", "person"));
  }
  auto transaction = store_.transaction();
  store_.add_member(production_id, user->id, user->role == store::Role::crew ? person : std::nullopt);
  audit_change(&caller, production_id, "member", user->login, std::nullopt, body.dump());
  transaction.commit();
  return user_json(*store_.user_by_id(user->id));
}

Json Office::agreements() const {
  Json out = Json::array();
  for (const auto& id : registry_.ids()) {
    const auto& versions = registry_.versions(id);
    if (versions.empty()) continue;
    const auto& latest = versions.back();
    Json dates = Json::array();
    for (const auto& version : versions) dates.push_back(to_string(version.effective));
    Json classifications = Json::array();
    for (const auto& classification : latest.classifications) {
      classifications.push_back({{"name", classification.name}, {"name_fr", classification.name_fr}});
    }
    out.push_back({{"id", id},
                   {"title", {{"en", latest.title.en}, {"fr", latest.title.in("fr")}}},
                   {"versions", dates},
                   {"production_types", latest.production_types},
                   {"classifications", classifications}});
  }
  return out;
}

// Productions.

Answer<Office::Access> Office::access(const Caller& caller, std::int64_t production_id) {
  const auto production = store_.production(production_id);
  const auto missing = refuse(not_found("no production " + std::to_string(production_id)));
  if (!production) return missing;
  Access out;
  out.production_id = production_id;
  out.settings = parse_stored(production->settings);
  if (caller.user.role == store::Role::admin) {
    out.manager = true;
    return out;
  }
  for (const auto& membership : caller.user.memberships) {
    if (membership.production_id != production_id) continue;
    if (caller.user.role == store::Role::accountant) {
      out.manager = true;
      return out;
    }
    if (!membership.person_id) break;
    out.own_person = membership.person_id;
    return out;
  }
  return missing;
}

Answer<Json> Office::productions(const Caller& caller) {
  Json out = Json::array();
  for (const auto& production : store_.productions()) {
    if (!access(caller, production.id)) continue;
    out.push_back(with_id(production.id, parse_stored(production.settings)));
  }
  return out;
}

Answer<Json> Office::create_production(const Caller& caller, const Json& body) {
  if (caller.user.role == store::Role::crew) return refuse(forbidden("a crew account cannot create productions"));
  auto settings = checked_settings(body, registry_);
  if (!settings) return refuse(settings.error());
  auto transaction = store_.transaction();
  const std::int64_t id = store_.create_production(settings->dump(), now_text());
  if (caller.user.role == store::Role::accountant) store_.add_member(id, caller.user.id, std::nullopt);
  audit_change(&caller, id, "production", std::to_string(id), std::nullopt, settings->dump());
  transaction.commit();
  return with_id(id, *settings);
}

Answer<Json> Office::production(const Caller& caller, std::int64_t production_id) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  return with_id(production_id, found->settings);
}

Answer<Json> Office::update_production(const Caller& caller, std::int64_t production_id, const Json& body) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  if (!found->manager) return refuse(forbidden("only the production's accountants change its settings"));
  auto settings = checked_settings(body, registry_);
  if (!settings) return refuse(settings.error());
  auto transaction = store_.transaction();
  store_.lock_production(production_id);
  store_.update_production(production_id, settings->dump());
  audit_change(&caller, production_id, "production", std::to_string(production_id), found->settings.dump(),
               settings->dump());
  if (auto stored = store_recomputed(production_id, std::nullopt); !stored) return refuse(stored.error());
  transaction.commit();
  return with_id(production_id, *settings);
}

// People.

Answer<Json> Office::people(const Caller& caller, std::int64_t production_id) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  Json out = Json::array();
  for (const auto& person : store_.people(production_id)) {
    if (found->sees(person.id)) out.push_back(parse_stored(person.engagement));
  }
  return out;
}

Answer<Json> Office::put_person(const Caller& caller, std::int64_t production_id, const std::string& person_id,
                                const Json& body) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  if (!found->manager) return refuse(forbidden("only the production's accountants enter deal memos"));
  if (!body.is_object()) return refuse(bad_input("expected a JSON object: the payroll format's crew member without days"));
  if (body.contains("days")) return refuse(bad_input("days are entered as timecards, not with the person", "days"));
  if (body.contains("id") && body["id"] != person_id) {
    return refuse(bad_input("id " + body["id"].dump() + " differs from the address's \"" + person_id + "\"", "id"));
  }
  if (person_id.empty()) return refuse(bad_input("the person's id is empty", "id"));
  Json person = {{"id", person_id}};
  for (const auto& [key, value] : body.items()) {
    if (key != "id") person[key] = value;
  }
  // Checked as the engine will read it: a batch with this person and no days.
  Json trial_person = person;
  trial_person["days"] = Json::array();
  const Json trial = {{"format", kInputFormat}, {"production", found->settings}, {"crew", Json::array({trial_person})}};
  auto read = io::read_batch_json(trial.dump());
  if (!read) return refuse(placed_error(read.error().message, {person_id}, {{}}));
  auto transaction = store_.transaction();
  store_.lock_production(production_id);
  const auto old = store_.person(production_id, person_id);
  store_.put_person(production_id, store::Person{person_id, person.dump()});
  audit_change(&caller, production_id, "person", person_id,
               old ? std::optional<std::string>(old->engagement) : std::nullopt, person.dump());
  if (auto stored = store_recomputed(production_id, std::nullopt); !stored) return refuse(stored.error());
  transaction.commit();
  return person;
}

Answer<Json> Office::delete_person(const Caller& caller, std::int64_t production_id, const std::string& person_id) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  if (!found->manager) return refuse(forbidden("only the production's accountants remove people"));
  auto transaction = store_.transaction();
  store_.lock_production(production_id);
  const auto old = store_.person(production_id, person_id);
  if (!old) return refuse(not_found("no person \"" + person_id + "\" in production " + std::to_string(production_id)));
  for (const auto& timecard : store_.timecards(production_id)) {
    if (timecard.person_id != person_id) continue;
    audit_change(&caller, production_id, "timecard", person_id + "/" + timecard.date, timecard.day, std::nullopt);
  }
  store_.delete_person(production_id, person_id);
  audit_change(&caller, production_id, "person", person_id, old->engagement, std::nullopt);
  if (auto stored = store_recomputed(production_id, std::nullopt); !stored) return refuse(stored.error());
  transaction.commit();
  return Json(nullptr);
}

// Recomputation.

Office::Recomputed Office::recompute(std::int64_t production_id) {
  Recomputed out;
  const auto production = store_.production(production_id);
  if (!production) return out;
  const Json settings = parse_stored(production->settings);
  std::map<std::string, Json> engagements;
  for (const auto& person : store_.people(production_id)) engagements[person.id] = parse_stored(person.engagement);
  // week start → person → days in date order (the store gives timecards by date).
  std::map<std::string, std::map<std::string, std::vector<Json>>> weeks;
  for (const auto& timecard : store_.timecards(production_id)) {
    weeks[week_start_of(settings, timecard.date)][timecard.person_id].push_back(parse_stored(timecard.day));
  }
  std::map<std::string, std::int64_t> earlier_gross;  // by person: the gross of the weeks before
  const std::string computed_at = now_text();
  for (const auto& [week_start, people] : weeks) {
    Json crew = Json::array();
    std::vector<std::string> ids;
    std::vector<std::vector<std::string>> dates;
    for (const auto& [person_id, days] : people) {
      Json member = engagements.at(person_id);
      member["production_gross_to_date"] =
          money_text(cents_of(member.value("production_gross_to_date", Json())) + earlier_gross[person_id]);
      member["days"] = days;
      ids.push_back(person_id);
      dates.emplace_back();
      for (const Json& day : days) dates.back().push_back(day.value("date", ""));
      crew.push_back(std::move(member));
    }
    const Json batch = {{"format", kInputFormat}, {"production", settings}, {"crew", crew}};
    store::WeekPay week{week_start, std::nullopt, std::nullopt, std::nullopt, computed_at};
    auto failed = [&](const std::string& message) {
      out.errors.emplace(week_start, placed_error(message, ids, dates));
      week.error = out.errors.at(week_start).message;
      out.weeks.push_back(week);
    };
    auto read = io::read_batch_json(batch.dump());
    if (!read) {
      failed(read.error().message);
      continue;
    }
    Result<engine::BatchPay> pay = fail("not computed");
    try {
      pay = engine::compute(*read, registry_);
    } catch (const OverflowError& overflow) {
      failed(overflow.what());
      continue;
    }
    if (!pay) {
      failed(pay.error().message);
      continue;
    }
    Json french = Json::parse(io::write_pay_json(*pay, "fr"));
    Json english = Json::parse(io::write_pay_json(*pay, "en"));
    for (std::size_t i = 0; i < french["crew"].size(); ++i) {
      const Json& entry = french["crew"][i];
      const std::string person_id = entry.value("id", "");
      const std::int64_t gross = cents_of(entry.value("gross", Json()));
      earlier_gross[person_id] += gross;
      out.people.push_back(store::PersonPay{week_start, person_id, gross, entry.dump(), english["crew"][i].dump()});
    }
    french.erase("crew");
    english.erase("crew");
    week.summary_fr = french.dump();
    week.summary_en = english.dump();
    out.weeks.push_back(week);
  }
  return out;
}

Answer<void> Office::store_recomputed(std::int64_t production_id, const std::optional<std::string>& changed_week) {
  Recomputed recomputed = recompute(production_id);
  std::map<std::string, bool> failed_before;
  for (const auto& week : store_.week_pays(production_id)) failed_before[week.week_start] = week.error.has_value();
  // The changed week must compute; any other week must not start failing because of the change.
  if (changed_week) {
    if (const auto error = recomputed.errors.find(*changed_week); error != recomputed.errors.end()) {
      return tl::unexpected(error->second);
    }
  }
  for (const auto& [week_start, error] : recomputed.errors) {
    if (!failed_before[week_start]) return tl::unexpected(error);
  }
  store_.replace_pay(production_id, recomputed.weeks, recomputed.people);
  return {};
}

void Office::recompute_all() {
  for (const auto& production : store_.productions()) {
    auto transaction = store_.transaction();
    store_.lock_production(production.id);
    Recomputed recomputed = recompute(production.id);
    store_.replace_pay(production.id, recomputed.weeks, recomputed.people);
    transaction.commit();
  }
}

// Weeks, timecards, pay.

Answer<Json> Office::weeks(const Caller& caller, std::int64_t production_id) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  Json starts = Json::array();
  for (const auto& week : store_.week_pays(production_id)) starts.push_back(week.week_start);
  return Json{{"weeks", starts}};
}

Json Office::week_json(const Access& access, const std::string& week_start, const std::string& lang) {
  const Date start = *parse_date(week_start);
  const std::string end = to_string(add_days(start, kDaysInWeek - 1));
  Json dates = Json::array();
  for (int i = 0; i < kDaysInWeek; ++i) dates.push_back(to_string(add_days(start, i)));
  Json people = Json::array();
  for (const auto& person : store_.people(access.production_id)) {
    if (access.sees(person.id)) people.push_back(parse_stored(person.engagement));
  }
  Json timecards = Json::object();
  for (const auto& timecard : store_.timecards(access.production_id, week_start, end)) {
    if (access.sees(timecard.person_id)) timecards[timecard.person_id][timecard.date] = parse_stored(timecard.day);
  }
  Json out = {{"production", with_id(access.production_id, access.settings)},
              {"start", week_start},
              {"end", end},
              {"dates", dates},
              {"previous", to_string(add_days(start, -kDaysInWeek))},
              {"next", to_string(add_days(start, kDaysInWeek))},
              {"people", people},
              {"timecards", timecards},
              {"pay", nullptr}};
  const auto week = store_.week_pay(access.production_id, week_start);
  if (!week) return out;
  out["computed_at"] = week->computed_at;
  if (week->error) {
    out["pay_error"] = access.manager ? *week->error : "this week cannot be computed; the production's accountant has been shown why";
    return out;
  }
  Json pay = parse_stored(lang == "fr" ? *week->summary_fr : *week->summary_en);
  Json crew = Json::array();
  const auto pays = store_.person_pays(access.production_id, week_start, access.manager ? std::nullopt : access.own_person);
  for (const auto& person : pays) crew.push_back(parse_stored(lang == "fr" ? person.pay_fr : person.pay_en));
  Json ordered = {{"format", pay["format"]}, {"agreement", pay["agreement"]}, {"crew", crew}};
  if (access.manager) {
    ordered["remittances"] = pay["remittances"];
    ordered["totals"] = pay["totals"];
  }
  out["pay"] = ordered;
  return out;
}

Answer<Json> Office::week(const Caller& caller, std::int64_t production_id, const std::string& date,
                          const std::string& lang) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  if (!parse_date(date)) return refuse(bad_input("week \"" + date + "\": expected a date YYYY-MM-DD", "week"));
  return week_json(*found, week_start_of(found->settings, date), lang);
}

Answer<Json> Office::put_timecard(const Caller& caller, std::int64_t production_id, const std::string& person_id,
                                  const std::string& date, const Json& body, const std::string& lang) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  const auto missing_person = refuse(not_found("no person \"" + person_id + "\" in production " + std::to_string(production_id)));
  if (!found->sees(person_id)) return missing_person;
  if (!parse_date(date)) return refuse(bad_input("date \"" + date + "\": expected YYYY-MM-DD", "date"));
  if (!body.is_object()) return refuse(bad_input("expected a JSON object: the payroll format's day"));
  if (body.contains("date") && body["date"] != date) {
    return refuse(bad_input("date " + body["date"].dump() + " differs from the address's \"" + date + "\"", "date"));
  }
  Json day = {{"date", date}};
  for (const auto& [key, value] : body.items()) {
    if (key != "date") day[key] = value;
  }
  auto transaction = store_.transaction();
  store_.lock_production(production_id);
  if (!store_.person(production_id, person_id)) return missing_person;
  const auto old = store_.timecard(production_id, person_id, date);
  store_.put_timecard(production_id, store::Timecard{person_id, date, day.dump()});
  audit_change(&caller, production_id, "timecard", person_id + "/" + date,
               old ? std::optional<std::string>(old->day) : std::nullopt, day.dump());
  const std::string week_start = week_start_of(found->settings, date);
  if (auto stored = store_recomputed(production_id, week_start); !stored) return refuse(stored.error());
  transaction.commit();
  return week_json(*found, week_start, lang);
}

Answer<Json> Office::delete_timecard(const Caller& caller, std::int64_t production_id, const std::string& person_id,
                                     const std::string& date, const std::string& lang) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  const auto missing = refuse(not_found("no timecard of \"" + person_id + "\" on " + date));
  if (!found->sees(person_id)) return missing;
  auto transaction = store_.transaction();
  store_.lock_production(production_id);
  const auto old = store_.timecard(production_id, person_id, date);
  if (!old) return missing;
  store_.delete_timecard(production_id, person_id, date);
  audit_change(&caller, production_id, "timecard", person_id + "/" + date, old->day, std::nullopt);
  if (auto stored = store_recomputed(production_id, std::nullopt); !stored) return refuse(stored.error());
  transaction.commit();
  return week_json(*found, week_start_of(found->settings, date), lang);
}

Answer<Json> Office::statement(const Caller& caller, std::int64_t production_id, const std::string& person_id,
                               const std::string& lang) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  const auto person = found->sees(person_id) ? store_.person(production_id, person_id) : std::nullopt;
  if (!person) return refuse(not_found("no person \"" + person_id + "\" in production " + std::to_string(production_id)));
  Json weeks = Json::array();
  std::int64_t gross = 0;
  std::int64_t net = 0;
  for (const auto& pay : store_.person_pays(production_id, std::nullopt, person_id)) {
    Json entry = parse_stored(lang == "fr" ? pay.pay_fr : pay.pay_en);
    gross += pay.gross_cents;
    net += cents_of(entry.value("net_pay", Json()));
    weeks.push_back({{"start", pay.week_start}, {"pay", entry}});
  }
  return Json{{"person", parse_stored(person->engagement)},
              {"production", with_id(production_id, found->settings)},
              {"weeks", weeks},
              {"gross", money_text(gross)},
              {"net_pay", money_text(net)}};
}

Answer<Json> Office::remittances(const Caller& caller, std::int64_t production_id, const std::string& lang) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  if (!found->manager) return refuse(not_found("no remittances for this account"));
  Json weeks = Json::array();
  std::map<std::string, std::int64_t> by_payee;
  std::vector<std::string> payees;  // in the order the agreement gives them
  std::int64_t gross = 0;
  for (const auto& week : store_.week_pays(production_id)) {
    if (week.error) {
      weeks.push_back({{"start", week.week_start}, {"error", *week.error}});
      continue;
    }
    const Json summary = parse_stored(lang == "fr" ? *week.summary_fr : *week.summary_en);
    for (const Json& remittance : summary["remittances"]) {
      const std::string payee = remittance.value("paid_to", "");
      if (!by_payee.contains(payee)) payees.push_back(payee);
      by_payee[payee] += cents_of(remittance.value("amount", Json()));
    }
    gross += cents_of(summary["totals"].value("gross", Json()));
    weeks.push_back({{"start", week.week_start}, {"remittances", summary["remittances"]}, {"totals", summary["totals"]}});
  }
  Json total = Json::array();
  for (const auto& payee : payees) total.push_back({{"paid_to", payee}, {"amount", money_text(by_payee[payee])}});
  return Json{{"weeks", weeks}, {"remittances", total}, {"gross", money_text(gross)}};
}

// CSV.

Answer<std::string> Office::export_csv(const Caller& caller, std::int64_t production_id,
                                       const std::optional<std::string>& week) {
  auto found = access(caller, production_id);
  if (!found) return refuse<std::string>(found.error());
  std::optional<std::string> from;
  std::optional<std::string> to;
  if (week) {
    const auto day = parse_date(*week);
    if (!day) return refuse<std::string>(bad_input("week \"" + *week + "\": expected a date YYYY-MM-DD", "week"));
    from = week_start_of(found->settings, *week);
    to = to_string(add_days(*parse_date(*from), kDaysInWeek - 1));
  }
  std::map<std::string, Json> days;
  for (const auto& timecard : store_.timecards(production_id, from, to)) {
    if (!found->sees(timecard.person_id)) continue;
    if (!days.contains(timecard.person_id)) days[timecard.person_id] = Json::array();
    days[timecard.person_id].push_back(parse_stored(timecard.day));
  }
  Json crew = Json::array();
  for (const auto& person : store_.people(production_id)) {
    if (!found->sees(person.id)) continue;
    Json member = parse_stored(person.engagement);
    member["days"] = days.contains(person.id) ? days[person.id] : Json::array();
    crew.push_back(std::move(member));
  }
  const Json batch = {{"format", kInputFormat}, {"production", found->settings}, {"crew", crew}};
  auto read = io::read_batch_json(batch.dump());
  if (!read) return refuse<std::string>(bad_input("the stored timecards cannot be written as CSV: " + read.error().message));
  return io::write_batch_csv(*read);
}

Answer<void> Office::import_batch(const Caller* caller, std::int64_t production_id, const Json& batch) {
  for (const Json& member : batch["crew"]) {
    Json person = member;
    person.erase("days");
    const std::string person_id = person.value("id", "");
    const auto old = store_.person(production_id, person_id);
    if (!old || parse_stored(old->engagement) != person) {
      store_.put_person(production_id, store::Person{person_id, person.dump()});
      audit_change(caller, production_id, "person", person_id,
                   old ? std::optional<std::string>(old->engagement) : std::nullopt, person.dump());
    }
    for (const Json& day : member["days"]) {
      const std::string date = day.value("date", "");
      const auto old_day = store_.timecard(production_id, person_id, date);
      if (old_day && parse_stored(old_day->day) == day) continue;
      store_.put_timecard(production_id, store::Timecard{person_id, date, day.dump()});
      audit_change(caller, production_id, "timecard", person_id + "/" + date,
                   old_day ? std::optional<std::string>(old_day->day) : std::nullopt, day.dump());
    }
  }
  return store_recomputed(production_id, std::nullopt);
}

Answer<Json> Office::import_csv(const Caller& caller, std::int64_t production_id, const std::string& text) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  if (!found->manager) return refuse(forbidden("only the production's accountants import timecards"));
  const std::string file = "timecards.csv";
  io::CsvPlaces places;
  auto read = io::read_batch_csv(text, file, &places);
  if (!read) return refuse(bad_input(read.error().message));
  // Checked by the engine as the file stands, so that its errors name the file's rows.
  try {
    if (auto pay = engine::compute(*read, registry_); !pay) {
      return refuse(bad_input(io::place_in_csv(pay.error().message, places)));
    }
  } catch (const OverflowError& overflow) {
    return refuse(bad_input(overflow.what()));
  }
  const Json batch = Json::parse(io::write_batch_json(*read));
  auto transaction = store_.transaction();
  store_.lock_production(production_id);
  if (auto imported = import_batch(&caller, production_id, batch); !imported) return refuse(imported.error());
  transaction.commit();
  Json weeks = Json::array();
  std::size_t day_count = 0;
  std::map<std::string, bool> seen;
  for (const Json& member : batch["crew"]) {
    for (const Json& day : member["days"]) {
      ++day_count;
      const std::string start = week_start_of(found->settings, day.value("date", ""));
      if (!seen[start]) weeks.push_back(start);
      seen[start] = true;
    }
  }
  return Json{{"people", batch["crew"].size()}, {"days", day_count}, {"weeks", weeks}};
}

Answer<Json> Office::audit(const Caller& caller, std::int64_t production_id, std::int64_t limit,
                           std::optional<std::int64_t> before) {
  auto found = access(caller, production_id);
  if (!found) return refuse(found.error());
  if (!found->manager) return refuse(not_found("no audit log for this account"));
  limit = std::clamp<std::int64_t>(limit, 1, kMaxAuditPage);
  Json out = Json::array();
  for (const auto& entry : store_.audit(production_id, limit, before)) {
    out.push_back({{"id", entry.id},
                   {"at", entry.at},
                   {"user", entry.user_login},
                   {"entity", entry.entity},
                   {"key", entry.key},
                   {"old", entry.old_value ? parse_stored(*entry.old_value) : Json(nullptr)},
                   {"new", entry.new_value ? parse_stored(*entry.new_value) : Json(nullptr)}});
  }
  return out;
}

void Office::audit_change(const Caller* caller, std::optional<std::int64_t> production_id, const std::string& entity,
                          const std::string& key, const std::optional<std::string>& old_value,
                          const std::optional<std::string>& new_value) {
  store::AuditEntry entry;
  entry.at = now_text();
  if (caller != nullptr) entry.user_id = caller->user.id;
  entry.user_login = caller != nullptr ? caller->user.login : kSystemLogin;
  entry.production_id = production_id;
  entry.entity = entity;
  entry.key = key;
  entry.old_value = old_value;
  entry.new_value = new_value;
  store_.append_audit(entry);
}

// The demo.

Answer<std::optional<std::int64_t>> Office::seed_demo(const engine::Batch& demo) {
  if (store_.has_users()) return std::optional<std::int64_t>();
  const Json batch = Json::parse(io::write_batch_json(demo));
  struct DemoAccount {
    const char* login;
    const char* name;
    store::Role role;
    const char* person;  // for crew accounts
  };
  const DemoAccount accounts[] = {
      {"admin", "Administrateur", store::Role::admin, nullptr},
      {"comptable", "Chloé Martin", store::Role::accountant, nullptr},
      {"marie", "Marie Tremblay", store::Role::crew, "E-001"},
      {"luc", "Luc Bergeron", store::Role::crew, "E-004"},
  };
  auto transaction = store_.transaction();
  const std::int64_t production_id = store_.create_production(batch["production"].dump(), now_text());
  audit_change(nullptr, production_id, "production", std::to_string(production_id), std::nullopt,
               batch["production"].dump());
  if (auto imported = import_batch(nullptr, production_id, batch); !imported) return tl::unexpected(imported.error());
  for (const DemoAccount& account : accounts) {
    store::User user;
    user.login = account.login;
    user.name = account.name;
    user.role = account.role;
    user.password_hash = hash_password(std::string("plateau-") + account.login).value();
    const auto id = store_.create_user(user, now_text());
    if (account.role == store::Role::admin || !id) continue;
    store_.add_member(production_id, *id,
                      account.person != nullptr ? std::optional<std::string>(account.person) : std::nullopt);
  }
  transaction.commit();
  return std::optional<std::int64_t>(production_id);
}

}  // namespace plateau::server
