// The strict loader: the minimal good file loads, and each bad fixture under tests/agreement/bad/
// (one fault each, made by tests/agreement/make_bad_fixtures.py) is rejected with a message that
// names the file, line, column and key. The messages are pinned in full.
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "agreement/registry.h"
#include "agreement/test_support.h"

namespace plateau::agreement {
namespace {

using testing::fixtures_dir;

std::string bad_file(const std::string& name) { return (fixtures_dir() / "bad" / (name + ".toml")).string(); }

// The loader's message for bad/<name>.toml; the file's own path is written as "@".
std::string message_for(const std::string& name) {
  auto loaded = load_file(bad_file(name));
  if (loaded) return "loaded without error";
  std::string message = loaded.error().message;
  const std::string path = bad_file(name);
  for (std::size_t at = message.find(path); at != std::string::npos; at = message.find(path, at)) {
    message.replace(at, path.size(), "@");
  }
  return message;
}

TEST(Loader, MinimalFileLoads) {
  auto loaded = load_file(fixtures_dir() / "good" / "minimal.toml");
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->id, "minimal");
  EXPECT_EQ(loaded->file, (fixtures_dir() / "good" / "minimal.toml").string());
  EXPECT_TRUE(loaded->provisions.empty());
}

// The engine finds a contribution's code and cap by these indices: each must name what the rule
// names, and the list of codes must hold each code once, in the order of the categories' tables.
TEST(Loader, ResolvesContributionCodesAndCapsToIndices) {
  const Agreement a = testing::load_or_fail(testing::dgc_quebec_file());
  const std::set<std::string> distinct(a.contribution_codes.begin(), a.contribution_codes.end());
  EXPECT_EQ(distinct.size(), a.contribution_codes.size());
  ASSERT_LT(a.permit_fee_code_index, a.contribution_codes.size());
  EXPECT_EQ(a.contribution_codes[a.permit_fee_code_index], "permit_fee");
  EXPECT_EQ(a.permit_fee_code_index, a.contribution_codes.size() - 1);
  std::size_t rules_with_caps = 0;
  std::size_t latest_first_seen = 0;
  for (const Category& category : a.categories) {
    for (const ContributionRule& rule : category.contributions) {
      ASSERT_LT(rule.code_index, a.contribution_codes.size());
      EXPECT_EQ(a.contribution_codes[rule.code_index], rule.code);
      EXPECT_LE(rule.code_index, latest_first_seen + 1) << rule.code << ": listed out of the tables' order";
      latest_first_seen = std::max(latest_first_seen, rule.code_index);
      ASSERT_EQ(rule.cap.has_value(), rule.cap_index.has_value()) << rule.code;
      if (!rule.cap) continue;
      ++rules_with_caps;
      EXPECT_EQ(a.caps.at(*rule.cap_index).id, *rule.cap);
    }
  }
  EXPECT_GT(rules_with_caps, 0U);  // the sheet caps some contributions: the check above ran
}

// Which of the agreement's citations and names hold a character an output escapes is found when
// it is loaded: writers copy those found plain without scanning them, so a text with a quote or a
// backslash must never be found plain.
TEST(Loader, FindsWhichCitationsAndNamesNeedEscaping) {
  std::ifstream file(fixtures_dir() / "good" / "minimal.toml");
  std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  const auto replace = [&](std::string_view from, std::string_view to) {
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace(R"(cite = "Schedule A")", R"(cite = "Schedule \"A\"")");
  replace(R"(name = { en = "Crew", fr = "Équipe" })", R"(name = { en = "Crew\\1", fr = "Équipe" })");
  auto loaded = load_text(text, "minimal.toml");
  ASSERT_TRUE(loaded) << loaded.error().message;

  EXPECT_EQ(loaded->classifications.at(0).citation.article, "Schedule \"A\"");
  EXPECT_EQ(loaded->classifications.at(0).citation.article_escapes, Escapes::not_known);
  EXPECT_EQ(loaded->overtime.citation.article, "Art. 1");
  EXPECT_EQ(loaded->overtime.citation.article_escapes, Escapes::none);
  EXPECT_EQ(loaded->departments.at(0).name.en, "Crew\\1");
  EXPECT_EQ(loaded->departments.at(0).name.en_escapes, Escapes::not_known);
  EXPECT_EQ(loaded->departments.at(0).name.fr_escapes, Escapes::none);
}

TEST(Loader, EscapesOfAText) {
  EXPECT_EQ(escapes_of(""), Escapes::none);
  EXPECT_EQ(escapes_of("Qc 2.05 — Équipe"), Escapes::none);
  EXPECT_EQ(escapes_of("a\"b"), Escapes::not_known);
  EXPECT_EQ(escapes_of("a\\b"), Escapes::not_known);
  EXPECT_EQ(escapes_of("a\nb"), Escapes::not_known);
  EXPECT_EQ(escapes_of(std::string_view("a\0b", 3)), Escapes::not_known);
  EXPECT_EQ(escapes_of("a\x1f"), Escapes::not_known);
}

TEST(Loader, MissingFile) {
  auto loaded = load_file(fixtures_dir() / "bad" / "no_such_file.toml");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().message, (fixtures_dir() / "bad" / "no_such_file.toml").string() + ": no such agreement file");
}

struct BadCase {
  const char* name;
  const char* message;
};

class BadFixture : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadFixture, IsRejectedWithFileLineAndKey) { EXPECT_EQ(message_for(GetParam().name), GetParam().message); }

const BadCase kBadCases[] = {
    {"unknown_key",
     "@:85:1: meals.colour: unknown key; expected one of: cite, exception, first_within, grace, max_per_day, "
     "minimum_break, next_within, note, penalty, source"},
    {"misspelt_key",
     "@:65:1: day_rates.sixth.multiplier: missing key; expected a decimal number as a string, like \"1.5\" or \"0.06\"\n"
     "@:66:1: day_rates.sixth.multipler: unknown key; expected one of: cite, multiplier, note, source"},
    {"duplicate_key",
     "@:85:11: invalid TOML: Error while parsing key-value pair: cannot redefine existing string 'penalty'"},
    {"duplicate_table",
     "@:65:1: invalid TOML: Error while parsing table header: cannot redefine existing table 'day_rates'"},
    {"invalid_toml",
     "@:84:17: invalid TOML: Error while parsing string: unescaped control characters other than TAB (U+0009) are "
     "explicitly prohibited"},
    {"missing_key",
     "@:80:1: meals.max_per_day: missing key; expected an amount of money as a string, like \"755.00\""},
    {"missing_table", "@:1:1: premium_approval: missing key; expected a table"},
    {"non_iso_date", "@:8:13: metadata.effective: expected a date like 2009-01-01 or \"2009-01-01\"; found \"2020-1-1\""},
    {"money_given_duration",
     "@:84:11: meals.penalty: expected an amount of money with at most 2 decimals, like \"755.00\"; found \"14h\""},
    {"money_as_number",
     "@:84:11: meals.penalty: expected an amount of money as a string, like \"755.00\"; found integer 10"},
    {"money_too_many_decimals",
     "@:84:11: meals.penalty: expected an amount of money with at most 2 decimals, like \"755.00\"; found \"10.005\""},
    {"duration_as_number",
     "@:81:16: meals.first_within: expected a duration string like \"14h\", \"30min\" or \"2h30min\"; found integer 6"},
    {"duration_without_unit",
     "@:81:16: meals.first_within: expected a duration like \"14h\", \"30min\" or \"2h30min\"; found \"6\" (a number "
     "without a unit)"},
    {"rate_as_float",
     "@:66:14: day_rates.sixth.multiplier: expected a decimal number as a string, like \"1.5\" or \"0.06\"; found "
     "floating-point number 1.5"},
    {"rate_given_money",
     "@:199:8: category.member.contributions.fund.rate: expected a decimal number like \"1.5\" or \"0.06\"; found \"$4\""},
    {"count_as_string",
     "@:46:17: overtime.daily_divisor: expected a whole number (a TOML integer) of at least 1; found \"8\""},
    {"bad_enum",
     "@:200:11: category.member.contributions.fund.paid_by: expected one of \"producer\", \"person\"; found \"studio\""},
    {"bad_weekday",
     "@:127:17: holidays.rule[0].moves_when_on: expected a weekday in lower case, like \"monday\"; found \"sundae\""},
    {"unknown_department",
     "@:38:14: classification[0].department: unknown department \"camera\"; expected one of the [department] tables: "
     "crew"},
    {"unknown_cap",
     "@:202:7: category.member.contributions.fund.cap: unknown cap \"pension\"; expected one of the [cap] tables: fund"},
    {"missing_production_type",
     "@:39:1: classification[0].minimums.theatrical: missing key; expected a table\n"
     "@:39:10: classification[0].minimums.television: unknown key; expected one of: theatrical"},
    {"tiers_out_of_order",
     "@:23:9: department.crew.overtime.first_five[1].after: expected tiers in increasing order of `after`; found 9h "
     "after 10h"},
    {"sales_tax_overlap",
     "@:216:8: sales_tax[1].from: the previous period has no `until`, so it holds for ever; this period overlaps it"},
    {"day_not_in_month", "@:126:7: holidays.rule[0].day: expected a day that exists in month 2; found integer 30"},
    {"latitude_out_of_range",
     "@:148:19: locations.studio_zone.centre_latitude: expected a latitude in decimal degrees between -90 and 90, like "
     "\"45.535556\"; found \"95.5\""},
};

INSTANTIATE_TEST_SUITE_P(EachFailureMode, BadFixture, ::testing::ValuesIn(kBadCases),
                         [](const ::testing::TestParamInfo<BadCase>& param_info) { return std::string(param_info.param.name); });

// Every fixture in bad/ has a pinned message above, so a new fixture cannot go untested.
TEST(Loader, EveryBadFixtureIsPinned) {
  std::set<std::string> pinned;
  for (const BadCase& c : kBadCases) pinned.insert(c.name);
  for (const auto& entry : std::filesystem::directory_iterator(fixtures_dir() / "bad")) {
    if (entry.path().extension() != ".toml") continue;
    EXPECT_TRUE(pinned.contains(entry.path().stem().string())) << entry.path();
  }
}

}  // namespace
}  // namespace plateau::agreement
