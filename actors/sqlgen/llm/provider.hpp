#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "actors/sqlgen/llm/http_client.hpp"
#include "messages/error.hpp"
#include "messages/llm_settings.hpp"

namespace medha::llm {

struct chat_message {
  std::string role; // "user" or "assistant"
  std::string content;
};

/// A provider-neutral prompt: the instructions, then the exchange so far.
struct chat_prompt {
  std::string system;
  std::vector<chat_message> messages;
};

/// A model's whole reply.
struct completion {
  std::string text;
  int64_t input_tokens = -1; // as the provider counted them; -1 when not reported
  int64_t output_tokens = -1;
  std::string stop_reason;
};

/// One wire protocol: how a prompt becomes an HTTP request and how the reply,
/// whole or streamed as server-sent events, becomes text. Plain functions of
/// data, so both protocols are tested without a network.
class provider {
public:
  virtual ~provider() = default;

  virtual http_request build_request(const chat_prompt& prompt, bool stream,
                                     const std::string& api_key) const = 0;

  /// A whole (non-streamed) 2xx body.
  virtual std::variant<completion, medha_error> parse_reply(std::string_view body) const = 0;

  /// One server-sent event of a streamed reply: appends to `reply`, sets
  /// `delta` to the new text (if any) and `done` at the stream's end; an error
  /// event is returned as an error.
  virtual std::optional<medha_error> read_event(const std::string& event, const std::string& data,
                                                completion& reply, std::string& delta,
                                                bool& done) const = 0;

  /// The message of an error body ({"error":{"message":…}} in both
  /// protocols), else the body's start.
  static std::string error_message(long status, std::string_view body);
};

/// The settings' protocol: "openai" or "anthropic"; nullptr for anything else.
std::unique_ptr<provider> make_provider(const llm_settings& settings);

} // namespace medha::llm
