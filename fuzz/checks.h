// What each fuzz target does with one input, shared by the libFuzzer targets (fuzz/target.cc,
// built with clang by PLATEAU_FUZZ=ON) and by the regression test of the normal build
// (fuzz/regressions_test.cc), which replays every input kept under fuzz/regressions/<target>/.
//
// A check runs a reader (or the whole path) on any bytes and returns normally when plateau
// behaved: the input was read, or refused with an Error. It abort()s, after printing what broke,
// when an invariant does not hold (a round trip that changes the batch, a gross that is not the
// sum of its lines, output that is not JSON); crashes, leaks, undefined behaviour and hangs are
// the sanitizers' and libFuzzer's to report.
#pragma once

#include <span>
#include <string_view>

namespace plateau::fuzz {

// JSON batch reader: read_batch_json; a batch read is written (write_batch_json) and read back equal.
void check_batch_json(std::string_view input);
// CSV timecard importer: read_batch_csv; a batch read is written (write_batch_csv) and read back
// equal; place_in_csv on the messages the engine would give for it.
void check_batch_csv(std::string_view input);
// Agreement TOML loader: load_text; an agreement loaded is rendered in English and French.
void check_agreement_toml(std::string_view input);
// Money and decimal parsers: Money::parse and Rational::parse_decimal; what they read is written
// and read back equal, and arithmetic on it overflows only by throwing OverflowError.
void check_money(std::string_view input);
// Time parsers: ClockTime::parse, parse_date, parse_weekday; a time read is written as the
// timecard writes it and read back equal, and placed in the production's time zone.
void check_clock(std::string_view input);
// The whole path: JSON (first non-blank byte '{') or CSV → compute with the bundled agreements
// (keep going) → every writer; the pay JSON is parsed again and each person's gross equals the
// sum of their lines, the totals the sums of the people, every amount is money text.
void check_whole_path(std::string_view input);

struct Target {
  std::string_view name;  // as in fuzz/regressions/<name>/ and build-fuzz/fuzz_<name>
  void (*check)(std::string_view input);
};

// Every target, by name.
std::span<const Target> targets();

}  // namespace plateau::fuzz
