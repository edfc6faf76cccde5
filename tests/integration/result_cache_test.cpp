// The shared result cache in a whole worker (real nats-server with JetStream,
// medhad, PostgreSQL): the same SQL on the same data source is run once in
// the cache's TTL; and what happens without JetStream (both caches off,
// every turn still answered).

#include <chrono>
#include <memory>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "tests/integration/model_worker.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

class result_cache_turn : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    postgres_server::shared().load_sample("sales");
  }
};

// A worker on the sales sample with its own nats-server (with or without
// JetStream) and more config keys.
struct sales_worker {
  explicit sales_worker(const std::string& extra_json = "", bool jetstream = true)
      : nats{0, jetstream} {
    worker_options opts;
    opts.sources = {"sales"};
    opts.extra_json = extra_json;
    worker = std::make_unique<worker_harness>(nats, opts);
    worker->start();
  }
  nats_server nats;
  std::unique_ptr<worker_harness> worker;
};

json::object cache_stats(worker_harness& worker, const char* kind) {
  auto stats = json::parse(worker.api("ops", "stats", "{}")).as_object();
  return stats.at("cache").at(kind).as_object();
}

json::value rows_of(const step_event& ev) {
  return json::parse(ev.data_json).as_object().at("rows");
}

// The put runs on its own actor after the rows came back: ask again until
// the answer is a hit, a bounded number of times.
turn_events ask_until_hit(worker_harness& worker, const std::string& user, const std::string& question) {
  turn_events turn;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  do {
    turn = worker.ask(user, worker.create_conversation(user, "sales"), question);
    if (data_field(turn.last(), "result_cache") == "hit")
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } while (std::chrono::steady_clock::now() < deadline);
  return turn;
}

TEST_F(result_cache_turn, the_same_sql_on_the_same_source_is_answered_from_the_cache) {
  sales_worker w;
  auto& worker = *w.worker;
  auto first = worker.ask("alice", worker.create_conversation("alice", "sales"), "revenue by region");
  ASSERT_EQ(first.last().step, step_kind::answer) << first.last().data_json;
  EXPECT_EQ(data_field(first.last(), "result_cache"), "miss");

  // Another user's conversation: the same SQL, the rows from the bucket.
  auto again = ask_until_hit(worker, "bob", "Revenue by region?");
  ASSERT_EQ(again.last().step, step_kind::answer) << again.last().data_json;
  EXPECT_EQ(data_field(again.last(), "result_cache"), "hit");
  EXPECT_EQ(data_field(again.last(), "sql"), data_field(first.last(), "sql"));
  EXPECT_EQ(rows_of(again.last()), rows_of(first.last()));
  auto rows = json::parse(again.last().data_json).as_object().at("rows").as_array();
  EXPECT_GT(rows.size(), 1u);

  auto results = cache_stats(worker, "results");
  EXPECT_GE(results.at("hits").as_int64(), 1);
  EXPECT_GE(results.at("misses").as_int64(), 1);
  EXPECT_EQ(results.at("hits").as_int64() + results.at("misses").as_int64(),
            json::parse(worker.api("ops", "stats", "{}")).as_object().at("answers").as_int64());
}

TEST_F(result_cache_turn, a_ttl_of_zero_turns_the_result_cache_off) {
  sales_worker w{",\"cache_results_ttl_s\":0"};
  auto& worker = *w.worker;
  for (auto* user : {"alice", "bob"}) {
    auto turn = worker.ask(user, worker.create_conversation(user, "sales"), "revenue by region");
    ASSERT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
    EXPECT_EQ(data_field(turn.last(), "result_cache"), "") << "the cache is off";
  }
  auto results = cache_stats(worker, "results");
  EXPECT_EQ(results.at("hits").as_int64(), 0);
  EXPECT_EQ(results.at("misses").as_int64(), 0);
}

// A NATS server without JetStream: the worker says so once, keeps both
// caches off, and answers every turn — the engine's and the model's.
TEST_F(result_cache_turn, without_jetstream_every_cache_is_off_and_turns_are_answered) {
  llm::testing::fake_llm_server model{answer_as_model};
  sales_worker w{llm_config(model), /*jetstream=*/false};
  auto& worker = *w.worker;
  for (auto* user : {"alice", "bob"}) {
    auto conv = worker.create_conversation(user, "sales");
    auto engine = worker.ask(user, conv, "revenue by region");
    ASSERT_EQ(engine.last().step, step_kind::answer) << engine.last().data_json;
    EXPECT_EQ(data_field(engine.last(), "result_cache"), "");
    auto modelled = worker.ask(user, conv, churn_question);
    ASSERT_EQ(modelled.last().step, step_kind::answer) << modelled.last().data_json;
    EXPECT_EQ(data_field(modelled.last(), "strategy"), "llm");
    EXPECT_EQ(data_field(modelled.last(), "cache"), "") << "no SQL cache without JetStream";
  }
  EXPECT_EQ(model.requests().size(), 2u) << "each ask of the model's question reached it";
  auto log = worker.log_tail(1 << 16);
  EXPECT_NE(log.find("the SQL cache is off"), std::string::npos) << log;
  EXPECT_NE(log.find("the result cache is off"), std::string::npos) << log;
  auto stats = json::parse(worker.api("ops", "stats", "{}")).as_object();
  EXPECT_EQ(stats.at("answers").as_int64(), 4);
}

} // namespace
} // namespace medha::testing
