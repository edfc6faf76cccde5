#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "runtime/client/nats_client.hpp"
#include "messages/protocol.hpp"

namespace medha::client {

struct options {
  std::string nats_url = "nats://127.0.0.1:4222";
  std::string user = "me";
  std::string password;         // with user: NATS user/password authentication
  std::string credentials_file; // a NATS .creds file instead
  bool json = false;      // print raw events / replies
  int timeout_ms = 60000; // per turn
};

/// The outcome of one turn as the client saw it.
struct turn_outcome {
  bool finished = false;  // a final event arrived
  step_event final_event; // answer, clarify or error
};

/// The next event of turn `turn_id` on the client's subscription, skipping
/// other turns' (another client on the same conversation); `raw` gets its
/// JSON. nullopt when nothing came before `deadline`.
std::optional<step_event> next_turn_event(nats_client& nats, const std::string& turn_id,
                                          std::chrono::steady_clock::time_point deadline,
                                          std::string& raw);

/// True for the events that end a turn: answer, clarify, error.
bool is_final_step(step_kind step);

/// A conversation seen from the client: API calls and turns.
class session {
public:
  session(nats_client& nats, options opts) : nats_(nats), opts_(std::move(opts)) {}

  /// Calls an API verb; returns the reply JSON or nullopt (error printed to stderr).
  std::optional<std::string> api(const std::string& verb, const std::string& body);

  /// Creates a conversation; returns its id.
  std::optional<std::string> create_conversation(const std::string& data_source);

  /// Sends one turn and streams its events until the final one. `print`
  /// prints every event as it arrives (human form, or raw with --json).
  turn_outcome ask(const std::string& conv, const std::string& text,
                   const std::string& data_source, bool print);

  const options& opts() const { return opts_; }

private:
  nats_client& nats_;
  options opts_;
  uint64_t turns_ = 0;
};

} // namespace medha::client
