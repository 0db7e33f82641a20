// Helpers shared by the agreement tests: paths into the source tree and loading a fixture.
#pragma once

#include <filesystem>
#include <stdexcept>
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

// The bundled agreements (agreements/, or $PLATEAU_AGREEMENTS), loaded once for a test program.
inline const Registry& bundled_registry() {
  static const Registry loaded = [] {
    auto result = Registry::load_directory(default_agreements_dir());
    if (!result) throw std::runtime_error(result.error().message);
    return std::move(*result);
  }();
  return loaded;
}

inline Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace plateau::agreement::testing
