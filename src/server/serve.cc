#include "server/serve.h"

#include <ctime>
#include <iostream>

#include "server/auth.h"
#include "server/http.h"
#include "server/office.h"
#include "store/store.h"

namespace plateau::server {

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
  if (settings.demo) {
    auto production = office.seed_demo(*settings.demo);
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
    if (settings.demo) {
      std::cout << (seeded ? "  demo production imported from " + settings.demo_file + "\n" : std::string())
                << "  demo logins: comptable / plateau-comptable (accountant), marie / plateau-marie (crew E-001),\n"
                << "               luc / plateau-luc (crew E-004), admin / plateau-admin\n";
    }
    std::cout << "  Ctrl-C stops the server." << std::endl;
  };
  return serve_http(office, options);
}

}  // namespace plateau::server
