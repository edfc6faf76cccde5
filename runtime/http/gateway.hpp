#pragma once

// medha-http's request handling: bearer token → user → a NATS connection as
// that user → the protocol's subjects. No actor system: every request runs on
// its connection's own thread, and blocking NATS calls stay there.

#include <string>
#include <vector>

#include "runtime/http/exchange.hpp"
#include "runtime/http/users.hpp"

namespace medha::http {

struct gateway_options {
  std::string nats_url = "nats://127.0.0.1:4222";
  std::vector<http_user> users;
  std::string web_root;         // the chat page's files ("" serves none)
  int api_timeout_ms = 10000;   // per API verb
  int turn_timeout_ms = 120000; // per turn streamed
};

class gateway {
public:
  explicit gateway(gateway_options opts) : opts_(std::move(opts)) {}
  /// Answers one request (whole, or as a stream of step events).
  void handle(const http_request& req, response_writer& out) const;

private:
  void handle_api(const http_request& req, const http_user& user, response_writer& out) const;
  void health(const http_request& req, response_writer& out) const;
  gateway_options opts_;
};

} // namespace medha::http
