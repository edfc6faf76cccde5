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

} // namespace
} // namespace medha
