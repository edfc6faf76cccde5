#pragma once

#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <variant>

#include "actors/actors.hpp"
#include "messages/error.hpp"
#include "runtime/turn_acks.hpp"

struct __natsConnection;
struct __natsSubscription;
struct __natsMsg;
struct __jsCtx;

namespace medha {

struct turn_stream_settings {
  std::string stream = "MEDHA_TURNS"; // over medha.turn.>
  std::string consumer = "medha-workers"; // the durable pull consumer every worker shares
  /// A turn neither settled nor reported in progress this long goes to another worker.
  std::chrono::milliseconds ack_wait{30000};
  /// Publishes with the same Nats-Msg-Id within this window are stored once.
  std::chrono::milliseconds duplicate_window{120000};
  /// A turn held longer is no longer reported in progress, so it goes to
  /// another worker: its conversation actor died without settling it (the
  /// conversation was deleted, or the actor failed), or it hangs. Above the
  /// longest a turn may take through every stage's timeout.
  std::chrono::milliseconds max_turn_time{std::chrono::minutes(10)};
  /// Turns this worker holds at once (running or waiting in its actors).
  size_t max_held = 64;
  /// Turns asked for per pull. One: each waiting worker's pull takes one
  /// turn, so turns spread over the workers instead of one taking a burst.
  int fetch_batch = 1;
};

/// Durable turns: a JetStream work-queue stream over `medha.turn.>` and one
/// durable pull consumer shared by every worker. Clients keep publishing on
/// plain NATS subjects; the stream captures the publishes.
///
/// Order within a conversation: a turn is handed to the worker's actors only
/// when it is the oldest message of its subject still in the stream (a
/// work-queue stream deletes a turn when it is acknowledged, i.e. once its
/// final event is stored); a later turn is released with a delay and comes
/// back. So one turn per conversation runs at a time, cluster-wide, in
/// publish order, on whichever worker. The stream is not asked when every
/// delivery since the conversation's last turn, which finished here, came to
/// this worker (the consumer numbers deliveries without gaps). A turn being worked on is reported in
/// progress every third of the ack wait, so only a dead worker's turn (or
/// one held past max_turn_time) is given out again.
///
/// One thread pulls and reports progress (its calls block); ack and release
/// only write to the connection and may be called from actors.
class turn_stream final : public turn_acks {
public:
  /// Creates or updates the stream and the consumer and binds to it. Fails
  /// with a clear message when the server has no JetStream.
  static std::variant<std::unique_ptr<turn_stream>, medha_error>
  open(__natsConnection* conn, turn_stream_settings settings);

  ~turn_stream() override;
  turn_stream(const turn_stream&) = delete;
  turn_stream& operator=(const turn_stream&) = delete;

  /// Starts pulling turns; each goes to `target` as an inbound_message.
  void start(manager_actor target);
  /// Takes no more turns (shutdown); those held are still reported in progress.
  void stop_taking();
  /// Stops the thread and releases every turn not yet settled, for another
  /// worker to take at once. Call before the connection closes.
  void close();

  void ack(uint64_t delivery) override;
  void finished(uint64_t delivery) override;
  void release(uint64_t delivery, std::chrono::milliseconds delay) override;

  /// Turns held (taken and not yet settled).
  size_t held() const;

  /// Order checks that asked the stream (the others were settled here).
  uint64_t order_checks_asked() const { return checks_asked_; }

private:
  turn_stream() = default;
  void run();
  void take(__natsMsg* msg);
  /// True when the turn at `seq` is the oldest of its subject in the stream,
  /// not counting turns that finished on this worker (their acks may still be
  /// on their way: the next turn of a conversation is often published as
  /// soon as its client saw the last final event).
  bool is_next_of_its_conversation(const char* subject, uint64_t seq);
  bool finished_here(uint64_t stream_seq) const;
  /// True when this worker can tell without asking the stream that the
  /// delivery is its conversation's next turn (why: turn_stream.cpp).
  bool follows_a_turn_finished_here(const std::string& subject, uint64_t seq,
                                    uint64_t consumer_seq, uint64_t deliveries);
  void report_progress();
  /// Takes a held turn out of the table (nullptr: not held, settled already).
  __natsMsg* settle(uint64_t delivery);

  turn_stream_settings settings_;
  __jsCtx* js_ = nullptr;
  __natsSubscription* sub_ = nullptr;
  manager_actor target_;
  std::thread thread_;
  std::atomic<bool> taking_{true};
  std::atomic<bool> running_{false};
  mutable std::mutex mx_;
  struct held_turn {
    __natsMsg* msg = nullptr;
    std::chrono::steady_clock::time_point since;
    uint64_t stream_seq = 0;
  };
  std::map<uint64_t, held_turn> held_;
  // The stream sequences of the last turns finished here, oldest first
  // (bounded: an ack is processed by the server well before it leaves).
  std::deque<uint64_t> finished_;
  static constexpr size_t max_finished = 256;
  uint64_t next_delivery_ = 1;
  // The consumer numbers every delivery, to any worker, one after another.
  // While this worker's deliveries follow each other without a gap, no other
  // worker got a turn meanwhile: the last turn of each subject it saw since
  // the last gap (pulling thread only; emptied at a gap, bounded).
  struct last_of_subject {
    uint64_t stream_seq = 0;
    bool first_delivery = false;
    bool ran = false;
  };
  uint64_t last_consumer_seq_ = 0;
  std::map<std::string, last_of_subject> since_gap_;
  static constexpr size_t max_since_gap = 4096;
  std::atomic<uint64_t> checks_asked_{0};
};

} // namespace medha
