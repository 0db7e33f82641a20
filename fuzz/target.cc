// The libFuzzer entry point of one fuzz target: built once per target (fuzz/CMakeLists.txt), with
// PLATEAU_FUZZ_CHECK naming its check (checks.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/checks.h"

#ifndef PLATEAU_FUZZ_CHECK
#error "PLATEAU_FUZZ_CHECK must name the check of this target (fuzz/CMakeLists.txt)"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plateau::fuzz::PLATEAU_FUZZ_CHECK(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
