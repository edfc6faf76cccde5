#pragma once

// The HTTP gateway for integration tests: medha-http as a child process in
// front of a real nats-server (as alice and bob), and a real HTTP client
// (libcurl) that can read a server-sent event stream as it arrives.

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <sys/types.h>

#include "tests/support/servers.hpp"

namespace medha::testing {

/// A response as the client saw it.
struct http_response {
  long status = 0;
  std::string content_type;
  std::string body;
  /// The body's pieces in arrival order, with their arrival times.
  std::vector<std::pair<std::chrono::steady_clock::time_point, std::string>> pieces;
  /// The JSON of each `data:` line (server-sent events).
  std::vector<std::string> events() const;
};

class http_gateway {
public:
  /// Tokens for alice and bob, who connect to NATS with their own passwords.
  explicit http_gateway(const nats_server& nats);
  ~http_gateway();
  http_gateway(const http_gateway&) = delete;
  http_gateway& operator=(const http_gateway&) = delete;

  std::string url() const; // http://127.0.0.1:<port>
  std::string token(const std::string& user) const;
  std::string log_tail() const;

  /// One request; `token` "" sends no Authorization header.
  http_response call(const std::string& method, const std::string& path, const std::string& token,
                     const std::string& body = "") const;

private:
  std::string dir_;
  int port_ = 0;
  pid_t pid_ = -1;
  std::map<std::string, std::string> tokens_;
};

} // namespace medha::testing
