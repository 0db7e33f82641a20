// The fuzz targets' checks (checks.h): each reader on any bytes, and the invariants that must hold
// for whatever it accepts.
#include "fuzz/checks.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "agreement/registry.h"
#include "agreement/render.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/money.h"
#include "core/rational.h"
#include "engine/compute.h"
#include "io/batch_csv.h"
#include "io/batch_json.h"
#include "io/batch_json_write.h"
#include "io/batch_values.h"
#include "io/pay_csv.h"
#include "io/pay_json.h"
#include "io/pay_text.h"
#include "io/remittance_csv.h"

namespace plateau::fuzz {

namespace {

// How much of a text a violation report shows.
constexpr std::size_t kShownBytes = 400;

// Reports a broken invariant and stops, so that libFuzzer (or the regression test) sees a crash.
[[noreturn]] void violated(std::string_view what, std::string_view detail = {}) {
  std::fprintf(stderr, "plateau fuzz: invariant violated: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) {
    const std::size_t shown = std::min(detail.size(), kShownBytes);
    std::fprintf(stderr, "  %.*s%s\n", static_cast<int>(shown), detail.data(), detail.size() > shown ? "…" : "");
  }
  std::abort();
}

void require(bool holds, std::string_view what, std::string_view detail = {}) {
  if (!holds) violated(what, detail);
}

// The bundled agreements (agreements/ of the source tree, or $PLATEAU_AGREEMENTS), loaded once.
const agreement::Registry& bundled_registry() {
  static const agreement::Registry registry = [] {
    auto loaded = agreement::Registry::load_directory(agreement::default_agreements_dir());
    if (!loaded) violated("the bundled agreements do not load", loaded.error().message);
    return std::move(*loaded);
  }();
  return registry;
}

// A money text as the pay JSON writes it: -?digits.dd, read back by Money::parse.
Money money_text(const nlohmann::json& value, std::string_view where) {
  require(value.is_string(), "pay JSON: money is not a string", where);
  const auto& text = value.get_ref<const std::string&>();
  const auto point = text.find('.');
  require(point != std::string::npos && point + 3 == text.size(), "pay JSON: money without exactly 2 decimals", text);
  auto parsed = Money::parse(text);
  require(parsed.has_value(), "pay JSON: money that does not parse", text);
  return *parsed;
}

// Sums without wrapping: an overflow here, where the engine summed the same figures, is a finding.
Money sum_checked(Money a, Money b, std::string_view what) {
  try {
    return a + b;
  } catch (const OverflowError&) {
    violated("a sum that the engine computed overflows when checked", what);
  }
}

void check_pay_json(const std::string& text, const engine::BatchPay& pay) {
  nlohmann::json output;
  try {
    output = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {
    violated("the pay JSON does not parse", error.what());
  }
  require(output.is_object() && output.value("format", "") == "plateau-pay/1", "pay JSON: no plateau-pay/1 object");
  require(output["crew"].is_array() && output["crew"].size() == pay.crew.size(), "pay JSON: crew is not the people computed");
  Money total_gross;
  Money total_net;
  for (std::size_t p = 0; p < output["crew"].size(); ++p) {
    const auto& person = output["crew"][p];
    require(person["id"] == pay.crew[p].id, "pay JSON: a person's id is not as computed", pay.crew[p].id);
    Money lines;
    for (const auto& line : person["lines"]) lines = sum_checked(lines, money_text(line["amount"], "line amount"), "lines");
    const Money gross = money_text(person["gross"], "gross");
    require(gross == lines, "pay JSON: a person's gross is not the sum of their lines",
            pay.crew[p].id + ": gross " + gross.to_string() + ", lines " + lines.to_string());
    for (const auto& allowance : person["allowances"]) money_text(allowance["amount"], "allowance");
    for (const auto& contribution : person["contributions"]) money_text(contribution["amount"], "contribution");
    for (const auto& tax : person["taxes"]) money_text(tax["amount"], "tax");
    total_gross = sum_checked(total_gross, gross, "totals.gross");
    total_net = sum_checked(total_net, money_text(person["net_pay"], "net_pay"), "totals.net_pay");
  }
  require(money_text(output["totals"]["gross"], "totals.gross") == total_gross,
          "pay JSON: totals.gross is not the sum of the people's gross", total_gross.to_string());
  require(money_text(output["totals"]["net_pay"], "totals.net_pay") == total_net,
          "pay JSON: totals.net_pay is not the sum of the people's net pay", total_net.to_string());
  for (const auto& remittance : output["remittances"]) {
    Money items;
    for (const auto& item : remittance["items"]) items = sum_checked(items, money_text(item["amount"], "item"), "items");
    require(money_text(remittance["amount"], "remittance") == items,
            "pay JSON: a remittance is not the sum of its items", remittance.dump());
  }
}

// Each line is its exact amount rounded once (engine/pay.h), in memory, before any writer.
void check_lines(const engine::BatchPay& pay) {
  for (const auto& person : pay.crew) {
    Money sum;
    for (const auto& line : person.lines) {
      try {
        const Money rounded = ExactAmount(engine::exact_amount(line)).round_to_cent();
        require(rounded == line.amount, "a pay line is not its exact amount rounded to the cent",
                person.id + " " + to_string(line.date) + " " + engine::to_string(line.code) + ": " +
                    line.amount.to_string() + " for " + rounded.to_string());
      } catch (const OverflowError&) {
        violated("a computed pay line overflows when its derivation is redone", person.id + " " + to_string(line.date));
      }
      sum = sum_checked(sum, line.amount, "lines in memory");
    }
    require(sum == person.gross, "a person's gross is not the sum of their lines (in memory)", person.id);
  }
}

}  // namespace

void check_batch_json(std::string_view input) {
  auto batch = io::read_batch_json(input);
  if (!batch) return;
  const std::string written = io::write_batch_json(*batch);
  auto again = io::read_batch_json(written);
  require(again.has_value(), "a batch written by write_batch_json does not read back",
          again ? std::string() : again.error().message + "\n" + written);
  require(*again == *batch, "a batch written by write_batch_json reads back different", written);
}

void check_batch_csv(std::string_view input) {
  io::CsvPlaces places;
  auto batch = io::read_batch_csv(input, "fuzz.csv", &places);
  if (!batch) return;
  // The engine's messages, placed back in the file (the CLI does this for every rejection).
  for (std::size_t p = 0; p < batch->crew.size(); ++p) {
    io::place_in_csv(engine::crew_path(p) + ".rate.amount: found \"x\"; expected y", places);
    for (std::size_t d = 0; d < batch->crew[p].days.size(); ++d) {
      io::place_in_csv(engine::day_path(p, d) + ".meals[" + std::to_string(d) + "].end: found \"x\"", places);
    }
  }
  const std::string written = io::write_batch_csv(*batch);
  auto again = io::read_batch_csv(written, "written.csv");
  require(again.has_value(), "a batch written by write_batch_csv does not read back",
          again ? std::string() : again.error().message + "\n" + written);
  require(*again == *batch, "a batch written by write_batch_csv reads back different", written);
}

void check_agreement_toml(std::string_view input) {
  auto agreement = agreement::load_text(input, "fuzz.toml");
  if (!agreement) return;
  agreement::render_agreement(*agreement, "en");
  agreement::render_agreement(*agreement, "fr");
}

void check_money(std::string_view input) {
  if (auto money = Money::parse(input)) {
    const std::string text = money->to_string();
    auto again = Money::parse(text);
    require(again.has_value() && *again == *money, "money written does not read back equal", text);
    // A pay line's arithmetic on it: exact, or an OverflowError, never a wrapped amount.
    try {
      const ExactAmount line = *money * Rational(3, 8) * Rational(2);
      const Money rounded = line.round_to_cent();
      require((rounded.cents() < 0) == (money->cents() < 0) || rounded.is_zero(), "money × 3/4 changed sign",
              text + " → " + rounded.to_string());
      const Money doubled = *money + *money;
      require(doubled == *money * 2, "money + money differs from money × 2", text);
    } catch (const OverflowError&) {
    }
  }
  for (const int decimals : {0, 2, 6, 9}) {
    auto value = Rational::parse_decimal(input, decimals);
    if (!value) continue;
    const std::string text = value->to_decimal();
    auto again = Rational::parse_decimal(text, decimals);
    require(again.has_value() && *again == *value, "a decimal written does not read back equal", text);
    try {
      const Rational product = *value * *value;
      require(!product.is_negative(), "a square is negative", text);
      value->to_fixed(2);
    } catch (const OverflowError&) {
    }
  }
}

void check_clock(std::string_view input) {
  static const Date kDay{std::chrono::year{2009}, std::chrono::March, std::chrono::day{8}};  // spring forward
  static const TimeZone kZone = *TimeZone::named("America/Toronto");
  if (auto date = parse_date(input)) {
    require(to_string(*date) == input, "a date does not write back as read", input);
  }
  if (auto day = parse_weekday(input)) {
    require(weekday_name(*day) == input, "a weekday does not write back as read", input);
  }
  auto time = ClockTime::parse(input, kDay);
  if (!time) return;
  const std::string written = io::timecard_time(*time, kDay);
  auto again = ClockTime::parse(written, kDay);
  require(again.has_value() && *again == *time, "a time written by timecard_time does not read back equal", written);
  (void)kZone.instant(*time);
  (void)kZone.elapsed(ClockTime::at(kDay, Duration{0}), *time);
  require(time->since_midnight_of(time->date()) == time->time_of_day(), "time of day is not minutes since midnight",
          time->to_string());
}

void check_whole_path(std::string_view input) {
  const std::size_t first = input.find_first_not_of(" \t\r\n");
  const bool json = first != std::string_view::npos && input[first] == '{';
  io::CsvPlaces places;
  auto batch = json ? io::read_batch_json(input) : io::read_batch_csv(input, "fuzz.csv", &places);
  if (!batch) return;
  engine::ComputeOptions options;
  options.keep_going = true;
  auto pay = engine::compute(*batch, bundled_registry(), options);
  // The engine's messages, placed in the CSV file as the command shows them.
  if (!json && !pay) io::place_in_csv(pay.error().message, places);
  if (!pay) return;
  if (!json) {
    for (const auto& rejected : pay->rejected) io::place_in_csv(rejected.message, places);
  }
  check_lines(*pay);
  const std::string lang = input.size() % 2 == 0 ? "en" : "fr";
  check_pay_json(io::write_pay_json(*pay, lang), *pay);
  io::write_pay_text(*pay, batch->production.title, lang);
  io::write_pay_csv(*pay, lang);
  io::write_remittance_csv(*pay);
}

std::span<const Target> targets() {
  static constexpr std::array kTargets = {
      Target{"batch_json", check_batch_json},   Target{"batch_csv", check_batch_csv},
      Target{"agreement_toml", check_agreement_toml}, Target{"money", check_money},
      Target{"clock", check_clock},             Target{"whole_path", check_whole_path},
  };
  return kTargets;
}

}  // namespace plateau::fuzz
