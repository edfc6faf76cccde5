#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <string>

#include "messages/error.hpp"

namespace medha {

/// Per-user turn limits of one worker: turns started in the last minute and
/// turns in flight. One user's burst must not starve the others. The manager
/// owns it; the count of turns in flight is kept per conversation so that a
/// conversation actor that dies cannot leak its share.
class turn_limiter {
public:
  using clock = std::chrono::steady_clock;
  using conv_key = std::pair<std::string, std::string>; // user, conversation

  turn_limiter(int per_minute, int concurrent) : per_minute_(per_minute), concurrent_(concurrent) {}

  /// Counts the turn and returns nullopt, or returns a rate_limited error
  /// with the wait in retry_after_ms (the turn is then not counted).
  std::optional<medha_error> admit(const conv_key& key, clock::time_point now);

  /// A turn of this conversation ended (answered, failed or refused).
  void finished(const conv_key& key);

  /// The conversation is gone: none of its turns is in flight any more.
  void forget(const conv_key& key);

private:
  int in_flight(const std::string& user) const;

  int per_minute_;
  int concurrent_;
  std::map<std::string, std::deque<clock::time_point>> starts_; // per user, last minute
  std::map<conv_key, int> in_flight_;
};

} // namespace medha
