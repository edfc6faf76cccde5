#pragma once

// The gateway's handlers, one file each: API verbs (api_routes.cpp), turns as
// server-sent events (turn_stream.cpp), the page's files (static_files.cpp).

#include <optional>
#include <string>

#include "runtime/client/nats_client.hpp"
#include "runtime/http/exchange.hpp"

namespace boost::json {
class object;
}

namespace medha::http {

/// One request's link to the workers: the user and their own NATS connection.
struct user_link {
  std::string user;
  client::nats_client& nats;
  int api_timeout_ms;
  int turn_timeout_ms;
};

/// Calls `medha.api.<user>.<verb>`: the reply object (ok or not), or nullopt
/// after answering the HTTP request with what failed (no worker, bad reply).
std::optional<boost::json::object> request_verb(user_link& link, const std::string& verb,
                                                const std::string& body_json, response_writer& out);

/// Calls `medha.api.<user>.<verb>` and answers with its reply less "v" and
/// "ok" (status ok_status), or its error with the code's status.
void call_verb(user_link& link, const std::string& verb, const std::string& body_json,
               response_writer& out, int ok_status = 200);

/// A worker's error object {code, message, …} as the response, whole (it may
/// carry more, such as retry_after_ms), with the code's status.
bool send_worker_error(response_writer& out, const boost::json::object& err);

/// POST …/messages: publishes the turn and streams its events. `body` is the
/// request's JSON object {text, data_source?}.
void stream_message(user_link& link, const std::string& conv, const std::string& body,
                    response_writer& out);

/// POST …/refine: the refine verb, then the refined turn's events.
void stream_refine(user_link& link, const std::string& conv, const std::string& body,
                   response_writer& out);

/// GET of a page file under web_root; false when there is no such file.
bool serve_static(const std::string& web_root, const std::string& path, response_writer& out);

/// The OpenAPI 3 document of the API (runtime/http/openapi.json).
const std::string& openapi_document();

} // namespace medha::http
