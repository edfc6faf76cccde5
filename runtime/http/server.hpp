#pragma once

// The HTTP listener (Boost.Beast): accepts on one thread, serves each
// connection on a thread of its own, so the NATS calls a request makes
// (blocking) never hold up the others.

#include <memory>
#include <string>

namespace medha::http {

class gateway;

class http_server {
public:
  /// Binds address:port (port 0: any free one); throws std::runtime_error
  /// when it cannot.
  http_server(const gateway& g, const std::string& address, int port, int max_connections = 128);
  ~http_server();
  /// The port it listens on.
  int port() const;
  /// Serves until SIGINT or SIGTERM.
  void run();

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace medha::http
