// The guard's accept/reject table: pure, no database. Each row says what the
// SQL is and what the guard must answer, so a failure names the case.

#include <gtest/gtest.h>

#include <string>

#include "actors/executor/function_denylist.hpp"
#include "actors/executor/function_families.hpp"
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
  {"VALUES (1, 'a'), (2, 'b')", true},
  {"TABLE orders", true},
  {"SELECT date_trunc('month', ordered_at), sum(total) FROM orders GROUP BY 1 ORDER BY 1", true},
  {"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY total) FROM orders", true},
  {"SELECT CASE WHEN total > 100 THEN 'big' ELSE 'small' END FROM orders", true},
  {"SELECT * FROM generate_series(1, 10) g", true},
  {"SELECT x::text, CAST(y AS numeric(10,2)) FROM t", true},
  {"SELECT * FROM orders FETCH FIRST 10 ROWS ONLY", true},
  {"SELECT * FROM orders LIMIT 10 OFFSET 5", true},
  {"SELECT json_agg(o) FROM orders o", true},
  {"SELECT \"pg_sleep\" FROM weird_table", true}, // a column, not a call
  {"SELECT now(), coalesce(NULL, 1), lower('A'), pg_catalog.upper('b')", true},
  {"SELECT EXTRACT(YEAR FROM d), TO_CHAR(d, 'YYYY-MM'), d + INTERVAL '1 day' FROM t", true},
  {"SELECT name FROM t WHERE name ILIKE '%a%' AND name NOT LIKE 'b%' AND x BETWEEN 1 AND 2", true},
  {"SELECT NULLIF(a, 0), GREATEST(a, b), LEAST(a, b), ROUND(a::numeric, 2) FROM t", true},
  {"SELECT string_agg(name, ', ' ORDER BY name), count(DISTINCT id) FROM t", true},
  {"SELECT data->>'k', data #>> '{a,b}' FROM t WHERE tags @> ARRAY['x']", true},
  {"SELECT * FROM t, unnest(t.tags) AS u(tag)", true},
  {"SELECT * FROM generate_series(1, 1000000) g", true}, // exactly at the bound
  {"SELECT current_date, CURRENT_TIMESTAMP, localtime", true},
  {"SELECT CAST(x AS DOUBLE PRECISION), x::varchar(10), '2024-01-01'::date FROM t", true},
  {"SELECT date(ts), text(id) FROM t", true},
  {"SELECT * FROM t WHERE id = ANY(ARRAY[1, 2]) AND id IS DISTINCT FROM 3", true},
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
  // a set operation's arms are SelectStmts the parse tree does not name
  {"(SELECT * FROM t FOR UPDATE) UNION SELECT * FROM t", false},
  {"SELECT 1 AS a INTO t3 UNION SELECT 2", false},
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
  // outside the allowlist
  {"SELECT current_setting('TimeZone')", false},
  {"SELECT version()", false},
  {"SELECT inet_server_addr()", false},
  {"SELECT current_user", false},
  {"SELECT nextval('s')", false},
  {"SELECT ts_stat('SELECT 1')", false},
  {"SELECT * FROM ts_rewrite('a'::tsquery, 'SELECT 1')", false},
  {"SELECT \"Lower\"('A')", false}, // quoted: another function than lower
  {"SELECT public.lower('A')", false},
  {"SELECT * FROM lower('A')", false},   // not a set-returning function
  {"SELECT 'pg_class'::regclass", false},
  {"SELECT x::mood FROM t", false},
  {"SELECT * FROM pg_class", false},
  {"SELECT * FROM pg_catalog.pg_class", false},
  {"SELECT * FROM information_schema.tables", false},
  {"SELECT * FROM pg_stat_activity", false},
  {"SELECT * FROM db.public.t", false},
  {"SELECT * FROM t TABLESAMPLE SYSTEM (1)", false},
  {"SELECT * FROM XMLTABLE('/a' PASSING '<a/>' COLUMNS x int)", false},
  {"SELECT * FROM generate_series(1, 100000000) g", false},
  {"SELECT generate_series(-1000000000, 0)", false},
  {"SELECT * FROM generate_series('2020-01-01'::timestamp, '2030-01-01', '1 second')", false},
  {"SELECT repeat('x', 1000000000)", false},
  {"SELECT 1 OPERATOR(public.+) 1", false},
  {"SELECT a <-> b FROM t", false},
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

// The rule id names what refused the statement, stable for check-sql and logs.
struct rule_case {
  const char* sql;
  const char* rule;
};

TEST(sql_guard, refusals_name_their_rule) {
  const rule_case cases[] = {
    {"DELETE FROM t", "not_select"},
    {"SELECT 1; SELECT 2", "multiple_statements"},
    {"WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "data_modifying_cte"},
    {"SELECT 1 INTO x", "select_into"},
    {"SELECT * FROM t FOR SHARE", "locking_clause"},
    {"SELECT pg_catalog.pg_sleep(1)", "function_not_allowed:pg_catalog.pg_sleep"},
    {"SELECT QUERY_TO_XML('select 1', true, true, '')", "function_not_allowed:query_to_xml"},
    {"SELECT * FROM pg_stat_activity", "relation_not_allowed:pg_stat_activity"},
    {"SELECT * FROM generate_series(1, 2000000)", "set_returning_bound"},
    {"SELECT 'x'::regclass", "cast_not_allowed:regclass"},
    {"SELECT * FROM t TABLESAMPLE BERNOULLI (5)", "syntax_not_allowed:RangeTableSample"},
    {"SELEC 1", "syntax_error"},
    {"", "empty"},
  };
  for (auto& c : cases) {
    auto refusal = inspect_sql(c.sql);
    ASSERT_TRUE(refusal) << c.sql;
    EXPECT_EQ(refusal->rule, c.rule) << c.sql;
    auto error = check_sql(c.sql);
    ASSERT_TRUE(error) << c.sql;
    EXPECT_NE(error->message.find(std::string("(rule: ") + c.rule + ")"), std::string::npos)
      << error->message;
  }
}

TEST(sql_guard, relations_are_the_models_tables) {
  const relation_set model{"public.orders", "sales.customers"};
  auto rule = [&](const char* sql) {
    auto r = inspect_sql(sql, &model);
    return r ? r->rule : std::string("accept");
  };
  EXPECT_EQ(rule("SELECT * FROM orders"), "accept");
  EXPECT_EQ(rule("SELECT * FROM public.orders o JOIN customers c ON c.id = o.customer_id"), "accept");
  EXPECT_EQ(rule("SELECT * FROM sales.customers"), "accept");
  EXPECT_EQ(rule("SELECT * FROM secrets"), "relation_not_allowed:secrets");
  EXPECT_EQ(rule("SELECT * FROM public.customers"), "relation_not_allowed:public.customers");
  EXPECT_EQ(rule("SELECT * FROM orders WHERE id IN (SELECT id FROM payroll)"),
            "relation_not_allowed:payroll");
  // CTE names are relations inside their statement only.
  EXPECT_EQ(rule("WITH s AS (SELECT * FROM orders) SELECT * FROM s"), "accept");
  EXPECT_EQ(rule("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) "
                 "SELECT * FROM r"),
            "accept");
  EXPECT_EQ(rule("SELECT * FROM (WITH s AS (SELECT 1) SELECT * FROM s) a, s"),
            "relation_not_allowed:s");
  // Without RECURSIVE a CTE sees only the ones before it: `b` here is a table.
  EXPECT_EQ(rule("WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a"),
            "relation_not_allowed:b");
  EXPECT_EQ(rule("(WITH s AS (SELECT * FROM orders) SELECT * FROM s) UNION SELECT 1"), "accept");
  // A CTE may shadow a catalog name; the real catalog stays out of reach.
  EXPECT_EQ(rule("WITH pg_class AS (SELECT 1) SELECT * FROM pg_class"), "accept");
  EXPECT_EQ(rule("SELECT * FROM (WITH pg_class AS (SELECT 1) SELECT * FROM pg_class) a, pg_class"),
            "relation_not_allowed:pg_class");
  // Offline (no model), only system relations are refused.
  EXPECT_FALSE(inspect_sql("SELECT * FROM secrets"));
}

TEST(function_families, no_family_holds_a_denied_function) {
  size_t names = 0;
  for (auto& family : safe_function_families()) {
    EXPECT_FALSE(family.functions.empty()) << family.name;
    for (auto f : family.functions) {
      ++names;
      EXPECT_FALSE(is_denied_function(f)) << family.name << ": " << f;
      EXPECT_EQ(f.rfind("pg_", 0), std::string_view::npos) << family.name << ": " << f;
    }
  }
  EXPECT_GT(names, 150u);
  EXPECT_EQ(family_of("date_trunc"), std::optional<std::string_view>("date_time"));
  EXPECT_EQ(family_of("percentile_cont"), std::optional<std::string_view>("aggregate"));
  EXPECT_FALSE(family_of("query_to_xml"));
  EXPECT_FALSE(family_of("LOWER")); // case matters: the parser folds unquoted names
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
  EXPECT_TRUE(is_denied_function("current_setting"));
  EXPECT_TRUE(is_denied_function("ts_stat"));
  EXPECT_FALSE(is_denied_function("log")); // not lo_
  EXPECT_FALSE(is_denied_function("pg_size_pretty"));
}

// The guard remembers statements it passed (a turn's SQL is checked twice),
// but a verdict holds only for the relations it was given: the same text
// against other relations is checked again, and a refusal is never remembered.
TEST(sql_guard_memo, a_pass_holds_only_for_the_same_relations) {
  const std::string sql = "SELECT name FROM public.memo_customers";
  relation_set allowed{"public.memo_customers"};
  relation_set other{"public.memo_orders"};
  EXPECT_FALSE(check_sql(sql, &allowed));
  EXPECT_FALSE(check_sql(sql, &allowed)); // remembered
  auto refused = check_sql(sql, &other);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, error_code::unsafe_sql);
  EXPECT_TRUE(check_sql(sql, &other)); // still refused the second time
  relation_set wider{"public.memo_customers", "public.memo_orders"};
  EXPECT_FALSE(check_sql(sql, &wider));
  EXPECT_TRUE(check_sql("SELECT pg_sleep(1) FROM public.memo_customers", &allowed));
}

} // namespace
} // namespace medha
