// `plateau serve`: opens the store, seeds the demo when asked, recomputes, serves (http.h).
#pragma once

#include <filesystem>
#include <string>

#include <optional>

#include "agreement/registry.h"
#include "engine/batch.h"
#include "core/error.h"

namespace plateau::server {

struct ServeSettings {
  std::string database = "plateau.db";  // a SQLite path or a postgresql:// URI
  std::string host = "127.0.0.1";
  int port = 8080;
  std::filesystem::path web_dir;        // empty: default_web_dir()
  std::optional<engine::Batch> demo;    // a batch to seed an empty store with
  std::string demo_file;                // where it was read from, for the messages
};

// Runs until SIGINT or SIGTERM. REQUIRES: `registry` outlives the call.
Result<void> serve(const ServeSettings& settings, const agreement::Registry& registry);

}  // namespace plateau::server
