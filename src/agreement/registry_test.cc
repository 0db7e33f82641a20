// The registry of versions: layout checks (directory = id, file name = effective date), no two
// versions on the same date, the version in force on a date, and the default directory.
#include <cstdlib>

#include <gtest/gtest.h>

#include "agreement/registry.h"
#include "agreement/test_support.h"

namespace plateau::agreement {
namespace {

using testing::day;
using testing::fixtures_dir;

std::filesystem::path registry_fixture(const std::string& name) { return fixtures_dir() / "bad" / "registry" / name; }

TEST(Registry, LoadsTheShippedAgreements) {
  auto registry = Registry::load_directory(testing::source_dir() / "agreements");
  ASSERT_TRUE(registry) << registry.error().message;
  const std::vector<std::string> ids = registry->ids();
  EXPECT_NE(std::find(ids.begin(), ids.end(), "dgc-quebec"), ids.end());
  const Agreement* in_force = registry->find("dgc-quebec", day(2009, 3, 2));
  ASSERT_NE(in_force, nullptr);
  EXPECT_EQ(in_force->effective, day(2009, 1, 1));
  EXPECT_EQ(registry->find("dgc-quebec", day(2008, 12, 31)), nullptr);
  EXPECT_EQ(registry->find("no-such-agreement", day(2009, 3, 2)), nullptr);
  EXPECT_TRUE(registry->versions("no-such-agreement").empty());
}

TEST(Registry, FileNameMustBeAnIsoDate) {
  auto registry = Registry::load_directory(registry_fixture("file_name_not_date"));
  ASSERT_FALSE(registry);
  EXPECT_EQ(registry.error().message,
            (registry_fixture("file_name_not_date") / "minimal" / "2020-1-1.toml").string() +
                ": the file name must be the version's effective date, YYYY-MM-DD.toml; found \"2020-1-1.toml\"");
}

TEST(Registry, FileNameMustBeTheEffectiveDate) {
  auto registry = Registry::load_directory(registry_fixture("file_name_not_effective"));
  ASSERT_FALSE(registry);
  EXPECT_EQ(registry.error().message,
            (registry_fixture("file_name_not_effective") / "minimal" / "2020-02-01.toml").string() +
                ":8:13: metadata.effective: expected 2020-02-01, the date in the file name; found 2020-01-01");
}

TEST(Registry, DirectoryMustBeTheId) {
  auto registry = Registry::load_directory(registry_fixture("id_not_directory"));
  ASSERT_FALSE(registry);
  EXPECT_EQ(registry.error().message,
            (registry_fixture("id_not_directory") / "other" / "2020-01-01.toml").string() +
                ":5:6: metadata.id: expected \"other\", the name of the directory the file is in; found \"minimal\"");
}

TEST(Registry, OverlappingVersionsAreRejected) {
  auto version = load_file(fixtures_dir() / "good" / "minimal.toml");
  ASSERT_TRUE(version) << version.error().message;
  Registry registry;
  ASSERT_TRUE(registry.add(*version));
  Agreement copy = *version;
  copy.file = "elsewhere/2020-01-01.toml";
  auto added = registry.add(copy);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().message,
            "elsewhere/2020-01-01.toml: metadata.effective: agreement \"minimal\" already has a version taking effect on "
            "2020-01-01 (" +
                version->file + "); versions may not overlap");
}

TEST(Registry, EachVersionHoldsUntilTheNext) {
  auto version = load_file(fixtures_dir() / "good" / "minimal.toml");
  ASSERT_TRUE(version);
  Registry registry;
  Agreement later = *version;
  later.effective = day(2021, 7, 1);
  ASSERT_TRUE(registry.add(later));
  ASSERT_TRUE(registry.add(*version));
  ASSERT_EQ(registry.versions("minimal").size(), 2U);
  EXPECT_EQ(registry.versions("minimal")[0].next_version, day(2021, 7, 1));
  EXPECT_FALSE(registry.versions("minimal")[1].next_version.has_value());
  EXPECT_EQ(registry.find("minimal", day(2021, 6, 30))->effective, day(2020, 1, 1));
  EXPECT_EQ(registry.find("minimal", day(2021, 7, 1))->effective, day(2021, 7, 1));
}

TEST(Registry, MissingDirectory) {
  auto registry = Registry::load_directory(fixtures_dir() / "no_such_directory");
  ASSERT_FALSE(registry);
  EXPECT_NE(registry.error().message.find("no such agreements directory"), std::string::npos);
}

TEST(Registry, DefaultDirectoryFollowsTheEnvironment) {
  const char* saved = std::getenv("PLATEAU_AGREEMENTS");
  const std::string restore = saved ? saved : "";
  setenv("PLATEAU_AGREEMENTS", "/somewhere/else", 1);
  EXPECT_EQ(default_agreements_dir(), std::filesystem::path("/somewhere/else"));
  unsetenv("PLATEAU_AGREEMENTS");
  EXPECT_EQ(default_agreements_dir(), testing::source_dir() / "agreements");
  if (saved) setenv("PLATEAU_AGREEMENTS", restore.c_str(), 1);
}

}  // namespace
}  // namespace plateau::agreement
