// The data source selection and metadata caches in whole workers (real
// nats-server with JetStream, medhad, PostgreSQL): a second worker takes the
// models and the selection the first one made; a TTL of 0 leaves both off; a
// changed schema or comment is introspected anew, never served the old model.

#include <memory>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "tests/integration/kv_buckets.hpp"
#include "tests/integration/worker_harness.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

class shared_caches : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    for (auto* name : {"sales", "support", "hr"})
      postgres_server::shared().load_sample(name);
  }
};

// The done event of a step of the turn (the test fails without one).
const step_event& done_event(const turn_events& turn, step_kind step) {
  for (auto& ev : turn.events)
    if (ev.step == step && ev.status == step_status::done)
      return ev;
  ADD_FAILURE() << "no done event of step " << to_string(step);
  return turn.last();
}

json::object cache_stats(worker_harness& worker, const char* kind) {
  auto stats = json::parse(worker.api("ops", "stats", "{}")).as_object();
  return stats.at("cache").at(kind).as_object();
}

int64_t hits(worker_harness& worker, const char* kind) {
  return cache_stats(worker, kind).at("hits").as_int64();
}

int64_t misses(worker_harness& worker, const char* kind) {
  return cache_stats(worker, kind).at("misses").as_int64();
}

// A worker on its own (the previous one stopped): what another machine, or a
// restart without the saved catalog, starts from.
std::unique_ptr<worker_harness> start_worker(const nats_server& nats, worker_options opts = {}) {
  auto worker = std::make_unique<worker_harness>(nats, std::move(opts));
  worker->start();
  return worker;
}

constexpr const char* question = "revenue by region";

TEST_F(shared_caches, a_second_worker_takes_the_models_and_the_selection_of_the_first) {
  nats_server nats;
  std::string first_sql;
  {
    auto first = start_worker(nats);
    EXPECT_EQ(misses(*first, "metadata"), 3) << "each source introspected once";
    EXPECT_EQ(hits(*first, "metadata"), 0);
    auto turn = first->ask("alice", first->create_conversation("alice"), question);
    ASSERT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
    EXPECT_EQ(data_field(done_event(turn, step_kind::discovery), "cache"), "miss");
    EXPECT_EQ(data_field(done_event(turn, step_kind::discovery), "selected"), "sales");
    EXPECT_EQ(data_field(done_event(turn, step_kind::context), "cache"), "miss");
    EXPECT_EQ(misses(*first, "sources"), 1);
    first_sql = data_field(turn.last(), "sql");
  }
  auto second = start_worker(nats);
  EXPECT_EQ(hits(*second, "metadata"), 3) << "no source introspected past its catalog queries";
  EXPECT_EQ(misses(*second, "metadata"), 0);
  EXPECT_NE(second->log_tail(1 << 16).find("(from the shared cache)"), std::string::npos);
  // Written otherwise, the same question once normalised.
  auto turn = second->ask("bob", second->create_conversation("bob"), "  Revenue by REGION? ");
  ASSERT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
  auto& discovery = done_event(turn, step_kind::discovery);
  EXPECT_EQ(data_field(discovery, "cache"), "hit");
  EXPECT_EQ(data_field(discovery, "selected"), "sales");
  EXPECT_EQ(data_field(done_event(turn, step_kind::context), "cache"), "hit");
  EXPECT_EQ(data_field(turn.last(), "sql"), first_sql);
  EXPECT_EQ(hits(*second, "sources"), 1);
  EXPECT_EQ(misses(*second, "sources"), 0);

  // Another question is ranked, not served the first one's sources.
  auto other = second->ask("bob", second->create_conversation("bob"), "how many tickets are open");
  EXPECT_EQ(data_field(done_event(other, step_kind::discovery), "cache"), "miss");
  EXPECT_EQ(data_field(done_event(other, step_kind::discovery), "selected"), "support");
}

TEST_F(shared_caches, a_ttl_of_zero_turns_both_off) {
  nats_server nats;
  worker_options opts;
  opts.extra_json = ",\"cache_sources_ttl_s\":0,\"cache_metadata_ttl_s\":0";
  for (int run = 0; run < 2; ++run) {
    auto worker = start_worker(nats, opts);
    auto turn = worker->ask("alice", worker->create_conversation("alice"), question);
    ASSERT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
    EXPECT_EQ(data_field(done_event(turn, step_kind::discovery), "cache"), "");
    EXPECT_EQ(data_field(done_event(turn, step_kind::context), "cache"), "");
    for (auto* kind : {"sources", "metadata"}) {
      EXPECT_EQ(hits(*worker, kind), 0) << kind;
      EXPECT_EQ(misses(*worker, kind), 0) << kind;
    }
  }
  EXPECT_FALSE(bucket_keys(nats, "MEDHA_CACHE_SOURCES")) << "no bucket made";
  EXPECT_FALSE(bucket_keys(nats, "MEDHA_CACHE_METADATA"));
}

// A database of its own, changed between workers.
void run_sql(const std::string& sql) {
  pqxx::connection conn{postgres_server::shared().conninfo("cache_shops")};
  pqxx::work tx{conn};
  tx.exec(sql);
  tx.commit();
}

TEST_F(shared_caches, a_changed_schema_or_comment_is_introspected_anew) {
  postgres_server::shared().create_database("cache_shops");
  run_sql("CREATE TABLE shops (id int PRIMARY KEY, city text NOT NULL);"
          "INSERT INTO shops VALUES (1, 'Lyon'), (2, 'Pune'), (3, 'Oslo');");
  nats_server nats;
  worker_options opts;
  opts.sources = {"cache_shops"};
  auto context_of = [&](worker_harness& worker) {
    auto conv = worker.create_conversation("alice", "cache_shops");
    auto turn = worker.ask("alice", conv, "how many shops are there");
    EXPECT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
    return done_event(turn, step_kind::context);
  };
  std::string version;
  {
    auto worker = start_worker(nats, opts);
    auto ev = context_of(*worker);
    EXPECT_EQ(data_field(ev, "cache"), "miss");
    version = data_field(ev, "schema_version");
  }
  { // Nothing changed: the model is the first worker's.
    auto worker = start_worker(nats, opts);
    auto ev = context_of(*worker);
    EXPECT_EQ(data_field(ev, "cache"), "hit");
    EXPECT_EQ(data_field(ev, "schema_version"), version);
  }
  run_sql("ALTER TABLE shops ADD COLUMN opened date");
  std::string changed;
  {
    auto worker = start_worker(nats, opts);
    auto ev = context_of(*worker);
    EXPECT_EQ(data_field(ev, "cache"), "miss") << "a new column: the old model must not be served";
    changed = data_field(ev, "schema_version");
    EXPECT_NE(changed, version);
    EXPECT_EQ(hits(*worker, "metadata"), 0);
    EXPECT_EQ(misses(*worker, "metadata"), 1);
  }
  // A comment leaves the schema version as it is, and is read all the same.
  run_sql("COMMENT ON TABLE shops IS 'Retail shops we run'");
  auto worker = start_worker(nats, opts);
  auto ev = context_of(*worker);
  EXPECT_EQ(data_field(ev, "cache"), "miss");
  EXPECT_EQ(data_field(ev, "schema_version"), changed);
}

} // namespace
} // namespace medha::testing
