// Durable turns over JetStream: workers on one PostgreSQL store take turns
// from one stream. A turn published twice is answered once; a killed
// worker's turn is taken again and answered once; the turns of a
// conversation run one at a time and in order across three workers. Real
// processes: medhad, nats-server with JetStream, PostgreSQL.

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "tests/integration/turn_stream_client.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

using namespace turn_stream_testing;

TEST(durable_turns, a_turn_published_twice_is_answered_once) {
  postgres_server::shared().create_database("medha_durable_twice");
  nats_server nats;
  worker_harness w{nats, on_turn_stream("medha_durable_twice")};
  w.start();
  auto conv = w.create_conversation("u1", "sales");
  turn_client client{nats};

  // The same publish twice (a client's retry): the stream stores it once.
  client.publish("u1", conv, "once", "total revenue by region");
  client.publish("u1", conv, "once", "total revenue by region");
  // A later turn of the conversation ends after any copy of the first would have.
  client.publish("u1", conv, "after", "total revenue by category");
  client.wait_for({"once", "after"});
  ASSERT_EQ(client.finals("once"), 1u);
  EXPECT_EQ(client.events.back().turn_id, "after");
  auto first = client.final_wires("once").front();
  EXPECT_EQ(decode_step_event(first).index(), 0u);
  EXPECT_EQ(count_of(w.log_tail(1 << 20), "turn once of u1/"), 1u) << w.log_tail();

  // The same turn id again, past what the stream can tell (no message id):
  // the worker finds it answered and publishes the stored answer again.
  client.publish("u1", conv, "once", "total revenue by region", false);
  client.publish("u1", conv, "last", "total revenue by region");
  client.wait_for({"last"});
  auto wires = client.final_wires("once");
  ASSERT_EQ(wires.size(), 2u);
  EXPECT_EQ(wires[1], first) << "the answer was not published from the store as it was";
  EXPECT_NE(w.log_tail(1 << 20).find("turn once of " + conv + " was answered before"),
            std::string::npos)
    << w.log_tail();

  auto messages = stored(w, conv);
  ASSERT_EQ(messages.size(), 6u); // once, after, last: a question and an answer each
  EXPECT_EQ(std::count(messages.begin(), messages.end(), std::make_pair(std::string{"user"},
                                                                        std::string{"once"})),
            1);
  EXPECT_EQ(std::count(messages.begin(), messages.end(),
                       std::make_pair(std::string{"assistant"}, std::string{"once"})),
            1);
}

TEST(durable_turns, a_killed_workers_turn_is_taken_again_and_answered_once) {
  auto& pg = postgres_server::shared();
  pg.create_database("medha_durable_kill");
  nats_server nats;
  auto opts = on_turn_stream("medha_durable_kill");
  worker_harness a{nats, opts};
  worker_harness b{nats, opts};
  a.start();
  auto conv = a.create_conversation("u1", "sales");
  turn_client client{nats};

  // The sales tables locked: the turn's query waits on A until A is killed.
  auto lock = std::make_unique<sales_tables_locked>();
  ASSERT_TRUE(publish_until_executing(client, conv, "killed")) << a.log_tail();
  a.kill_hard();
  lock.reset(); // B introspects the tables at start
  ASSERT_EQ(client.finals("killed"), 0u);

  // B takes the turn once A's ack wait has passed, and answers it.
  b.start();
  client.publish("u1", conv, "next", "Only 2023");
  client.wait_for({"killed", "next"});
  EXPECT_EQ(client.finals("killed"), 1u);
  auto killed_final = std::find_if(client.events.begin(), client.events.end(), [](auto& ev) {
    return ev.turn_id == "killed" && is_final(ev);
  });
  EXPECT_EQ(killed_final->step, step_kind::answer) << killed_final->data_json;
  EXPECT_EQ(client.events.back().turn_id, "next");
  EXPECT_NE(b.log_tail(1 << 20).find("turn killed of u1/"), std::string::npos) << b.log_tail();

  std::vector<std::pair<std::string, std::string>> expected{
    {"user", "killed"}, {"assistant", "killed"}, {"user", "next"}, {"assistant", "next"}};
  EXPECT_EQ(stored(b, conv), expected);
}

TEST(durable_turns, a_turn_whose_conversation_went_away_mid_turn_does_not_block_the_next) {
  auto& pg = postgres_server::shared();
  pg.create_database("medha_durable_deleted");
  nats_server nats;
  auto opts = on_turn_stream("medha_durable_deleted");
  // Short stage timeouts bound how long a turn may be held (max_turn_time);
  // the query may wait on its lock for 3 s.
  opts.extra_json += ",\"stage_timeout_ms\":1000,\"discovery_timeout_ms\":1000,"
                     "\"context_timeout_ms\":5000,\"sql_timeout_ms\":1000,"
                     "\"execute_timeout_ms\":3000,\"visualize_timeout_ms\":1000";
  worker_harness w{nats, opts};
  w.start();
  auto conv = w.create_conversation("u1", "sales");
  turn_client client{nats};

  // The turn waits on a lock; its conversation is deleted under it, which
  // ends the conversation actor without the turn ever being settled.
  sales_tables_locked lock;
  ASSERT_TRUE(publish_until_executing(client, conv, "orphan")) << w.log_tail();
  auto deleted = json::parse(w.api("u1", "conversations.delete", "{\"conversation\":\"" + conv + "\"}"));
  ASSERT_TRUE(deleted.at("ok").as_bool()) << deleted;
  lock.release();

  // The next turn of that conversation waits behind the orphan until the
  // orphan is no longer held, then both end (the conversation is gone).
  client.publish("u1", conv, "behind", "Only 2023");
  client.wait_for({"behind"});
  auto behind = std::find_if(client.events.begin(), client.events.end(),
                             [](auto& ev) { return ev.turn_id == "behind" && is_final(ev); });
  EXPECT_NE(behind->data_json.find("not_found"), std::string::npos) << behind->data_json;
  EXPECT_NE(w.log_tail(1 << 20).find("held for longer than max_turn_time"), std::string::npos)
    << w.log_tail();
}

// Three follow-ups after a first question, each depending on the one before.
const std::vector<std::string> conversation_script = {
  "total revenue by region", "Only 2023", "top 2", "total revenue by category over all time", "Only 2024"};

TEST(durable_turns, turns_of_a_conversation_run_in_order_across_three_workers) {
  postgres_server::shared().create_database("medha_durable_order");
  nats_server nats;
  auto opts = on_turn_stream("medha_durable_order");
  // One user's six conversations run at once here.
  opts.extra_json += ",\"concurrent_turns_per_user\":100";
  std::vector<std::unique_ptr<worker_harness>> workers;
  for (int i = 0; i < 3; ++i)
    workers.push_back(std::make_unique<worker_harness>(nats, opts));
  for (auto& w : workers)
    w->start();
  // start() returns once any worker answers: wait until each one pulls turns.
  for (auto& w : workers)
    for (int i = 0; i < 300 && w->log_tail().find(" ready: ") == std::string::npos; ++i)
      std::this_thread::sleep_for(100ms);
  turn_client client{nats};
  std::vector<std::string> convs;
  for (int c = 0; c < 6; ++c)
    convs.push_back(workers[c % 3]->create_conversation("u1", "sales"));

  // Every turn of every conversation published back to back, a moment
  // apart (far less than a turn takes), so that each worker's waiting pull
  // takes some: the turns of one conversation land on different workers.
  std::set<std::string> all;
  for (size_t t = 0; t < conversation_script.size(); ++t)
    for (size_t c = 0; c < convs.size(); ++c) {
      auto id = "c" + std::to_string(c) + "t" + std::to_string(t);
      client.publish("u1", convs[c], id, conversation_script[t]);
      all.insert(id);
      std::this_thread::sleep_for(1ms);
    }
  client.wait_for(all);

  std::set<size_t> workers_used;
  for (size_t c = 0; c < convs.size(); ++c) {
    // Final events in publish order, one each.
    std::vector<std::string> order;
    for (auto& ev : client.events)
      if (is_final(ev) && ev.conv == convs[c])
        order.push_back(ev.turn_id);
    std::vector<std::pair<std::string, std::string>> expected_messages;
    std::vector<std::string> expected_order;
    for (size_t t = 0; t < conversation_script.size(); ++t) {
      auto id = "c" + std::to_string(c) + "t" + std::to_string(t);
      expected_order.push_back(id);
      expected_messages.emplace_back("user", id);
      expected_messages.emplace_back("assistant", id);
      for (size_t w = 0; w < workers.size(); ++w)
        if (workers[w]->log_tail(1 << 20).find("turn " + id + " of ") != std::string::npos)
          workers_used.insert(w);
    }
    EXPECT_EQ(order, expected_order) << "conversation " << c;
    // One at a time: each question's answer is stored before the next question.
    EXPECT_EQ(stored(*workers[0], convs[c]), expected_messages) << "conversation " << c;
  }
  // Each follow-up was answered with the context of the turn before it,
  // whichever worker answered that one.
  for (auto& ev : client.events) {
    if (!is_final(ev))
      continue;
    ASSERT_EQ(ev.step, step_kind::answer) << ev.turn_id << ": " << ev.data_json;
    auto data = json::parse(ev.data_json);
    auto sql = std::string{data.at("sql").as_string()};
    auto rows = data.at("rows").as_array().size();
    if (ev.turn_id.back() == '1')
      EXPECT_NE(sql.find("2023"), std::string::npos) << ev.turn_id << ": " << sql;
    if (ev.turn_id.back() == '2')
      EXPECT_EQ(rows, 2u) << ev.turn_id << ": " << sql;
    if (ev.turn_id.back() == '4')
      EXPECT_NE(sql.find("2024"), std::string::npos) << ev.turn_id << ": " << sql;
  }
  EXPECT_GE(workers_used.size(), 2u) << "every turn went to one worker";
}

} // namespace
} // namespace medha::testing
