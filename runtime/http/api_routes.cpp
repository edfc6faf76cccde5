// API verbs over HTTP: the verb's reply, less the envelope, or its error with
// the code's HTTP status.

#include <boost/json.hpp>

#include "messages/protocol.hpp"
#include "runtime/http/routes.hpp"

namespace medha::http {

namespace json = boost::json;

std::optional<json::object> request_verb(user_link& link, const std::string& verb,
                                         const std::string& body_json, response_writer& out) {
  std::string error;
  auto reply =
      link.nats.request(api_subject(link.user, verb), body_json, link.api_timeout_ms, error);
  if (!reply) {
    send_error(out, "unavailable", error);
    return std::nullopt;
  }
  json::error_code ec;
  auto v = json::parse(*reply, ec);
  if (ec || !v.is_object()) {
    send_error(out, "internal", "the worker's reply is not a JSON object");
    return std::nullopt;
  }
  return std::move(v.as_object());
}

void call_verb(user_link& link, const std::string& verb, const std::string& body_json,
               response_writer& out, int ok_status) {
  auto reply = request_verb(link, verb, body_json, out);
  if (!reply)
    return;
  auto& o = *reply;
  auto* ok = o.if_contains("ok");
  if (ok && ok->is_bool() && ok->as_bool()) {
    o.erase("v");
    o.erase("ok");
    return void(out.send(ok_status, "application/json", json::serialize(o)));
  }
  auto* err = o.if_contains("error");
  if (!err || !err->is_object())
    return void(send_error(out, "internal", "the worker's reply has neither ok nor error"));
  auto* code = err->as_object().if_contains("code");
  std::string code_text = code && code->is_string() ? std::string{code->as_string()} : "internal";
  auto message = err->as_object().if_contains("message");
  // A verb the workers do not know yet (feedback, until a worker handles it).
  if (code_text == "bad_request" && message && message->is_string() &&
      message->as_string().starts_with("unknown API verb"))
    return void(
        send_error(out, "not_supported", "the workers do not support \"" + verb + "\" yet"));
  send_worker_error(out, err->as_object());
}

bool send_worker_error(response_writer& out, const json::object& err) {
  auto* code = err.if_contains("code");
  auto status = status_of(code && code->is_string() ? std::string_view{code->as_string()}
                                                    : std::string_view{"internal"});
  return out.send(status, "application/json", json::serialize(json::object{{"error", err}}));
}

} // namespace medha::http
