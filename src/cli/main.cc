// The plateau command: compute pay from a payroll batch, check one, show an agreement's rules.
//
//   plateau compute FILE|- [--format json|text|remittance-csv] [--lang en|fr] [-o FILE]
//   plateau check FILE|-
//   plateau agreements list
//   plateau agreements show ID [--date YYYY-MM-DD] [--lang en|fr]
//
// Exit status: 0 computed; 1 input rejected; 2 usage; 3 computed with error-severity findings.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>

#include "agreement/registry.h"
#include "agreement/render.h"
#include "engine/compute.h"
#include "io/batch_json.h"
#include "io/pay_json.h"
#include "io/pay_text.h"
#include "io/remittance_csv.h"

namespace {

using namespace plateau;

enum ExitStatus : int {
  kComputed = 0,
  kInputRejected = 1,
  kUsage = 2,
  kComputedWithErrors = 3,
};

// The largest input plateau reads in one batch; beyond it the input is refused, not swallowed.
constexpr std::uintmax_t kMaxInputBytes = 256ull * 1024 * 1024;

Result<std::string> read_input(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return fail(path + ": cannot read (" + error.message() + ")");
    if (size > kMaxInputBytes) {
      return fail(path + ": " + std::to_string(size) + " bytes; expected at most " + std::to_string(kMaxInputBytes));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(path + ": cannot open");
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return text;
}

// Writes to a temporary file beside `path`, then renames it: a reader never sees half a file.
Result<void> write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return {};
  }
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return fail(path + ": cannot write");
    out << text;
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary);
      return fail(path + ": write failed");
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary);
    return fail(path + ": cannot replace (" + error.message() + ")");
  }
  return {};
}

Result<agreement::Registry> load_registry() {
  const auto dir = agreement::default_agreements_dir();
  auto registry = agreement::Registry::load_directory(dir);
  if (!registry) return tl::unexpected(registry.error());
  return registry;
}

int report(const Error& error, const std::string& file) {
  std::cerr << "plateau: " << (file.empty() || file == "-" ? "" : file + ": ") << error.message << "\n";
  return kInputRejected;
}

struct ComputeOptions {
  std::string file;
  std::string format;
  std::string lang = "en";
  std::string output;
};

int run_compute(const ComputeOptions& options, bool check_only) {
  auto text = read_input(options.file);
  if (!text) return report(text.error(), "");
  auto batch = io::read_batch_json(*text);
  if (!batch) return report(batch.error(), options.file);
  auto registry = load_registry();
  if (!registry) return report(registry.error(), "");
  try {
    auto pay = engine::compute(*batch, *registry);
    if (!pay) return report(pay.error(), options.file);
    bool has_errors = false;
    for (const auto& person : pay->crew) {
      for (const auto& finding : person.findings) has_errors = has_errors || finding.severity == engine::Severity::error;
    }
    if (check_only) {
      std::cout << (options.file == "-" ? "input" : options.file) << ": ok, " << pay->crew.size() << " people\n";
      return has_errors ? kComputedWithErrors : kComputed;
    }
    std::string format = options.format;
    if (format.empty()) format = (options.output.empty() && ::isatty(STDOUT_FILENO)) ? "text" : "json";
    std::string rendered;
    if (format == "text") {
      rendered = io::write_pay_text(*pay, batch->production.title, options.lang);
    } else if (format == "remittance-csv") {
      rendered = io::write_remittance_csv(*pay);
    } else {
      rendered = io::write_pay_json(*pay, options.lang);
    }
    if (auto written = write_output(options.output, rendered); !written) return report(written.error(), "");
    return has_errors ? kComputedWithErrors : kComputed;
  } catch (const OverflowError& overflow) {
    return report(Error{std::string(overflow.what()) + "; an amount is beyond the exact range plateau computes in"},
                  options.file);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"plateau: what film and TV crews are owed under their collective agreements, line by line"};
  app.require_subcommand(1);
  app.footer("Example:\n  plateau compute examples/le-grand-nord.json --format text\n"
             "Exit status: 0 computed; 1 input rejected; 2 usage; 3 computed with error-severity findings.");

  ComputeOptions compute_options;
  auto* compute = app.add_subcommand("compute", "Compute pay lines, gross, per diems and findings for a payroll batch");
  compute->add_option("file", compute_options.file, "Payroll batch (JSON, plateau-payroll/1), or - for standard input")
      ->required();
  compute->add_option("--format", compute_options.format,
                      "json, text, or remittance-csv (the guild's remittance report: one row per person and payee); "
                      "default: text on a terminal, json otherwise")
      ->check(CLI::IsMember({"json", "text", "remittance-csv"}));
  compute->add_option("--lang", compute_options.lang, "Language of explanations: en or fr")
      ->check(CLI::IsMember({"en", "fr"}));
  compute->add_option("-o,--output", compute_options.output, "Write to FILE (atomically) instead of standard output");
  compute->footer("Examples:\n  plateau compute examples/le-grand-nord.json --format text --lang fr\n"
                  "  plateau compute examples/le-grand-nord.json --format remittance-csv -o remittances.csv");

  ComputeOptions check_options;
  auto* check = app.add_subcommand("check", "Validate a payroll batch; print each problem with its place");
  check->add_option("file", check_options.file, "Payroll batch (JSON), or - for standard input")->required();
  check->footer("Example:\n  plateau check examples/le-grand-nord.json");

  auto* agreements = app.add_subcommand("agreements", "List agreements, or show one's rules and figures");
  agreements->require_subcommand(1);
  auto* list = agreements->add_subcommand("list", "Every agreement and its versions");
  std::string show_id;
  std::string show_date;
  std::string show_lang = "en";
  auto* show = agreements->add_subcommand("show", "Every rule and figure of an agreement, with citations");
  show->add_option("id", show_id, "Agreement id, like dgc-quebec")->required();
  show->add_option("--date", show_date, "The version in force on this date (default: the latest)");
  show->add_option("--lang", show_lang, "en or fr")->check(CLI::IsMember({"en", "fr"}));
  show->footer("Example:\n  plateau agreements show dgc-quebec --date 2009-03-02 --lang fr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? kComputed : kUsage;
  }

  if (compute->parsed()) return run_compute(compute_options, false);
  if (check->parsed()) return run_compute(check_options, true);
  if (list->parsed() || show->parsed()) {
    auto registry = load_registry();
    if (!registry) return report(registry.error(), "");
    if (list->parsed()) {
      std::cout << agreement::render_list(*registry);
      return kComputed;
    }
    const auto& versions = registry->versions(show_id);
    if (versions.empty()) {
      std::string known;
      for (const auto& id : registry->ids()) known += (known.empty() ? "" : ", ") + id;
      std::cerr << "plateau: unknown agreement \"" << show_id << "\"; expected one of " << known << "\n";
      return kUsage;
    }
    const agreement::Agreement* version = &versions.back();
    if (!show_date.empty()) {
      auto date = parse_date(show_date);
      if (!date) {
        std::cerr << "plateau: --date: " << date.error().message << "\n";
        return kUsage;
      }
      version = registry->find(show_id, *date);
      if (version == nullptr) {
        std::cerr << "plateau: \"" << show_id << "\" has no version in force on " << show_date << "\n";
        return kUsage;
      }
    }
    std::cout << agreement::render_agreement(*version, show_lang);
    return kComputed;
  }
  return kUsage;
}
