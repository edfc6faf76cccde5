#include "actors/sqlgen/llm/openai_provider.hpp"

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

void read_usage(const json::object& o, completion& out) {
  auto* usage = o.if_contains("usage");
  if (!usage || !usage->is_object())
    return;
  out.input_tokens = int_or(usage->as_object(), "prompt_tokens");
  out.output_tokens = int_or(usage->as_object(), "completion_tokens");
}

medha_error bad_reply(const std::string& what) {
  return {error_code::internal, "the model's reply is not a chat completion: " + what};
}

} // namespace

openai_provider::openai_provider(std::string base_url, std::string model, int max_tokens,
                                 std::chrono::milliseconds timeout)
  : base_url_(std::move(base_url)), model_(std::move(model)), max_tokens_(max_tokens),
    timeout_(timeout) {}

std::string openai_provider::url() const {
  auto path_end = base_url_.find('?');
  auto path = base_url_.substr(0, path_end);
  if (ends_with(path, "/chat/completions"))
    return base_url_;
  while (!path.empty() && path.back() == '/')
    path.pop_back();
  auto query = path_end == std::string::npos ? std::string{} : base_url_.substr(path_end);
  return path + "/chat/completions" + query;
}

http_request openai_provider::build_request(const chat_prompt& prompt, bool stream,
                                            const std::string& api_key) const {
  json::array messages;
  if (!prompt.system.empty())
    messages.push_back(json::object{{"role", "system"}, {"content", prompt.system}});
  for (auto& m : prompt.messages)
    messages.push_back(json::object{{"role", m.role}, {"content", m.content}});
  json::object body{{"model", model_},
                    {"messages", std::move(messages)},
                    {"temperature", 0},
                    {"max_tokens", max_tokens_},
                    {"stream", stream}};
  // Streamed replies carry no token counts unless asked for (a last chunk).
  if (stream)
    body["stream_options"] = json::object{{"include_usage", true}};
  http_request req;
  req.url = url();
  req.body = json::serialize(body);
  req.timeout = timeout_;
  req.headers.push_back("Content-Type: application/json");
  req.headers.push_back(stream ? "Accept: text/event-stream" : "Accept: application/json");
  if (!api_key.empty()) {
    bool azure = base_url_.find(".openai.azure.com") != std::string::npos;
    req.headers.push_back(azure ? "api-key: " + api_key : "Authorization: Bearer " + api_key);
  }
  return req;
}

std::variant<completion, medha_error> openai_provider::parse_reply(std::string_view body) const {
  json::error_code ec;
  auto v = json::parse(body, ec);
  if (ec || !v.is_object())
    return bad_reply("not JSON");
  auto& o = v.as_object();
  auto* choices = o.if_contains("choices");
  if (!choices || !choices->is_array() || choices->as_array().empty())
    return bad_reply("no choices");
  auto& first = choices->as_array().front();
  auto* message = first.is_object() ? first.as_object().if_contains("message") : nullptr;
  auto* content = message && message->is_object() ? message->as_object().if_contains("content")
                                                  : nullptr;
  if (!content || !content->is_string())
    return bad_reply("no message content");
  completion out;
  out.text = std::string{content->get_string()};
  if (auto* fr = first.as_object().if_contains("finish_reason"); fr && fr->is_string())
    out.stop_reason = std::string{fr->get_string()};
  read_usage(o, out);
  return out;
}

std::optional<medha_error> openai_provider::read_event(const std::string&, const std::string& data,
                                                       completion& reply, std::string& delta,
                                                       bool& done) const {
  delta.clear();
  if (data == "[DONE]") {
    done = true;
    return std::nullopt;
  }
  json::error_code ec;
  auto v = json::parse(data, ec);
  if (ec || !v.is_object())
    return bad_reply("a stream chunk is not JSON");
  auto& o = v.as_object();
  if (o.if_contains("error"))
    return medha_error{error_code::internal,
                       "the model failed while streaming: " + provider::error_message(0, data)};
  read_usage(o, reply);
  auto* choices = o.if_contains("choices");
  if (!choices || !choices->is_array() || choices->as_array().empty())
    return std::nullopt; // a usage-only chunk
  auto& first = choices->as_array().front();
  if (!first.is_object())
    return std::nullopt;
  if (auto* d = first.as_object().if_contains("delta"); d && d->is_object())
    if (auto* c = d->as_object().if_contains("content"); c && c->is_string())
      delta = std::string{c->get_string()};
  if (auto* fr = first.as_object().if_contains("finish_reason"); fr && fr->is_string())
    reply.stop_reason = std::string{fr->get_string()};
  reply.text += delta;
  return std::nullopt;
}

} // namespace medha::llm
