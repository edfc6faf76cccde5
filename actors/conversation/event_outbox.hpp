#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace medha {

class event_sink;
class turn_acks;

/// A conversation's step events on their way out. The conversation actor
/// holds its events here and sends them; for the turn's end, it arms the
/// final event, which the store writer sends the moment the turn is stored,
/// before its reply travels back to the actor (one hand-off between threads
/// less before the client sees the answer). Whichever of the two sends, the
/// events go out in order (those held first), and an armed final event at
/// most once. Thread-safe.
class event_outbox {
public:
  /// A final event to send once its turn is stored.
  struct final_event {
    std::string wire;
    std::string reply_to; // also sent there, when not empty
    /// A turn from the stream: told that it finished before its final event goes out.
    std::shared_ptr<turn_acks> acks;
    uint64_t delivery = 0;
  };

  event_outbox(std::shared_ptr<event_sink> sink, std::string subject);

  /// An event that is not final: sent by the next flush.
  void hold(std::string wire);
  /// Sends the held events, in order.
  void flush();
  /// Sends the held events, then a final event (the actor's own path).
  void send_final(const std::string& wire, const std::string& reply_to);

  /// Arms the final event of the end write `ticket` (never 0).
  void arm(uint64_t ticket, final_event ev);
  /// The store writer: the end write `ticket` is stored. Sends the held
  /// events and the armed final event, unless the actor took it back.
  void stored(uint64_t ticket);
  /// The actor takes back the final event of `ticket`: true when stored()
  /// sent it already (it must not go out again), false when it was not sent
  /// and now never will be by the writer.
  bool disarm(uint64_t ticket);

private:
  void flush_locked();

  std::shared_ptr<event_sink> sink_;
  std::string subject_;
  std::mutex mx_;
  std::vector<std::string> held_;
  uint64_t armed_ticket_ = 0;
  std::optional<final_event> armed_;
  uint64_t sent_ticket_ = 0;
};

} // namespace medha
