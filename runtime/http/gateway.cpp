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
    auto nats =
        client::nats_client::connect(opts_.nats_url, error, user->nats, "_INBOX." + user->name);
    std::optional<std::string> reply;
    if (nats)
      reply = nats->request(api_subject(user->name, "health"), "{\"v\":1}", opts_.api_timeout_ms,
                            error);
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

namespace {

// What an API request asks of the workers, decided before connecting.
struct api_call {
  enum class kind { verb, message, refine } what = kind::verb;
  std::string verb;
  std::string body; // JSON
  std::string conv; // for turns
  int ok_status = 200;
};

// The call a path and method name; nullopt after answering an unknown path
// (404) or a wrong method (405).
std::optional<api_call> route(const std::string& method, const std::vector<std::string>& parts,
                              json::object body, const std::string& path, response_writer& out) {
  auto verb = [&](std::string name, json::object b = {}, int status = 200) {
    return api_call{api_call::kind::verb, std::move(name), json::serialize(b), "", status};
  };
  auto on = [&](json::object b) {
    b["conversation"] = parts[1];
    return b;
  };
  auto refuse = [&](const char* allowed) -> std::optional<api_call> {
    wrong_method(out, allowed);
    return std::nullopt;
  };
  if (parts.size() == 1 && parts[0] == "data-sources")
    return method == "GET" ? verb("datasource.list") : refuse("GET");
  if (parts.empty() || parts[0] != "conversations" || parts.size() > 3) {
    send_error(out, "not_found", "no such path: " + path);
    return std::nullopt;
  }
  if (parts.size() == 1) {
    if (method == "GET")
      return verb("conversations.list");
    return method == "POST" ? verb("conversations.create", std::move(body), 201)
                            : refuse("GET, POST");
  }
  if (parts.size() == 2) {
    if (method == "GET")
      return verb("conversations.get", on({}));
    if (method == "PATCH")
      return verb("conversations.rename", on(std::move(body)));
    return method == "DELETE" ? verb("conversations.delete", on({})) : refuse("GET, PATCH, DELETE");
  }
  const auto& action = parts[2];
  if (action != "messages" && action != "refine" && action != "cancel" && action != "feedback") {
    send_error(out, "not_found", "no such path: " + path);
    return std::nullopt;
  }
  if (method != "POST")
    return refuse("POST");
  if (action == "messages")
    return api_call{api_call::kind::message, "", json::serialize(body), parts[1], 200};
  if (action == "refine")
    return api_call{api_call::kind::refine, "refine", json::serialize(on(std::move(body))),
                    parts[1], 200};
  return verb(action, on(action == "cancel" ? json::object{} : std::move(body)));
}

} // namespace

void gateway::handle_api(const http_request& req, const http_user& user,
                         response_writer& out) const {
  auto parts = split_path(std::string_view{req.path}.substr(api_prefix.size()));
  const auto& m = req.method;
  if (!parts.empty() && parts[0] == "conversations" && parts.size() >= 2 &&
      !is_valid_token(parts[1]))
    return void(send_error(out, "bad_request", "a conversation id matches [A-Za-z0-9_-]{1,64}"));
  // Checked before connecting: a malformed request costs nothing downstream.
  std::optional<json::object> body = json::object{};
  if (m == "POST" || m == "PATCH" || m == "PUT")
    if (!(body = body_object(req, out)))
      return;
  auto call = route(m, parts, std::move(*body), req.path, out);
  if (!call)
    return;
  std::string error;
  auto nats = client::nats_client::connect(opts_.nats_url, error, user.nats, "_INBOX." + user.name);
  if (!nats)
    return void(send_error(out, "unavailable", error));
  user_link link{user.name, *nats, opts_.api_timeout_ms, opts_.turn_timeout_ms};
  switch (call->what) {
  case api_call::kind::message:
    return stream_message(link, call->conv, call->body, out);
  case api_call::kind::refine:
    return stream_refine(link, call->conv, call->body, out);
  case api_call::kind::verb:
    return call_verb(link, call->verb, call->body, out, call->ok_status);
  }
}

} // namespace medha::http
