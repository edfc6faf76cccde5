#include "runtime/nats_bridge.hpp"

#include <chrono>
#include <thread>

#include <caf/send.hpp>
#include <nats/nats.h>

#include "runtime/logging.hpp"

namespace medha {

struct nats_bridge::subscription {
  manager_actor target;
  natsSubscription* sub = nullptr;
};

namespace {

medha_error nats_failure(const char* what, natsStatus s) {
  return {error_code::internal,
          std::string{what} + ": " + natsStatus_GetText(s)
            + (nats_GetLastError(nullptr) ? std::string{" ("} + nats_GetLastError(nullptr) + ")" : "")};
}

// Runs on a nats.c thread: copy everything, hand it to the actor, destroy.
void on_message(natsConnection*, natsSubscription*, natsMsg* msg, void* closure) {
  auto* sub = static_cast<nats_bridge::subscription*>(closure);
  inbound_message in;
  in.subject = natsMsg_GetSubject(msg);
  if (auto* data = natsMsg_GetData(msg))
    in.data.assign(data, static_cast<size_t>(natsMsg_GetDataLength(msg)));
  if (auto* reply = natsMsg_GetReply(msg))
    in.reply = reply;
  natsMsg_Destroy(msg);
  caf::anon_send(sub->target, std::move(in));
}

void on_disconnected(natsConnection*, void*) {
  log::warn("nats", "disconnected; reconnecting");
}

void on_reconnected(natsConnection*, void*) {
  log::info("nats", "reconnected");
}

// Asynchronous errors, such as a permissions violation the server reports.
void on_async_error(natsConnection*, natsSubscription*, natsStatus s, void*) {
  log::warn("nats", std::string{"asynchronous error: "} + natsStatus_GetText(s));
}

} // namespace

std::variant<std::unique_ptr<nats_bridge>, medha_error>
nats_bridge::connect(const std::string& url, const std::string& client_name,
                     const nats_credentials& creds) {
  natsOptions* opts = nullptr;
  if (auto s = natsOptions_Create(&opts); s != NATS_OK)
    return nats_failure("nats options", s);
  if (auto err = apply_nats_credentials(opts, creds); !err.empty()) {
    natsOptions_Destroy(opts);
    return medha_error{error_code::internal, err};
  }
  natsOptions_SetURL(opts, url.c_str());
  natsOptions_SetName(opts, client_name.c_str());
  // Step events are latency-critical: write each publish at once.
  natsOptions_SetSendAsap(opts, true);
  natsOptions_SetMaxReconnect(opts, -1);
  natsOptions_SetReconnectWait(opts, 250);
  natsOptions_SetReconnectBufSize(opts, 8 * 1024 * 1024);
  natsOptions_SetDisconnectedCB(opts, on_disconnected, nullptr);
  natsOptions_SetReconnectedCB(opts, on_reconnected, nullptr);
  natsOptions_SetErrorHandler(opts, on_async_error, nullptr);
  std::unique_ptr<nats_bridge> bridge{new nats_bridge};
  natsStatus s = NATS_OK;
  // The server may still be starting: retry the first connect briefly.
  for (int attempt = 0; attempt < 50; ++attempt) {
    s = natsConnection_Connect(&bridge->conn_, opts);
    // Wrong credentials stay wrong: no point retrying.
    if (s == NATS_OK || s == NATS_CONNECTION_AUTH_FAILED || s == NATS_NOT_PERMITTED)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  natsOptions_Destroy(opts);
  if (s != NATS_OK)
    return medha_error{error_code::internal, "cannot connect to NATS at " + url + ": "
                                               + natsStatus_GetText(s)};
  return bridge;
}

nats_bridge::~nats_bridge() {
  close();
}

std::optional<medha_error> nats_bridge::subscribe(const std::string& subject,
                                                  const std::string& queue_group,
                                                  manager_actor target) {
  auto sub = std::make_unique<subscription>();
  sub->target = std::move(target);
  auto s = natsConnection_QueueSubscribe(&sub->sub, conn_, subject.c_str(), queue_group.c_str(),
                                         on_message, sub.get());
  if (s != NATS_OK)
    return nats_failure("subscribe", s);
  // Generous pending limits: a burst of turns must queue, not be dropped.
  natsSubscription_SetPendingLimits(sub->sub, 1000000, 1024 * 1024 * 1024);
  subs_.push_back(std::move(sub));
  return std::nullopt;
}

void nats_bridge::publish(const std::string& subject, const std::string& data) {
  if (!conn_)
    return;
  auto s = natsConnection_Publish(conn_, subject.c_str(), data.data(), static_cast<int>(data.size()));
  if (s != NATS_OK)
    log::warn("nats", "publish on " + subject + " failed: " + natsStatus_GetText(s));
}

bool nats_bridge::connected() const {
  return conn_ && natsConnection_Status(conn_) == NATS_CONN_STATUS_CONNECTED;
}

void nats_bridge::unsubscribe_all() {
  for (auto& sub : subs_) {
    natsSubscription_Unsubscribe(sub->sub);
    natsSubscription_Destroy(sub->sub);
  }
  subs_.clear();
}

void nats_bridge::close() {
  unsubscribe_all();
  if (conn_) {
    natsConnection_FlushTimeout(conn_, 1000);
    natsConnection_Close(conn_);
    natsConnection_Destroy(conn_);
    conn_ = nullptr;
  }
}

} // namespace medha
