#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <variant>

#include "actors/sqlgen/llm/provider.hpp"
#include "messages/llm_settings.hpp"

namespace medha::llm {

/// Calls one configured provider: streaming or not, with retries on 429
/// (honouring Retry-After), 408, 5xx and transport failures. Blocking.
class llm_client {
public:
  /// Called with each piece of streamed text.
  using delta_fn = std::function<void(const std::string& delta)>;
  /// Called before waiting to retry: the attempt that failed (1-based), its
  /// status (0: no response), the wait and the reason.
  using retry_fn = std::function<void(int attempt, long status, std::chrono::milliseconds wait,
                                      const std::string& why)>;
  /// Waits between attempts (std::this_thread::sleep_for in a worker).
  using sleep_fn = std::function<void(std::chrono::milliseconds)>;

  /// `api_key` comes from the environment variable the settings name.
  llm_client(llm_settings settings, std::string api_key);

  /// The longest Retry-After honoured; a longer one ends the call.
  static constexpr std::chrono::milliseconds longest_wait{60000};

  std::variant<completion, medha_error> complete(const chat_prompt& prompt,
                                                 const delta_fn& on_delta = {},
                                                 const retry_fn& on_retry = {},
                                                 const sleep_fn& sleep = {}) const;

  const llm_settings& settings() const { return settings_; }

private:
  llm_settings settings_;
  std::string api_key_;
  std::unique_ptr<provider> provider_;
};

} // namespace medha::llm
