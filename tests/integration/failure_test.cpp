// Failures a user meets: a database that is down, a query that times out, a
// worker killed between turns. Real processes throughout.

#include <chrono>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

TEST(failures, database_down_is_datasource_unavailable) {
  postgres_server::shared().load_sample("sales");
  nats_server nats;
  worker_options opts;
  opts.sources = {"sales"};
  // Nothing listens on this port: the data source is down from the start.
  opts.bad_source_conninfo = "host=127.0.0.1 port=" + std::to_string(free_port())
                             + " dbname=x user=x connect_timeout=2";
  worker_harness worker{nats, opts};
  worker.start();
  auto conv = worker.create_conversation("u1", "offline");
  auto t = worker.ask("u1", conv, "how many rows");
  ASSERT_EQ(t.last().step, step_kind::error) << t.last().data_json;
  EXPECT_EQ(data_field(t.last(), "code"), "datasource_unavailable");
  // The failed turn is stored as an error message: nothing is lost.
  auto history = json::parse(worker.api("u1", "conversations.get", "{\"conversation\":\"" + conv + "\"}"));
  auto& msgs = history.at("messages").as_array();
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0].at("role").as_string(), "user");
  EXPECT_EQ(msgs[1].at("role").as_string(), "assistant");
}

TEST(failures, slow_query_is_query_timeout) {
  postgres_server::shared().load_sample("sales");
  nats_server nats;
  worker_options opts;
  opts.sources = {"sales"};
  opts.extra_json = ",\"statement_timeout_ms\":1";
  worker_harness worker{nats, opts};
  worker.start();
  auto conv = worker.create_conversation("u2", "sales");
  auto t = worker.ask("u2", conv, "total revenue by region");
  ASSERT_EQ(t.last().step, step_kind::error) << t.last().data_json;
  EXPECT_EQ(data_field(t.last(), "code"), "query_timeout");
}

TEST(failures, kill_9_between_turns_keeps_history_and_context) {
  postgres_server::shared().load_sample("sales");
  nats_server nats;
  worker_options opts;
  opts.sources = {"sales"};
  worker_harness worker{nats, opts};
  worker.start();
  auto conv = worker.create_conversation("u3", "sales");
  auto t1 = worker.ask("u3", conv, "total revenue by region");
  ASSERT_EQ(t1.last().step, step_kind::answer) << t1.last().data_json;
  auto groups_before = json::parse(t1.last().data_json).at("rows").as_array().size();

  worker.kill_hard();
  worker.start();

  auto history = json::parse(worker.api("u3", "conversations.get", "{\"conversation\":\"" + conv + "\"}"));
  EXPECT_EQ(history.at("messages").as_array().size(), 2u);
  // The follow-up still carries the grouping by region.
  auto t2 = worker.ask("u3", conv, "Only 2023");
  ASSERT_EQ(t2.last().step, step_kind::answer) << t2.last().data_json;
  auto d2 = json::parse(t2.last().data_json);
  EXPECT_EQ(d2.at("rows").as_array().size(), groups_before);
  EXPECT_NE(std::string{d2.at("sql").as_string()}.find("2023"), std::string::npos);
}

} // namespace
} // namespace medha::testing

namespace medha::testing {
namespace {

TEST(failures, worker_reconnects_after_nats_restarts) {
  postgres_server::shared().load_sample("sales");
  nats_server nats;
  worker_options opts;
  opts.sources = {"sales"};
  worker_harness worker{nats, opts};
  worker.start();
  auto conv = worker.create_conversation("u4", "sales");
  ASSERT_EQ(worker.ask("u4", conv, "total revenue").last().step, step_kind::answer);
  nats.stop();
  nats.start(); // same port: both the worker and this client reconnect
  // Give the reconnect loops a moment, bounded.
  std::string health;
  for (int i = 0; i < 100 && health.find("\"ok\":true") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    health = worker.api("u4", "health", "{}");
  }
  ASSERT_NE(health.find("\"ok\":true"), std::string::npos) << worker.log_tail();
  auto t = worker.ask("u4", conv, "total revenue by region");
  EXPECT_EQ(t.last().step, step_kind::answer) << t.last().data_json;
}

// Issue 9: after SIGTERM with nats-server gone, medhad sat in "disconnected;
// reconnecting" for good. It must drain and exit within its drain bound.
TEST(failures, sigterm_exits_in_bounded_time_when_nats_is_gone) {
  postgres_server::shared().load_sample("sales");
  nats_server nats;
  worker_options opts;
  opts.sources = {"sales"};
  opts.extra_json = ",\"drain_timeout_ms\":2000";
  worker_harness worker{nats, opts};
  worker.start();
  // A live conversation actor, as a worker in use has.
  auto conv = worker.create_conversation("u1", "sales");
  ASSERT_EQ(worker.ask("u1", conv, "total revenue").last().step, step_kind::answer);
  nats.stop();
  std::this_thread::sleep_for(std::chrono::milliseconds(500)); // it notices the loss
  // Generous: the drain bound is 2 s, the watchdog adds 5 s.
  auto code = worker.terminate_within(std::chrono::seconds(20));
  ASSERT_TRUE(code) << "medhad still running 20 s after SIGTERM:\n" << worker.log_tail();
  EXPECT_EQ(*code, 0) << worker.log_tail();
}

} // namespace
} // namespace medha::testing
