// The production office on a real SQLite store and the real DGC Quebec agreement: pay computed
// from entered timecards, refusals, who sees what, the audit log, CSV in and out.
//
// Figures are worked by hand from the rate sheet (agreements/dgc-quebec/2009-01-01.toml):
//   1st Assistant Director, daily $755.00; overtime ×2 beyond 14 h on the first five days, in
//   ¼ h, at $755 ÷ 8 × 2 = $188.75 an hour (Qc 2.05); meal breaks are time worked; a first meal
//   more than 6 h after call costs $20.00, at most $20.00 a day (Meal Breaks/Meal Penalty (a));
//   Health & Welfare 4% of gross up to $125,000 of production gross (Qc5.02).
#include "server/office.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "server/auth.h"

namespace plateau::server {
namespace {

class OfficeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(start_crypto());
    file_ = std::filesystem::temp_directory_path() /
            ("plateau-office-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    remove_files();
    static const auto registry = agreement::Registry::load_directory(agreement::default_agreements_dir());
    ASSERT_TRUE(registry) << registry.error().message;
    auto store = store::Store::open(file_.string());
    ASSERT_TRUE(store) << store.error().message;
    // Accounts are made in the store directly: the office only lets an admin make them.
    admin_ = make_user(*store, "admin", store::Role::admin);
    accountant_ = make_user(*store, "comptable", store::Role::accountant);
    crew_ = make_user(*store, "luc", store::Role::crew);
    office_.emplace(std::move(*store), *registry, [] { return std::int64_t{1'700'000'000}; });

    auto production = office_->create_production(admin_, Json{{"title", "Test"}, {"agreement", "dgc-quebec"}});
    ASSERT_TRUE(production) << production.error().message;
    production_ = (*production)["id"].get<std::int64_t>();
    for (const char* id : {"E-001", "E-002"}) {
      auto person = office_->put_person(admin_, production_, id, first_ad(id));
      ASSERT_TRUE(person) << person.error().message;
    }
    ASSERT_TRUE(office_->add_member(admin_, production_, Json{{"user", accountant_.user.id}}));
    ASSERT_TRUE(office_->add_member(admin_, production_, Json{{"user", crew_.user.id}, {"person", "E-002"}}));
    accountant_.user.memberships = {{production_, std::nullopt}};
    crew_.user.memberships = {{production_, std::string("E-002")}};
  }

  void TearDown() override {
    office_.reset();
    remove_files();
  }

  void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file_.string() + suffix);
  }

  static Caller make_user(store::Store& store, const std::string& login, store::Role role) {
    static const std::string hash = hash_password("a test password").value();
    store::User user;
    user.login = login;
    user.name = login;
    user.role = role;
    user.password_hash = hash;
    user.id = store.create_user(user, "2026-11-22T00:00:00Z").value();
    return Caller{user, "csrf"};
  }

  static Json first_ad(const std::string& id) {
    return Json{{"name", id == "E-001" ? "Marie Tremblay" : "Luc Bergeron"},
                {"classification", "1st Assistant Director"},
                {"rate", {{"basis", "daily"}, {"amount", "755.00"}}}};
  }

  static Json day(const std::string& call, const std::string& wrap, const Json& meals) {
    return Json{{"call", call}, {"wrap", wrap}, {"meals", meals}};
  }

  static Json meal(const std::string& start, const std::string& end) { return Json{{"start", start}, {"end", end}}; }

  // The person's entry in a week's pay.
  static const Json& pay_of(const Json& week, const std::string& id) {
    for (const Json& entry : week["pay"]["crew"]) {
      if (entry["id"] == id) return entry;
    }
    static const Json none;
    return none;
  }

  static std::string amount_of(const Json& entry, const std::string& list, const std::string& code) {
    for (const Json& item : entry[list]) {
      if (item["code"] == code) return item["amount"].get<std::string>();
    }
    return "absent";
  }

  std::filesystem::path file_;
  std::optional<Office> office_;
  Caller admin_;
  Caller accountant_;
  Caller crew_;
  std::int64_t production_ = 0;
};

TEST_F(OfficeTest, AnEnteredDayIsPaidAtOnce) {
  // Mon 2009-03-02, 07:00–22:30 with two ½ h meals: 15.5 h worked.
  // daily_rate $755.00; overtime 1.50 h × $188.75 = $283.125 → $283.13; gross $1,038.13.
  auto week = office_->put_timecard(accountant_, production_, "E-001", "2009-03-02",
                                    day("07:00", "22:30", {meal("12:00", "12:30"), meal("19:00", "19:30")}), "en");
  ASSERT_TRUE(week) << week.error().message;
  EXPECT_EQ((*week)["start"], "2009-03-01");  // weeks start on Sunday by default
  const Json& pay = pay_of(*week, "E-001");
  EXPECT_EQ(pay["gross"], "1038.13");
  EXPECT_EQ(amount_of(pay, "lines", "overtime"), "283.13");
  EXPECT_EQ((*week)["pay"]["totals"]["gross"], "1038.13");
  EXPECT_EQ((*week)["timecards"]["E-001"]["2009-03-02"]["wrap"], "22:30");
}

TEST_F(OfficeTest, ALateFirstMealCostsThePenaltyAndIsFlagged) {
  // Tue 2009-03-03, call 07:00, first meal 13:30: 6 h 30 after call, due by 13:00.
  // 12 h worked (no overtime before 14 h): $755.00 + meal penalty $20.00 = $775.00.
  auto week = office_->put_timecard(accountant_, production_, "E-001", "2009-03-03",
                                    day("07:00", "19:00", Json::array({meal("13:30", "14:00")})), "fr");
  ASSERT_TRUE(week) << week.error().message;
  const Json& pay = pay_of(*week, "E-001");
  EXPECT_EQ(pay["gross"], "775.00");
  EXPECT_EQ(amount_of(pay, "lines", "meal_penalty"), "20.00");
  ASSERT_FALSE(pay["findings"].empty());
  EXPECT_EQ(pay["findings"][0]["date"], "2009-03-03");
  EXPECT_EQ(pay["findings"][0]["severity"], "warning");
}

TEST_F(OfficeTest, HoursPastMidnightAreTypedAsOnAProductionReport) {
  // Mon 2009-03-02, 07:00 to 26:15 (02:15 the next morning), meals at 12:00 and 19:00:
  // 19.25 h worked. Overtime: 14–16 h = 2.00 h × $188.75 = $377.50; beyond 16 h = 3.25 h ×
  // ($755 ÷ 8 × 3 = $283.125) = $920.15625 → $920.16. Gross 755.00 + 377.50 + 920.16 = $2,052.66.
  auto week = office_->put_timecard(accountant_, production_, "E-001", "2009-03-02",
                                    day("07:00", "26:15", {meal("12:00", "12:30"), meal("19:00", "19:30")}), "en");
  ASSERT_TRUE(week) << week.error().message;
  EXPECT_EQ(pay_of(*week, "E-001")["gross"], "2052.66");
}

TEST_F(OfficeTest, ATimeTheEngineRefusesIsPlacedAndNothingIsSaved) {
  ASSERT_TRUE(office_->put_timecard(accountant_, production_, "E-001", "2009-03-02", day("07:00", "19:00", Json::array()), "en"));
  const auto audit_before = office_->audit(accountant_, production_, 100, std::nullopt)->size();
  auto refused = office_->put_timecard(accountant_, production_, "E-001", "2009-03-02", day("07:00", "25:99", Json::array()), "en");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().status, 400);
  EXPECT_EQ(refused.error().code, "bad_input");
  EXPECT_EQ(refused.error().field, "wrap");
  EXPECT_NE(refused.error().message.find("E-001, 2009-03-02: wrap:"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find("25:99"), std::string::npos) << refused.error().message;
  auto week = office_->week(accountant_, production_, "2009-03-02", "en");
  EXPECT_EQ((*week)["timecards"]["E-001"]["2009-03-02"]["wrap"], "19:00");
  EXPECT_EQ(office_->audit(accountant_, production_, 100, std::nullopt)->size(), audit_before);
}

TEST_F(OfficeTest, ACrewAccountSeesOnlyItsOwnPerson) {
  ASSERT_TRUE(office_->put_timecard(accountant_, production_, "E-001", "2009-03-02", day("07:00", "19:00", Json::array()), "en"));
  ASSERT_TRUE(office_->put_timecard(accountant_, production_, "E-002", "2009-03-02", day("08:00", "18:00", Json::array()), "en"));
  auto week = office_->week(crew_, production_, "2009-03-02", "en");
  ASSERT_TRUE(week) << week.error().message;
  ASSERT_EQ((*week)["people"].size(), 1u);
  EXPECT_EQ((*week)["people"][0]["id"], "E-002");
  EXPECT_FALSE((*week)["timecards"].contains("E-001"));
  ASSERT_EQ((*week)["pay"]["crew"].size(), 1u);
  EXPECT_EQ((*week)["pay"]["crew"][0]["id"], "E-002");
  EXPECT_FALSE((*week)["pay"].contains("remittances"));
  EXPECT_FALSE((*week)["pay"].contains("totals"));

  EXPECT_EQ(office_->statement(crew_, production_, "E-001", "en").error().status, 404);
  EXPECT_TRUE(office_->statement(crew_, production_, "E-002", "en"));
  EXPECT_EQ(office_->put_timecard(crew_, production_, "E-001", "2009-03-03", day("07:00", "19:00", Json::array()), "en")
                .error().status, 404);
  EXPECT_EQ(office_->delete_timecard(crew_, production_, "E-001", "2009-03-02", "en").error().status, 404);
  EXPECT_EQ(office_->remittances(crew_, production_, "en").error().status, 404);
  EXPECT_EQ(office_->audit(crew_, production_, 10, std::nullopt).error().status, 404);
  EXPECT_EQ(office_->put_person(crew_, production_, "E-002", first_ad("E-002")).error().status, 403);
  EXPECT_EQ(office_->import_csv(crew_, production_, "").error().status, 403);
  auto people = office_->people(crew_, production_);
  ASSERT_EQ(people->size(), 1u);
  auto csv = office_->export_csv(crew_, production_, std::nullopt);
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->find("E-001"), std::string::npos);
  EXPECT_NE(csv->find("E-002"), std::string::npos);
  // Their own timecards they may enter.
  EXPECT_TRUE(office_->put_timecard(crew_, production_, "E-002", "2009-03-03", day("07:00", "19:00", Json::array()), "en"));
}

TEST_F(OfficeTest, AnAccountOfAnotherProductionFindsNothing) {
  auto other = office_->create_production(admin_, Json{{"title", "Other"}, {"agreement", "dgc-quebec"}});
  ASSERT_TRUE(other);
  const std::int64_t id = (*other)["id"].get<std::int64_t>();
  EXPECT_EQ(office_->production(accountant_, id).error().status, 404);
  EXPECT_EQ(office_->week(crew_, id, "2009-03-02", "en").error().status, 404);
  EXPECT_EQ(office_->productions(crew_)->size(), 1u);
  EXPECT_EQ(office_->productions(admin_)->size(), 2u);
}

TEST_F(OfficeTest, EachWeekCountsTheGrossOfTheWeeksBeforeItForTheCaps) {
  // Paid $124,500.00 before: $500.00 of the $125,000 Health & Welfare ceiling is left.
  Json person = first_ad("E-001");
  person["production_gross_to_date"] = "124500.00";
  ASSERT_TRUE(office_->put_person(accountant_, production_, "E-001", person));
  const Json long_day = day("07:00", "22:30", {meal("12:00", "12:30"), meal("19:00", "19:30")});
  // Week of 2009-03-01: gross $1,038.13, of which $500.00 under the ceiling: 4% = $20.00.
  auto first = office_->put_timecard(accountant_, production_, "E-001", "2009-03-02", long_day, "en");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(amount_of(pay_of(*first, "E-001"), "contributions", "health_welfare"), "20.00");
  // Week of 2009-03-08: $125,538.13 paid before it, past the ceiling: nothing.
  auto second = office_->put_timecard(accountant_, production_, "E-001", "2009-03-09", long_day, "en");
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(amount_of(pay_of(*second, "E-001"), "contributions", "health_welfare"), "0.00");
  // Removing the first week's day gives the second week the room back: 4% × $500.00.
  auto again = office_->delete_timecard(accountant_, production_, "E-001", "2009-03-02", "en");
  ASSERT_TRUE(again) << again.error().message;
  auto second_again = office_->week(accountant_, production_, "2009-03-09", "en");
  EXPECT_EQ(amount_of(pay_of(*second_again, "E-001"), "contributions", "health_welfare"), "20.00");
}

TEST_F(OfficeTest, EveryChangeIsInTheAuditLogWithItsOldAndNewValue) {
  ASSERT_TRUE(office_->put_timecard(accountant_, production_, "E-001", "2009-03-02", day("07:00", "19:00", Json::array()), "en"));
  ASSERT_TRUE(office_->put_timecard(accountant_, production_, "E-001", "2009-03-02", day("07:00", "20:00", Json::array()), "en"));
  auto log = office_->audit(accountant_, production_, 2, std::nullopt);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 2u);
  const Json& newest = (*log)[0];
  EXPECT_EQ(newest["user"], "comptable");
  EXPECT_EQ(newest["entity"], "timecard");
  EXPECT_EQ(newest["key"], "E-001/2009-03-02");
  EXPECT_EQ(newest["old"]["wrap"], "19:00");
  EXPECT_EQ(newest["new"]["wrap"], "20:00");
  EXPECT_EQ(newest["at"], "2023-11-14T22:13:20Z");  // the test's clock: 1,700,000,000 s
  EXPECT_TRUE((*log)[1]["old"].is_null());
  auto older = office_->audit(accountant_, production_, 100, newest["id"].get<std::int64_t>());
  EXPECT_EQ((*older)[0]["id"], (*log)[1]["id"]);
}

TEST_F(OfficeTest, CsvGoesOutAndComesBackTheSame) {
  ASSERT_TRUE(office_->put_timecard(accountant_, production_, "E-001", "2009-03-02",
                                    day("07:00", "26:15", Json::array({meal("12:00", "12:30")})), "en"));
  auto csv = office_->export_csv(accountant_, production_, std::string("2009-03-04"));
  ASSERT_TRUE(csv) << csv.error().message;
  auto other = office_->create_production(accountant_, Json{{"title", "Copy"}, {"agreement", "dgc-quebec"}});
  ASSERT_TRUE(other);
  Caller member = accountant_;
  member.user.memberships.push_back({(*other)["id"].get<std::int64_t>(), std::nullopt});
  auto imported = office_->import_csv(member, (*other)["id"].get<std::int64_t>(), *csv);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ((*imported)["people"], 2);
  EXPECT_EQ((*imported)["days"], 1);
  auto copied = office_->week(member, (*other)["id"].get<std::int64_t>(), "2009-03-02", "en");
  auto original = office_->week(accountant_, production_, "2009-03-02", "en");
  EXPECT_EQ((*copied)["pay"]["crew"], (*original)["pay"]["crew"]);
  // A file plateau compute would refuse is refused whole, with its row and column.
  auto refused = office_->import_csv(member, (*other)["id"].get<std::int64_t>(), "id,classification\nE-9,\n");
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("timecards.csv:"), std::string::npos) << refused.error().message;
}

TEST_F(OfficeTest, LoginSessionsAndLogout) {
  EXPECT_EQ(office_->login("comptable", "wrong password").error().code, "bad_login");
  EXPECT_EQ(office_->login("nobody", "a test password").error().code, "bad_login");
  auto ticket = office_->login("comptable", "a test password");
  ASSERT_TRUE(ticket);
  EXPECT_EQ(ticket->token.size(), 64u);
  auto caller = office_->caller(ticket->token);
  ASSERT_TRUE(caller);
  EXPECT_EQ(caller->user.login, "comptable");
  EXPECT_EQ(caller->csrf_token, ticket->csrf_token);
  EXPECT_FALSE(office_->caller(ticket->token + "0"));
  office_->logout(ticket->token);
  EXPECT_FALSE(office_->caller(ticket->token));
}

TEST_F(OfficeTest, SettingsAndPeopleAreCheckedBeforeTheyAreKept) {
  auto unknown = office_->create_production(accountant_, Json{{"agreement", "acme"}});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "agreement");
  auto zone = office_->create_production(accountant_, Json{{"agreement", "dgc-quebec"}, {"time_zone", "Mars/Base"}});
  ASSERT_FALSE(zone);
  EXPECT_EQ(zone.error().field, "time_zone");
  Json bad_rate = first_ad("E-003");
  bad_rate["rate"]["amount"] = "7.555";
  auto person = office_->put_person(accountant_, production_, "E-003", bad_rate);
  ASSERT_FALSE(person);
  EXPECT_EQ(person.error().field, "rate.amount");
  EXPECT_EQ(office_->create_user(accountant_, Json{{"login", "x"}}).error().status, 403);
  auto short_password = office_->create_user(
      admin_, Json{{"login", "x"}, {"name", "X"}, {"role", "crew"}, {"password", "short"}});
  EXPECT_EQ(short_password.error().field, "password");
  auto taken = office_->create_user(
      admin_, Json{{"login", "luc"}, {"name", "X"}, {"role", "crew"}, {"password", "long enough password"}});
  EXPECT_EQ(taken.error().status, 409);
}

}  // namespace
}  // namespace plateau::server
