// plateau serve's HTTP side: routes of docs/api.md onto the Office, the web UI's files, cookies,
// CSRF, size limits, security headers and login throttling (cpp-httplib).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "server/office.h"

namespace plateau::server {

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                  // 0: any free port (told to on_listening)
  std::filesystem::path web_dir;    // the UI's static files
  std::function<void(int port)> on_listening;  // called once the port is bound
};

// The largest bodies accepted: JSON writes, and CSV imports.
constexpr std::size_t kMaxJsonBody = std::size_t{1} << 20;
constexpr std::size_t kMaxCsvBody = std::size_t{16} << 20;

// Serves until SIGINT or SIGTERM. Returns an error when the port cannot be bound.
Result<void> serve_http(Office& office, const HttpOptions& options);

// The directory of the web UI: $PLATEAU_WEB if set, else the source tree's web/.
std::filesystem::path default_web_dir();

}  // namespace plateau::server
