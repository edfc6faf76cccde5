#include "runtime/http/gateway.hpp"

#include <vector>

#include <boost/json.hpp>

#include "messages/protocol.hpp"
#include "runtime/http/routes.hpp"

namespace medha::http {

namespace json = boost::json;

namespace {

constexpr std::string_view api_prefix = "/api/v1/";

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos)
      end = path.size();
    if (end > start)
      parts.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// The request body as a JSON object ("" counts as {}); nullopt after sending 400.
std::optional<json::object> body_object(const http_request& req, response_writer& out) {
  if (req.body.empty())
    return json::object{};
  json::error_code ec;
  auto v = json::parse(req.body, ec);
  if (ec) {
    send_error(out, "bad_request", "the body is not valid JSON: " + ec.message());
    return std::nullopt;
  }
  if (!v.is_object()) {
    send_error(out, "bad_request", "the body must be a JSON object");
    return std::nullopt;
  }
  return std::move(v.as_object());
}

bool wrong_method(response_writer& out, const char* allowed) {
  return send_error(out, "method_not_allowed", std::string{"this path takes "} + allowed);
}

} // namespace

void gateway::handle(const http_request& req, response_writer& out) const {
  if (req.path == "/health")
    return health(req, out);
  if (req.path == "/api/v1/openapi.json") {
    if (req.method != "GET")
      return void(wrong_method(out, "GET"));
    return void(out.send(200, "application/json", openapi_document()));
  }
  if (req.path.compare(0, api_prefix.size(), api_prefix) == 0) {
    auto* user = find_user(opts_.users, bearer_token(req.authorization));
    if (!user)
      return void(send_error(out, "unauthorized",
                             req.authorization.empty()
                               ? "sign in: send Authorization: Bearer <token>"
                               : "the token is not valid"));
    return handle_api(req, *user, out);
  }
  if (req.method == "GET" && !opts_.web_root.empty() && serve_static(opts_.web_root, req.path, out))
    return;
  send_error(out, "not_found", "no such path: " + req.path);
}

void gateway::health(const http_request& req, response_writer& out) const {
  if (req.method != "GET")
    return void(wrong_method(out, "GET"));
  json::object body{{"status", "ok"}, {"gateway", "medha-http"}};
  // With a token, the workers' health too (as that user: the gateway has no
  // identity of its own on NATS).
  if (auto* user = find_user(opts_.users, bearer_token(req.authorization))) {
    std::string error;
    auto nats = client::nats_client::connect(opts_.nats_url, error, user->nats, "_INBOX." + user->name);
    std::optional<std::string> reply;
    if (nats)
      reply = nats->request(api_subject(user->name, "health"), "{\"v\":1}", opts_.api_timeout_ms, error);
    json::error_code ec;
    auto worker = reply ? json::parse(*reply, ec) : json::value{};
    if (!reply || ec) {
      body["status"] = "degraded";
      body["worker"] = json::object{{"error", error.empty() ? "bad reply" : error}};
    } else {
      body["worker"] = worker;
    }
  }
  out.send(200, "application/json", json::serialize(body));
}

void gateway::handle_api(const http_request& req, const http_user& user, response_writer& out) const {
  auto parts = split_path(std::string_view{req.path}.substr(api_prefix.size()));
  const auto& m = req.method;
  bool conversations = !parts.empty() && parts[0] == "conversations";
  if (conversations && parts.size() >= 2 && !is_valid_token(parts[1]))
    return void(send_error(out, "bad_request", "a conversation id matches [A-Za-z0-9_-]{1,64}"));
  // Checked before connecting: a malformed body costs nothing downstream.
  std::optional<json::object> body = json::object{};
  if (m == "POST" || m == "PATCH" || m == "PUT")
    if (!(body = body_object(req, out)))
      return;
  std::string error;
  auto nats = client::nats_client::connect(opts_.nats_url, error, user.nats, "_INBOX." + user.name);
  if (!nats)
    return void(send_error(out, "unavailable", error));
  user_link link{user.name, *nats, opts_.api_timeout_ms, opts_.turn_timeout_ms};
  auto with_conv = [&](json::object o) {
    o["conversation"] = parts[1];
    return json::serialize(o);
  };

  if (parts.size() == 1 && parts[0] == "data-sources") {
    if (m != "GET")
      return void(wrong_method(out, "GET"));
    return call_verb(link, "datasource.list", "{}", out);
  }
  if (!conversations || parts.size() > 3)
    return void(send_error(out, "not_found", "no such path: " + req.path));
  if (parts.size() == 1) {
    if (m == "GET")
      return call_verb(link, "conversations.list", "{}", out);
    if (m == "POST")
      return call_verb(link, "conversations.create", json::serialize(*body), out, 201);
    return void(wrong_method(out, "GET, POST"));
  }
  if (parts.size() == 2) {
    if (m == "GET")
      return call_verb(link, "conversations.get", with_conv({}), out);
    if (m == "PATCH")
      return call_verb(link, "conversations.rename", with_conv(*body), out);
    if (m == "DELETE")
      return call_verb(link, "conversations.delete", with_conv({}), out);
    return void(wrong_method(out, "GET, PATCH, DELETE"));
  }
  const auto& action = parts[2];
  if (m != "POST")
    return void(wrong_method(out, "POST"));
  if (action == "messages")
    return stream_message(link, parts[1], json::serialize(*body), out);
  if (action == "refine")
    return stream_refine(link, parts[1], with_conv(*body), out);
  if (action == "cancel")
    return call_verb(link, "cancel", with_conv({}), out);
  if (action == "feedback")
    return call_verb(link, "feedback", with_conv(*body), out);
  send_error(out, "not_found", "no such path: " + req.path);
}

} // namespace medha::http
