#include "runtime/store_codec.hpp"

#include <boost/json.hpp>

#include <cinttypes>
#include <cstdio>

namespace medha::store_codec {

namespace {

namespace json = boost::json;

std::string hex(uint64_t n) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, n);
  return buf;
}

// Field readers: false when the field is missing or has another type. Boost.JSON
// stores small non-negative numbers as int64, so both integer kinds are accepted.
bool read(const json::object& o, const char* key, std::string& out) {
  auto v = o.if_contains(key);
  if (!v || !v->is_string())
    return false;
  out = std::string(v->get_string());
  return true;
}

bool read(const json::object& o, const char* key, int64_t& out) {
  auto v = o.if_contains(key);
  if (!v)
    return false;
  if (v->is_int64()) {
    out = v->get_int64();
    return true;
  }
  if (v->is_uint64() && v->get_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    out = static_cast<int64_t>(v->get_uint64());
    return true;
  }
  return false;
}

bool read(const json::object& o, const char* key, uint64_t& out) {
  auto v = o.if_contains(key);
  if (!v)
    return false;
  if (v->is_uint64()) {
    out = v->get_uint64();
    return true;
  }
  if (v->is_int64() && v->get_int64() >= 0) {
    out = static_cast<uint64_t>(v->get_int64());
    return true;
  }
  return false;
}

const json::object* parse_object(std::string_view text, json::value& holder) {
  // Strings are stored byte for byte (serialize does not check UTF-8), so the
  // reader must accept what the writer wrote.
  json::parse_options options;
  options.allow_invalid_utf8 = true;
  boost::system::error_code ec;
  holder = json::parse(text, ec, {}, options);
  if (ec || !holder.is_object())
    return nullptr;
  return &holder.get_object();
}

} // namespace

bool is_key_token(std::string_view s) {
  if (s.empty() || s.size() > 64)
    return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-'))
      return false;
  return true;
}

std::string conversation_key(const std::string& user, const std::string& conv) {
  return "c/" + user + "/" + conv;
}

std::string conversation_prefix(const std::string& user) {
  return user.empty() ? "c/" : "c/" + user + "/";
}

std::string message_key(const std::string& user, const std::string& conv, uint64_t index) {
  return message_prefix(user, conv) + hex(index);
}

std::string message_prefix(const std::string& user, const std::string& conv) {
  return "m/" + user + "/" + conv + "/";
}

std::string step_key(const std::string& user, const std::string& conv,
                     const std::string& turn, uint64_t seq) {
  return step_prefix(user, conv, turn) + hex(seq);
}

std::string step_prefix(const std::string& user, const std::string& conv,
                        const std::string& turn) {
  auto p = "s/" + user + "/" + conv + "/";
  return turn.empty() ? p : p + turn + "/";
}

std::string blob_key(const std::string& key) {
  return "b/" + key;
}

std::string feedback_key(const std::string& user, const std::string& conv, uint64_t message) {
  return feedback_prefix(user, conv) + hex(message);
}

std::string feedback_prefix(const std::string& user, const std::string& conv) {
  return "f/" + user + "/" + conv + "/";
}

std::string example_key(const std::string& scope, const std::string& source,
                        const std::string& origin) {
  return example_prefix(scope, source) + origin;
}

std::string example_prefix(const std::string& scope, const std::string& source) {
  return "e/" + scope + "/" + source + "/";
}

std::string prefix_end(std::string prefix) {
  // Prefixes here end in '/', so bumping the last byte never overflows.
  prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

std::string encode(const conversation_record& r) {
  json::object o;
  o["id"] = r.id;
  o["user"] = r.user;
  o["title"] = r.title;
  o["data_source"] = r.data_source;
  o["created_ms"] = r.created_ms;
  o["updated_ms"] = r.updated_ms;
  o["state_json"] = r.state_json;
  o["turn_count"] = r.turn_count;
  return json::serialize(o);
}

std::string encode(const message_record& r) {
  json::object o;
  o["conv"] = r.conv;
  o["turn_id"] = r.turn_id;
  o["role"] = r.role;
  o["text"] = r.text;
  o["payload_json"] = r.payload_json;
  o["created_ms"] = r.created_ms;
  o["index"] = r.index;
  return json::serialize(o);
}

std::string encode(const step_record& r) {
  json::object o;
  o["conv"] = r.conv;
  o["turn_id"] = r.turn_id;
  o["seq"] = r.seq;
  o["event_json"] = r.event_json;
  return json::serialize(o);
}

std::string encode(const feedback_record& r) {
  json::object o;
  o["conv"] = r.conv;
  o["message"] = r.message;
  o["positive"] = r.positive;
  o["comment"] = r.comment;
  o["category"] = r.category;
  o["created_ms"] = r.created_ms;
  return json::serialize(o);
}

std::string encode(const example_record& r) {
  json::object o;
  o["scope"] = r.scope;
  o["data_source"] = r.data_source;
  o["question"] = r.question;
  o["sql"] = r.sql;
  o["origin"] = r.origin;
  o["created_ms"] = r.created_ms;
  return json::serialize(o);
}

std::optional<conversation_record> decode_conversation(std::string_view text) {
  json::value holder;
  auto o = parse_object(text, holder);
  conversation_record r;
  if (!o || !read(*o, "id", r.id) || !read(*o, "user", r.user) || !read(*o, "title", r.title)
      || !read(*o, "data_source", r.data_source) || !read(*o, "created_ms", r.created_ms)
      || !read(*o, "updated_ms", r.updated_ms) || !read(*o, "state_json", r.state_json)
      || !read(*o, "turn_count", r.turn_count))
    return std::nullopt;
  return r;
}

std::optional<message_record> decode_message(std::string_view text) {
  json::value holder;
  auto o = parse_object(text, holder);
  message_record r;
  if (!o || !read(*o, "conv", r.conv) || !read(*o, "turn_id", r.turn_id)
      || !read(*o, "role", r.role) || !read(*o, "text", r.text)
      || !read(*o, "payload_json", r.payload_json) || !read(*o, "created_ms", r.created_ms)
      || !read(*o, "index", r.index))
    return std::nullopt;
  return r;
}

std::optional<step_record> decode_step(std::string_view text) {
  json::value holder;
  auto o = parse_object(text, holder);
  step_record r;
  if (!o || !read(*o, "conv", r.conv) || !read(*o, "turn_id", r.turn_id)
      || !read(*o, "seq", r.seq) || !read(*o, "event_json", r.event_json))
    return std::nullopt;
  return r;
}

std::string encode_steps(const std::vector<step_record>& steps) {
  // A dozen events at a turn's end: the tree is built in one arena (a stack
  // buffer first) and freed at once, not node by node.
  unsigned char buffer[4096];
  json::monotonic_resource arena{buffer, sizeof buffer};
  json::storage_ptr sp{&arena};
  json::array events(sp);
  events.reserve(steps.size());
  for (auto& st : steps) {
    json::object e(sp);
    e["seq"] = st.seq;
    e["event_json"] = st.event_json;
    events.push_back(std::move(e));
  }
  json::object o(sp);
  o["conv"] = steps.empty() ? std::string{} : steps.front().conv;
  o["turn_id"] = steps.empty() ? std::string{} : steps.front().turn_id;
  o["steps"] = std::move(events);
  return json::serialize(o);
}

std::vector<step_record> decode_steps(std::string_view text) {
  json::value holder;
  auto o = parse_object(text, holder);
  std::vector<step_record> out;
  step_record shared;
  if (!o || !read(*o, "conv", shared.conv) || !read(*o, "turn_id", shared.turn_id))
    return out;
  auto* many = o->if_contains("steps");
  if (!many) {
    // One step per value, as append_step (and turns before) wrote them.
    if (auto one = decode_step(text))
      out.push_back(std::move(*one));
    return out;
  }
  if (!many->is_array())
    return out;
  for (auto& v : many->get_array()) {
    auto* e = v.if_object();
    auto st = shared;
    if (!e || !read(*e, "seq", st.seq) || !read(*e, "event_json", st.event_json))
      return {};
    out.push_back(std::move(st));
  }
  return out;
}

std::optional<feedback_record> decode_feedback(std::string_view text) {
  json::value holder;
  auto o = parse_object(text, holder);
  feedback_record r;
  auto* positive = o ? o->if_contains("positive") : nullptr;
  if (!o || !read(*o, "conv", r.conv) || !read(*o, "message", r.message) || !positive
      || !positive->is_bool() || !read(*o, "comment", r.comment)
      || !read(*o, "category", r.category) || !read(*o, "created_ms", r.created_ms))
    return std::nullopt;
  r.positive = positive->get_bool();
  return r;
}

std::optional<example_record> decode_example(std::string_view text) {
  json::value holder;
  auto o = parse_object(text, holder);
  example_record r;
  if (!o || !read(*o, "scope", r.scope) || !read(*o, "data_source", r.data_source)
      || !read(*o, "question", r.question) || !read(*o, "sql", r.sql)
      || !read(*o, "origin", r.origin) || !read(*o, "created_ms", r.created_ms))
    return std::nullopt;
  return r;
}

} // namespace medha::store_codec
