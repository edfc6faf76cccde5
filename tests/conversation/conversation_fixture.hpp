#pragma once

// The conversation actor's test bed: every stage is a fake actor, events go
// to a recorder, the store is a real RocksDB in a temp dir. Shared by the
// conversation and manager tests.

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>
#include <gtest/gtest.h>

#include "actors/conversation/conversation_actor.hpp"
#include "runtime/rocksdb_store.hpp"
#include "runtime/event_sink.hpp"
#include "runtime/store_actor.hpp"
#include "tests/support/servers.hpp"

namespace medha {
namespace {

class recorder : public event_sink {
public:
  void publish(const std::string& subject, const std::string& data) override {
    std::lock_guard<std::mutex> guard{mx_};
    if (subject.rfind("medha.events.", 0) != 0) {
      replies_[subject] = data;
      cv_.notify_all();
      return;
    }
    auto ev = decode_step_event(data);
    if (auto* e = std::get_if<step_event>(&ev))
      events_.push_back(*e);
    cv_.notify_all();
  }
  bool connected() const override { return true; }

  /// The events of a turn once its final event arrived (empty on timeout).
  std::vector<step_event> turn(const std::string& turn_id) {
    std::unique_lock<std::mutex> lock{mx_};
    std::vector<step_event> out;
    cv_.wait_for(lock, std::chrono::seconds(10), [&] {
      out.clear();
      for (auto& e : events_)
        if (e.turn_id == turn_id)
          out.push_back(e);
      return !out.empty()
             && (out.back().step == step_kind::answer || out.back().step == step_kind::clarify
                 || out.back().step == step_kind::error);
    });
    return out;
  }

  /// The reply sent to a reply subject ("" on timeout).
  std::string reply(const std::string& subject) {
    std::unique_lock<std::mutex> lock{mx_};
    cv_.wait_for(lock, std::chrono::seconds(10), [&] { return replies_.count(subject) > 0; });
    return replies_.count(subject) ? replies_[subject] : "";
  }

  /// True once an event `step`:`status` of the turn was published (within `bound`).
  bool saw(const std::string& turn_id, step_kind step, step_status status,
           std::chrono::milliseconds bound = std::chrono::seconds(10)) {
    std::unique_lock<std::mutex> lock{mx_};
    return cv_.wait_for(lock, bound, [&] {
      for (auto& e : events_)
        if (e.turn_id == turn_id && e.step == step && e.status == status)
          return true;
      return false;
    });
  }

  /// The events of a turn published so far.
  std::vector<step_event> so_far(const std::string& turn_id) {
    std::lock_guard<std::mutex> lock{mx_};
    std::vector<step_event> out;
    for (auto& e : events_)
      if (e.turn_id == turn_id)
        out.push_back(e);
    return out;
  }

private:
  std::mutex mx_;
  std::condition_variable cv_;
  std::vector<step_event> events_;
  std::map<std::string, std::string> replies_;
};

// What the fakes saw, shared with the test.
struct observations {
  std::atomic<int> executor_calls{0};
  std::vector<std::string> executed_ids; // query ids the executor got (under mx)
  std::vector<std::string> cancelled_ids; // query ids it was told to cancel (under mx)
  std::mutex mx;
  std::vector<std::string> previous_queries; // what sqlgen got as the last query
  std::vector<relation_set> relations;       // what the executor was allowed to read
  std::vector<std::string> fed_back;         // errors a model's correction request carried
  std::vector<size_t> history_sizes;         // recent turns each request carried
};

model_ptr tiny_model() {
  auto m = std::make_shared<semantic_model>();
  m->data_source = "sales";
  m->schema_version = 7;
  table_info t;
  t.name = "orders";
  m->tables.push_back(t);
  return m;
}

struct conversation_unit : ::testing::Test {
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  std::shared_ptr<recorder> events = std::make_shared<recorder>();
  std::shared_ptr<observations> seen = std::make_shared<observations>();
  std::string dir = testing::make_temp_dir("medha-conv-");
  std::shared_ptr<conversation_store> store;
  conversation_deps deps;

  conversation_unit() {
    auto opened = rocksdb_store::open(dir + "/store");
    store = std::move(std::get<0>(opened));
    deps.store = spawn_store_actor(sys, store);
    deps.events = events;
    deps.data_sources = {"sales", "hr"};
    deps.settings.stage_timeout = std::chrono::seconds(5);
    deps.discovery = sys.spawn([](discovery_actor::pointer) -> discovery_actor::behavior_type {
      return {
        [](rank_atom, const std::string&) {
          discovery_result r;
          r.sources.push_back(source_match{"sales", "orders", 5.0, {{"sales", "data source sales"}}, {}});
          r.clear_winner = true;
          return r;
        },
        [](add_atom, const model_ptr&) {},
        [](save_atom) {},
      };
    });
    deps.context = sys.spawn([](context_actor::pointer) -> context_actor::behavior_type {
      return {
        [](model_atom, const std::string&) { return model_reply{tiny_model(), std::nullopt}; },
        [](refresh_atom, const std::string&) { return model_reply{tiny_model(), std::nullopt}; },
        [](tick_atom) {},
      };
    });
    auto seen_ = seen;
    deps.sqlgen = sys.spawn([seen_](sqlgen_actor::pointer) -> sqlgen_actor::behavior_type {
      return {
        [seen_](generate_atom, const sql_request& req) {
          const auto& question = req.question;
          const auto& previous = req.previous_query_json;
          {
            std::lock_guard<std::mutex> guard{seen_->mx};
            seen_->previous_queries.push_back(previous);
            seen_->history_sizes.push_back(req.history.size());
            for (auto& f : req.failed)
              seen_->fed_back.push_back(f.error);
          }
          sql_plan p;
          // A model's plan: it streams progress, and its refused SQL comes back.
          if (question.rfind("model:", 0) == 0) {
            if (req.progress && req.failed.empty())
              caf::anon_send(caf::actor_cast<caf::actor>(req.progress), progress_atom_v,
                             req.progress_tag, std::string{"{\"phase\":\"delta\",\"delta\":\"SELECT\"}"});
            p.strategy = "llm";
            p.strategy_reason = "the engine abstained";
            p.attempt = static_cast<int>(req.failed.size()) + 1;
            bool fixed = question == "model: fixes it" && !req.failed.empty();
            p.sql = fixed ? "SELECT count(*) AS n FROM orders" : "DELETE FROM orders";
            return p;
          }
          if (question == "???") {
            p.outcome = plan_outcome::clarify;
            p.understood = "nothing";
            p.choices = {{"count of orders", "how many orders"}};
            return p;
          }
          p.sql = question == "drop it"       ? "DELETE FROM orders"
                  : question == "other table" ? "SELECT count(*) AS n FROM customers"
                  : question == "slow one"    ? "SELECT count(*) AS slow FROM orders"
                                              : "SELECT count(*) AS n FROM orders";
          p.query_json = "{\"q\":\"" + question + "\"}";
          p.confidence = 1;
          return p;
        },
      };
    });
    deps.executor = sys.spawn<caf::detached>([seen_](executor_actor::pointer) -> executor_actor::behavior_type {
      return {
        [seen_](execute_atom, const std::string& source, const std::string& sql,
                const relation_set& relations, const std::string& id) {
          {
            std::lock_guard<std::mutex> guard{seen_->mx};
            seen_->executed_ids.push_back(id);
            seen_->relations.push_back(relations);
          }
          seen_->executor_calls++;
          if (sql.find("slow") != std::string::npos)
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
          if (source == "hr")
            return execute_reply{std::nullopt, medha_error{error_code::datasource_unavailable, "hr is down"}};
          // Slow enough that turns queue up behind each other.
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
          result_set rows;
          rows.columns = {{"n", "bigint"}};
          rows.rows = {{std::string{"42"}}};
          rows.row_count = 1;
          return execute_reply{rows, std::nullopt};
        },
        [seen_](cancel_atom, const std::string& id) {
          std::lock_guard<std::mutex> guard{seen_->mx};
          seen_->cancelled_ids.push_back(id);
        },
      };
    });
    deps.visualization = sys.spawn([](visualization_actor::pointer) -> visualization_actor::behavior_type {
      return {[](visualize_atom, const result_set&, const sql_plan&) { return chart{"kpi", "{}"}; }};
    });
  }

  std::vector<conversation_actor> conversations;
  std::vector<caf::actor> others; // more actors a test spawned (a manager)

  ~conversation_unit() override {
    // The actor system's destructor waits for every actor: stop them all.
    for (auto& c : conversations)
      caf::anon_send_exit(c, caf::exit_reason::user_shutdown);
    for (auto& a : others)
      caf::anon_send_exit(a, caf::exit_reason::user_shutdown);
    for (auto& h : std::vector<caf::actor>{caf::actor_cast<caf::actor>(deps.store), caf::actor_cast<caf::actor>(deps.discovery),
                                           caf::actor_cast<caf::actor>(deps.context), caf::actor_cast<caf::actor>(deps.sqlgen),
                                           caf::actor_cast<caf::actor>(deps.executor), caf::actor_cast<caf::actor>(deps.visualization)})
      caf::anon_send_exit(h, caf::exit_reason::user_shutdown);
  }

  conversation_actor start(const std::string& source = "") {
    conversation_record rec;
    rec.id = "c1";
    rec.user = "u";
    rec.data_source = source;
    store->put_conversation(rec);
    auto handle = sys.spawn(conversation, deps, rec);
    conversations.push_back(handle);
    return handle;
  }

  turn_request turn(const std::string& id, const std::string& text) {
    turn_request t;
    t.user = "u";
    t.conv = "c1";
    t.turn_id = id;
    t.text = text;
    return t;
  }
};

std::vector<std::string> steps(const std::vector<step_event>& evs) {
  std::vector<std::string> out;
  for (auto& e : evs)
    out.push_back(std::string{to_string(e.step)} + ":" + to_string(e.status));
  return out;
}

} // namespace
} // namespace medha
