// The plateau command.
//
//   plateau compute FILE|- [--format json|csv|text|remittance-csv] [--lang en|fr] [-o FILE]
//                          [--input-format json|csv] [--keep-going]
//   plateau compute FILE|- --ndjson [--threads N] [--lang en|fr] [-o FILE] [--keep-going]
//   plateau check   FILE|- [--input-format json|csv] [--lang en|fr]
//   plateau explain FILE|- --crew ID [--date YYYY-MM-DD] [--lang en|fr] [-o FILE]
//   plateau convert FILE|- [--to json|csv] [-o FILE]
//   plateau agreements list
//   plateau agreements show ID [--date YYYY-MM-DD] [--lang en|fr]
//   plateau serve [--db FILE | --db postgresql://…] [--port N] [--host ADDR] [--demo FILE] [--web DIR]
//
// Exit status: 0 computed; 1 input rejected; 2 usage; 3 computed with error-severity findings.
#include <unistd.h>

#include <iostream>
#include <optional>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>

#include "agreement/registry.h"
#include "agreement/render.h"
#include "cli/files.h"
#include "engine/compute.h"
#include "io/batch_csv.h"
#include "io/batch_json.h"
#include "io/batch_json_write.h"
#include "io/derivation_text.h"
#include "io/pay_csv.h"
#include "io/pay_json.h"
#include "server/serve.h"
#include "io/pay_text.h"
#include "io/remittance_csv.h"
#include "stream/ndjson.h"

namespace {

using namespace plateau;
using cli::InputFormat;

enum ExitStatus : int {
  kComputed = 0,
  kInputRejected = 1,
  kUsage = 2,
  kComputedWithErrors = 3,
};

// Inputs at least this large show their progress on standard error, when it is a terminal.
constexpr std::size_t kProgressInputBytes = 1 << 20;

std::string shown_name(const std::string& file) { return file == "-" ? "standard input" : file; }

// Where the people and days of a CSV input came from, to place the engine's messages in the file
// (set by load_batch; one input per run).
io::CsvPlaces csv_places;

int report(Error error, const std::string& file = "") {
  if (!csv_places.file.empty()) error.message = io::place_in_csv(error.message, csv_places);
  // CSV messages already begin with file:row:column.
  const bool placed = !file.empty() && error.message.rfind(file + ":", 0) != 0 &&
                      error.message.rfind(shown_name(file) + ":", 0) != 0;
  std::cerr << "plateau: " << (placed ? shown_name(file) + ": " : "") << error.message << "\n";
  return kInputRejected;
}

int usage(const std::string& message) {
  std::cerr << "plateau: " << message << "\n";
  return kUsage;
}

// Options every command that reads a batch shares.
struct InputOptions {
  std::string file;
  std::string input_format;  // empty: by extension
  std::string lang = "en";
};

Result<engine::Batch> load_batch(const InputOptions& options, std::size_t* bytes = nullptr) {
  auto text = cli::read_input(options.file);
  if (!text) return tl::unexpected(text.error());
  if (bytes != nullptr) *bytes = text->size();
  if (cli::input_format(options.file, options.input_format) == InputFormat::csv) {
    return io::read_batch_csv(*text, shown_name(options.file), &csv_places);
  }
  return io::read_batch_json(*text);
}

// The bundled agreements, loaded once. Computed pay points into them (engine/pay.h), so they live
// as long as the process.
const Result<agreement::Registry>& load_registry() {
  static const Result<agreement::Registry> loaded =
      agreement::Registry::load_directory(agreement::default_agreements_dir());
  return loaded;
}

// "plateau: computed 1,200 of 50,000 people" on standard error, rewritten in place.
class Progress {
 public:
  explicit Progress(bool shown) : shown_(shown) {}
  void operator()(std::size_t done, std::size_t total) {
    if (!shown_ || (done != total && done % kStep != 0)) return;
    std::cerr << "\rplateau: computed " << done << " of " << total << " people" << std::flush;
    if (done == total) std::cerr << "\n";
  }

 private:
  static constexpr std::size_t kStep = 256;
  bool shown_;
};

// Computes `batch`, or reports why not.
std::optional<engine::BatchPay> compute_or_report(const engine::Batch& batch, const std::string& file,
                                                  engine::ComputeOptions options, int& status) {
  const auto& registry = load_registry();
  if (!registry) {
    status = report(registry.error());
    return std::nullopt;
  }
  auto pay = engine::compute(batch, *registry, std::move(options));
  if (!pay) {
    status = report(pay.error(), file);
    return std::nullopt;
  }
  return std::move(*pay);
}

struct ComputeOptions {
  InputOptions input;
  std::string format;
  std::string output;
  bool keep_going = false;
  bool ndjson = false;
  unsigned threads = 0;  // 0: every core
};

// compute --ndjson: a stream of batches, one per line, each answered by one line.
int run_compute_ndjson(const ComputeOptions& options) {
  if (!options.format.empty() && options.format != "json") {
    return usage("--ndjson writes JSON lines; --format " + options.format + " is for one batch");
  }
  if (options.input.input_format == "csv") return usage("--ndjson reads JSON lines; CSV timecards are one batch a file");
  const auto& registry = load_registry();
  if (!registry) return report(registry.error());
  auto input = cli::InputStream::open(options.input.file);
  if (!input) return report(input.error());
  auto output = cli::OutputStream::open(options.output);
  if (!output) return report(output.error());
  stream::NdjsonOptions stream_options;
  stream_options.threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  stream_options.keep_going = options.keep_going;
  stream_options.lang = options.input.lang;
  stream_options.max_line_bytes = cli::kMaxInputBytes;  // a line is a batch: the limit of one batch's file
  const std::string name = shown_name(options.input.file);
  auto summary = stream::compute_ndjson(
      [&](char* buffer, std::size_t size) { return input->read(buffer, size); },
      [&](std::string_view bytes) { return output->write(bytes); }, *registry, stream_options,
      [&](const stream::LineProblem& problem) {
        std::cerr << "plateau: " << name << ":" << problem.line << ": " << problem.message << "\n";
      });
  if (!summary) return report(summary.error());
  if (auto committed = output->commit(); !committed) return report(committed.error());
  if (summary->rejected != 0 || summary->people_left_out != 0) return kInputRejected;
  return summary->with_error_findings != 0 ? kComputedWithErrors : kComputed;
}

int run_compute(const ComputeOptions& options) {
  if (options.ndjson) return run_compute_ndjson(options);
  std::size_t input_bytes = 0;
  auto batch = load_batch(options.input, &input_bytes);
  if (!batch) return report(batch.error(), options.input.file);
  engine::ComputeOptions compute_options;
  compute_options.keep_going = options.keep_going;
  compute_options.progress = Progress(::isatty(STDERR_FILENO) && input_bytes >= kProgressInputBytes);
  int status = kComputed;
  auto pay = compute_or_report(*batch, options.input.file, compute_options, status);
  if (!pay) return status;
  for (const auto& rejected : pay->rejected) report(Error{rejected.message + " (left out: --keep-going)"}, options.input.file);

  std::string format = options.format;
  if (format.empty()) format = (options.output.empty() && ::isatty(STDOUT_FILENO)) ? "text" : "json";
  const std::string& lang = options.input.lang;
  std::string rendered;
  if (format == "text") {
    rendered = io::write_pay_text(*pay, batch->production.title, lang);
  } else if (format == "csv") {
    rendered = io::write_pay_csv(*pay, lang);
  } else if (format == "remittance-csv") {
    rendered = io::write_remittance_csv(*pay);
  } else {
    rendered = io::write_pay_json(*pay, lang);
  }
  if (auto written = cli::write_output(options.output, rendered); !written) return report(written.error());
  if (!pay->rejected.empty()) return kInputRejected;
  return engine::has_error_findings(*pay) ? kComputedWithErrors : kComputed;
}

int run_check(const InputOptions& options) {
  auto batch = load_batch(options);
  if (!batch) return report(batch.error(), options.file);
  engine::ComputeOptions compute_options;
  compute_options.keep_going = true;  // every person's problem, not only the first
  int status = kComputed;
  auto pay = compute_or_report(*batch, options.file, compute_options, status);
  if (!pay) return status;
  for (const auto& rejected : pay->rejected) report(rejected, options.file);
  std::size_t errors = 0;
  for (const auto& person : pay->crew) {
    for (const auto& finding : person.findings) {
      if (finding.severity != engine::Severity::error) continue;
      ++errors;
      std::cerr << "plateau: " << shown_name(options.file) << ": " << person.id << " " << to_string(finding.date)
                << ": " << finding.code << ": " << finding.message.in(options.lang) << "\n";
    }
  }
  const std::size_t problems = pay->rejected.size() + errors;
  std::cout << shown_name(options.file) << ": " << batch->crew.size() << " people, ";
  if (problems == 0) {
    std::cout << "ok\n";
    return kComputed;
  }
  std::cout << pay->rejected.size() << " rejected, " << errors << " error finding(s)\n";
  return pay->rejected.empty() ? kComputedWithErrors : kInputRejected;
}

struct ExplainOptions {
  InputOptions input;
  std::string crew;
  std::string date;
  std::string output;
};

int run_explain(const ExplainOptions& options) {
  std::optional<Date> only;
  if (!options.date.empty()) {
    auto date = parse_date(options.date);
    if (!date) return usage("--date: " + date.error().message);
    only = *date;
  }
  auto batch = load_batch(options.input);
  if (!batch) return report(batch.error(), options.input.file);
  const auto input = std::find_if(batch->crew.begin(), batch->crew.end(),
                                  [&](const engine::CrewInput& person) { return person.id == options.crew; });
  if (input == batch->crew.end()) {
    std::string known;
    for (const auto& person : batch->crew) known += (known.empty() ? "" : ", ") + person.id;
    return usage("--crew: no person \"" + options.crew + "\" in " + shown_name(options.input.file) +
                 "; expected one of " + known);
  }
  if (only && std::none_of(input->days.begin(), input->days.end(),
                           [&](const engine::DayInput& day) { return day.date == *only; })) {
    std::string days;
    for (const auto& day : input->days) days += (days.empty() ? "" : ", ") + to_string(day.date);
    return usage("--date: " + options.crew + " has no day " + options.date + "; days given: " + days);
  }
  int status = kComputed;
  auto pay = compute_or_report(*batch, options.input.file, {}, status);
  if (!pay) return status;
  const auto person = std::find_if(pay->crew.begin(), pay->crew.end(),
                                   [&](const engine::PersonPay& p) { return p.id == options.crew; });
  const std::string text = io::write_derivation(*input, *person, batch->production, only, options.input.lang);
  if (auto written = cli::write_output(options.output, text); !written) return report(written.error());
  return engine::has_error_findings(*pay) ? kComputedWithErrors : kComputed;
}

struct ConvertOptions {
  InputOptions input;
  std::string to;  // empty: the other format
  std::string output;
};

int run_convert(const ConvertOptions& options) {
  auto batch = load_batch(options.input);
  if (!batch) return report(batch.error(), options.input.file);
  std::string to = options.to;
  if (to.empty()) {
    const bool from_csv = cli::input_format(options.input.file, options.input.input_format) == InputFormat::csv;
    to = from_csv ? "json" : "csv";
  }
  const std::string text = to == "csv" ? io::write_batch_csv(*batch) : io::write_batch_json(*batch);
  if (auto written = cli::write_output(options.output, text); !written) return report(written.error());
  return kComputed;
}

int run_agreements_show(const std::string& id, const std::string& date_text, const std::string& lang) {
  const auto& registry = load_registry();
  if (!registry) return report(registry.error());
  const auto& versions = registry->versions(id);
  if (versions.empty()) {
    std::string known;
    for (const auto& each : registry->ids()) known += (known.empty() ? "" : ", ") + each;
    return usage("unknown agreement \"" + id + "\"; expected one of " + known);
  }
  const agreement::Agreement* version = &versions.back();
  if (!date_text.empty()) {
    auto date = parse_date(date_text);
    if (!date) return usage("--date: " + date.error().message);
    version = registry->find(id, *date);
    if (version == nullptr) return usage("\"" + id + "\" has no version in force on " + date_text);
  }
  std::cout << agreement::render_agreement(*version, lang);
  return kComputed;
}

constexpr const char* kExitStatusHelp =
    "Exit status: 0 computed; 1 input rejected; 2 usage; 3 computed with error-severity findings.";

void add_output_option(CLI::App* command, std::string& output) {
  command->add_option("-o,--output", output, "Write to FILE (atomically) instead of standard output");
}

void add_input_options(CLI::App* command, InputOptions& options, const std::string& what) {
  command->add_option("file", options.file, what + " (JSON, or CSV timecards; see docs/timecard-csv.md), or - for "
                                                   "standard input")
      ->required();
  command->add_option("--input-format", options.input_format, "json or csv (default: csv for a .csv file, else json)")
      ->check(CLI::IsMember({"json", "csv"}));
  command->add_option("--lang", options.lang, "Language of explanations and messages: en or fr")
      ->check(CLI::IsMember({"en", "fr"}));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"plateau: what film and TV crews are owed under their collective agreements, line by line"};
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  plateau compute examples/le-grand-nord.json --format text    pay statements\n"
      "  plateau compute examples/le-grand-nord.csv -o pay.json       from spreadsheet timecards\n"
      "  plateau explain examples/le-grand-nord.json --crew E-001     one person, step by step\n"
      "  plateau check examples/le-grand-nord.csv                     validate only\n" +
      std::string(kExitStatusHelp));

  ComputeOptions compute_options;
  auto* compute = app.add_subcommand("compute", "Compute pay lines, gross, per diems, contributions, net pay and "
                                                "remittances for a payroll batch");
  add_input_options(compute, compute_options.input, "Payroll batch");
  compute->add_option("--format", compute_options.format,
                      "json (the spec's format), csv (one row per pay line, then contributions), text (pay "
                      "statements), remittance-csv (the guild's remittance report); default: text on a terminal, "
                      "json otherwise")
      ->check(CLI::IsMember({"json", "csv", "text", "remittance-csv"}));
  add_output_option(compute, compute_options.output);
  compute->add_flag("--keep-going", compute_options.keep_going,
                    "Leave out a person whose timecards are rejected (each reported on standard error) and compute "
                    "the others; the exit status is then 1");
  auto* ndjson = compute->add_flag("--ndjson", compute_options.ndjson,
                    "Read a stream of batches, one JSON batch per line, and write one JSON line per input line, in "
                    "order (a bad line gets an error line in its place); memory stays flat whatever the size");
  compute->add_option("--threads", compute_options.threads,
                      "--ndjson: compute on this many threads (default: every core); the output is the same")
      ->check(CLI::Range(1u, 256u))
      ->needs(ndjson);
  compute->footer(
      "Examples:\n"
      "  plateau compute examples/le-grand-nord.json --format text --lang fr\n"
      "  plateau compute examples/le-grand-nord.csv --format csv -o pay.csv\n"
      "  plateau compute examples/le-grand-nord.json --format remittance-csv -o remittances.csv\n"
      "  plateau compute season.ndjson --ndjson -o season-pay.ndjson    a season of weeks, on every core\n" +
      std::string(kExitStatusHelp));

  InputOptions check_options;
  auto* check = app.add_subcommand("check", "Validate a payroll batch: print each problem with its place; exit 0 "
                                            "when clean");
  add_input_options(check, check_options, "Payroll batch");
  check->footer(
      "Example:\n"
      "  plateau check examples/le-grand-nord.csv\n"
      "  examples/le-grand-nord.csv: 12 people, ok\n"
      "Exit status: 0 clean; 1 a problem in the input; 3 error-severity findings (the payroll breaks the "
      "agreement).");

  ExplainOptions explain_options;
  auto* explain = app.add_subcommand("explain", "One person's pay, step by step: each day's facts, each line's "
                                                "arithmetic, its article and the agreement's words");
  add_input_options(explain, explain_options.input, "Payroll batch");
  explain->add_option("--crew", explain_options.crew, "The person's id, as in the batch")->required();
  explain->add_option("--date", explain_options.date, "Only this day (YYYY-MM-DD)");
  add_output_option(explain, explain_options.output);
  explain->footer("Example:\n  plateau explain examples/le-grand-nord.json --crew E-001 --date 2009-04-07 --lang fr");

  ConvertOptions convert_options;
  auto* convert = app.add_subcommand("convert", "Turn CSV timecards into a JSON batch, or a JSON batch into CSV "
                                                "timecards, losslessly");
  convert->add_option("file", convert_options.input.file, "Payroll batch, JSON or CSV, or - for standard input")
      ->required();
  convert->add_option("--input-format", convert_options.input.input_format,
                      "json or csv (default: csv for a .csv file, else json)")
      ->check(CLI::IsMember({"json", "csv"}));
  convert->add_option("--to", convert_options.to, "json or csv (default: the other format)")
      ->check(CLI::IsMember({"json", "csv"}));
  add_output_option(convert, convert_options.output);
  convert->footer(
      "Examples:\n"
      "  plateau convert examples/le-grand-nord.csv -o le-grand-nord.json\n"
      "  plateau convert examples/le-grand-nord.json -o timecards.csv    (a template to fill in a spreadsheet)");

  auto* agreements = app.add_subcommand("agreements", "List agreements, or show one's rules and figures");
  agreements->require_subcommand(1);
  agreements->footer("Examples:\n  plateau agreements list\n  plateau agreements show dgc-quebec --lang fr");
  auto* list = agreements->add_subcommand("list", "Every agreement and its versions");
  list->footer("Example:\n  plateau agreements list");
  std::string show_id;
  std::string show_date;
  std::string show_lang = "en";
  auto* show = agreements->add_subcommand("show", "Every rule and figure of an agreement, with citations");
  show->add_option("id", show_id, "Agreement id, like dgc-quebec")->required();
  show->add_option("--date", show_date, "The version in force on this date (default: the latest)");
  show->add_option("--lang", show_lang, "en or fr")->check(CLI::IsMember({"en", "fr"}));
  show->footer("Example:\n  plateau agreements show dgc-quebec --date 2009-03-02 --lang fr");

  server::ServeSettings serve_settings;
  std::string web_dir;
  auto* serve = app.add_subcommand("serve", "The production office's web app: timecards, pay, remittances (docs/api.md)");
  serve->add_option("--db", serve_settings.database,
                    "A SQLite file (created if missing) or a PostgreSQL URI postgresql://user:password@host/dbname")
      ->capture_default_str();
  serve->add_option("--port", serve_settings.port, "Port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_option("--host", serve_settings.host, "Address to listen on (0.0.0.0 behind a proxy)")->capture_default_str();
  serve->add_option("--demo", serve_settings.demo_file,
                    "On an empty database, import this batch (JSON or CSV) and create the demo accounts");
  serve->add_option("--web", web_dir, "Directory of the web UI's files (default: the source tree's web/)");
  serve->footer(
      "Examples:\n"
      "  plateau serve --db build/plateau-demo.db --demo examples/le-grand-nord.csv\n"
      "  plateau serve --db postgresql://plateau:secret@localhost/plateau --host 0.0.0.0 --port 8080");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? kComputed : kUsage;
  }

  if (compute->parsed()) return run_compute(compute_options);
  if (check->parsed()) return run_check(check_options);
  if (explain->parsed()) return run_explain(explain_options);
  if (convert->parsed()) return run_convert(convert_options);
  if (list->parsed()) {
    const auto& registry = load_registry();
    if (!registry) return report(registry.error());
    std::cout << agreement::render_list(*registry);
    return kComputed;
  }
  if (show->parsed()) return run_agreements_show(show_id, show_date, show_lang);
  if (serve->parsed()) {
    const auto& registry = load_registry();
    if (!registry) return report(registry.error());
    serve_settings.web_dir = web_dir;
    if (!serve_settings.demo_file.empty()) {
      auto demo = load_batch(InputOptions{serve_settings.demo_file, "", "en"});
      if (!demo) return report(demo.error(), serve_settings.demo_file);
      serve_settings.demo = std::move(*demo);
    }
    if (auto served = server::serve(serve_settings, *registry); !served) return report(served.error());
    return kComputed;
  }
  return kUsage;
}
