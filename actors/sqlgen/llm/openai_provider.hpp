#pragma once

#include "actors/sqlgen/llm/provider.hpp"

namespace medha::llm {

/// The OpenAI chat-completions protocol (POST <base>/chat/completions), which
/// vLLM, llama.cpp's server, Ollama, LM Studio and the OpenAI-compatible
/// endpoints of Gemini and xAI speak too. A base URL that already ends in
/// /chat/completions (Azure's deployment form, with its ?api-version=) is used
/// as is; Azure hosts (*.openai.azure.com) get the key as `api-key`, every
/// other host as `Authorization: Bearer`.
class openai_provider : public provider {
public:
  openai_provider(std::string base_url, std::string model, int max_tokens,
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
