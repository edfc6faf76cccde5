#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace medha {

/// A language model provider the `llm` strategy may call (config key `llm`).
/// With no provider (the default) nothing calls a network: SQL is embedded only.
struct llm_settings {
  std::string provider;    // "" (off), "openai" (chat completions) or "anthropic" (Messages)
  std::string base_url;    // e.g. https://api.openai.com/v1, http://127.0.0.1:11434/v1
  std::string model;       // e.g. gpt-4o-mini, claude-sonnet-4-5, qwen2.5-coder:7b
  std::string api_key_env; // the environment variable holding the key ("" = no key)
  int timeout_ms = 60000;  // one HTTP attempt, connect to last byte
  int max_retries = 3;     // more attempts after a 429, a 5xx or a transport failure
  int backoff_ms = 500;    // first wait when the server names none; doubles per retry
  int max_tokens = 1024;   // the reply's bound
  /// The prompt's bound in approximate tokens (characters / 4, see prompt.hpp).
  size_t prompt_token_budget = 8000;
  bool stream = true; // stream the reply (SSE) and report its deltas as progress
  /// Prices per 1,000 tokens in the provider's currency (0: not priced);
  /// turns report the cost of their calls, and `stats` sums it.
  double price_in_per_1k = 0;
  double price_out_per_1k = 0;
  /// More models of the same provider a conversation may choose
  /// (`conversations.create` {llm}); `model` is the default.
  std::vector<std::string> models;

  bool enabled() const { return !provider.empty(); }
};

/// Every (provider, model) pair the configuration offers a conversation, the
/// default first: one entry per model of each configured provider (`models`
/// emptied, `model` set). Empty when no provider is configured.
std::vector<llm_settings> offered_models(const llm_settings& preferred,
                                         const std::vector<llm_settings>& others);

/// The offered entry for a conversation's choice: an empty provider means the
/// default's, an empty model the provider's first; nullptr when not offered.
const llm_settings* find_offered(const std::vector<llm_settings>& offered,
                                 const std::string& provider, const std::string& model);

} // namespace medha
