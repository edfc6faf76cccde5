// A turn that takes its worker down every time it runs must not do so
// forever: after turn_max_deliveries deliveries since it first ran, it ends
// in too_many_attempts (stored, published, acknowledged) and the
// conversation goes on. Real processes: medhad, nats-server with JetStream,
// PostgreSQL; the worker is killed with SIGKILL while the turn runs.

#include <gtest/gtest.h>

#include <memory>
#include <thread>

#include "tests/integration/turn_stream_client.hpp"

namespace medha::testing {
namespace {

using namespace turn_stream_testing;

TEST(durable_turns, a_turn_that_kills_its_worker_each_time_ends_in_too_many_attempts) {
  auto& pg = postgres_server::shared();
  pg.create_database("medha_durable_poison");
  nats_server nats;
  auto opts = on_turn_stream("medha_durable_poison");
  opts.extra_json += ",\"turn_max_deliveries\":3";
  // A restarted worker introspects the tables before it takes turns, so the
  // lock is lifted while it starts; the killed turn comes back only after
  // the ack wait, long enough for the lock to be taken again first.
  auto wait_at = opts.extra_json.find("\"turn_ack_wait_ms\":2000");
  ASSERT_NE(wait_at, std::string::npos);
  opts.extra_json.replace(wait_at, 23, "\"turn_ack_wait_ms\":8000");
  worker_harness w{nats, opts};
  w.start();
  auto conv = w.create_conversation("u1", "sales");
  turn_client client{nats};
  auto runs = [&] {
    return static_cast<size_t>(std::count_if(client.events.begin(), client.events.end(), [](auto& ev) {
      return ev.turn_id == "poison" && ev.step == step_kind::execute
             && ev.status == step_status::started;
    }));
  };

  // Each run of the turn waits on the locked tables, and its worker dies
  // there, as a turn that crashes its worker would have it.
  auto lock = std::make_unique<sales_tables_locked>();
  client.publish("u1", conv, "poison", "total revenue by region");
  for (size_t run = 1; run <= 2; ++run) {
    ASSERT_TRUE(client.wait_until([&] { return runs() >= run; })) << "run " << run << "\n" << w.log_tail();
    // The question is written as the run starts; let it land before the kill.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    w.kill_hard();
    ASSERT_EQ(client.finals("poison"), 0u);
    lock.reset();
    w.start();
    lock = std::make_unique<sales_tables_locked>();
  }

  // The third delivery does not run it: it ends the turn with the error.
  ASSERT_TRUE(client.wait_until([&] { return client.finals("poison") > 0; })) << w.log_tail();
  EXPECT_EQ(runs(), 2u);
  auto final_event = std::find_if(client.events.begin(), client.events.end(), [](auto& ev) {
    return ev.turn_id == "poison" && is_final(ev);
  });
  EXPECT_EQ(final_event->step, step_kind::error);
  EXPECT_NE(final_event->data_json.find("\"too_many_attempts\""), std::string::npos)
    << final_event->data_json;

  // It left the stream: the conversation's next turn runs (it would wait
  // behind an unfinished one), and the history holds one answer for each.
  lock.reset();
  client.publish("u1", conv, "after", "total revenue by category");
  client.wait_for({"after"});
  EXPECT_EQ(client.finals("poison"), 1u);
  auto after = std::find_if(client.events.begin(), client.events.end(), [](auto& ev) {
    return ev.turn_id == "after" && is_final(ev);
  });
  EXPECT_EQ(after->step, step_kind::answer) << after->data_json;
  std::vector<std::pair<std::string, std::string>> expected{
    {"user", "poison"}, {"assistant", "poison"}, {"user", "after"}, {"assistant", "after"}};
  EXPECT_EQ(stored(w, conv), expected);
}

} // namespace
} // namespace medha::testing
