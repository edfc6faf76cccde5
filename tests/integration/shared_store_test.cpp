// Two workers on one PostgreSQL conversation store: a conversation started on
// one worker is continued, listed and read on the other. Real processes:
// medhad twice, nats-server, PostgreSQL.

#include <regex>
#include <set>
#include <string>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

// Sales data and a fresh store database `store_db`, which both workers share.
worker_options on_shared_store(const std::string& store_db) {
  auto& pg = postgres_server::shared();
  pg.load_sample("sales");
  pg.create_database(store_db);
  worker_options opts;
  opts.sources = {"sales"};
  // debug: each worker logs the turns it takes, so the test can see both served.
  opts.extra_json = ",\"store\":\"postgres\",\"store_conninfo\":"
                    + json::serialize(json::string{pg.conninfo(store_db)}) + ",\"log_level\":\"debug\"";
  return opts;
}

// The worker names that answer health, asked `tries` times through the queue group.
std::set<std::string> workers_answering(worker_harness& via, int tries) {
  std::set<std::string> names;
  std::regex worker{R"re("worker":"([^"]+)")re"};
  for (int i = 0; i < tries; ++i) {
    std::smatch m;
    auto reply = via.api("probe", "health", "{}");
    if (std::regex_search(reply, m, worker))
      names.insert(m[1]);
  }
  return names;
}

// Turns this worker took, by id (from its debug log).
size_t turns_taken(const worker_harness& w, const std::vector<std::string>& turn_ids) {
  auto log = w.log_tail(1 << 20);
  size_t n = 0;
  for (auto& id : turn_ids)
    if (log.find("turn " + id + " of ") != std::string::npos)
      ++n;
  return n;
}

// A turn with an id unique across both harnesses (each numbers its own asks).
turn_events ask(worker_harness& via, const std::string& conv, const std::string& text,
                const std::string& turn_id) {
  json::object body{{"v", 1}, {"turn_id", turn_id}, {"text", text}};
  return via.send_turn("u1", conv, json::serialize(body), turn_id);
}

// A started second returns once any worker answers health: wait until both do.
::testing::AssertionResult both_answer(worker_harness& a, worker_harness& b) {
  std::set<std::string> seen;
  for (int i = 0; i < 300 && seen.size() < 2; ++i) {
    seen.merge(workers_answering(a, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (seen.size() == 2)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "one worker answers\n" << a.log_tail() << b.log_tail();
}

json::value get_conversation(worker_harness& via, const std::string& user, const std::string& conv) {
  return json::parse(via.api(user, "conversations.get", "{\"conversation\":\"" + conv + "\"}"));
}

TEST(shared_store, a_conversation_moves_between_workers) {
  nats_server nats;
  auto opts = on_shared_store("medha_shared_store");
  worker_harness a{nats, opts};
  worker_harness b{nats, opts};

  // Worker A alone creates the conversation and answers its first turn.
  a.start();
  auto conv = a.create_conversation("u1", "sales");
  auto t1 = ask(a, conv, "total revenue by region", "first");
  ASSERT_EQ(t1.last().step, step_kind::answer) << t1.last().data_json;
  auto regions = json::parse(t1.last().data_json).at("rows").as_array().size();

  // Worker B alone continues it, with the context A stored.
  b.start();
  a.stop();
  // B's start may have been answered by A: wait until B itself answers.
  bool b_ready = false;
  for (int i = 0; i < 300 && !b_ready; ++i) {
    b_ready = !workers_answering(b, 1).empty(); // "no responders" comes back at once
    if (!b_ready)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(b_ready) << b.log_tail();
  auto t2 = ask(b, conv, "Only 2023", "second");
  ASSERT_EQ(t2.last().step, step_kind::answer) << t2.last().data_json << b.log_tail();
  auto d2 = json::parse(t2.last().data_json);
  EXPECT_EQ(d2.at("rows").as_array().size(), regions);
  EXPECT_NE(std::string{d2.at("sql").as_string()}.find("2023"), std::string::npos);
  auto list = json::parse(b.api("u1", "conversations.list", "{}"));
  ASSERT_EQ(list.at("conversations").as_array().size(), 1u) << list;
  EXPECT_EQ(get_conversation(b, "u1", conv).at("messages").as_array().size(), 4u);

  // Both running: turns land on either; each is answered with the context
  // of the turn before it, whichever worker answered that one.
  a.start();
  ASSERT_TRUE(both_answer(a, b));
  std::vector<std::string> turn_ids;
  size_t answers = 0;
  for (int round = 0; round < 8; ++round) {
    auto& via = round % 2 ? a : b; // who sends does not choose who answers
    auto id = std::to_string(round);
    // "over all time": the period of the last round's follow-up is not meant.
    auto first = ask(via, conv,
                     round % 2 ? "total revenue by category over all time" : "total revenue by region over all time",
                     "q" + id);
    ASSERT_EQ(first.last().step, step_kind::answer) << first.last().data_json;
    auto groups = json::parse(first.last().data_json).at("rows").as_array().size();
    auto follow = ask(via, conv, "Only 2023", "f" + id);
    ASSERT_EQ(follow.last().step, step_kind::answer) << follow.last().data_json;
    EXPECT_EQ(json::parse(follow.last().data_json).at("rows").as_array().size(), groups)
      << "round " << round << ": the follow-up lost the grouping of the turn before";
    turn_ids.push_back("q" + id);
    turn_ids.push_back("f" + id);
    answers += 2;
  }
  EXPECT_GT(turns_taken(a, turn_ids), 0u) << a.log_tail();
  EXPECT_GT(turns_taken(b, turn_ids), 0u) << b.log_tail();
  EXPECT_EQ(turns_taken(a, turn_ids) + turns_taken(b, turn_ids), turn_ids.size());

  // Whichever worker answers `stats` has served turns and timed their steps.
  auto stats = json::parse(a.api("ops", "stats", "{}"));
  auto& counters = stats.as_object();
  EXPECT_GT(counters.at("turns").to_number<uint64_t>(), 0u) << stats;
  EXPECT_GT(counters.at("latency_ms").at("sql").at("samples").to_number<uint64_t>(), 0u) << stats;

  // Either worker lists and reads everything: 2 + 16 turns, 2 messages each.
  for (auto* w : {&a, &b}) {
    auto got = get_conversation(*w, "u1", conv);
    auto& msgs = got.at("messages").as_array();
    ASSERT_EQ(msgs.size(), 2 * (2 + answers));
    for (size_t i = 0; i < msgs.size(); ++i)
      EXPECT_EQ(msgs[i].at("role").as_string(), i % 2 ? "assistant" : "user") << i;
    auto listed = json::parse(w->api("u1", "conversations.list", "{}"));
    ASSERT_EQ(listed.at("conversations").as_array().size(), 1u);
  }
}

// A user's turns per minute are counted in the shared store, so they hold
// across the workers instead of once per worker.
TEST(shared_store, turn_limits_hold_across_workers) {
  nats_server nats;
  auto opts = on_shared_store("medha_shared_limits");
  opts.extra_json += R"(,"turns_per_minute":3)";
  worker_harness a{nats, opts};
  worker_harness b{nats, opts};
  a.start();
  b.start();
  ASSERT_TRUE(both_answer(b, a));
  auto conv = a.create_conversation("u1", "sales");
  std::vector<std::string> ids;
  int answered = 0, limited = 0;
  for (int i = 0; i < 12; ++i) { // all 12 on one worker: odds of 1 in 2,048
    ids.push_back("l" + std::to_string(i));
    auto t = ask(a, conv, "total revenue", ids.back());
    if (t.last().step == step_kind::answer)
      ++answered;
    else if (data_field(t.last(), "code") == "rate_limited")
      ++limited;
  }
  EXPECT_GT(turns_taken(a, ids), 0u) << a.log_tail();
  EXPECT_GT(turns_taken(b, ids), 0u) << b.log_tail();
  EXPECT_EQ(answered, 3);
  EXPECT_EQ(limited, 9);
}

} // namespace
} // namespace medha::testing
