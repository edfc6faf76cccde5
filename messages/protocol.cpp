#include "messages/protocol.hpp"

#include <cmath>

#include <boost/json.hpp>

namespace medha {

namespace json = boost::json;

namespace {

medha_error bad_request(std::string message) {
  return {error_code::bad_request, std::move(message)};
}

// A number past double's range (1e999) parses as infinity, which has no JSON
// spelling: serialized again it would be "Infinity", so such payloads are
// refused. Depth is bounded by the parser's max_depth.
bool has_non_finite(const json::value& v) {
  if (v.is_double())
    return !std::isfinite(v.get_double());
  if (v.is_array()) {
    for (auto& x : v.get_array())
      if (has_non_finite(x))
        return true;
  } else if (v.is_object()) {
    for (auto& kv : v.get_object())
      if (has_non_finite(kv.value()))
        return true;
  }
  return false;
}

// Parses a payload into an object; Boost.JSON rejects invalid UTF-8 itself.
parsed<json::object> parse_object(std::string_view payload, size_t max_bytes) {
  if (payload.size() > max_bytes)
    return medha_error{error_code::payload_too_large,
                       "payload is " + std::to_string(payload.size())
                         + " bytes; the limit is " + std::to_string(max_bytes)};
  json::error_code ec;
  json::parse_options opts;
  opts.max_depth = 32;
  auto v = json::parse(json::string_view{payload.data(), payload.size()}, ec, {}, opts);
  if (ec)
    return bad_request("payload is not valid JSON: " + ec.message());
  if (!v.is_object())
    return bad_request("payload must be a JSON object");
  if (has_non_finite(v))
    return bad_request("payload has a number out of range");
  auto& obj = v.as_object();
  if (auto* ver = obj.if_contains("v")) {
    if (!ver->is_int64() || ver->as_int64() != protocol_version)
      return bad_request("\"v\" must be 1");
  }
  return std::move(obj);
}

// Reads an optional string field; a present non-string is an error.
std::optional<medha_error> get_string(const json::object& obj, const char* key,
                                      std::optional<std::string>& out) {
  auto* f = obj.if_contains(key);
  if (!f || f->is_null())
    return std::nullopt;
  if (!f->is_string())
    return bad_request(std::string{"\""} + key + "\" must be a string");
  out = std::string{f->as_string()};
  return std::nullopt;
}

} // namespace

const char* to_string(step_kind s) {
  switch (s) {
    case step_kind::discovery: return "discovery";
    case step_kind::context: return "context";
    case step_kind::sql: return "sql";
    case step_kind::validate: return "validate";
    case step_kind::execute: return "execute";
    case step_kind::visualize: return "visualize";
    case step_kind::answer: return "answer";
    case step_kind::clarify: return "clarify";
    case step_kind::error: return "error";
  }
  return "error";
}

const char* to_string(step_status s) {
  switch (s) {
    case step_status::started: return "started";
    case step_status::progress: return "progress";
    case step_status::done: return "done";
    case step_status::failed: return "failed";
  }
  return "failed";
}

bool is_valid_token(std::string_view token) {
  if (token.empty() || token.size() > 64)
    return false;
  for (char c : token) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok)
      return false;
  }
  return true;
}

std::vector<std::string_view> split_subject(std::string_view subject) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    auto dot = subject.find('.', start);
    out.push_back(subject.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos)
      break;
    start = dot + 1;
  }
  return out;
}

parsed<turn_request> parse_turn(std::string_view subject, std::string_view payload,
                                size_t max_payload_bytes) {
  auto tokens = split_subject(subject);
  if (tokens.size() != 4 || tokens[0] != "medha" || tokens[1] != "turn")
    return bad_request("turn subject must be medha.turn.<user>.<conv>");
  if (!is_valid_token(tokens[2]) || !is_valid_token(tokens[3]))
    return bad_request("user and conversation must match [A-Za-z0-9_-]{1,64}");
  auto obj = parse_object(payload, max_payload_bytes);
  if (auto* err = std::get_if<medha_error>(&obj))
    return *err;
  auto& o = std::get<json::object>(obj);
  turn_request req;
  req.user = std::string{tokens[2]};
  req.conv = std::string{tokens[3]};
  std::optional<std::string> text, turn_id, source;
  if (auto err = get_string(o, "text", text))
    return *err;
  if (auto err = get_string(o, "turn_id", turn_id))
    return *err;
  if (auto err = get_string(o, "data_source", source))
    return *err;
  if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos)
    return bad_request("\"text\" is required and must not be blank");
  if (text->size() > 4000)
    return bad_request("\"text\" is longer than 4000 characters");
  if (turn_id && !is_valid_token(*turn_id))
    return bad_request("\"turn_id\" must match [A-Za-z0-9_-]{1,64}");
  if (source && !is_valid_token(*source))
    return bad_request("\"data_source\" must match [A-Za-z0-9_-]{1,64}");
  req.text = std::move(*text);
  if (turn_id)
    req.turn_id = std::move(*turn_id);
  req.data_source = std::move(source);
  return req;
}

parsed<api_request> parse_api_request(std::string_view subject, std::string_view payload,
                                      size_t max_payload_bytes) {
  auto tokens = split_subject(subject);
  if (tokens.size() < 4 || tokens[0] != "medha" || tokens[1] != "api")
    return bad_request("API subject must be medha.api.<user>.<verb>");
  if (!is_valid_token(tokens[2]))
    return bad_request("user must match [A-Za-z0-9_-]{1,64}");
  api_request req;
  req.user = std::string{tokens[2]};
  // Verbs may have two parts: conversations.create, datasource.select.
  for (size_t i = 3; i < tokens.size(); ++i) {
    if (!is_valid_token(tokens[i]))
      return bad_request("bad verb in subject");
    if (i > 3)
      req.verb += '.';
    req.verb += tokens[i];
  }
  std::string_view body = payload.empty() ? std::string_view{"{}"} : payload;
  auto obj = parse_object(body, max_payload_bytes);
  if (auto* err = std::get_if<medha_error>(&obj))
    return *err;
  req.body_json = json::serialize(std::get<json::object>(obj));
  return req;
}

std::string encode_step_event(const step_event& ev) {
  // A dozen events a turn, each parsing its data back: the whole tree lives
  // in one arena (a stack buffer first), freed at once, not node by node.
  unsigned char buffer[4096];
  json::monotonic_resource arena{buffer, sizeof buffer};
  json::storage_ptr sp{&arena};
  json::object o(sp);
  o["v"] = protocol_version;
  o["conv"] = ev.conv;
  o["turn_id"] = ev.turn_id;
  o["seq"] = ev.seq;
  o["step"] = to_string(ev.step);
  o["status"] = to_string(ev.status);
  o["elapsed_ms"] = static_cast<double>(static_cast<int64_t>(ev.elapsed_ms * 1000)) / 1000;
  json::error_code ec;
  auto data = json::parse(ev.data_json, ec, sp);
  o["data"] = ec ? json::value(json::object(sp)) : std::move(data);
  return json::serialize(o);
}

parsed<step_event> decode_step_event(std::string_view payload) {
  auto obj = parse_object(payload, 64 * 1024 * 1024);
  if (auto* err = std::get_if<medha_error>(&obj))
    return *err;
  auto& o = std::get<json::object>(obj);
  step_event ev;
  auto str = [&](const char* key) -> std::string {
    auto* f = o.if_contains(key);
    return f && f->is_string() ? std::string{f->as_string()} : std::string{};
  };
  ev.conv = str("conv");
  ev.turn_id = str("turn_id");
  if (auto* f = o.if_contains("seq")) {
    // to_number throws for negative, fractional or huge numbers: refuse them.
    if (f->is_uint64())
      ev.seq = f->as_uint64();
    else if (f->is_int64() && f->as_int64() >= 0)
      ev.seq = static_cast<uint64_t>(f->as_int64());
    else
      return bad_request("\"seq\" must be a non-negative integer");
  }
  if (auto* f = o.if_contains("elapsed_ms"); f && f->is_number())
    ev.elapsed_ms = f->to_number<double>();
  auto step = str("step");
  bool found = false;
  for (int i = 0; i <= static_cast<int>(step_kind::error); ++i)
    if (step == to_string(static_cast<step_kind>(i))) {
      ev.step = static_cast<step_kind>(i);
      found = true;
    }
  if (!found)
    return bad_request("unknown step \"" + step + "\"");
  auto status = str("status");
  found = false;
  for (int i = 0; i <= static_cast<int>(step_status::failed); ++i)
    if (status == to_string(static_cast<step_status>(i))) {
      ev.status = static_cast<step_status>(i);
      found = true;
    }
  if (!found)
    return bad_request("unknown status \"" + status + "\"");
  if (auto* d = o.if_contains("data"))
    ev.data_json = json::serialize(*d);
  return ev;
}

std::string encode_error_reply(const medha_error& err) {
  json::object o;
  o["v"] = protocol_version;
  o["ok"] = false;
  o["error"] = json::parse(error_data(err)); // one shape for replies and events
  return json::serialize(o);
}

std::string encode_ok_reply(std::string_view body_json) {
  json::error_code ec;
  auto body = json::parse(json::string_view{body_json.data(), body_json.size()}, ec);
  json::object o;
  o["v"] = protocol_version;
  o["ok"] = true;
  if (!ec && body.is_object())
    for (auto& kv : body.as_object())
      o[kv.key()] = kv.value();
  return json::serialize(o);
}

std::string error_data(const medha_error& err) {
  json::object o;
  o["code"] = to_string(err.code);
  o["message"] = err.message;
  if (err.retry_after_ms > 0)
    o["retry_after_ms"] = err.retry_after_ms;
  return json::serialize(o);
}

std::string turn_message_id(std::string_view user, std::string_view conv, std::string_view turn_id) {
  return std::string{user} + "." + std::string{conv} + "." + std::string{turn_id};
}

std::string turn_subject(std::string_view user, std::string_view conv) {
  return "medha.turn." + std::string{user} + "." + std::string{conv};
}

std::string events_subject(std::string_view user, std::string_view conv) {
  return "medha.events." + std::string{user} + "." + std::string{conv};
}

std::string api_subject(std::string_view user, std::string_view verb) {
  return "medha.api." + std::string{user} + "." + std::string{verb};
}

} // namespace medha
