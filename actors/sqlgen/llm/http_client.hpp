#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medha::llm {

struct http_request {
  std::string url;
  std::vector<std::string> headers; // "Name: value"
  std::string body;
  std::chrono::milliseconds timeout{60000};
};

struct http_response {
  long status = 0;                        // 0: no HTTP response (see transport_error)
  std::string body;                       // the whole body, also when streamed
  std::optional<std::string> retry_after; // the Retry-After header, as sent
  std::string transport_error;            // curl's message when the exchange failed
};

/// Called with each piece of the body as it arrives, and the response status.
using body_chunk_fn = std::function<void(long status, std::string_view chunk)>;

/// POSTs with libcurl. Blocking: call it only from a detached actor or a test
/// thread, never on the CAF scheduler.
http_response http_post(const http_request& req, const body_chunk_fn& on_chunk = {});

} // namespace medha::llm
