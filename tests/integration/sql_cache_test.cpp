// The shared SQL cache in a whole worker: real nats-server with JetStream,
// medhad, PostgreSQL and the protocol peer of tests/support/fake_llm_server
// as the model. SQL a model wrote and PostgreSQL ran is asked once; SQL
// that failed is never kept.

#include <chrono>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "tests/integration/kv_buckets.hpp"
#include "tests/integration/model_worker.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

class sql_cache_turn : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    postgres_server::shared().load_sample("sales");
  }
};

// The keys of the worker's SQL cache bucket.
size_t keys_in_bucket(const nats_server& nats) {
  return bucket_keys(nats, "MEDHA_CACHE_SQL").value_or(0);
}

// The put runs on its own actor after the rows came back: wait (bounded)
// until the server holds `n` keys, so the next question sees them.
bool wait_for_keys(const nats_server& nats, size_t n) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    if (keys_in_bucket(nats) >= n)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

json::object sql_cache_stats(worker_harness& worker) {
  auto stats = json::parse(worker.api("ops", "stats", "{}")).as_object();
  return stats.at("cache").at("sql").as_object();
}

// A question in a new conversation of the user's.
turn_events ask_anew(worker_harness& worker, const std::string& user, const std::string& question) {
  return worker.ask(user, worker.create_conversation(user, "sales"), question);
}

TEST_F(sql_cache_turn, the_same_abstained_question_in_another_conversation_skips_the_model) {
  model_worker w;
  auto first = ask_anew(*w.worker, "alice", churn_question);
  ASSERT_EQ(first.last().step, step_kind::answer) << first.last().data_json;
  EXPECT_EQ(data_field(first.last(), "strategy"), "llm");
  EXPECT_EQ(data_field(first.last(), "cache"), "miss");
  ASSERT_TRUE(wait_for_keys(w.nats, 1)) << "the model's SQL never reached the bucket";

  // Another conversation (another user, even): same question, same source.
  auto second = ask_anew(*w.worker, "bob",
                         "Which customers are likely to churn next quarter based on sentiment?");
  ASSERT_EQ(second.last().step, step_kind::answer) << second.last().data_json;
  EXPECT_EQ(data_field(second.last(), "strategy"), "llm");
  EXPECT_EQ(data_field(second.last(), "cache"), "hit");
  EXPECT_EQ(data_field(second.last(), "sql"), right_sql);
  EXPECT_EQ(data_field(second.last(), "model"), "fake-sql-1");
  json::value holder = json::parse(second.last().data_json);
  EXPECT_EQ(holder.as_object().at("rows").as_array().size(), 5u);
  EXPECT_EQ(holder.as_object().if_contains("usage"), nullptr) << "a hit calls no model";
  EXPECT_EQ(w.model.requests().size(), 1u) << "the second ask reached the model";

  auto cache = sql_cache_stats(*w.worker);
  EXPECT_EQ(cache.at("hits").as_int64(), 1);
  EXPECT_EQ(cache.at("misses").as_int64(), 1);
}

TEST_F(sql_cache_turn, sql_that_failed_is_not_kept_and_its_correction_is) {
  model_worker w;
  auto turn = ask_anew(*w.worker, "alice", momentum_question);
  ASSERT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
  EXPECT_EQ(data_field(turn.last(), "attempt"), "2");
  ASSERT_EQ(w.model.requests().size(), 2u); // the wrong SQL, then its correction
  ASSERT_TRUE(wait_for_keys(w.nats, 1));
  EXPECT_EQ(keys_in_bucket(w.nats), 1u);

  auto again = ask_anew(*w.worker, "bob", momentum_question);
  ASSERT_EQ(again.last().step, step_kind::answer) << again.last().data_json;
  EXPECT_EQ(data_field(again.last(), "cache"), "hit");
  EXPECT_EQ(data_field(again.last(), "sql"), right_sql) << "the rejected SQL came from the cache";
  EXPECT_EQ(w.model.requests().size(), 2u);
}

TEST_F(sql_cache_turn, a_ttl_of_zero_turns_the_cache_off) {
  worker_options opts;
  opts.sources = {"sales"};
  llm::testing::fake_llm_server model{answer_as_model};
  nats_server nats;
  opts.extra_json = llm_config(model) + ",\"cache_sql_ttl_s\":0";
  worker_harness worker{nats, opts};
  worker.start();
  for (auto* user : {"alice", "bob"}) {
    auto turn = ask_anew(worker, user, churn_question);
    ASSERT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
    EXPECT_EQ(data_field(turn.last(), "cache"), "");
  }
  EXPECT_EQ(model.requests().size(), 2u);
  EXPECT_EQ(keys_in_bucket(nats), 0u);
  auto cache = sql_cache_stats(worker);
  EXPECT_EQ(cache.at("hits").as_int64(), 0);
  EXPECT_EQ(cache.at("misses").as_int64(), 0);
}

} // namespace
} // namespace medha::testing
