#include "server/serve.h"

#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "io/batch_csv.h"
#include "io/batch_json_write.h"
#include "server/auth.h"
#include "server/http.h"
#include "server/office.h"
#include "store/store.h"

namespace plateau::server {
namespace {

// The demo file as a batch in JSON: CSV timecards are read and written back as JSON.
Result<std::string> demo_batch(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail(file + ": cannot read the demo production");
  std::stringstream text;
  text << in.rdbuf();
  if (file.size() < 4 || file.compare(file.size() - 4, 4, ".csv") != 0) return text.str();
  auto batch = io::read_batch_csv(text.str(), file);
  if (!batch) return tl::unexpected(batch.error());
  return io::write_batch_json(*batch);
}

}  // namespace

Result<void> serve(const ServeSettings& settings, const agreement::Registry& registry) {
  if (!start_crypto()) return fail("libsodium cannot start (no source of randomness?)");
  auto store = store::Store::open(settings.database);
  if (!store) return tl::unexpected(store.error());
  Office office(std::move(*store), registry, [] { return static_cast<std::int64_t>(std::time(nullptr)); });
  try {
    office.recompute_all();
  } catch (const std::exception& failure) {
    return fail(std::string("cannot recompute the stored pay: ") + failure.what());
  }
  bool seeded = false;
  if (!settings.demo_file.empty()) {
    auto batch = demo_batch(settings.demo_file);
    if (!batch) return tl::unexpected(batch.error());
    auto production = office.seed_demo(*batch);
    if (!production) return fail(settings.demo_file + ": " + production.error().message);
    seeded = production->has_value();
  }
  HttpOptions options;
  options.host = settings.host;
  options.port = settings.port;
  options.web_dir = settings.web_dir.empty() ? default_web_dir() : settings.web_dir;
  options.on_listening = [&](int port) {
    const std::string shown_host = settings.host == "0.0.0.0" ? "localhost" : settings.host;
    std::cout << "plateau serve: http://" << shown_host << ":" << port << "/  (database: "
              << store::shown_target(settings.database) << ")\n";
    if (!settings.demo_file.empty()) {
      std::cout << (seeded ? "  demo production imported from " + settings.demo_file + "\n" : std::string())
                << "  demo logins: comptable / plateau-comptable (accountant), marie / plateau-marie (crew E-001),\n"
                << "               luc / plateau-luc (crew E-004), admin / plateau-admin\n";
    }
    std::cout << "  Ctrl-C stops the server." << std::endl;
  };
  return serve_http(office, options);
}

}  // namespace plateau::server
