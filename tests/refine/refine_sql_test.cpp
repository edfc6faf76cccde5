// The refinement table: (SQL, refine body) → the deparsed SQL or an error code.
// Pure: libpg_query only, no database. Every SQL produced must parse again, as
// exactly one statement, and be a fixed point of parse + deparse.

#include <gtest/gtest.h>

#include <pg_query.h>

#include <string>
#include <variant>

#include "actors/refine/refine_sql.hpp"

namespace medha {
namespace {

struct refine_case {
  const char* name; // a gtest-safe name for the row
  const char* sql;
  const char* body;
  const char* expected;                      // nullptr: an error is expected
  const char* message_has = nullptr;         // when an error is expected: part of its message
  error_code code = error_code::bad_request; // when an error is expected
};

void PrintTo(const refine_case& c, std::ostream* os) {
  *os << c.sql << "  +  " << c.body;
}

std::variant<std::string, medha_error> run(const char* sql, const char* body) {
  auto r = parse_refinement(body);
  if (auto* e = std::get_if<medha_error>(&r))
    return *e;
  return refine_sql(sql, std::get<refinement>(r));
}

// Number of statements, or -1 when the SQL does not parse.
int statement_count(const std::string& sql, std::string* json = nullptr) {
  auto r = pg_query_parse(sql.c_str());
  int n = -1;
  if (!r.error) {
    std::string tree = r.parse_tree;
    n = 0;
    for (size_t at = tree.find("\"stmt\":"); at != std::string::npos;
         at = tree.find("\"stmt\":", at + 1))
      ++n;
    if (json)
      *json = tree;
  }
  pg_query_free_parse_result(r);
  return n;
}

// The SQL after one more parse + deparse (it must not change).
std::string normalised(const std::string& sql) {
  auto parsed = pg_query_parse_protobuf(sql.c_str());
  std::string out = "<parse error>";
  if (!parsed.error) {
    auto dep = pg_query_deparse_protobuf(parsed.parse_tree);
    if (!dep.error)
      out = dep.query;
    pg_query_free_deparse_result(dep);
  }
  pg_query_free_protobuf_parse_result(parsed);
  return out;
}

class refine_table : public ::testing::TestWithParam<refine_case> {};

TEST_P(refine_table, gives_expected_sql_or_error) {
  auto& c = GetParam();
  auto out = run(c.sql, c.body);
  if (c.expected) {
    auto* e = std::get_if<medha_error>(&out);
    ASSERT_EQ(e, nullptr) << c.body << "\n  error: " << e->message;
    auto& sql = std::get<std::string>(out);
    EXPECT_EQ(sql, c.expected);
    EXPECT_EQ(statement_count(sql), 1) << sql;
    EXPECT_EQ(normalised(sql), sql);
  } else {
    auto* e = std::get_if<medha_error>(&out);
    ASSERT_NE(e, nullptr) << c.body << "\n  gave: " << std::get<std::string>(out);
    EXPECT_EQ(e->code, c.code) << e->message;
    EXPECT_FALSE(e->message.empty());
    if (c.message_has) {
      EXPECT_NE(e->message.find(c.message_has), std::string::npos) << e->message;
    }
  }
}

constexpr const char* sales =
    "SELECT r.name AS region, sum(o.amount) AS revenue FROM orders o JOIN regions r ON r.id = "
    "o.region_id GROUP BY r.name ORDER BY revenue DESC LIMIT 5";
constexpr const char* customers = "SELECT id, name FROM customers";
constexpr const char* filtered = "SELECT id FROM customers WHERE active AND country = 'IN'";
constexpr const char* cte =
    "WITH big AS (SELECT customer_id, sum(amount) AS total FROM orders WHERE amount > 0 GROUP BY "
    "customer_id) SELECT c.name, big.total FROM big JOIN customers c ON c.id = big.customer_id "
    "ORDER BY big.total DESC LIMIT 10";
constexpr const char* union_sql =
    "SELECT name FROM customers WHERE active UNION SELECT name FROM suppliers WHERE rating > 3";

const refine_case add_filter_cases[] = {
    {"filter_qualified_string", customers,
     R"({"op":"add_filter","column":"regions.name","operator":"=","value":"West"})",
     "SELECT id, name FROM customers WHERE regions.name = 'West'"},
    {"filter_anded_to_existing_and", filtered,
     R"({"op":"add_filter","column":"city","operator":"<>","value":"Pune"})",
     "SELECT id FROM customers WHERE active AND country = 'IN' AND city <> 'Pune'"},
    {"filter_anded_to_existing_or", "SELECT id FROM t WHERE a = 1 OR b = 2",
     R"({"op":"add_filter","column":"c","operator":"<","value":3})",
     "SELECT id FROM t WHERE (a = 1 OR b = 2) AND c < 3"},
    {"filter_injection_stays_constant", customers,
     R"({"op":"add_filter","column":"name","operator":"=","value":"x'; DROP TABLE t; --"})",
     "SELECT id, name FROM customers WHERE name = 'x''; DROP TABLE t; --'"},
    {"filter_injection_backslash", customers,
     R"({"op":"add_filter","column":"name","operator":"like","value":"a\\'); DELETE FROM t; --%"})",
     "SELECT id, name FROM customers WHERE name LIKE E'a\\\\''); DELETE FROM t; --%'"},
    {"filter_injection_in_column_is_identifier", customers,
     R"({"op":"add_filter","column":"\"name\"\"; DROP TABLE t; --\"","operator":"=","value":1})",
     "SELECT id, name FROM customers WHERE \"name\"\"; DROP TABLE t; --\" = 1"},
    {"filter_injection_unquoted_column_refused", customers,
     R"({"op":"add_filter","column":"name; DROP TABLE t","operator":"=","value":1})", nullptr,
     "is not a column name"},
    {"filter_aggregate_alias_goes_to_having", sales,
     R"({"op":"add_filter","column":"revenue","operator":">","value":1000})",
     "SELECT r.name AS region, sum(o.amount) AS revenue FROM orders o JOIN regions r ON r.id = "
     "o.region_id GROUP BY r.name HAVING sum(o.amount) > 1000 ORDER BY revenue DESC LIMIT 5"},
    {"filter_plain_alias_goes_to_where", sales,
     R"({"op":"add_filter","column":"region","operator":"=","value":"West"})",
     "SELECT r.name AS region, sum(o.amount) AS revenue FROM orders o JOIN regions r ON r.id = "
     "o.region_id WHERE r.name = 'West' GROUP BY r.name ORDER BY revenue DESC LIMIT 5"},
    {"filter_input_column_of_grouped_query", sales,
     R"({"op":"add_filter","column":"o.status","operator":"=","value":"paid"})",
     "SELECT r.name AS region, sum(o.amount) AS revenue FROM orders o JOIN regions r ON r.id = "
     "o.region_id WHERE o.status = 'paid' GROUP BY r.name ORDER BY revenue DESC LIMIT 5"},
    {"filter_implicit_count_name", "SELECT region, count(*) FROM orders GROUP BY region",
     R"({"op":"add_filter","column":"count","operator":">=","value":5})",
     "SELECT region, count(*) FROM orders GROUP BY region HAVING count(*) >= 5"},
    {"filter_having_anded",
     "SELECT region, count(*) AS n FROM orders GROUP BY region HAVING count(*) > 1",
     R"({"op":"add_filter","column":"n","operator":"<","value":100})",
     "SELECT region, count(*) AS n FROM orders GROUP BY region HAVING count(*) > 1 AND count(*) < "
     "100"},
    {"filter_in_mixed_values", customers,
     R"({"op":"add_filter","column":"customers.tier","operator":"in","value":["gold","it's",3,2.5,true]})",
     "SELECT id, name FROM customers WHERE customers.tier IN ('gold', 'it''s', 3, 2.5, true)"},
    {"filter_ilike", customers,
     R"({"op":"add_filter","column":"name","operator":"ilike","value":"%acme%"})",
     "SELECT id, name FROM customers WHERE name ILIKE '%acme%'"},
    {"filter_is_null", customers, R"({"op":"add_filter","column":"email","operator":"is_null"})",
     "SELECT id, name FROM customers WHERE email IS NULL"},
    {"filter_is_not_null", filtered,
     R"({"op":"add_filter","column":"email","operator":"is_not_null"})",
     "SELECT id FROM customers WHERE active AND country = 'IN' AND email IS NOT NULL"},
    {"filter_quoted_identifiers", customers,
     R"({"op":"add_filter","column":"\"Order Items\".\"Unit Price\"","operator":">=","value":9.99})",
     "SELECT id, name FROM customers WHERE \"Order Items\".\"Unit Price\" >= 9.99"},
    {"filter_unquoted_folds_case", customers,
     R"({"op":"add_filter","column":"Customers.City","operator":"=","value":"Pune"})",
     "SELECT id, name FROM customers WHERE customers.city = 'Pune'"},
    {"filter_keyword_column_quoted", customers,
     R"({"op":"add_filter","column":"order","operator":"=","value":false})",
     "SELECT id, name FROM customers WHERE \"order\" = false"},
    {"filter_negative_number", customers,
     R"({"op":"add_filter","column":"balance","operator":">","value":-5})",
     "SELECT id, name FROM customers WHERE balance > -5"},
    {"filter_big_and_exponent_numbers", customers,
     R"({"op":"add_filter","column":"n","operator":"in","value":[3000000000,1e20,-0.5]})",
     "SELECT id, name FROM customers WHERE n IN (3000000000, 1e+20, -0.5)"},
    {"filter_schema_qualified", customers,
     R"({"op":"add_filter","column":"public.customers.id","operator":"=","value":7})",
     "SELECT id, name FROM customers WHERE public.customers.id = 7"},
    {"filter_cte_edits_outer_select", cte,
     R"({"op":"add_filter","column":"c.country","operator":"=","value":"IN"})",
     "WITH big AS (SELECT customer_id, sum(amount) AS total FROM orders WHERE amount > 0 GROUP BY "
     "customer_id) SELECT c.name, big.total FROM big JOIN customers c ON c.id = big.customer_id "
     "WHERE c.country = 'IN' ORDER BY big.total DESC LIMIT 10"},
    {"filter_subquery_in_alias_not_aggregate",
     "SELECT id, (SELECT count(*) FROM orders o WHERE o.cid = c.id) AS n FROM customers c",
     R"({"op":"add_filter","column":"n","operator":">","value":0})",
     "SELECT id, (SELECT count(*) FROM orders o WHERE o.cid = c.id) AS n FROM customers c WHERE "
     "(SELECT count(*) FROM orders o WHERE o.cid = c.id) > 0"},
    {"filter_union_refused", union_sql,
     R"({"op":"add_filter","column":"name","operator":"=","value":"x"})", nullptr, "UNION"},
    {"filter_window_alias_refused",
     "SELECT id, rank() OVER (ORDER BY amount DESC) AS rnk FROM orders",
     R"({"op":"add_filter","column":"rnk","operator":"<=","value":3})", nullptr, "window function"},
    {"filter_ambiguous_output_name_refused", "SELECT a.id, b.id FROM a JOIN b ON a.bid = b.id",
     R"({"op":"add_filter","column":"id","operator":"=","value":1})", nullptr, "ambiguous"},
    {"filter_ambiguous_resolved_by_qualifying", "SELECT a.id, b.id FROM a JOIN b ON a.bid = b.id",
     R"({"op":"add_filter","column":"b.id","operator":"=","value":1})",
     "SELECT a.id, b.id FROM a JOIN b ON a.bid = b.id WHERE b.id = 1"},
};

const refine_case change_limit_cases[] = {
    {"limit_replaced", sales, R"({"op":"change_limit","limit":10})",
     "SELECT r.name AS region, sum(o.amount) AS revenue FROM orders o JOIN regions r ON r.id = "
     "o.region_id GROUP BY r.name ORDER BY revenue DESC LIMIT 10"},
    {"limit_added", customers, R"({"op":"change_limit","limit":3})",
     "SELECT id, name FROM customers LIMIT 3"},
    {"limit_removed", sales, R"({"op":"change_limit","limit":null})",
     "SELECT r.name AS region, sum(o.amount) AS revenue FROM orders o JOIN regions r ON r.id = "
     "o.region_id GROUP BY r.name ORDER BY revenue DESC"},
    {"limit_keeps_offset", "SELECT id FROM t ORDER BY id LIMIT 5 OFFSET 10",
     R"({"op":"change_limit","limit":20})", "SELECT id FROM t ORDER BY id LIMIT 20 OFFSET 10"},
    {"limit_removed_keeps_offset", "SELECT id FROM t ORDER BY id LIMIT 5 OFFSET 10",
     R"({"op":"change_limit","limit":null})", "SELECT id FROM t ORDER BY id OFFSET 10"},
    {"limit_keeps_with_ties", "SELECT id FROM t ORDER BY id FETCH FIRST 3 ROWS WITH TIES",
     R"({"op":"change_limit","limit":7})",
     "SELECT id FROM t ORDER BY id FETCH FIRST 7 ROWS WITH TIES"},
    {"limit_on_union", union_sql, R"({"op":"change_limit","limit":5})",
     "SELECT name FROM customers WHERE active UNION SELECT name FROM suppliers WHERE rating > 3 "
     "LIMIT 5"},
    {"limit_on_cte", cte, R"({"op":"change_limit","limit":50})",
     "WITH big AS (SELECT customer_id, sum(amount) AS total FROM orders WHERE amount > 0 GROUP BY "
     "customer_id) SELECT c.name, big.total FROM big JOIN customers c ON c.id = big.customer_id "
     "ORDER BY big.total DESC LIMIT 50"},
    {"limit_zero_refused", customers, R"({"op":"change_limit","limit":0})", nullptr, "from 1 to"},
    {"limit_negative_refused", customers, R"({"op":"change_limit","limit":-1})", nullptr},
    {"limit_string_refused", customers, R"({"op":"change_limit","limit":"10"})", nullptr},
    {"limit_fraction_refused", customers, R"({"op":"change_limit","limit":10.5})", nullptr,
     "integer"},
    {"limit_too_big_refused", customers, R"({"op":"change_limit","limit":3000000000})", nullptr},
    {"limit_missing_refused", customers, R"({"op":"change_limit"})", nullptr},
};

const refine_case add_columns_cases[] = {
    {"columns_added_to_group_by", sales, R"({"op":"add_columns","columns":["customers.city"]})",
     "SELECT r.name AS region, sum(o.amount) AS revenue, customers.city FROM orders o JOIN regions "
     "r ON r.id = o.region_id GROUP BY r.name, customers.city ORDER BY revenue DESC LIMIT 5"},
    {"columns_plain_select", customers, R"({"op":"add_columns","columns":["city","\"E-mail\""]})",
     "SELECT id, name, city, \"E-mail\" FROM customers"},
    {"columns_total_becomes_breakdown", "SELECT count(*) AS n FROM orders",
     R"({"op":"add_columns","columns":["region"]})",
     "SELECT count(*) AS n, region FROM orders GROUP BY region"},
    {"columns_already_selected_not_repeated", customers,
     R"({"op":"add_columns","columns":["name","email"]})", "SELECT id, name, email FROM customers"},
    {"columns_already_grouped_not_regrouped",
     "SELECT region, count(*) FROM orders GROUP BY region, city",
     R"({"op":"add_columns","columns":["city"]})",
     "SELECT region, count(*), city FROM orders GROUP BY region, city"},
    {"columns_cte_outer_select", cte, R"({"op":"add_columns","columns":["c.city"]})",
     "WITH big AS (SELECT customer_id, sum(amount) AS total FROM orders WHERE amount > 0 GROUP BY "
     "customer_id) SELECT c.name, big.total, c.city FROM big JOIN customers c ON c.id = "
     "big.customer_id ORDER BY big.total DESC LIMIT 10"},
    {"columns_union_refused", union_sql, R"({"op":"add_columns","columns":["city"]})", nullptr,
     "UNION"},
    {"columns_empty_refused", customers, R"({"op":"add_columns","columns":[]})", nullptr},
    {"columns_not_strings_refused", customers, R"({"op":"add_columns","columns":[1]})", nullptr},
    {"columns_duplicate_refused", customers, R"({"op":"add_columns","columns":["a","A"]})", nullptr,
     "twice"},
    {"columns_star_refused", customers, R"({"op":"add_columns","columns":["orders.*"]})", nullptr},
};

const refine_case change_sort_cases[] = {
    {"sort_replaced", sales, R"({"op":"change_sort","column":"region","direction":"asc"})",
     "SELECT r.name AS region, sum(o.amount) AS revenue FROM orders o JOIN regions r ON r.id = "
     "o.region_id GROUP BY r.name ORDER BY region ASC LIMIT 5"},
    {"sort_added_desc", customers, R"({"op":"change_sort","column":"name","direction":"desc"})",
     "SELECT id, name FROM customers ORDER BY name DESC"},
    {"sort_default_direction_asc", "SELECT id FROM t ORDER BY a, b DESC",
     R"({"op":"change_sort","column":"t.c"})", "SELECT id FROM t ORDER BY t.c ASC"},
    {"sort_on_union", union_sql, R"({"op":"change_sort","column":"name","direction":"desc"})",
     "SELECT name FROM customers WHERE active UNION SELECT name FROM suppliers WHERE rating > 3 "
     "ORDER BY name DESC"},
    {"sort_union_qualified_refused", union_sql, R"({"op":"change_sort","column":"customers.name"})",
     nullptr, "output column name"},
    {"sort_bad_direction_refused", customers,
     R"({"op":"change_sort","column":"name","direction":"DESC"})", nullptr},
    {"sort_missing_column_refused", customers, R"({"op":"change_sort","direction":"asc"})",
     nullptr},
};

const refine_case simplify_cases[] = {
    {"simplify_grouped", sales, R"({"op":"simplify"})",
     "SELECT r.name AS region, sum(o.amount) AS revenue FROM orders o JOIN regions r ON r.id = "
     "o.region_id GROUP BY r.name"},
    {"simplify_everything",
     "SELECT DISTINCT region, count(*) FROM orders WHERE amount > 0 AND status = 'paid' GROUP BY "
     "region HAVING count(*) > 2 ORDER BY 2 DESC LIMIT 5 OFFSET 5",
     R"({"op":"simplify"})", "SELECT DISTINCT region, count(*) FROM orders GROUP BY region"},
    {"simplify_union_arms", union_sql, R"({"op":"simplify"})",
     "SELECT name FROM customers UNION SELECT name FROM suppliers"},
    {"simplify_cte_keeps_cte_where", cte, R"({"op":"simplify"})",
     "WITH big AS (SELECT customer_id, sum(amount) AS total FROM orders WHERE amount > 0 GROUP BY "
     "customer_id) SELECT c.name, big.total FROM big JOIN customers c ON c.id = big.customer_id"},
    {"simplify_extra_field_refused", customers, R"({"op":"simplify","limit":3})", nullptr},
};

const refine_case refused_cases[] = {
    {"sql_delete", "DELETE FROM orders", R"({"op":"simplify"})", nullptr, "only a SELECT"},
    {"sql_two_statements", "SELECT 1; SELECT 2", R"({"op":"simplify"})", nullptr, "exactly one"},
    {"sql_syntax_error", "SELEC id FROM t", R"({"op":"simplify"})", nullptr, "does not parse"},
    {"sql_values", "VALUES (1), (2)", R"({"op":"change_limit","limit":1})", nullptr, "VALUES"},
    {"sql_select_into", "SELECT id INTO new_t FROM t", R"({"op":"simplify"})", nullptr, "INTO"},
    {"sql_empty", "  ;  ", R"({"op":"simplify"})", nullptr},
    {"body_not_json", customers, R"({"op":"simplify")", nullptr},
    {"body_not_object", customers, R"(["simplify"])", nullptr},
    {"body_missing_op", customers, R"({"limit":3})", nullptr},
    {"body_op_not_string", customers, R"({"op":1})", nullptr},
    {"body_unknown_op", customers, R"({"op":"drop_table"})", nullptr, "unknown op"},
    {"body_unknown_field", customers,
     R"({"op":"add_filter","column":"a","operator":"=","value":1,"sql":"DROP TABLE t"})", nullptr,
     "unknown field \"sql\""},
    {"body_envelope_fields_ignored", customers,
     R"({"v":1,"conversation":"c1","op":"change_limit","limit":2})",
     "SELECT id, name FROM customers LIMIT 2"},
    {"filter_unknown_operator", customers,
     R"({"op":"add_filter","column":"a","operator":"==","value":1})", nullptr, "unknown operator"},
    {"filter_operator_case_sensitive", customers,
     R"({"op":"add_filter","column":"a","operator":"LIKE","value":"x"})", nullptr},
    {"filter_null_value", customers,
     R"({"op":"add_filter","column":"a","operator":"=","value":null})", nullptr, "is_null"},
    {"filter_missing_value", customers, R"({"op":"add_filter","column":"a","operator":"="})",
     nullptr},
    {"filter_object_value", customers,
     R"({"op":"add_filter","column":"a","operator":"=","value":{"sql":"1=1"}})", nullptr},
    {"filter_array_without_in", customers,
     R"({"op":"add_filter","column":"a","operator":"=","value":[1,2]})", nullptr, "use \"in\""},
    {"filter_in_empty", customers, R"({"op":"add_filter","column":"a","operator":"in","value":[]})",
     nullptr},
    {"filter_in_scalar", customers, R"({"op":"add_filter","column":"a","operator":"in","value":1})",
     nullptr},
    {"filter_in_nested", customers,
     R"({"op":"add_filter","column":"a","operator":"in","value":[[1]]})", nullptr},
    {"filter_like_number", customers,
     R"({"op":"add_filter","column":"a","operator":"like","value":5})", nullptr, "string pattern"},
    {"filter_is_null_with_value", customers,
     R"({"op":"add_filter","column":"a","operator":"is_null","value":1})", nullptr},
    {"filter_column_not_string", customers,
     R"({"op":"add_filter","column":["a"],"operator":"=","value":1})", nullptr},
    {"filter_column_four_parts", customers,
     R"({"op":"add_filter","column":"a.b.c.d","operator":"=","value":1})", nullptr},
    {"filter_column_empty_part", customers,
     R"({"op":"add_filter","column":"a..b","operator":"=","value":1})", nullptr},
    {"filter_column_unterminated_quote", customers,
     R"({"op":"add_filter","column":"\"a","operator":"=","value":1})", nullptr},
    {"filter_column_too_long", customers,
     R"({"op":"add_filter","column":"a234567890123456789012345678901234567890123456789012345678901234","operator":"=","value":1})",
     nullptr, "is not a column name"},
    {"filter_value_nul_char", customers,
     R"({"op":"add_filter","column":"a","operator":"=","value":"x\u0000y"})", nullptr},
};

std::string case_name(const ::testing::TestParamInfo<refine_case>& info) {
  return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(add_filter, refine_table, ::testing::ValuesIn(add_filter_cases),
                         case_name);
INSTANTIATE_TEST_SUITE_P(change_limit, refine_table, ::testing::ValuesIn(change_limit_cases),
                         case_name);
INSTANTIATE_TEST_SUITE_P(add_columns, refine_table, ::testing::ValuesIn(add_columns_cases),
                         case_name);
INSTANTIATE_TEST_SUITE_P(change_sort, refine_table, ::testing::ValuesIn(change_sort_cases),
                         case_name);
INSTANTIATE_TEST_SUITE_P(simplify, refine_table, ::testing::ValuesIn(simplify_cases), case_name);
INSTANTIATE_TEST_SUITE_P(refused, refine_table, ::testing::ValuesIn(refused_cases), case_name);

// The injected text is one string constant of one statement, whatever the operator.
TEST(refine_injection, value_is_one_constant_in_one_statement) {
  const char* attacks[] = {
      "x'; DROP TABLE t; --", "x\\'; DROP TABLE t; --", "'); DELETE FROM orders; SELECT ('",
      "$$; DROP TABLE t; $$", "x\"; DROP TABLE t; --",  "*/ DROP TABLE t; /*",
  };
  for (const char* attack : attacks) {
    for (const char* op : {"=", "like", "ilike", "in"}) {
      refinement r;
      r.op = refine_op::add_filter;
      r.column = *parse_column_name("name");
      r.oper = std::string_view{op} == "="       ? filter_operator::eq
               : std::string_view{op} == "like"  ? filter_operator::like
               : std::string_view{op} == "ilike" ? filter_operator::ilike
                                                 : filter_operator::in;
      r.values = {std::string{attack}};
      auto out = refine_sql(customers, r);
      ASSERT_TRUE(std::holds_alternative<std::string>(out)) << attack;
      std::string json;
      EXPECT_EQ(statement_count(std::get<std::string>(out), &json), 1)
          << std::get<std::string>(out);
      EXPECT_EQ(json.find("DropStmt"), std::string::npos);
      EXPECT_EQ(json.find("DeleteStmt"), std::string::npos);
      EXPECT_EQ(json.find("\"A_Const\":{\"sval\""), json.rfind("\"A_Const\":{\"sval\"")) << json;
    }
  }
}

// A refinement built by hand (not by parse_refinement) is checked too.
TEST(refine_direct, rejects_invalid_hand_built_refinements) {
  refinement r;
  r.op = refine_op::add_filter;
  r.column.parts = {"a"};
  r.oper = filter_operator::eq;
  r.values = {numeric_literal{"1; DROP TABLE t"}};
  auto out = refine_sql(customers, r);
  ASSERT_TRUE(std::holds_alternative<medha_error>(out));
  EXPECT_EQ(std::get<medha_error>(out).code, error_code::bad_request);

  r.values = {};
  EXPECT_TRUE(std::holds_alternative<medha_error>(refine_sql(customers, r)));

  r.values = {std::string{"x"}};
  r.column.parts = {};
  EXPECT_TRUE(std::holds_alternative<medha_error>(refine_sql(customers, r)));

  refinement lim;
  lim.op = refine_op::change_limit;
  lim.limit = 0;
  EXPECT_TRUE(std::holds_alternative<medha_error>(refine_sql(customers, lim)));

  refinement cols;
  cols.op = refine_op::add_columns;
  EXPECT_TRUE(std::holds_alternative<medha_error>(refine_sql(customers, cols)));

  EXPECT_TRUE(std::holds_alternative<medha_error>(
      refine_sql(std::string_view{"SELECT 1\0; DROP TABLE t", 23}, refinement{})));
}

// Refinements compose: each output is valid input for the next one.
TEST(refine_chain, operations_compose) {
  std::string sql = sales;
  const char* steps[] = {
      R"({"op":"add_filter","column":"revenue","operator":">","value":100})",
      R"({"op":"add_filter","column":"region","operator":"in","value":["West","East"]})",
      R"({"op":"add_columns","columns":["r.country"]})",
      R"({"op":"change_sort","column":"revenue","direction":"desc"})",
      R"({"op":"change_limit","limit":25})",
  };
  for (const char* step : steps) {
    auto r = parse_refinement(step);
    ASSERT_TRUE(std::holds_alternative<refinement>(r)) << step;
    auto out = refine_sql(sql, std::get<refinement>(r));
    ASSERT_TRUE(std::holds_alternative<std::string>(out))
        << step << ": " << std::get<medha_error>(out).message;
    sql = std::get<std::string>(out);
    ASSERT_EQ(statement_count(sql), 1) << sql;
  }
  EXPECT_EQ(sql,
            "SELECT r.name AS region, sum(o.amount) AS revenue, r.country FROM orders o JOIN "
            "regions r ON r.id = o.region_id WHERE r.name IN ('West', 'East') GROUP BY r.name, "
            "r.country HAVING sum(o.amount) > 100 ORDER BY revenue DESC LIMIT 25");
  auto back = refine_sql(sql, std::get<refinement>(parse_refinement(R"({"op":"simplify"})")));
  ASSERT_TRUE(std::holds_alternative<std::string>(back));
  EXPECT_EQ(std::get<std::string>(back),
            "SELECT r.name AS region, sum(o.amount) AS revenue, r.country FROM orders o JOIN "
            "regions r ON r.id = o.region_id GROUP BY r.name, r.country");
}

} // namespace
} // namespace medha
