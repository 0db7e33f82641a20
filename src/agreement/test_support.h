// Helpers shared by the agreement tests: paths into the source tree and loading a fixture.
#pragma once

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "agreement/registry.h"

namespace plateau::agreement::testing {

inline std::filesystem::path source_dir() { return PLATEAU_SOURCE_DIR; }
inline std::filesystem::path fixtures_dir() { return source_dir() / "tests" / "agreement"; }
inline std::filesystem::path dgc_quebec_file() { return source_dir() / "agreements" / "dgc-quebec" / "2009-01-01.toml"; }

// Loads `file`, failing the test with the loader's message when it does not load.
inline Agreement load_or_fail(const std::filesystem::path& file) {
  auto loaded = load_file(file);
  EXPECT_TRUE(loaded.has_value()) << (loaded ? std::string() : loaded.error().message);
  return loaded ? *loaded : Agreement{};
}

inline Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace plateau::agreement::testing
