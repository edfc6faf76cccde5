#pragma once

#include <optional>
#include <string>

struct __natsConnection;
struct __natsSubscription;

namespace medha::client {

/// The client's NATS connection: request/reply for the API, a synchronous
/// subscription for a conversation's step events.
class nats_client {
public:
  /// Connects; returns nullopt and fills `error` when NATS is not reachable.
  static std::optional<nats_client> connect(const std::string& url, std::string& error);
  nats_client(nats_client&& other) noexcept;
  ~nats_client();

  /// Sends a request and waits for the reply; nullopt on timeout or failure.
  std::optional<std::string> request(const std::string& subject, const std::string& body,
                                     int timeout_ms, std::string& error);

  /// Publishes without waiting.
  bool publish(const std::string& subject, const std::string& body);

  /// Starts receiving a subject (before publishing the turn, so nothing is missed).
  bool subscribe(const std::string& subject);

  /// The next message of the subscription; nullopt on timeout.
  std::optional<std::string> next(int timeout_ms);

private:
  nats_client() = default;
  __natsConnection* conn_ = nullptr;
  __natsSubscription* sub_ = nullptr;
};

} // namespace medha::client
