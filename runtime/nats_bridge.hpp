#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "actors/actors.hpp"
#include "messages/error.hpp"
#include "runtime/event_sink.hpp"
#include "runtime/nats_credentials.hpp"

struct __natsConnection;
struct __natsSubscription;

namespace medha {

/// The worker's NATS connection. Inbound messages are copied out of nats.c's
/// buffers in its callback and sent to an actor; no natsMsg* ever reaches an
/// actor. Publishing is thread-safe and goes out without the ~1 ms flush delay.
class nats_bridge : public event_sink {
public:
  /// Connects (retrying the first connect for a few seconds) with reconnects on.
  static std::variant<std::unique_ptr<nats_bridge>, medha_error>
  connect(const std::string& url, const std::string& client_name,
          const nats_credentials& creds = {});

  ~nats_bridge() override;
  nats_bridge(const nats_bridge&) = delete;
  nats_bridge& operator=(const nats_bridge&) = delete;

  /// Subscribes in a queue group; every message goes to `target`.
  std::optional<medha_error> subscribe(const std::string& subject,
                                       const std::string& queue_group,
                                       manager_actor target);

  /// Publishes data on a subject (events, replies).
  void publish(const std::string& subject, const std::string& data) override;

  /// True while connected (false during a reconnect).
  bool connected() const override;

  /// Stops taking messages (shutdown); publishing still works.
  void unsubscribe_all();

  /// The connection, for the JetStream turn stream (runtime/turn_stream.hpp).
  __natsConnection* connection() const { return conn_; }

  /// Drains subscriptions and closes the connection.
  void close();

  /// What a subscription callback needs; public for the C callback.
  struct subscription;

private:
  nats_bridge() = default;
  __natsConnection* conn_ = nullptr;
  std::vector<std::unique_ptr<subscription>> subs_;
};

} // namespace medha
