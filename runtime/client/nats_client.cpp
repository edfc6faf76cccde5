#include "runtime/client/nats_client.hpp"

#include <nats/nats.h>

namespace medha::client {

std::optional<nats_client> nats_client::connect(const std::string& url, std::string& error) {
  natsOptions* opts = nullptr;
  natsOptions_Create(&opts);
  natsOptions_SetURL(opts, url.c_str());
  natsOptions_SetName(opts, "medha client");
  // Interactive round trips: no batching delay on publish.
  natsOptions_SetSendAsap(opts, true);
  natsOptions_SetTimeout(opts, 3000);
  natsOptions_SetReconnectWait(opts, 250);
  nats_client c;
  auto s = natsConnection_Connect(&c.conn_, opts);
  natsOptions_Destroy(opts);
  if (s != NATS_OK) {
    error = "cannot connect to NATS at " + url + ": " + natsStatus_GetText(s);
    return std::nullopt;
  }
  return c;
}

nats_client::nats_client(nats_client&& other) noexcept
  : conn_(other.conn_), sub_(other.sub_) {
  other.conn_ = nullptr;
  other.sub_ = nullptr;
}

nats_client::~nats_client() {
  if (sub_)
    natsSubscription_Destroy(sub_);
  if (conn_) {
    natsConnection_Close(conn_);
    natsConnection_Destroy(conn_);
  }
}

std::optional<std::string> nats_client::request(const std::string& subject, const std::string& body,
                                                int timeout_ms, std::string& error) {
  natsMsg* reply = nullptr;
  auto s = natsConnection_Request(&reply, conn_, subject.c_str(), body.data(),
                                  static_cast<int>(body.size()), timeout_ms);
  if (s != NATS_OK) {
    error = s == NATS_TIMEOUT ? "no worker answered within " + std::to_string(timeout_ms) + " ms"
            : s == NATS_NO_RESPONDERS ? "no worker is running (no responders on " + subject + ")"
                                      : std::string{"request failed: "} + natsStatus_GetText(s);
    return std::nullopt;
  }
  std::string out{natsMsg_GetData(reply), static_cast<size_t>(natsMsg_GetDataLength(reply))};
  natsMsg_Destroy(reply);
  return out;
}

bool nats_client::publish(const std::string& subject, const std::string& body) {
  return natsConnection_Publish(conn_, subject.c_str(), body.data(), static_cast<int>(body.size()))
         == NATS_OK;
}

bool nats_client::subscribe(const std::string& subject) {
  if (sub_)
    natsSubscription_Destroy(sub_);
  sub_ = nullptr;
  if (natsConnection_SubscribeSync(&sub_, conn_, subject.c_str()) != NATS_OK)
    return false;
  // Make sure the server knows the subscription before we publish the turn.
  return natsConnection_Flush(conn_) == NATS_OK;
}

std::optional<std::string> nats_client::next(int timeout_ms) {
  if (!sub_)
    return std::nullopt;
  natsMsg* msg = nullptr;
  if (natsSubscription_NextMsg(&msg, sub_, timeout_ms) != NATS_OK)
    return std::nullopt;
  std::string out{natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg))};
  natsMsg_Destroy(msg);
  return out;
}

} // namespace medha::client
