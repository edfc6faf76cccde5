#pragma once

// A plain HTTP/1.1 request over a loopback socket, for tests of the servers
// the project runs (the worker's metrics endpoint).

#include <string>

namespace medha::testing {

struct http_response {
  int status = 0;      // 0: no HTTP answer (connection refused, timeout, garbage)
  std::string headers; // the header block, status line included
  std::string body;
};

/// Sends `METHOD path` to 127.0.0.1:port and reads the answer until the server
/// closes the connection (at most a few seconds).
http_response http_request(int port, const std::string& method, const std::string& path);

} // namespace medha::testing
