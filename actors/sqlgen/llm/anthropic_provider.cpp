#include "actors/sqlgen/llm/anthropic_provider.hpp"

#include <boost/json.hpp>

namespace medha::llm {

namespace json = boost::json;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int64_t int_or(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->get_int64() : v && v->is_uint64() ? int64_t(v->get_uint64()) : -1;
}

void read_usage(const json::value* usage, completion& out) {
  if (!usage || !usage->is_object())
    return;
  auto in = int_or(usage->as_object(), "input_tokens");
  auto outp = int_or(usage->as_object(), "output_tokens");
  if (in >= 0)
    out.input_tokens = in;
  if (outp >= 0)
    out.output_tokens = outp;
}

medha_error bad_reply(const std::string& what) {
  return {error_code::internal, "the model's reply is not a Messages response: " + what};
}

} // namespace

anthropic_provider::anthropic_provider(std::string base_url, std::string model, int max_tokens,
                                       std::chrono::milliseconds timeout)
  : base_url_(std::move(base_url)), model_(std::move(model)), max_tokens_(max_tokens),
    timeout_(timeout) {}

std::string anthropic_provider::url() const {
  auto base = base_url_.empty() ? std::string{"https://api.anthropic.com"} : base_url_;
  while (!base.empty() && base.back() == '/')
    base.pop_back();
  if (ends_with(base, "/messages"))
    return base;
  if (ends_with(base, "/v1"))
    return base + "/messages";
  return base + "/v1/messages";
}

http_request anthropic_provider::build_request(const chat_prompt& prompt, bool stream,
                                               const std::string& api_key) const {
  json::array messages;
  for (auto& m : prompt.messages)
    messages.push_back(json::object{{"role", m.role}, {"content", m.content}});
  json::object body{{"model", model_},
                    {"max_tokens", max_tokens_},
                    {"temperature", 0},
                    {"messages", std::move(messages)},
                    {"stream", stream}};
  if (!prompt.system.empty())
    body["system"] = prompt.system;
  http_request req;
  req.url = url();
  req.body = json::serialize(body);
  req.timeout = timeout_;
  req.headers.push_back("Content-Type: application/json");
  req.headers.push_back(std::string{"anthropic-version: "} + api_version);
  if (!api_key.empty())
    req.headers.push_back("x-api-key: " + api_key);
  return req;
}

std::variant<completion, medha_error> anthropic_provider::parse_reply(std::string_view body) const {
  json::error_code ec;
  auto v = json::parse(body, ec);
  if (ec || !v.is_object())
    return bad_reply("not JSON");
  auto& o = v.as_object();
  auto* content = o.if_contains("content");
  if (!content || !content->is_array())
    return bad_reply("no content");
  completion out;
  for (auto& block : content->as_array()) {
    if (!block.is_object())
      continue;
    auto* type = block.as_object().if_contains("type");
    auto* text = block.as_object().if_contains("text");
    if (type && type->is_string() && type->get_string() == "text" && text && text->is_string())
      out.text += text->get_string();
  }
  if (auto* sr = o.if_contains("stop_reason"); sr && sr->is_string())
    out.stop_reason = std::string{sr->get_string()};
  read_usage(o.if_contains("usage"), out);
  return out;
}

std::optional<medha_error> anthropic_provider::read_event(const std::string& event,
                                                          const std::string& data,
                                                          completion& reply, std::string& delta,
                                                          bool& done) const {
  delta.clear();
  json::error_code ec;
  auto v = json::parse(data, ec);
  if (ec || !v.is_object())
    return bad_reply("a stream event is not JSON");
  auto& o = v.as_object();
  std::string type = event;
  if (auto* t = o.if_contains("type"); t && t->is_string())
    type = std::string{t->get_string()};
  if (type == "error")
    return medha_error{error_code::internal,
                       "the model failed while streaming: " + provider::error_message(0, data)};
  if (type == "message_start") {
    if (auto* m = o.if_contains("message"); m && m->is_object())
      read_usage(m->as_object().if_contains("usage"), reply);
  } else if (type == "content_block_delta") {
    if (auto* d = o.if_contains("delta"); d && d->is_object()) {
      auto* dt = d->as_object().if_contains("type");
      auto* text = d->as_object().if_contains("text");
      if (dt && dt->is_string() && dt->get_string() == "text_delta" && text && text->is_string())
        delta = std::string{text->get_string()};
    }
  } else if (type == "message_delta") {
    read_usage(o.if_contains("usage"), reply);
    if (auto* d = o.if_contains("delta"); d && d->is_object())
      if (auto* sr = d->as_object().if_contains("stop_reason"); sr && sr->is_string())
        reply.stop_reason = std::string{sr->get_string()};
  } else if (type == "message_stop") {
    done = true;
  }
  reply.text += delta;
  return std::nullopt;
}

} // namespace medha::llm
