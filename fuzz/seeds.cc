// Writes the fuzz targets' seed corpora from the project's own test data, so that no copies are
// committed: `fuzz_seeds SOURCE_DIR OUT_DIR` fills OUT_DIR/<target>/ (fuzz/run.sh runs it).
//
//   batch_json, whole_path  the input batch of every golden case (tests/golden), examples/*.json,
//                           tests/csv/*.json
//   batch_csv, whole_path   examples/*.csv, tests/csv/*.csv, and every golden input written as CSV
//   agreement_toml          agreements/*/*.toml, tests/agreement/{good,bad}/*.toml
//   money                   every amount of the golden inputs, and amounts at the edges of int64 cents
//   clock                   every time and date of the golden inputs, and edge cases
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/batch_csv.h"
#include "io/batch_json.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class Corpus {
 public:
  explicit Corpus(fs::path out) : out_(std::move(out)) {}

  void add(const std::string& target, const std::string& name, const std::string& text) {
    const fs::path directory = out_ / target;
    fs::create_directories(directory);
    std::ofstream(directory / name, std::ios::binary) << text;
    ++count_;
  }
  int count() const { return count_; }

 private:
  fs::path out_;
  int count_ = 0;
};

std::vector<fs::path> files_in(const fs::path& directory, const std::string& extension) {
  std::vector<fs::path> files;
  if (!fs::is_directory(directory)) return files;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Every string value of `value` whose key satisfies `wanted`, recursively.
void collect(const json& value, const std::function<bool(const std::string&)>& wanted, std::set<std::string>& out,
             const std::string& key = "") {
  if (value.is_object()) {
    for (const auto& [k, v] : value.items()) collect(v, wanted, out, k);
  } else if (value.is_array()) {
    for (const auto& v : value) collect(v, wanted, out, key);
  } else if (wanted(key)) {
    out.insert(value.is_string() ? value.get<std::string>() : value.dump());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: fuzz_seeds SOURCE_DIR OUT_DIR\n");
    return 2;
  }
  const fs::path source = argv[1];
  Corpus corpus(argv[2]);
  std::set<std::string> amounts = {"0",     "-0.01", "755",  "755.00", "3015.5", "92233720368547758.07",
                                   "92233720368547758.08", "-92233720368547758.08", "10000000.00",
                                   "1000000000.00", "1e3", "1,5", " 1", "0.001"};
  std::set<std::string> times = {"00:00", "07:00", "23:59", "24:00", "26:15", "71:59", "72:00", "2009-03-08T02:30",
                                 "2009-11-01T01:30:00", "2009-02-29", "0000-01-01", "9999-12-31", "sunday"};

  for (const fs::path& file : files_in(source / "tests" / "golden", ".json")) {
    const json golden = json::parse(read_file(file));
    if (!golden.contains("input")) continue;
    const std::string name = file.stem().string();
    const std::string batch = golden["input"].dump(1);
    corpus.add("batch_json", name + ".json", batch);
    corpus.add("whole_path", name + ".json", batch);
    if (auto read = plateau::io::read_batch_json(batch)) {
      const std::string csv = plateau::io::write_batch_csv(*read);
      corpus.add("batch_csv", name + ".csv", csv);
      corpus.add("whole_path", name + ".csv", csv);
    }
    collect(golden["input"], [](const std::string& key) { return key == "amount" || key == "production_gross_to_date"; },
            amounts);
    collect(golden["input"],
            [](const std::string& key) {
              return key == "call" || key == "wrap" || key == "start" || key == "end" || key == "date" ||
                     key == "snack" || key == "general_crew_call" || key == "week_starts_on";
            },
            times);
  }
  for (const fs::path& directory : {source / "examples", source / "tests" / "csv"}) {
    for (const fs::path& file : files_in(directory, ".json")) {
      corpus.add("batch_json", file.filename().string(), read_file(file));
      corpus.add("whole_path", file.filename().string(), read_file(file));
    }
    for (const fs::path& file : files_in(directory, ".csv")) {
      corpus.add("batch_csv", file.filename().string(), read_file(file));
      corpus.add("whole_path", file.filename().string(), read_file(file));
    }
  }
  for (const fs::path& directory : {source / "agreements" / "dgc-quebec", source / "agreements" / "example-invented",
                                    source / "tests" / "agreement" / "good", source / "tests" / "agreement" / "bad"}) {
    for (const fs::path& file : files_in(directory, ".toml")) {
      corpus.add("agreement_toml", directory.filename().string() + "-" + file.filename().string(), read_file(file));
    }
  }
  int n = 0;
  for (const std::string& amount : amounts) corpus.add("money", "amount-" + std::to_string(n++), amount);
  n = 0;
  for (const std::string& time : times) corpus.add("clock", "time-" + std::to_string(n++), time);
  std::printf("fuzz_seeds: %d seed files in %s\n", corpus.count(), argv[2]);
  return 0;
}
