#include "runtime/client/bench_floor.hpp"

#include <chrono>
#include <vector>

#include <nats/nats.h>
#include <pqxx/pqxx>
#include <unistd.h>

#include "messages/percentile.hpp"

namespace medha::client {

namespace {

using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point start) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

// Answers every request with its own payload, as a worker answers a turn.
void echo(natsConnection* conn, natsSubscription*, natsMsg* msg, void*) {
  if (natsMsg_GetReply(msg))
    natsConnection_Publish(conn, natsMsg_GetReply(msg), natsMsg_GetData(msg),
                           natsMsg_GetDataLength(msg));
  natsMsg_Destroy(msg);
}

// A connection set up as the client's and the worker's are: no batching delay.
natsConnection* connect(const std::string& url, const nats_credentials& creds, std::string& error) {
  natsOptions* opts = nullptr;
  natsOptions_Create(&opts);
  natsOptions_SetURL(opts, url.c_str());
  natsOptions_SetSendAsap(opts, true);
  if (auto err = apply_nats_credentials(opts, creds); !err.empty()) {
    natsOptions_Destroy(opts);
    error = err;
    return nullptr;
  }
  natsConnection* conn = nullptr;
  auto s = natsConnection_Connect(&conn, opts);
  natsOptions_Destroy(opts);
  if (s != NATS_OK) {
    error = std::string("floor: cannot connect to NATS: ") + natsStatus_GetText(s);
    return nullptr;
  }
  return conn;
}

std::optional<double> nats_round_trip(const std::string& url, const nats_credentials& creds,
                                      int samples, std::string& error) {
  auto* worker = connect(url, creds, error);
  if (!worker)
    return std::nullopt;
  auto* client = connect(url, creds, error);
  if (!client) {
    natsConnection_Destroy(worker);
    return std::nullopt;
  }
  auto subject = "medha.bench.echo." + std::to_string(::getpid());
  natsSubscription* sub = nullptr;
  std::vector<double> rtt;
  if (natsConnection_Subscribe(&sub, worker, subject.c_str(), echo, nullptr) == NATS_OK
      && natsConnection_Flush(worker) == NATS_OK) {
    const std::string payload = R"({"v":1,"text":"floor"})";
    for (int i = 0; i < samples; ++i) {
      natsMsg* reply = nullptr;
      auto start = clock_type::now();
      auto s = natsConnection_Request(&reply, client, subject.c_str(), payload.data(),
                                      static_cast<int>(payload.size()), 2000);
      if (s != NATS_OK) {
        error = std::string("floor: NATS request-reply failed (the bench's NATS user needs "
                            "medha.bench.> and its inbox): ")
                + natsStatus_GetText(s);
        rtt.clear();
        break;
      }
      rtt.push_back(ms_since(start));
      natsMsg_Destroy(reply);
    }
  } else {
    error = "floor: cannot subscribe to " + subject;
  }
  natsSubscription_Destroy(sub);
  natsConnection_Destroy(client);
  natsConnection_Destroy(worker);
  if (rtt.empty())
    return std::nullopt;
  return percentile(rtt, 0.5);
}

std::optional<double> pg_round_trip(const std::string& conninfo, int samples, std::string& error) {
  try {
    pqxx::connection conn{conninfo};
    pqxx::nontransaction tx{conn};
    std::vector<double> rtt;
    for (int i = 0; i < samples; ++i) {
      auto start = clock_type::now();
      tx.exec("SELECT 1");
      rtt.push_back(ms_since(start));
    }
    return percentile(rtt, 0.5);
  } catch (const std::exception& e) {
    error = std::string("floor: PostgreSQL: ") + e.what();
    return std::nullopt;
  }
}

} // namespace

std::optional<bench_floor> measure_floor(const std::string& nats_url, const nats_credentials& creds,
                                         const std::string& pg_conninfo, int samples,
                                         std::string& error) {
  auto nats = nats_round_trip(nats_url, creds, samples, error);
  if (!nats)
    return std::nullopt;
  auto pg = pg_round_trip(pg_conninfo, samples, error);
  if (!pg)
    return std::nullopt;
  return bench_floor{*nats, *pg};
}

} // namespace medha::client
