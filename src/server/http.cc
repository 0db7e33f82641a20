// Routes, cookies, CSRF and limits (http.h); the work itself is the Office's.
#include "server/http.h"

#include <httplib.h>
#include <signal.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "server/auth.h"

namespace plateau::server {
namespace {

constexpr const char* kSessionCookie = "plateau_session";
constexpr const char* kCsrfHeader = "X-CSRF-Token";
constexpr int kSessionCookieSeconds = 12 * 60 * 60;
// Failed logins allowed from one address per window before it must wait.
constexpr std::size_t kMaxFailedLogins = 10;
constexpr std::chrono::seconds kFailedLoginWindow{60};
constexpr std::int64_t kDefaultAuditPage = 100;

using httplib::Request;
using httplib::Response;

void send_json(Response& response, int status, const Json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(Response& response, const ApiError& error) {
  Json detail = {{"code", error.code}, {"message", error.message}};
  if (!error.field.empty()) detail["field"] = error.field;
  send_json(response, error.status, Json{{"error", detail}});
}

std::string session_token(const Request& request) {
  const std::string cookies = request.get_header_value("Cookie");
  const std::string name = std::string(kSessionCookie) + "=";
  std::size_t at = 0;
  while (at < cookies.size()) {
    while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';')) ++at;
    const std::size_t end = std::min(cookies.find(';', at), cookies.size());
    if (cookies.compare(at, name.size(), name) == 0) return cookies.substr(at + name.size(), end - at - name.size());
    at = end;
  }
  return {};
}

std::string cookie(const Request& request, const std::string& value, int max_age) {
  std::string text = std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                     std::to_string(max_age);
  // Behind a TLS proxy the cookie is never sent in clear.
  if (request.get_header_value("X-Forwarded-Proto") == "https") text += "; Secure";
  return text;
}

bool is_write(const Request& request) { return request.method != "GET" && request.method != "HEAD"; }

// A write from a page of another origin: its Origin header names another host.
bool foreign_origin(const Request& request) {
  if (!request.has_header("Origin")) return false;
  const std::string origin = request.get_header_value("Origin");
  const std::string host = request.get_header_value("Host");
  return origin != "http://" + host && origin != "https://" + host;
}

bool content_type_is(const Request& request, std::string_view type) {
  const std::string given = request.get_header_value("Content-Type");
  return given.compare(0, type.size(), type) == 0;
}

Answer<std::string> language(const Request& request) {
  if (!request.has_param("lang")) return std::string("fr");
  const std::string lang = request.get_param_value("lang");
  if (lang != "fr" && lang != "en") {
    return tl::unexpected(ApiError{400, "bad_input", "lang \"" + lang + "\"; expected fr or en", "lang"});
  }
  return lang;
}

Answer<std::int64_t> number_param(const Request& request, const std::string& name, std::int64_t fallback) {
  if (!request.has_param(name.c_str())) return fallback;
  const std::string text = request.get_param_value(name.c_str());
  std::int64_t value = 0;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (status != std::errc() || end != text.data() + text.size()) {
    return tl::unexpected(ApiError{400, "bad_input", name + " \"" + text + "\"; expected a whole number", name});
  }
  return value;
}

// Where logins fail, to slow down guessing.
class LoginThrottle {
 public:
  bool allowed(const std::string& address) {
    prune(address);
    return failures_[address].size() < kMaxFailedLogins;
  }
  void failed(const std::string& address) { failures_[address].push_back(std::chrono::steady_clock::now()); }
  void succeeded(const std::string& address) { failures_.erase(address); }

 private:
  void prune(const std::string& address) {
    auto& times = failures_[address];
    const auto now = std::chrono::steady_clock::now();
    while (!times.empty() && now - times.front() > kFailedLoginWindow) times.pop_front();
  }
  std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> failures_;
};

// What a handler is given: the caller (when logged in), the parsed body and the language, and
// the response for the headers it sets itself (a cookie).
struct Call {
  const Request& request;
  Response& response;
  std::optional<Caller> caller;
  Json body;
  std::string lang;
};

using ApiHandler = std::function<Answer<Json>(Call&)>;

}  // namespace

std::filesystem::path default_web_dir() {
  if (const char* dir = std::getenv("PLATEAU_WEB"); dir != nullptr && *dir != '\0') return dir;
  return PLATEAU_WEB_DIR;
}

Result<void> serve_http(Office& office, const HttpOptions& options) {
  httplib::Server server;
  std::mutex office_lock;  // the Office and its store connection serve one request at a time
  LoginThrottle throttle;

  server.set_payload_max_length(kMaxCsvBody);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "same-origin"},
                              {"Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'"}});
  server.set_error_handler([](const Request&, Response& response) {
    if (!response.body.empty()) return;
    if (response.status == 413) {
      send_error(response, ApiError{413, "too_large", "the request body is over the limit", {}});
    } else if (response.status == 404) {
      send_error(response, ApiError{404, "not_found", "no such address", {}});
    } else if (response.status == 405) {
      send_error(response, ApiError{405, "bad_method", "this address does not take that method", {}});
    }
  });
  server.set_exception_handler([](const Request&, Response& response, std::exception_ptr thrown) {
    std::string what = "unknown failure";
    try {
      std::rethrow_exception(thrown);
    } catch (const std::exception& failure) {
      what = failure.what();
    } catch (...) {
    }
    send_error(response, ApiError{500, "internal", "the server failed; nothing was written: " + what, {}});
  });

  // Wraps an API handler: session, CSRF, body limits and parsing, language, errors.
  auto api = [&](bool needs_login, ApiHandler handler) {
    return [&, needs_login, handler](const Request& request, Response& response) {
      response.set_header("Cache-Control", "no-store");
      auto answer = [&]() -> Answer<Json> {
        const auto lang = language(request);
        if (!lang) return tl::unexpected(lang.error());
        Call call{request, response, std::nullopt, Json(), *lang};
        if (is_write(request) && foreign_origin(request)) {
          return tl::unexpected(ApiError{403, "csrf", "a write from another origin is refused", {}});
        }
        const bool csv = content_type_is(request, "text/csv");
        if (is_write(request) && !request.body.empty()) {
          if (!csv && request.body.size() > kMaxJsonBody) {
            return tl::unexpected(ApiError{413, "too_large", "the JSON body has " + std::to_string(request.body.size()) +
                                                                 " bytes; the limit is " + std::to_string(kMaxJsonBody),
                                           {}});
          }
          if (!csv && !content_type_is(request, "application/json")) {
            return tl::unexpected(ApiError{415, "unsupported_media_type",
                                           "expected Content-Type: application/json, found \"" +
                                               request.get_header_value("Content-Type") + "\"",
                                           {}});
          }
          if (!csv) {
            call.body = Json::parse(request.body, nullptr, false);
            if (call.body.is_discarded()) {
              return tl::unexpected(ApiError{400, "bad_input", "the body is not valid JSON", {}});
            }
          }
        }
        std::lock_guard lock(office_lock);
        call.caller = office.caller(session_token(request));
        if (needs_login && !call.caller) {
          return tl::unexpected(ApiError{401, "not_logged_in", "log in first: no valid session", {}});
        }
        if (needs_login && is_write(request) &&
            !same_text(request.get_header_value(kCsrfHeader), call.caller->csrf_token)) {
          return tl::unexpected(ApiError{403, "csrf", "missing or wrong X-CSRF-Token header", {}});
        }
        return handler(call);
      }();
      if (!answer) {
        send_error(response, answer.error());
        return;
      }
      if (answer->is_null()) {
        response.status = 204;
        return;
      }
      send_json(response, request.method == "POST" && answer->contains("id") ? 201 : 200, *answer);
    };
  };
  auto production_of = [](const Call& call) { return std::stoll(call.request.matches[1].str()); };

  server.Post("/api/login", [&](const Request& request, Response& response) {
    response.set_header("Cache-Control", "no-store");
    if (foreign_origin(request)) return send_error(response, ApiError{403, "csrf", "a login from another origin is refused", {}});
    if (!content_type_is(request, "application/json")) {
      return send_error(response, ApiError{415, "unsupported_media_type", "expected Content-Type: application/json", {}});
    }
    const Json body = Json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("login") || !body["login"].is_string() ||
        !body.contains("password") || !body["password"].is_string()) {
      return send_error(response, ApiError{400, "bad_input", "expected {\"login\": \"…\", \"password\": \"…\"}", {}});
    }
    std::lock_guard lock(office_lock);
    if (!throttle.allowed(request.remote_addr)) {
      return send_error(response, ApiError{429, "too_many_attempts", "too many failed logins; wait a minute", {}});
    }
    auto ticket = office.login(body["login"].get<std::string>(), body["password"].get<std::string>());
    if (!ticket) {
      throttle.failed(request.remote_addr);
      return send_error(response, ticket.error());
    }
    throttle.succeeded(request.remote_addr);
    response.set_header("Set-Cookie", cookie(request, ticket->token, kSessionCookieSeconds));
    send_json(response, 200, Json{{"user", ticket->user}, {"csrf_token", ticket->csrf_token}});
  });
  server.Post("/api/logout", api(true, [&](Call& call) -> Answer<Json> {
                office.logout(session_token(call.request));
                call.response.set_header("Set-Cookie", cookie(call.request, "", 0));
                return Json(nullptr);
              }));
  server.Get("/api/session", api(true, [&](Call& call) -> Answer<Json> {
               return Json{{"user", office.user_json(call.caller->user)}, {"csrf_token", call.caller->csrf_token}};
             }));
  server.Get("/api/agreements", api(true, [&](Call&) -> Answer<Json> { return office.agreements(); }));
  server.Get("/api/users", api(true, [&](Call& call) { return office.users(*call.caller); }));
  server.Post("/api/users", api(true, [&](Call& call) { return office.create_user(*call.caller, call.body); }));
  server.Get("/api/productions", api(true, [&](Call& call) { return office.productions(*call.caller); }));
  server.Post("/api/productions",
              api(true, [&](Call& call) { return office.create_production(*call.caller, call.body); }));
  server.Get(R"(/api/productions/(\d{1,15}))",
             api(true, [&](Call& call) { return office.production(*call.caller, production_of(call)); }));
  server.Put(R"(/api/productions/(\d{1,15}))", api(true, [&](Call& call) {
               return office.update_production(*call.caller, production_of(call), call.body);
             }));
  server.Post(R"(/api/productions/(\d{1,15})/members)", api(true, [&](Call& call) {
                return office.add_member(*call.caller, production_of(call), call.body);
              }));
  server.Get(R"(/api/productions/(\d{1,15})/people)",
             api(true, [&](Call& call) { return office.people(*call.caller, production_of(call)); }));
  server.Put(R"(/api/productions/(\d{1,15})/people/([^/]+))", api(true, [&](Call& call) {
               return office.put_person(*call.caller, production_of(call), call.request.matches[2].str(), call.body);
             }));
  server.Delete(R"(/api/productions/(\d{1,15})/people/([^/]+))", api(true, [&](Call& call) {
                  return office.delete_person(*call.caller, production_of(call), call.request.matches[2].str());
                }));
  server.Get(R"(/api/productions/(\d{1,15})/people/([^/]+)/pay)", api(true, [&](Call& call) {
               return office.statement(*call.caller, production_of(call), call.request.matches[2].str(), call.lang);
             }));
  server.Get(R"(/api/productions/(\d{1,15})/weeks)",
             api(true, [&](Call& call) { return office.weeks(*call.caller, production_of(call)); }));
  server.Get(R"(/api/productions/(\d{1,15})/weeks/([^/]+))", api(true, [&](Call& call) {
               return office.week(*call.caller, production_of(call), call.request.matches[2].str(), call.lang);
             }));
  server.Put(R"(/api/productions/(\d{1,15})/timecards/([^/]+)/([^/]+))", api(true, [&](Call& call) {
               return office.put_timecard(*call.caller, production_of(call), call.request.matches[2].str(),
                                          call.request.matches[3].str(), call.body, call.lang);
             }));
  server.Delete(R"(/api/productions/(\d{1,15})/timecards/([^/]+)/([^/]+))", api(true, [&](Call& call) {
                  return office.delete_timecard(*call.caller, production_of(call), call.request.matches[2].str(),
                                                call.request.matches[3].str(), call.lang);
                }));
  server.Get(R"(/api/productions/(\d{1,15})/remittances)", api(true, [&](Call& call) {
               return office.remittances(*call.caller, production_of(call), call.lang);
             }));
  server.Get(R"(/api/productions/(\d{1,15})/audit)", api(true, [&](Call& call) -> Answer<Json> {
               const auto limit = number_param(call.request, "limit", kDefaultAuditPage);
               if (!limit) return tl::unexpected(limit.error());
               std::optional<std::int64_t> before;
               if (call.request.has_param("before")) {
                 const auto value = number_param(call.request, "before", 0);
                 if (!value) return tl::unexpected(value.error());
                 before = *value;
               }
               return office.audit(*call.caller, production_of(call), *limit, before);
             }));
  // CSV goes out as a file and comes in as text/csv: the JSON wrapper carries it in a field.
  server.Get(R"(/api/productions/(\d{1,15})/timecards\.csv)", [&](const Request& request, Response& response) {
    response.set_header("Cache-Control", "no-store");
    std::lock_guard lock(office_lock);
    const auto caller = office.caller(session_token(request));
    if (!caller) return send_error(response, ApiError{401, "not_logged_in", "log in first: no valid session", {}});
    std::optional<std::string> week;
    if (request.has_param("week")) week = request.get_param_value("week");
    auto csv = office.export_csv(*caller, std::stoll(request.matches[1].str()), week);
    if (!csv) return send_error(response, csv.error());
    const std::string name = "timecards-" + request.matches[1].str() + (week ? "-" + *week : "") + ".csv";
    response.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    response.set_content(*csv, "text/csv; charset=utf-8");
  });
  server.Post(R"(/api/productions/(\d{1,15})/timecards\.csv)", api(true, [&](Call& call) -> Answer<Json> {
                if (!content_type_is(call.request, "text/csv")) {
                  return tl::unexpected(ApiError{415, "unsupported_media_type", "expected Content-Type: text/csv", {}});
                }
                return office.import_csv(*call.caller, production_of(call), call.request.body);
              }));

  if (!options.web_dir.empty()) {
    if (!server.set_mount_point("/", options.web_dir.string())) {
      return fail(options.web_dir.string() + ": the web UI's directory cannot be read");
    }
  }

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) return fail("cannot bind any port on " + options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    return fail("cannot listen on " + options.host + ":" + std::to_string(port) + " (in use, or not allowed)");
  }

  // SIGINT and SIGTERM stop the server between requests: a request in progress finishes (its
  // transaction commits or not as a whole) and the store is closed cleanly.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.stop();
  });
  if (options.on_listening) options.on_listening(port);
  server.listen_after_bind();
  // The server stopped for a reason other than a signal (it does not today): release the stopper.
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
  }
  return {};
}

}  // namespace plateau::server
