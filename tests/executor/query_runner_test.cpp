// The query runner against a real PostgreSQL (tests/support/servers.hpp).

#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include <chrono>
#include <string>
#include <thread>

#include "actors/executor/query_runner.hpp"
#include "tests/support/servers.hpp"

namespace medha {
namespace {

using medha::testing::postgres_server;

constexpr const char* test_db = "medha_query_runner";

class query_runner_test : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    auto& pg = postgres_server::shared();
    pg.create_database(test_db);
    pqxx::connection conn(pg.conninfo(test_db));
    pqxx::work txn(conn);
    txn.exec(R"sql(
      CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
      CREATE SEQUENCE s;
      CREATE TABLE items (
        id integer PRIMARY KEY,
        name text NOT NULL,
        price numeric(10,2),
        sold_on date,
        active boolean,
        note text,
        feeling mood
      );
      INSERT INTO items VALUES
        (1, 'apple', 1.50, '2024-01-02', true, NULL, 'happy'),
        (2, 'pear', NULL, NULL, false, 'ripe', NULL),
        (3, 'plum', 3.00, '2024-03-04', NULL, '', 'sad');
    )sql");
    txn.commit();
  }

  std::string conninfo() const { return postgres_server::shared().conninfo(test_db); }
};

TEST_F(query_runner_test, returns_rows_types_and_nulls) {
  query_runner runner(conninfo());
  auto out = runner.run("SELECT id, name, price, sold_on, active, note FROM items ORDER BY id");
  ASSERT_TRUE(out.ok()) << out.error->message;
  auto& rs = *out.result;
  ASSERT_EQ(rs.columns.size(), 6u);
  EXPECT_EQ(rs.columns[0].name, "id");
  EXPECT_EQ(rs.columns[0].type, "integer");
  EXPECT_EQ(rs.columns[1].type, "text");
  EXPECT_EQ(rs.columns[2].type, "numeric");
  EXPECT_EQ(rs.columns[3].type, "date");
  EXPECT_EQ(rs.columns[4].type, "boolean");
  ASSERT_EQ(rs.rows.size(), 3u);
  EXPECT_EQ(rs.row_count, 3u);
  EXPECT_FALSE(rs.truncated);
  EXPECT_EQ(rs.rows[0][1], std::optional<std::string>("apple"));
  EXPECT_EQ(rs.rows[0][2], std::optional<std::string>("1.50"));
  EXPECT_EQ(rs.rows[0][3], std::optional<std::string>("2024-01-02"));
  EXPECT_EQ(rs.rows[0][4], std::optional<std::string>("t"));
  EXPECT_FALSE(rs.rows[0][5].has_value()); // NULL
  EXPECT_FALSE(rs.rows[1][2].has_value());
  EXPECT_EQ(rs.rows[2][5], std::optional<std::string>("")); // empty string is not NULL
  EXPECT_GT(rs.elapsed_ms, 0.0);
}

TEST_F(query_runner_test, names_computed_and_user_defined_types) {
  query_runner runner(conninfo());
  auto out = runner.run("SELECT count(*) AS n, sum(price) AS total, avg(id)::float8 AS mean, "
                        "max(feeling) AS best, now() AS at FROM items");
  ASSERT_TRUE(out.ok()) << out.error->message;
  auto& cols = out.result->columns;
  EXPECT_EQ(cols[0].name, "n");
  EXPECT_EQ(cols[0].type, "bigint");
  EXPECT_EQ(cols[1].type, "numeric");
  EXPECT_EQ(cols[2].type, "double precision");
  EXPECT_EQ(cols[3].type, "mood"); // looked up in pg_type
  EXPECT_EQ(cols[4].type, "timestamp with time zone");
  EXPECT_EQ(out.result->rows[0][3], std::optional<std::string>("happy"));
}

TEST_F(query_runner_test, caps_rows_and_stops_reading) {
  query_runner runner(conninfo());
  auto out = runner.run("SELECT g FROM generate_series(1, 2500) g", {15000, 1000});
  ASSERT_TRUE(out.ok()) << out.error->message;
  EXPECT_EQ(out.result->rows.size(), 1000u);
  EXPECT_EQ(out.result->row_count, 1001u); // the kept rows and the one that showed there is more
  EXPECT_TRUE(out.result->truncated);
  EXPECT_EQ(out.result->rows.back()[0], std::optional<std::string>("1000"));
}

TEST_F(query_runner_test, exactly_the_cap_is_not_truncated) {
  query_runner runner(conninfo());
  auto out = runner.run("SELECT g FROM generate_series(1, 10) g", {15000, 10});
  ASSERT_TRUE(out.ok()) << out.error->message;
  EXPECT_EQ(out.result->rows.size(), 10u);
  EXPECT_EQ(out.result->row_count, 10u);
  EXPECT_FALSE(out.result->truncated);
}

TEST_F(query_runner_test, zero_cap_returns_columns_only) {
  query_runner runner(conninfo());
  auto out = runner.run("SELECT id FROM items", {15000, 0});
  ASSERT_TRUE(out.ok()) << out.error->message;
  EXPECT_EQ(out.result->columns.size(), 1u);
  EXPECT_TRUE(out.result->rows.empty());
  EXPECT_TRUE(out.result->truncated);
}

TEST_F(query_runner_test, caps_bytes_as_well_as_rows) {
  query_runner runner(conninfo());
  // 1000 rows of 1000 bytes; 10 000 bytes hold 10 of them.
  auto out = runner.run("SELECT repeat('x', 1000) AS v FROM generate_series(1, 1000) g",
                        {15000, 100000, 10000});
  ASSERT_TRUE(out.ok()) << out.error->message;
  EXPECT_EQ(out.result->rows.size(), 10u);
  EXPECT_TRUE(out.result->truncated);
  auto small = runner.run("SELECT repeat('x', 10) AS v FROM generate_series(1, 5) g", {15000, 100, 10000});
  ASSERT_TRUE(small.ok()) << small.error->message;
  EXPECT_EQ(small.result->rows.size(), 5u);
  EXPECT_FALSE(small.result->truncated);
}

TEST_F(query_runner_test, a_truncated_result_never_runs_the_rest_of_the_query) {
  query_runner runner(conninfo());
  // 900 million rows: the first come at once, reading (or counting) them all
  // would take minutes, far past this generous timeout.
  auto start = std::chrono::steady_clock::now();
  auto out = runner.run("SELECT a FROM generate_series(1, 30000) a CROSS JOIN generate_series(1, 30000) b",
                        {20000, 5});
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  ASSERT_TRUE(out.ok()) << out.error->message;
  EXPECT_EQ(out.result->rows.size(), 5u);
  EXPECT_TRUE(out.result->truncated);
  EXPECT_LT(ms.count(), 3000) << "the rest of the query ran";
  // The same through the byte cap.
  start = std::chrono::steady_clock::now();
  auto bytes = runner.run("SELECT a FROM generate_series(1, 30000) a CROSS JOIN generate_series(1, 30000) b",
                          {20000, 1000000, 100});
  ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  ASSERT_TRUE(bytes.ok()) << bytes.error->message;
  EXPECT_TRUE(bytes.result->truncated);
  EXPECT_LT(ms.count(), 3000) << "the rest of the query ran";
}

TEST_F(query_runner_test, reads_only_the_given_relations) {
  query_runner runner(conninfo());
  relation_set model{"public.items"};
  EXPECT_TRUE(runner.run("SELECT count(*) FROM items", {}, &model).ok());
  relation_set other{"public.other"};
  auto out = runner.run("SELECT count(*) FROM items", {}, &other);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error->code, error_code::unsafe_sql);
  EXPECT_NE(out.error->message.find("relation_not_allowed:items"), std::string::npos) << out.error->message;
  EXPECT_EQ(runner.run("SELECT * FROM pg_stat_activity").error->code, error_code::unsafe_sql);
}

TEST_F(query_runner_test, statement_timeout_is_query_timeout) {
  query_runner runner(conninfo());
  auto out = runner.run("SELECT count(*) FROM generate_series(1, 100000) a "
                        "CROSS JOIN generate_series(1, 100000) b",
                        {200, 1000});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error->code, error_code::query_timeout) << out.error->message;
  EXPECT_NE(out.error->message.find("200 ms"), std::string::npos) << out.error->message;
  // The connection is still usable afterwards.
  auto again = runner.run("SELECT 1");
  EXPECT_TRUE(again.ok()) << again.error->message;
}

TEST_F(query_runner_test, cancel_stops_the_statement_on_the_server) {
  query_runner runner(conninfo());
  auto canceller = runner.canceller();
  result_or_error out;
  auto started = std::chrono::steady_clock::now();
  // Runs for far longer than the test if nothing stops it (timeout 10 min).
  std::thread query([&] {
    out = runner.run("SELECT count(*) FROM generate_series(1, 100000) a "
                     "CROSS JOIN generate_series(1, 100000) b",
                     {600000, 1000}, nullptr, "q1");
  });
  // Wait until the server runs it, then cancel from this thread.
  pqxx::connection watcher(conninfo());
  for (int i = 0; i < 200; ++i) {
    pqxx::nontransaction tx(watcher);
    auto r = tx.exec("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                     "AND query LIKE '%generate_series%' AND pid <> pg_backend_pid()");
    if (r[0][0].as<int>() > 0)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_FALSE(canceller->cancel("another query")) << "only the named query is stopped";
  EXPECT_TRUE(canceller->cancel("q1"));
  query.join();
  // A generous bound: uncancelled, the statement would run for minutes.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(60));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error->code, error_code::cancelled) << out.error->message;
  auto again = runner.run("SELECT 1");
  EXPECT_TRUE(again.ok()) << again.error->message;
}

// The commit comes after the result (finish()): until then the runner's
// backend is idle in its read-only transaction; finish() or the next run ends it.
TEST_F(query_runner_test, the_transaction_ends_after_the_result) {
  query_runner runner(conninfo());
  pqxx::connection watcher(conninfo());
  auto read_states = [&] {
    pqxx::nontransaction tx(watcher);
    auto r = tx.exec("SELECT state FROM pg_stat_activity WHERE datname = current_database()"
                     " AND backend_type = 'client backend' AND pid <> pg_backend_pid()");
    std::vector<std::string> out;
    for (auto row : r)
      out.push_back(row[0].c_str());
    return out;
  };
  // A backend of an earlier test's closed connection may still be on its
  // way out (its exit is not waited for); give it up to 5 s to go.
  auto states = [&] {
    auto out = read_states();
    for (int i = 0; i < 100 && out.size() > 1; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      out = read_states();
    }
    return out;
  };
  ASSERT_TRUE(runner.run("SELECT id FROM items").ok());
  EXPECT_EQ(states(), std::vector<std::string>{"idle in transaction"});
  runner.finish();
  EXPECT_EQ(states(), std::vector<std::string>{"idle"});
  ASSERT_TRUE(runner.run("SELECT id FROM items").ok());
  auto again = runner.run("SELECT name FROM items ORDER BY id"); // finishes the last one first
  ASSERT_TRUE(again.ok()) << again.error->message;
  EXPECT_EQ(*again.result->rows[0][0], "apple");
  runner.finish();
  runner.finish(); // nothing left to end
  EXPECT_EQ(states(), std::vector<std::string>{"idle"});
}

TEST_F(query_runner_test, sequence_writes_are_refused) {

  query_runner runner(conninfo());
  // nextval writes; it is in no safe family, so the guard refuses it (the
  // READ ONLY transaction would refuse it too).
  auto out = runner.run("SELECT nextval('s')");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error->code, error_code::unsafe_sql);
  EXPECT_NE(out.error->message.find("function_not_allowed:nextval"), std::string::npos) << out.error->message;
}

TEST_F(query_runner_test, guard_rejects_writes_before_they_run) {
  query_runner runner(conninfo());
  auto out = runner.run("DELETE FROM items");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error->code, error_code::unsafe_sql);
  auto left = runner.run("SELECT count(*) FROM items");
  ASSERT_TRUE(left.ok()) << left.error->message;
  EXPECT_EQ(left.result->rows[0][0], std::optional<std::string>("3"));
  EXPECT_EQ(runner.run("SELECT 1; DELETE FROM items").error->code, error_code::unsafe_sql);
  EXPECT_EQ(runner.run("SELECT pg_sleep(5)").error->code, error_code::unsafe_sql);
}

TEST_F(query_runner_test, bad_sql_is_query_failed_with_postgres_message) {
  query_runner runner(conninfo());
  auto out = runner.run("SELECT * FROM no_such_table");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error->code, error_code::query_failed);
  EXPECT_NE(out.error->message.find("relation \"no_such_table\" does not exist"), std::string::npos)
    << out.error->message;
  auto column = runner.run("SELECT nope FROM items");
  EXPECT_EQ(column.error->code, error_code::query_failed);
  EXPECT_NE(column.error->message.find("nope"), std::string::npos) << column.error->message;
  auto division = runner.run("SELECT 1 / 0");
  EXPECT_EQ(division.error->code, error_code::query_failed);
  auto syntax = runner.run("SELEC 1");
  EXPECT_EQ(syntax.error->code, error_code::query_failed);
  EXPECT_TRUE(runner.run("SELECT 1").ok()); // failures leave the connection usable
}

TEST_F(query_runner_test, unreachable_server_is_datasource_unavailable_without_password) {
  query_runner runner("host=127.0.0.1 port=1 dbname=x user=u password=sekret");
  auto out = runner.run("SELECT 1");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error->code, error_code::datasource_unavailable);
  EXPECT_NE(out.error->message.find("127.0.0.1:1"), std::string::npos) << out.error->message;
  EXPECT_EQ(out.error->message.find("sekret"), std::string::npos) << out.error->message;
  EXPECT_FALSE(runner.ping());
}

TEST_F(query_runner_test, invalid_conninfo_is_datasource_unavailable) {
  query_runner runner("this is not = a 'conninfo");
  auto out = runner.run("SELECT 1");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error->code, error_code::datasource_unavailable);
}

TEST_F(query_runner_test, ping_and_uri_conninfo) {
  query_runner runner(conninfo());
  EXPECT_TRUE(runner.ping());
  // The same server through a URI, which is normalized the same way.
  pqxx::connection probe(conninfo());
  std::string uri = "postgresql://" + std::string(probe.username()) + "@" + probe.hostname() + ":"
                    + probe.port() + "/" + test_db;
  query_runner by_uri(uri);
  auto out = by_uri.run("SELECT name FROM items WHERE id = 1"); // only this database has it
  ASSERT_TRUE(out.ok()) << out.error->message;
  EXPECT_EQ(out.result->rows[0][0], std::optional<std::string>("apple"));
}

// Stops the shared server: restarted by the guard below even when a check fails.
TEST_F(query_runner_test, server_down_then_back_reconnects) {
  auto& pg = postgres_server::shared();
  query_runner runner(conninfo());
  ASSERT_TRUE(runner.run("SELECT 1").ok());

  struct restart_on_exit {
    postgres_server& pg;
    bool stopped = false;
    ~restart_on_exit() {
      if (stopped)
        pg.start();
    }
  } restarter{pg};
  pg.stop();
  restarter.stopped = true;

  auto down = runner.run("SELECT 1");
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.error->code, error_code::datasource_unavailable) << down.error->message;
  EXPECT_FALSE(runner.ping());

  pg.start();
  restarter.stopped = false;
  auto back = runner.run("SELECT count(*) FROM items");
  ASSERT_TRUE(back.ok()) << back.error->message;
  EXPECT_EQ(back.result->rows[0][0], std::optional<std::string>("3"));
  EXPECT_TRUE(runner.ping());
}

} // namespace
} // namespace medha
