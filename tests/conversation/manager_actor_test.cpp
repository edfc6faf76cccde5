// The manager with real conversation actors (stages are fakes): routing turns
// to conversations that come and go, and the control API's payloads.

#include <boost/json.hpp>

#include "actors/conversation/manager_actor.hpp"
#include "tests/conversation/conversation_fixture.hpp"

namespace medha {
namespace {

namespace json = boost::json;

struct manager_unit : conversation_unit {
  manager_actor spawn_manager(manager_settings settings = {}) {
    auto mgr = sys.spawn(manager, deps, settings, std::vector<data_source>{{"sales", "", "", ""}});
    others.push_back(caf::actor_cast<caf::actor>(mgr));
    return mgr;
  }

  void send_turn(const manager_actor& mgr, const std::string& turn_id, const std::string& text) {
    inbound_message msg;
    msg.subject = turn_subject("u", "c1");
    msg.data = json::serialize(json::object{{"v", 1}, {"turn_id", turn_id}, {"text", text}});
    caf::anon_send(mgr, std::move(msg));
  }

  void send_sql(const manager_actor& mgr, const std::string& reply_to, const std::string& sql) {
    inbound_message msg;
    msg.subject = api_subject("u", "sql.run");
    msg.data = json::serialize(json::object{{"data_source", "sales"}, {"sql", sql}});
    msg.reply = reply_to;
    caf::anon_send(mgr, std::move(msg));
  }
};

// The race: a turn waits in the manager's mailbox (behind a burst of API
// calls) while its conversation's idle timer fires. The manager must not
// route the turn to an actor that has decided to quit.
TEST_F(manager_unit, turns_racing_an_eviction_are_never_lost) {
  deps.settings.idle_evict = std::chrono::milliseconds(2);
  conversation_record rec;
  rec.id = "c1";
  rec.user = "u";
  rec.data_source = "sales";
  rec.created_ms = rec.updated_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count(); // else the manager's expiry deletes it
  store->put_conversation(rec);
  auto mgr = spawn_manager();
  for (int i = 0; i < 20; ++i) {
    // Keeps the manager busy for some milliseconds, longer than idle_evict.
    for (int k = 0; k < 3000; ++k) {
      inbound_message health;
      health.subject = api_subject("u", "health");
      health.data = "{}";
      caf::anon_send(mgr, std::move(health));
    }
    auto id = "t" + std::to_string(i);
    send_turn(mgr, id, "???"); // a clarify: fast, no executor
    auto evs = events->turn(id);
    ASSERT_FALSE(evs.empty()) << "turn " << id << " got no event: lost";
    EXPECT_EQ(evs.back().step, step_kind::clarify) << evs.back().data_json;
  }
}

TEST_F(manager_unit, health_is_valid_json_whatever_the_worker_is_called) {
  manager_settings settings;
  settings.worker_name = "host \"a\\b\":1";
  auto mgr = spawn_manager(settings);
  inbound_message msg;
  msg.subject = api_subject("u", "health");
  msg.data = "{}";
  msg.reply = "_INBOX.health";
  caf::anon_send(mgr, std::move(msg));
  auto reply = json::parse(events->reply("_INBOX.health"));
  EXPECT_EQ(reply.at("ok").as_bool(), true);
  EXPECT_EQ(reply.at("worker").as_string(), "host \"a\\b\":1");
  EXPECT_EQ(reply.at("data_sources").as_int64(), 1);
}

TEST_F(manager_unit, sql_run_reads_only_the_models_tables_through_the_guard) {
  auto mgr = spawn_manager();
  send_sql(mgr, "_INBOX.ok", "SELECT count(*) AS n FROM orders");
  auto ok = json::parse(events->reply("_INBOX.ok")).as_object();
  ASSERT_TRUE(ok.at("ok").as_bool()) << json::serialize(ok);
  EXPECT_EQ(ok.at("rows").as_array().at(0).as_array().at(0).as_int64(), 42);
  {
    std::lock_guard<std::mutex> guard{seen->mx};
    ASSERT_EQ(seen->relations.size(), 1u);
    EXPECT_EQ(seen->relations[0], relations_of(*tiny_model()));
  }
  send_sql(mgr, "_INBOX.refused", "SELECT * FROM customers");
  auto refused = json::parse(events->reply("_INBOX.refused")).as_object();
  EXPECT_EQ(refused.at("error").at("code"), "unsafe_sql");
  EXPECT_NE(std::string{refused.at("error").at("message").as_string()}.find(
                "rule: relation_not_allowed:customers"),
            std::string::npos);
  EXPECT_EQ(seen->executor_calls.load(), 1); // the refused one never reached it
}

TEST_F(manager_unit, sql_run_counts_against_the_users_concurrent_turns) {
  manager_settings settings;
  settings.concurrent_turns_per_user = 1;
  auto mgr = spawn_manager(settings);
  send_sql(mgr, "_INBOX.slow", "SELECT count(*) AS slow FROM orders"); // 1.5 s in the fake
  send_sql(mgr, "_INBOX.second", "SELECT count(*) AS n FROM orders");
  auto second = json::parse(events->reply("_INBOX.second")).as_object();
  EXPECT_EQ(second.at("error").at("code"), "rate_limited") << json::serialize(second);
  EXPECT_GT(second.at("error").at("retry_after_ms").as_int64(), 0);
  EXPECT_TRUE(json::parse(events->reply("_INBOX.slow")).at("ok").as_bool());
  // Once the first ended, the user may run another.
  send_sql(mgr, "_INBOX.third", "SELECT count(*) AS n FROM orders");
  EXPECT_TRUE(json::parse(events->reply("_INBOX.third")).at("ok").as_bool());
}

} // namespace
} // namespace medha
