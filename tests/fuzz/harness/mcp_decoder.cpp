// `medha mcp`'s JSON-RPC reader, with workers whose replies come from the
// input too: the client's reading of replies and final events is fuzzed with it.

#include "tests/fuzz/harness/decoders.hpp"

#include <boost/json.hpp>

#include "runtime/client/mcp.hpp"

namespace medha::fuzz {

namespace json = boost::json;

namespace {

// Answers every call with the input's lines in turn.
class echo_backend : public client::mcp_backend {
public:
  explicit echo_backend(std::vector<std::string> lines) : lines_(std::move(lines)) {}
  std::optional<std::string> api(const std::string&, const std::string&) override {
    return next();
  }
  std::optional<std::string> create_conversation(const std::string&) override {
    auto line = next();
    if (!line || line->empty())
      return std::nullopt;
    return std::string{"c1"};
  }
  client::turn_outcome ask(const std::string&, const std::string&, const std::string&) override {
    client::turn_outcome out;
    auto line = next();
    if (!line)
      return out;
    auto decoded = decode_step_event(*line);
    if (auto* ev = std::get_if<step_event>(&decoded)) {
      out.finished = true;
      out.final_event = *ev;
    }
    return out;
  }

private:
  std::optional<std::string> next() {
    if (lines_.empty() || served_ > 64)
      return std::nullopt;
    return lines_[served_++ % lines_.size()];
  }
  std::vector<std::string> lines_;
  size_t served_ = 0;
};

std::string check_reply(const std::string& reply) {
  json::error_code ec;
  auto v = json::parse(reply, ec);
  if (ec || !v.is_object())
    return "a reply that is not a JSON object: " + reply.substr(0, 200);
  auto& o = v.as_object();
  auto* version = o.if_contains("jsonrpc");
  if (!version || *version != "2.0" || !o.contains("id"))
    return "a reply without jsonrpc 2.0 and an id";
  if (o.contains("result") == o.contains("error"))
    return "a reply with both or neither of result and error";
  if (auto* e = o.if_contains("error")) {
    auto* code = e->is_object() ? e->as_object().if_contains("code") : nullptr;
    if (!code || !code->is_int64())
      return "an error reply without an integer code";
    auto c = code->as_int64();
    // -32603 is what an exception inside a handler becomes: a bug to find.
    if (c != -32700 && c != -32600 && c != -32601 && c != -32602)
      return "an error reply with code " + std::to_string(c) + ": " + reply.substr(0, 300);
    auto* message = e->as_object().if_contains("message");
    if (!message || !message->is_string() || message->as_string().empty())
      return "an error reply without a message";
  }
  return {};
}

} // namespace

std::string fuzz_mcp(std::string_view input) {
  std::vector<std::string> lines;
  for (size_t start = 0; start <= input.size() && lines.size() < 64;) {
    auto nl = input.find('\n', start);
    lines.emplace_back(input.substr(start, nl == std::string_view::npos ? nl : nl - start));
    if (nl == std::string_view::npos)
      break;
    start = nl + 1;
  }
  echo_backend backend{lines};
  client::mcp_server server{backend};
  for (auto& line : lines)
    if (auto reply = server.handle(line))
      if (auto broken = check_reply(*reply); !broken.empty())
        return broken;
  return {};
}

} // namespace medha::fuzz
