// `plateau serve`: opens the store, seeds the demo when asked, recomputes, serves (http.h).
#pragma once

#include <filesystem>
#include <string>

#include "agreement/registry.h"
#include "core/error.h"

namespace plateau::server {

struct ServeSettings {
  std::string database = "plateau.db";  // a SQLite path or a postgresql:// URI
  std::string host = "127.0.0.1";
  int port = 8080;
  std::filesystem::path web_dir;        // empty: default_web_dir()
  std::string demo_file;                // a batch (JSON or CSV) to seed an empty store with
};

// Runs until SIGINT or SIGTERM. REQUIRES: `registry` outlives the call.
Result<void> serve(const ServeSettings& settings, const agreement::Registry& registry);

}  // namespace plateau::server
