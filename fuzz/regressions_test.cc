// Replays every input kept under fuzz/regressions/<target>/ through that target's check
// (checks.h), in the normal build: each input once crashed a reader, broke an invariant or hung,
// and was fixed; this test keeps it fixed. One ctest test per file.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fuzz/checks.h"

namespace plateau::fuzz {
namespace {

const std::filesystem::path kRegressions = PLATEAU_FUZZ_REGRESSIONS_DIR;

// "<target>/<file>" for every file kept, sorted.
std::vector<std::string> regression_files() {
  std::vector<std::string> files;
  for (const Target& target : targets()) {
    const auto directory = kRegressions / target.name;
    if (!std::filesystem::is_directory(directory)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
      if (entry.is_regular_file()) files.push_back(std::string(target.name) + "/" + entry.path().filename().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

class Regression : public testing::TestWithParam<std::string> {};

TEST_P(Regression, ReplaysCleanly) {
  const std::string& file = GetParam();
  const std::string target_name = file.substr(0, file.find('/'));
  const auto target = std::find_if(targets().begin(), targets().end(),
                                   [&](const Target& t) { return t.name == target_name; });
  ASSERT_NE(target, targets().end());
  std::ifstream in(kRegressions / file, std::ios::binary);
  ASSERT_TRUE(in) << file;
  const std::string input{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  target->check(input);  // aborts, with the invariant, if the input is not handled
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fuzz, Regression, testing::ValuesIn(regression_files()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Regression);

}  // namespace
}  // namespace plateau::fuzz
