// medha-http: the HTTP API and the web chat page, a gateway to the workers.
// It holds no state: every request connects to NATS as the user its bearer
// token names, so nats-server confines it as it confines that user.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vector>

#include "runtime/http/gateway.hpp"
#include "runtime/http/server.hpp"

namespace {

const char* usage =
    R"(usage: medha-http --users FILE [--listen ADDRESS:PORT] [--nats URL] [--web DIR]
                  [--turn-timeout SECONDS]

  --users FILE      {"users":[{"user":"alice","token":"...","nats_password":"..."}]}
                    (or "nats_credentials": a .creds file in place of the password)
  --listen          default 127.0.0.1:8080 (loopback; put TLS in front of anything else)
  --nats            default nats://127.0.0.1:4222
  --web DIR         the chat page's files (default: web/ beside this binary)
  --turn-timeout    per streamed turn, default 120

MEDHA_HTTP_USERS, MEDHA_HTTP_LISTEN and MEDHA_NATS_URL set the defaults.
)";

std::string exe_dir() {
  std::vector<char> buf(4096);
  auto n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  std::string path = n > 0 ? std::string(buf.data(), static_cast<size_t>(n)) : ".";
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

} // namespace

int main(int argc, char** argv) {
  medha::http::gateway_options opts;
  std::string users_file, listen = "127.0.0.1:8080";
  if (auto* v = std::getenv("MEDHA_HTTP_USERS"))
    users_file = v;
  if (auto* v = std::getenv("MEDHA_HTTP_LISTEN"))
    listen = v;
  if (auto* v = std::getenv("MEDHA_NATS_URL"))
    opts.nats_url = v;
  opts.web_root = exe_dir() + "/web";
  std::vector<std::string> args(argv + 1, argv + argc);
  for (size_t i = 0; i < args.size(); ++i) {
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "medha-http: %s needs a value\n", args[i].c_str());
        std::exit(2);
      }
      return args[++i];
    };
    const auto& a = args[i];
    if (a == "--users")
      users_file = value();
    else if (a == "--listen")
      listen = value();
    else if (a == "--nats")
      opts.nats_url = value();
    else if (a == "--web")
      opts.web_root = value();
    else if (a == "--turn-timeout")
      opts.turn_timeout_ms = std::atoi(value().c_str()) * 1000;
    else if (a == "--help" || a == "-h") {
      std::printf("%s", usage);
      return 0;
    } else {
      std::fprintf(stderr, "medha-http: unknown argument \"%s\"\n\n%s", a.c_str(), usage);
      return 2;
    }
  }
  if (users_file.empty()) {
    std::fprintf(stderr, "medha-http: --users FILE is required\n\n%s", usage);
    return 2;
  }
  std::string error;
  auto users = medha::http::load_users(users_file, error);
  if (!users) {
    std::fprintf(stderr, "medha-http: %s\n", error.c_str());
    return 2;
  }
  opts.users = std::move(*users);
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || opts.turn_timeout_ms <= 0) {
    std::fprintf(stderr,
                 "medha-http: --listen takes ADDRESS:PORT, --turn-timeout a positive number\n");
    return 2;
  }
  auto address = listen.substr(0, colon);
  int port = std::atoi(listen.c_str() + colon + 1);
  medha::http::gateway gw{opts};
  try {
    medha::http::http_server server{gw, address, port};
    std::fprintf(stderr, "medha-http: listening on http://%s:%d (%zu users, NATS %s)\n",
                 address.c_str(), server.port(), opts.users.size(), opts.nats_url.c_str());
    server.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "medha-http: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "medha-http: stopped\n");
  return 0;
}
