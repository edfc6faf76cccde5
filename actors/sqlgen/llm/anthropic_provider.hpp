#pragma once

#include "actors/sqlgen/llm/provider.hpp"

namespace medha::llm {

/// The Anthropic Messages protocol (POST <base>/v1/messages, or <base>/messages
/// when the base already ends in /v1): `x-api-key` and `anthropic-version`
/// headers, the system prompt as a top-level field, streamed as message_start,
/// content_block_delta (text_delta), message_delta and message_stop events.
class anthropic_provider : public provider {
public:
  static constexpr const char* api_version = "2023-06-01";

  anthropic_provider(std::string base_url, std::string model, int max_tokens,
                     std::chrono::milliseconds timeout);

  http_request build_request(const chat_prompt& prompt, bool stream,
                             const std::string& api_key) const override;
  std::variant<completion, medha_error> parse_reply(std::string_view body) const override;
  std::optional<medha_error> read_event(const std::string& event, const std::string& data,
                                        completion& reply, std::string& delta,
                                        bool& done) const override;

  std::string url() const;

private:
  std::string base_url_;
  std::string model_;
  int max_tokens_;
  std::chrono::milliseconds timeout_;
};

} // namespace medha::llm
