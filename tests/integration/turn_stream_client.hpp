#pragma once

// Helpers of the tests of durable turns (a JetStream stream, workers on one
// PostgreSQL store): worker options, a client that publishes turns and reads
// every event, and a lock that keeps a turn's query waiting.

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {

namespace turn_stream_testing {

namespace json = boost::json;
using namespace std::chrono_literals;

inline bool is_final(const step_event& ev) {
  return ev.step == step_kind::answer || ev.step == step_kind::clarify
         || ev.step == step_kind::error;
}

inline worker_options on_turn_stream(const std::string& store_db) {
  auto& pg = postgres_server::shared();
  pg.load_sample("sales");
  worker_options opts;
  opts.sources = {"sales"};
  // debug: the manager logs each turn it takes. A short ack wait: a killed
  // worker's turn comes back within seconds.
  opts.extra_json = ",\"store\":\"postgres\",\"store_conninfo\":"
                    + json::serialize(json::string{pg.conninfo(store_db)})
                    + ",\"turn_delivery\":\"jetstream\",\"turn_ack_wait_ms\":2000"
                      ",\"log_level\":\"debug\"";
  return opts;
}

// A client that publishes turns and sees every conversation's events.
class turn_client {
public:
  explicit turn_client(const nats_server& nats) {
    std::string error;
    auto c = client::nats_client::connect(nats.url(), error,
                                          nats.credentials(nats_server::service_user));
    if (!c)
      throw std::runtime_error(error);
    nats_.emplace(std::move(*c));
    nats_->subscribe("medha.events.>");
  }

  void publish(const std::string& user, const std::string& conv, const std::string& turn_id,
               const std::string& text, bool with_message_id = true) {
    json::object body{{"v", 1}, {"turn_id", turn_id}, {"text", text}};
    nats_->publish(turn_subject(user, conv), json::serialize(body),
                   with_message_id ? turn_message_id(user, conv, turn_id) : "");
  }

  /// Reads events until every turn in `turn_ids` had a final event (or 60 s).
  void wait_for(const std::set<std::string>& turn_ids) {
    auto deadline = std::chrono::steady_clock::now() + 60s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (std::all_of(turn_ids.begin(), turn_ids.end(),
                      [&](const std::string& id) { return finals(id) > 0; }))
        return;
      read_one(500);
    }
    throw std::runtime_error("not every turn ended within 60 s");
  }

  /// Reads events until `seen` holds (true) or 30 s passed (false).
  template <class Pred>
  bool wait_until(Pred seen) {
    auto deadline = std::chrono::steady_clock::now() + 30s;
    while (!seen() && std::chrono::steady_clock::now() < deadline)
      read_one(100);
    return seen();
  }

  size_t finals(const std::string& turn_id) const {
    return std::count_if(events.begin(), events.end(), [&](const step_event& ev) {
      return ev.turn_id == turn_id && is_final(ev);
    });
  }

  /// The final events' wire texts of a turn, in arrival order.
  std::vector<std::string> final_wires(const std::string& turn_id) const {
    std::vector<std::string> out;
    for (size_t i = 0; i < events.size(); ++i)
      if (events[i].turn_id == turn_id && is_final(events[i]))
        out.push_back(wires[i]);
    return out;
  }

  std::vector<step_event> events;
  std::vector<std::string> wires;

private:
  void read_one(int timeout_ms) {
    auto msg = nats_->next(timeout_ms);
    if (!msg)
      return;
    auto decoded = decode_step_event(*msg);
    if (auto* ev = std::get_if<step_event>(&decoded)) {
      events.push_back(*ev);
      wires.push_back(*msg);
    }
  }

  std::optional<client::nats_client> nats_;
};

// The stored messages of a conversation: (role, turn id) in index order.
inline std::vector<std::pair<std::string, std::string>> stored(worker_harness& via, const std::string& conv) {
  auto got = json::parse(via.api("u1", "conversations.get", "{\"conversation\":\"" + conv + "\"}"));
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& m : got.at("messages").as_array())
    out.emplace_back(std::string{m.at("role").as_string()}, std::string{m.at("turn_id").as_string()});
  return out;
}

inline size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

// The sample sales tables locked by an open transaction: a turn's query
// waits until it ends (abort) or its worker dies.
class sales_tables_locked {
public:
  sales_tables_locked() : conn_(postgres_server::shared().conninfo("sales")), tx_(conn_) {
    tx_.exec("LOCK TABLE regions, categories, products, customers, orders, order_items"
             " IN ACCESS EXCLUSIVE MODE");
  }
  void release() { tx_.abort(); }

private:
  pqxx::connection conn_;
  pqxx::work tx_;
};

// Publishes a turn and waits until its query started (it then waits on the lock).
inline bool publish_until_executing(turn_client& client, const std::string& conv, const std::string& id) {
  client.publish("u1", conv, id, "total revenue by region");
  return client.wait_until([&] {
    return std::any_of(client.events.begin(), client.events.end(), [&](const step_event& ev) {
      return ev.turn_id == id && ev.step == step_kind::execute && ev.status == step_status::started;
    });
  });
}

} // namespace turn_stream_testing

} // namespace medha::testing
