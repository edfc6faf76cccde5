// A resource attack beside another user's conversation, on real servers: bob
// (connected as bob) floods turns and heavy SQL (sql.run) while alice's
// conversation runs. Alice's turns must all be answered, with the results
// they have without the attack; bob is rate limited; his expensive SQL ends at
// the guard, the statement timeout or the caps. Alice's latency with and
// without the attack is printed (a figure, not an assertion).

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;
using clock_type = std::chrono::steady_clock;

constexpr int statement_timeout_ms = 1500;
constexpr int bob_turns = 60;          // bounded: the flood's size
constexpr int bob_sql_per_thread = 10; // bounded: heavy statements per thread
constexpr auto attack_deadline = std::chrono::seconds(60);

const std::vector<std::string> alice_questions = {"What's the total revenue?", "Show me by region",
                                                  "Only 2024", "top 3"};

// Each is refused by the guard, cut by the statement timeout, or capped.
const std::vector<std::string> heavy_sql = {
  "SELECT count(*) FROM order_items a, order_items b, order_items c",
  "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
  "SELECT count(*) FROM generate_series(1, 1000000000) g",
  "SELECT repeat('x', 100000000) AS big",
  "SELECT a.*, b.* FROM order_items a, order_items b",
  "SELECT lpad('x', 50000, 'y') AS wide FROM order_items",
};

struct alice_run {
  std::vector<double> ms;         // per turn
  std::vector<std::string> rows;  // each answer's rows, serialized
  std::vector<std::string> finals;
};

alice_run run_alice(worker_harness& worker) {
  alice_run out;
  auto conv = worker.create_conversation("alice", "sales");
  for (auto& q : alice_questions) {
    auto start = clock_type::now();
    auto turn = worker.ask("alice", conv, q);
    out.ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - start).count());
    out.finals.push_back(std::string{to_string(turn.last().step)} + " " + turn.last().data_json.substr(0, 300));
    out.rows.push_back(turn.last().step == step_kind::answer ? data_field(turn.last(), "rows") : "");
  }
  return out;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

client::nats_client connect_as(const nats_server& nats, const std::string& user) {
  std::string error;
  auto c = client::nats_client::connect(nats.url(), error, nats.credentials(user), "_INBOX." + user);
  if (!c)
    throw std::runtime_error(error);
  return std::move(*c);
}

// What bob saw: counts per outcome ("ok", "truncated", or an error code).
struct tally {
  std::mutex mx;
  std::map<std::string, int> turns, sql;
  double slowest_sql_ms = 0;
};

void flood_turns(const nats_server& nats, tally& seen) {
  auto bob = connect_as(nats, "bob");
  std::string error;
  std::vector<std::string> convs;
  for (int i = 0; i < 3; ++i) {
    auto reply = bob.request(api_subject("bob", "conversations.create"), R"({"data_source":"sales"})", 5000, error);
    if (reply)
      convs.emplace_back(json::parse(*reply).at("conversation").at("id").as_string());
  }
  if (convs.empty())
    return;
  bob.subscribe("medha.events.bob.>");
  for (int i = 0; i < bob_turns; ++i) {
    json::object body{{"v", 1}, {"turn_id", "b" + std::to_string(i)}, {"text", "total revenue by product"}};
    bob.publish(turn_subject("bob", convs[i % convs.size()]), json::serialize(body));
  }
  int finals = 0;
  auto deadline = clock_type::now() + attack_deadline;
  while (finals < bob_turns && clock_type::now() < deadline) {
    auto msg = bob.next(1000);
    if (!msg)
      continue;
    auto decoded = decode_step_event(*msg);
    auto* ev = std::get_if<step_event>(&decoded);
    if (!ev || (ev->step != step_kind::answer && ev->step != step_kind::clarify && ev->step != step_kind::error))
      continue;
    ++finals;
    std::lock_guard<std::mutex> lock{seen.mx};
    seen.turns[ev->step == step_kind::error ? data_field(*ev, "code") : to_string(ev->step)] += 1;
  }
}

void flood_sql(const nats_server& nats, tally& seen, size_t offset) {
  auto bob = connect_as(nats, "bob");
  auto deadline = clock_type::now() + attack_deadline;
  for (int i = 0; i < bob_sql_per_thread && clock_type::now() < deadline; ++i) {
    auto& sql = heavy_sql[(offset + i) % heavy_sql.size()];
    std::string error;
    auto start = clock_type::now();
    auto reply = bob.request(api_subject("bob", "sql.run"),
                             json::serialize(json::object{{"data_source", "sales"}, {"sql", sql}}), 20000, error);
    double ms = std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
    std::string outcome = "no_reply";
    if (reply) {
      auto v = json::parse(*reply).as_object();
      if (v.at("ok").as_bool())
        outcome = v.at("truncated").as_bool() ? "truncated" : "ok:" + sql;
      else
        outcome = std::string{v.at("error").at("code").as_string()};
    }
    std::lock_guard<std::mutex> lock{seen.mx};
    seen.sql[outcome] += 1;
    seen.slowest_sql_ms = std::max(seen.slowest_sql_ms, ms);
  }
}

std::string summary(const std::map<std::string, int>& counts) {
  std::string out;
  for (auto& [k, n] : counts)
    out += k + "=" + std::to_string(n) + " ";
  return out;
}

TEST(resource_attack, AlicesTurnsAreAnsweredWhileBobFloodsTurnsAndHeavySql) {
  postgres_server::shared().load_sample("sales");
  nats_server nats;
  worker_options opts;
  opts.sources = {"sales"};
  opts.extra_json = R"(,"turns_per_minute":30,"concurrent_turns_per_user":2,"statement_timeout_ms":)"
                    + std::to_string(statement_timeout_ms)
                    + R"(,"row_cap":1000,"result_byte_cap":65536,"executor_pool_size":4)";
  worker_harness worker{nats, opts};
  worker.start();

  auto quiet = run_alice(worker);
  for (size_t i = 0; i < quiet.finals.size(); ++i)
    ASSERT_EQ(quiet.finals[i].rfind("answer", 0), 0u) << alice_questions[i] << ": " << quiet.finals[i];

  tally bob;
  std::vector<std::thread> attackers;
  attackers.emplace_back(flood_turns, std::cref(nats), std::ref(bob));
  attackers.emplace_back(flood_sql, std::cref(nats), std::ref(bob), 0);
  attackers.emplace_back(flood_sql, std::cref(nats), std::ref(bob), 3);
  std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the flood is under way
  auto attacked = run_alice(worker);
  for (auto& t : attackers)
    t.join();

  for (size_t i = 0; i < alice_questions.size(); ++i) {
    ASSERT_EQ(attacked.finals[i].rfind("answer", 0), 0u) << alice_questions[i] << ": " << attacked.finals[i];
    EXPECT_EQ(attacked.rows[i], quiet.rows[i]) << alice_questions[i];
  }
  pqxx::connection conn{postgres_server::shared().conninfo("sales")};
  pqxx::work tx{conn};
  auto total = tx.exec1("SELECT SUM(quantity * unit_price) FROM order_items")[0].as<double>();
  auto first = json::parse(attacked.rows[0]).as_array().at(0).as_array().at(0);
  EXPECT_NEAR(first.to_number<double>(), total, std::max(1e-6, total * 1e-9));

  std::printf("bob's turns: %s\nbob's sql.run: %s(slowest %.0f ms)\n", summary(bob.turns).c_str(),
              summary(bob.sql).c_str(), bob.slowest_sql_ms);
  EXPECT_GT(bob.turns["rate_limited"] + bob.sql["rate_limited"], 0);
  EXPECT_GT(bob.turns["rate_limited"], 0);
  EXPECT_GT(bob.sql["query_timeout"], 0) << summary(bob.sql);
  EXPECT_GT(bob.sql["unsafe_sql"], 0) << summary(bob.sql);
  for (auto& [outcome, n] : bob.sql)
    EXPECT_TRUE(outcome == "query_timeout" || outcome == "unsafe_sql" || outcome == "rate_limited"
                || outcome == "truncated")
        << outcome << " x" << n;
  EXPECT_LT(bob.slowest_sql_ms, statement_timeout_ms + 8000.0);

  std::printf("alice's turn latency, ms (median / max over %zu turns): quiet %.1f / %.1f, under attack "
              "%.1f / %.1f (median ratio %.2f)\n",
              alice_questions.size(), median(quiet.ms), *std::max_element(quiet.ms.begin(), quiet.ms.end()),
              median(attacked.ms), *std::max_element(attacked.ms.begin(), attacked.ms.end()),
              median(attacked.ms) / std::max(0.001, median(quiet.ms)));
  RecordProperty("alice_quiet_median_ms", std::to_string(median(quiet.ms)));
  RecordProperty("alice_attacked_median_ms", std::to_string(median(attacked.ms)));
}

} // namespace
} // namespace medha::testing
