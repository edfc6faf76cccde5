// The guard's accept/reject table: pure, no database. Each row says what the
// SQL is and what the guard must answer, so a failure names the case.

#include <gtest/gtest.h>

#include <string>

#include "actors/executor/function_denylist.hpp"
#include "actors/executor/sql_guard.hpp"

namespace medha {
namespace {

struct guard_case {
  const char* sql;
  bool allowed;
  error_code code = error_code::unsafe_sql; // when rejected
};

void PrintTo(const guard_case& c, std::ostream* os) { *os << c.sql; }

class guard_table : public ::testing::TestWithParam<guard_case> {};

TEST_P(guard_table, answers_as_expected) {
  auto& c = GetParam();
  auto verdict = check_sql(c.sql);
  if (c.allowed) {
    EXPECT_FALSE(verdict.has_value()) << c.sql << "\n  rejected: " << verdict->message;
  } else {
    ASSERT_TRUE(verdict.has_value()) << c.sql << "\n  was allowed";
    EXPECT_EQ(verdict->code, c.code) << c.sql << "\n  message: " << verdict->message;
    EXPECT_FALSE(verdict->message.empty());
  }
}

const guard_case allowed_cases[] = {
  {"SELECT 1", true},
  {"select 1;", true},
  {"SELECT * FROM orders", true},
  {"SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id", true},
  {"SELECT count(*) FROM orders WHERE status <> 'cancelled' GROUP BY 1 HAVING count(*) > 2", true},
  {"SELECT DISTINCT ON (customer_id) * FROM orders ORDER BY customer_id, ordered_at DESC", true},
  {"WITH t AS (SELECT 1 AS x) SELECT x FROM t", true},
  {"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r", true},
  {"WITH a AS (SELECT 1), b AS MATERIALIZED (SELECT 2) SELECT * FROM a, b", true},
  {"SELECT 1 UNION SELECT 2", true},
  {"SELECT 1 INTERSECT SELECT 1 EXCEPT SELECT 2", true},
  {"SELECT id, sum(total) OVER (PARTITION BY customer_id ORDER BY ordered_at) FROM orders", true},
  {"SELECT rank() OVER w FROM orders WINDOW w AS (ORDER BY total DESC)", true},
  {"SELECT * FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE country = 'IN')", true},
  {"SELECT * FROM (SELECT id FROM orders) sub", true},
  {"SELECT EXISTS (SELECT 1 FROM orders)", true},
  {"SELECT * FROM orders o, LATERAL (SELECT * FROM items i WHERE i.order_id = o.id LIMIT 1) x", true},
  {"-- a leading comment\nSELECT 1", true},
  {"SELECT /* inline; DROP TABLE x */ 1", true},
  {"SELECT 'DELETE FROM t; pg_sleep(10)' AS text_only", true},
  {"SELECT \"pg_sleep\" FROM weird_table", true}, // a column, not a call
  {"VALUES (1, 'a'), (2, 'b')", true},
  {"TABLE orders", true},
  {"SELECT date_trunc('month', ordered_at), sum(total) FROM orders GROUP BY 1 ORDER BY 1", true},
  {"SELECT current_setting('TimeZone')", true},
  {"SELECT now(), version(), coalesce(NULL, 1), lower('A')", true},
  {"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY total) FROM orders", true},
  {"SELECT CASE WHEN total > 100 THEN 'big' ELSE 'small' END FROM orders", true},
  {"SELECT * FROM generate_series(1, 10) g", true},
  {"SELECT nextval('s')", true}, // left to the READ ONLY transaction
  {"SELECT x::text, CAST(y AS numeric(10,2)) FROM t", true},
  {"SELECT * FROM orders FETCH FIRST 10 ROWS ONLY", true},
  {"SELECT * FROM orders LIMIT 10 OFFSET 5", true},
  {"SELECT json_agg(o) FROM orders o", true},
};

const guard_case rejected_cases[] = {
  // not a SELECT at all
  {"INSERT INTO t VALUES (1)", false},
  {"UPDATE t SET x = 1", false},
  {"DELETE FROM t", false},
  {"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", false},
  {"TRUNCATE t", false},
  {"CREATE TABLE x (id int)", false},
  {"CREATE TABLE x AS SELECT 1", false},
  {"ALTER TABLE t ADD COLUMN y int", false},
  {"DROP TABLE t", false},
  {"CREATE INDEX ON t (x)", false},
  {"CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql", false},
  {"GRANT SELECT ON t TO public", false},
  {"COPY t TO '/tmp/x'", false},
  {"COPY (SELECT 1) TO PROGRAM 'id'", false},
  {"SET statement_timeout = 0", false},
  {"SHOW search_path", false},
  {"DO $$ BEGIN PERFORM 1; END $$", false},
  {"CALL do_things()", false},
  {"VACUUM t", false},
  {"ANALYZE t", false},
  {"EXPLAIN ANALYZE DELETE FROM t", false},
  {"EXPLAIN SELECT 1", false},
  {"BEGIN", false},
  {"LOCK TABLE t", false},
  {"PREPARE p AS SELECT 1", false},
  {"LISTEN x", false},
  {"NOTIFY x", false},
  {"DECLARE c CURSOR FOR SELECT 1", false},
  {"REFRESH MATERIALIZED VIEW mv", false},
  // several statements
  {"SELECT 1; DROP TABLE x", false},
  {"SELECT 1; SELECT 2", false},
  // empty
  {"", false},
  {"  -- only a comment", false},
  // SELECT in disguise
  {"WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", false},
  {"WITH u AS (UPDATE t SET x = 1 RETURNING x) SELECT * FROM u", false},
  {"WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT 1", false},
  {"SELECT * FROM (WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d) s", false},
  {"SELECT 1 INTO new_table", false},
  {"SELECT * INTO TEMP t2 FROM t", false},
  {"SELECT * FROM t FOR UPDATE", false},
  {"SELECT * FROM t FOR SHARE", false},
  {"SELECT * FROM t FOR NO KEY UPDATE SKIP LOCKED", false},
  {"SELECT * FROM (SELECT * FROM t FOR UPDATE) s", false},
  {"SELECT 1 UNION SELECT 2 FOR KEY SHARE", false},
  // denied functions, anywhere, qualified or not
  {"SELECT pg_sleep(10)", false},
  {"SELECT * FROM t WHERE id IN (SELECT pg_sleep(1))", false},
  {"SELECT pg_catalog.pg_sleep(1)", false},
  {"SELECT PG_SLEEP(1)", false},
  {"SELECT pg_sleep_for('1 minute')", false},
  {"SELECT * FROM pg_sleep(1)", false},
  {"WITH s AS (SELECT pg_sleep(1)) SELECT * FROM s", false},
  {"SELECT CASE WHEN true THEN pg_sleep(1) END", false},
  {"SELECT pg_read_file('/etc/passwd')", false},
  {"SELECT pg_catalog.pg_read_binary_file('/etc/passwd')", false},
  {"SELECT * FROM pg_ls_dir('.')", false},
  {"SELECT pg_stat_file('postgresql.conf')", false},
  {"SELECT * FROM dblink('host=evil', 'SELECT 1') AS t(x int)", false},
  {"SELECT public.dblink_exec('DROP TABLE t')", false},
  {"SELECT lo_import('/etc/passwd')", false},
  {"SELECT lo_export(1, '/tmp/x')", false},
  {"SELECT set_config('statement_timeout', '0', false)", false},
  {"SELECT pg_terminate_backend(1)", false},
  {"SELECT pg_cancel_backend(1)", false},
  {"SELECT pg_reload_conf()", false},
  {"SELECT pg_rotate_logfile()", false},
  {"SELECT query_to_xml('DELETE FROM t RETURNING *', true, true, '')", false},
  {"SELECT pg_advisory_lock(1)", false},
  {"SELECT pg_try_advisory_xact_lock(1)", false},
  {"SELECT txid_current()", false},
  {"SELECT setval('s', 1)", false},
  {"SELECT count(*) FILTER (WHERE pg_sleep(1) IS NULL) FROM t", false},
};

INSTANTIATE_TEST_SUITE_P(allowed, guard_table, ::testing::ValuesIn(allowed_cases));
INSTANTIATE_TEST_SUITE_P(rejected, guard_table, ::testing::ValuesIn(rejected_cases));

TEST(sql_guard, syntax_error_is_query_failed_with_position) {
  auto verdict = check_sql("SELEC 1");
  ASSERT_TRUE(verdict);
  EXPECT_EQ(verdict->code, error_code::query_failed);
  EXPECT_NE(verdict->message.find("syntax error"), std::string::npos) << verdict->message;
  EXPECT_NE(verdict->message.find("at character 1"), std::string::npos) << verdict->message;
}

TEST(sql_guard, syntax_error_position_points_into_the_query) {
  auto verdict = check_sql("SELECT a FROM t WHERE");
  ASSERT_TRUE(verdict);
  EXPECT_EQ(verdict->code, error_code::query_failed);
  EXPECT_NE(verdict->message.find("at character 22"), std::string::npos) << verdict->message;
}

TEST(sql_guard, messages_name_the_problem) {
  EXPECT_NE(check_sql("SELECT 1; DROP TABLE x")->message.find("2 statements"), std::string::npos);
  EXPECT_NE(check_sql("DELETE FROM t")->message.find("DELETE"), std::string::npos);
  EXPECT_NE(check_sql("SET x = 1")->message.find("SET"), std::string::npos);
  EXPECT_NE(check_sql("SELECT pg_catalog.pg_sleep(1)")->message.find("pg_sleep"), std::string::npos);
  EXPECT_NE(check_sql("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d")->message.find("DELETE"),
            std::string::npos);
  EXPECT_NE(check_sql("SELECT 1 INTO x")->message.find("SELECT INTO"), std::string::npos);
  EXPECT_NE(check_sql("SELECT * FROM t FOR UPDATE")->message.find("FOR UPDATE"), std::string::npos);
}

TEST(sql_guard, embedded_nul_is_rejected) {
  std::string sql("SELECT 1\0; DROP TABLE t", 23);
  auto verdict = check_sql(sql);
  ASSERT_TRUE(verdict);
  EXPECT_EQ(verdict->code, error_code::unsafe_sql);
}

TEST(sql_guard, deeply_nested_query_is_walked) {
  // Nested scalar subqueries make a JSON tree far deeper than Boost.JSON's
  // default depth limit of 32.
  std::string sql;
  for (int i = 0; i < 40; ++i)
    sql += "SELECT (";
  sql += "SELECT pg_sleep(1)";
  for (int i = 0; i < 40; ++i)
    sql += ")";
  auto verdict = check_sql(sql);
  ASSERT_TRUE(verdict);
  EXPECT_EQ(verdict->code, error_code::unsafe_sql) << verdict->message;
}

TEST(function_denylist, families_and_case) {
  EXPECT_TRUE(is_denied_function("pg_sleep_until"));
  EXPECT_TRUE(is_denied_function("DBLINK_CONNECT"));
  EXPECT_TRUE(is_denied_function("lo_unlink"));
  EXPECT_TRUE(is_denied_function("pg_ls_waldir"));
  EXPECT_FALSE(is_denied_function("lower"));
  EXPECT_FALSE(is_denied_function("current_setting"));
  EXPECT_FALSE(is_denied_function("log")); // not lo_
  EXPECT_FALSE(is_denied_function("pg_size_pretty"));
}

} // namespace
} // namespace medha
