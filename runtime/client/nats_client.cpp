#include "runtime/client/nats_client.hpp"

#include <nats/nats.h>

namespace medha::client {

namespace {
// Permission violations are also kept by the connection (last_error); the
// default handler would print them to stderr in the middle of a chat.
void on_async_error(natsConnection*, natsSubscription*, natsStatus, void*) {}
} // namespace

std::optional<nats_client> nats_client::connect(const std::string& url, std::string& error,
                                                const nats_credentials& creds,
                                                const std::string& inbox_prefix) {
  natsOptions* opts = nullptr;
  natsOptions_Create(&opts);
  natsOptions_SetURL(opts, url.c_str());
  natsOptions_SetErrorHandler(opts, on_async_error, nullptr);
  if (auto err = apply_nats_credentials(opts, creds); !err.empty()) {
    natsOptions_Destroy(opts);
    error = err;
    return std::nullopt;
  }
  if (!inbox_prefix.empty())
    natsOptions_SetCustomInboxPrefix(opts, inbox_prefix.c_str());
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
    if (s == NATS_CONNECTION_AUTH_FAILED)
      error += " (check --user/--password, MEDHA_USER/MEDHA_PASSWORD or --credentials)";
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
    if (auto refused = last_error(); !refused.empty()) {
      error = "refused by NATS: " + refused;
      return std::nullopt;
    }
    error = s == NATS_TIMEOUT ? "no worker answered within " + std::to_string(timeout_ms) + " ms"
            : s == NATS_NO_RESPONDERS ? "no worker is running (no responders on " + subject + ")"
                                      : std::string{"request failed: "} + natsStatus_GetText(s);
    return std::nullopt;
  }
  std::string out{natsMsg_GetData(reply), static_cast<size_t>(natsMsg_GetDataLength(reply))};
  natsMsg_Destroy(reply);
  return out;
}

bool nats_client::publish(const std::string& subject, const std::string& body,
                          const std::string& message_id) {
  if (message_id.empty())
    return natsConnection_Publish(conn_, subject.c_str(), body.data(),
                                  static_cast<int>(body.size()))
           == NATS_OK;
  natsMsg* msg = nullptr;
  if (natsMsg_Create(&msg, subject.c_str(), nullptr, body.data(), static_cast<int>(body.size()))
      != NATS_OK)
    return false;
  bool ok = natsMsgHeader_Set(msg, "Nats-Msg-Id", message_id.c_str()) == NATS_OK
            && natsConnection_PublishMsg(conn_, msg) == NATS_OK;
  natsMsg_Destroy(msg);
  return ok;
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

std::string nats_client::last_error() const {
  const char* text = nullptr;
  if (!conn_ || natsConnection_GetLastError(conn_, &text) == NATS_OK)
    return {};
  return text ? text : "error";
}

} // namespace medha::client
