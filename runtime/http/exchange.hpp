#pragma once

// One HTTP request and the way its response goes out, apart from the socket
// (the server fills them from Boost.Beast; tests of the routes use a string).

#include <string>
#include <string_view>

namespace medha::http {

struct http_request {
  std::string method; // "GET", "POST", ...
  std::string path;   // without the query string
  std::string authorization;
  std::string body;
};

/// Where a response goes: whole (send) or as a stream (start_stream, then
/// write until done; the connection closes after a stream).
class response_writer {
public:
  virtual ~response_writer() = default;
  /// A complete response; false when the client is gone.
  virtual bool send(int status, std::string_view content_type, std::string_view body) = 0;
  /// The head of a streamed response.
  virtual bool start_stream(int status, std::string_view content_type) = 0;
  /// A piece of the streamed body, sent at once; false when the client is gone.
  virtual bool write(std::string_view chunk) = 0;
};

/// The HTTP status of a protocol error code ("not_found" → 404, ...).
int status_of(std::string_view code);

/// {"error":{"code","message"}}.
std::string error_json(std::string_view code, std::string_view message);

/// Sends an error response: status from the code, JSON body.
bool send_error(response_writer& out, std::string_view code, std::string_view message);

} // namespace medha::http
