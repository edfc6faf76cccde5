#pragma once

#include <optional>
#include <string>

#include "runtime/nats_credentials.hpp"

struct __natsConnection;
struct __natsSubscription;

namespace medha::client {

/// The client's NATS connection: request/reply for the API, a synchronous
/// subscription for a conversation's step events.
class nats_client {
public:
  /// Connects; returns nullopt and fills `error` when NATS is not reachable or
  /// refuses the credentials. Replies arrive under `inbox_prefix` ("" keeps
  /// NATS's `_INBOX`): an end user may subscribe only to `_INBOX.<self>.>`.
  static std::optional<nats_client> connect(const std::string& url, std::string& error,
                                            const nats_credentials& creds = {},
                                            const std::string& inbox_prefix = "");
  nats_client(nats_client&& other) noexcept;
  ~nats_client();

  /// Sends a request and waits for the reply; nullopt on timeout or failure.
  std::optional<std::string> request(const std::string& subject, const std::string& body,
                                     int timeout_ms, std::string& error);

  /// Publishes without waiting; a `message_id` becomes the Nats-Msg-Id
  /// header, by which a JetStream stream stores a message once.
  bool publish(const std::string& subject, const std::string& body,
               const std::string& message_id = "");

  /// Starts receiving a subject (before publishing the turn, so nothing is missed).
  bool subscribe(const std::string& subject);

  /// The next message of the subscription; nullopt on timeout.
  std::optional<std::string> next(int timeout_ms);

  /// The last error the server reported on this connection ("" when none),
  /// e.g. a permissions violation, which arrives asynchronously.
  std::string last_error() const;

private:
  nats_client() = default;
  __natsConnection* conn_ = nullptr;
  __natsSubscription* sub_ = nullptr;
};

} // namespace medha::client
