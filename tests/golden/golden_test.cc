// Runs the golden corpus: every tests/golden/*.json file is a case
//   { "name": …, "derivation": [hand arithmetic of every expected figure],
//     "input": <payroll batch>,
//     "expect": { "crew": [ { "id", "lines": […], "gross", "allowances": […], "findings": […] } ] }
//     or "error": "<the exact message>" }
// Expected lines, allowances and findings are compared in order, as whole lists: each expected
// entry's keys must equal the output's (keys it leaves out are not compared), and a list the
// case leaves out must be empty. Contributions (then taxes, as a whole list), net_pay,
// remittances and each key of totals are compared when the case gives them. A case file's name
// says what it covers.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "agreement/registry.h"
#include "agreement/test_support.h"
#include "engine/compute.h"
#include "io/batch_json.h"
#include "io/pay_json.h"

namespace plateau {
namespace {

using nlohmann::json;

std::vector<std::string> case_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(PLATEAU_GOLDEN_DIR)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

const agreement::Registry& registry() { return agreement::testing::bundled_registry(); }

void compare_list(const json& expected, const json& actual, const std::string& what) {
  ASSERT_TRUE(actual.is_array()) << what;
  std::ostringstream listing;
  for (const auto& entry : actual) listing << "  " << entry.dump() << "\n";
  ASSERT_EQ(expected.size(), actual.size()) << what << ": expected " << expected.size() << " entries, got:\n"
                                            << listing.str();
  for (std::size_t i = 0; i < expected.size(); ++i) {
    for (const auto& [key, value] : expected[i].items()) {
      ASSERT_TRUE(actual[i].contains(key)) << what << "[" << i << "] has no " << key << "; got " << actual[i].dump();
      EXPECT_EQ(value, actual[i][key]) << what << "[" << i << "]." << key << "; whole entry: " << actual[i].dump();
    }
  }
}

class Golden : public testing::TestWithParam<std::string> {};

TEST_P(Golden, Case) {
  std::ifstream in(std::filesystem::path(PLATEAU_GOLDEN_DIR) / GetParam());
  const json test_case = json::parse(in);
  ASSERT_TRUE(test_case.contains("name"));
  ASSERT_TRUE(test_case.contains("derivation") || test_case.contains("error")) << "every case shows its arithmetic";
  // The input may be given as a JSON object or, to test the reader itself, as raw text.
  const std::string input = test_case["input"].is_string() ? test_case["input"].get<std::string>()
                                                          : test_case["input"].dump();
  auto batch = io::read_batch_json(input);
  Result<engine::BatchPay> pay = batch ? engine::compute(*batch, registry()) : tl::unexpected(batch.error());
  if (test_case.contains("error")) {
    ASSERT_FALSE(pay) << "expected the input to be rejected";
    EXPECT_EQ(test_case["error"].get<std::string>(), pay.error().message);
    return;
  }
  ASSERT_TRUE(pay) << pay.error().message;
  const std::string lang = test_case.value("lang", "en");
  const json output = json::parse(io::write_pay_json(*pay, lang));
  const json& expect = test_case["expect"];
  for (const auto& person : expect["crew"]) {
    const auto& crew = output["crew"];
    const auto found = std::find_if(crew.begin(), crew.end(), [&](const json& p) { return p["id"] == person["id"]; });
    ASSERT_NE(found, crew.end()) << "no output for " << person["id"];
    const std::string who = person["id"].get<std::string>();
    compare_list(person.value("lines", json::array()), (*found)["lines"], who + ".lines");
    compare_list(person.value("allowances", json::array()), (*found)["allowances"], who + ".allowances");
    compare_list(person.value("findings", json::array()), (*found)["findings"], who + ".findings");
    if (person.contains("gross")) {
      EXPECT_EQ(person["gross"], (*found)["gross"]) << who << ".gross";
    }
    // Contributions and taxes are compared when the case gives them (cases about pay lines alone
    // leave them out).
    if (person.contains("contributions")) {
      compare_list(person["contributions"], (*found)["contributions"], who + ".contributions");
      compare_list(person.value("taxes", json::array()), (*found)["taxes"], who + ".taxes");
    }
    if (person.contains("net_pay")) {
      EXPECT_EQ(person["net_pay"], (*found)["net_pay"]) << who << ".net_pay";
    }
  }
  if (expect.contains("remittances")) {
    compare_list(expect["remittances"], output["remittances"], "remittances");
  }
  if (expect.contains("totals")) {
    const json& totals = expect["totals"];
    for (auto entry = totals.begin(); entry != totals.end(); ++entry) {
      EXPECT_EQ(entry.value(), output["totals"][entry.key()]) << "totals." << entry.key();
    }
  }
}

std::string case_name(const testing::TestParamInfo<std::string>& param_info) {
  std::string name = param_info.param.substr(0, param_info.param.size() - 5);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Golden, testing::ValuesIn(case_files()), case_name);


}  // namespace
}  // namespace plateau
