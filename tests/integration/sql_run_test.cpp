// The `sql.run` verb on real servers: a user's own SELECT through the worker's
// guard and executor (read-only, grants, statement timeout, row and byte caps).

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

class sql_run : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    for (auto name : {"sales", "hr"})
      postgres_server::shared().load_sample(name);
    nats = new nats_server();
    worker_options opts;
    opts.sources = {"sales", "hr"};
    opts.extra_json = R"(,"grants":{"alice":["sales"],"bob":["hr"]},"row_cap":5,)"
                      R"("result_byte_cap":4096,"statement_timeout_ms":1000)";
    worker = new worker_harness(*nats, opts);
    worker->start();
  }
  static void TearDownTestSuite() {
    delete worker;
    delete nats;
  }

  static json::object run(const std::string& user, const std::string& source, const std::string& sql) {
    auto reply = worker->api(user, "sql.run", json::serialize(json::object{{"data_source", source}, {"sql", sql}}));
    EXPECT_FALSE(reply.empty()) << "no reply\n" << worker->log_tail();
    return reply.empty() ? json::object{} : json::parse(reply).as_object();
  }
  static std::string code_of(const json::object& reply) {
    if (reply.at("ok").as_bool())
      return "ok";
    return std::string{reply.at("error").at("code").as_string()};
  }
  static std::string message_of(const json::object& reply) {
    return std::string{reply.at("error").at("message").as_string()};
  }

  static nats_server* nats;
  static worker_harness* worker;
};

nats_server* sql_run::nats = nullptr;
worker_harness* sql_run::worker = nullptr;

TEST_F(sql_run, ReturnsColumnsAndRowsOfAGrantedSource) {
  auto r = run("alice", "sales", "SELECT count(*) AS orders FROM orders");
  ASSERT_EQ(code_of(r), "ok") << json::serialize(r);
  pqxx::connection conn{postgres_server::shared().conninfo("sales")};
  pqxx::work tx{conn};
  auto want = tx.exec1("SELECT count(*) FROM orders")[0].as<int64_t>();
  EXPECT_EQ(r.at("columns").as_array().at(0).at("name"), "orders");
  EXPECT_EQ(r.at("rows").as_array().at(0).as_array().at(0).as_int64(), want);
  EXPECT_EQ(r.at("row_count").as_int64(), 1);
  EXPECT_FALSE(r.at("truncated").as_bool());
  EXPECT_EQ(r.at("data_source"), "sales");
}

TEST_F(sql_run, RowAndByteCapsCutTheResult) {
  auto rows = run("alice", "sales", "SELECT order_item_id FROM order_items ORDER BY 1");
  ASSERT_EQ(code_of(rows), "ok") << json::serialize(rows);
  EXPECT_EQ(rows.at("rows").as_array().size(), 5u);
  EXPECT_TRUE(rows.at("truncated").as_bool());
  // Five rows of 2,000 characters each are over the 4,096-byte cap.
  auto wide = run("alice", "sales", "SELECT lpad('x', 2000, 'y') AS wide FROM order_items");
  ASSERT_EQ(code_of(wide), "ok") << json::serialize(wide);
  EXPECT_LT(wide.at("rows").as_array().size(), 5u);
  EXPECT_TRUE(wide.at("truncated").as_bool());
}

TEST_F(sql_run, RefusedSqlNamesTheGuardRule) {
  struct refused { const char* sql; const char* rule; };
  for (auto c : {refused{"SELECT version()", "function_not_allowed:version"},
                 refused{"SELECT * FROM pg_stat_activity", "relation_not_allowed:pg_stat_activity"},
                 refused{"DELETE FROM orders", "not_select"},
                 refused{"SELECT 1; SELECT 2", "multiple_statements"},
                 refused{"SELECT * FROM employees", "relation_not_allowed:employees"}}) {
    auto r = run("alice", "sales", c.sql);
    ASSERT_EQ(code_of(r), "unsafe_sql") << c.sql << ": " << json::serialize(r);
    EXPECT_NE(message_of(r).find(std::string{"(rule: "} + c.rule + ")"), std::string::npos)
        << c.sql << ": " << message_of(r);
  }
  EXPECT_NE(worker->log_tail(20000).find("sql.run of user alice refused"), std::string::npos);
}

TEST_F(sql_run, ASourceNotGrantedIsForbiddenAndAnUnknownOneNotFound) {
  auto r = run("alice", "hr", "SELECT count(*) FROM employees");
  EXPECT_EQ(code_of(r), "forbidden") << json::serialize(r);
  EXPECT_EQ(code_of(run("alice", "nowhere", "SELECT 1")), "not_found");
  EXPECT_EQ(code_of(run("bob", "hr", "SELECT count(*) FROM employees")), "ok");
}

TEST_F(sql_run, ExpensiveSqlEndsAtTheStatementTimeout) {
  for (auto sql : {"SELECT count(*) FROM order_items a, order_items b, order_items c",
                   "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                   "SELECT count(*) FROM r"}) {
    auto start = std::chrono::steady_clock::now();
    auto r = run("alice", "sales", sql);
    auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(code_of(r), "query_timeout") << sql << ": " << json::serialize(r);
    EXPECT_LT(took, std::chrono::seconds(8)) << sql;
  }
  // The connection is usable again right after.
  EXPECT_EQ(code_of(run("alice", "sales", "SELECT 1 AS one")), "ok");
}

TEST_F(sql_run, MalformedBodiesAreBadRequests) {
  for (auto body : {R"({})", R"({"data_source":"sales"})", R"({"data_source":"sales","sql":5})",
                    R"({"data_source":"sa les","sql":"SELECT 1"})", R"({"data_source":"sales","sql":"  "})",
                    R"({"data_source":"sales","sql":"SELECT 1","extra":1})", R"([1])"}) {
    auto reply = worker->api("alice", "sql.run", body);
    ASSERT_FALSE(reply.empty()) << body;
    EXPECT_EQ(code_of(json::parse(reply).as_object()), "bad_request") << body << ": " << reply;
  }
}

} // namespace
} // namespace medha::testing
