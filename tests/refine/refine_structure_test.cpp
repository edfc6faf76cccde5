// Refining the engine's own query: the edit lands in the structure, so the
// new SQL is the compiler's and a later follow-up in words keeps the edit.

#include <gtest/gtest.h>

#include "actors/refine/refine_structure.hpp"
#include "actors/sqlgen/embedded_engine.hpp"

namespace medha {
namespace {

column_info column(std::string name, std::string type, column_role role, bool key = false,
                   std::vector<std::string> values = {}) {
  column_info c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.role = role;
  c.primary_key = key;
  c.values = std::move(values);
  return c;
}

semantic_model shop() {
  using r = column_role;
  semantic_model m;
  m.data_source = "shop";
  table_info regions{"public", "regions", "", {}, 5};
  regions.columns = {column("region_id", "integer", r::identifier, true),
                     column("name", "text", r::categorical, false, {"East", "West"})};
  table_info orders{"public", "orders", "", {}, 1000};
  orders.columns = {column("order_id", "integer", r::identifier, true),
                    column("region_id", "integer", r::identifier),
                    column("status", "text", r::categorical, false, {"open", "shipped"}),
                    column("amount", "numeric", r::numeric),
                    column("order_date", "date", r::time)};
  m.tables = {regions, orders};
  m.relationships = {{"orders", {"region_id"}, "regions", {"region_id"}, false}};
  return m;
}

refinement parsed(const std::string& body) {
  auto r = parse_refinement(body);
  EXPECT_TRUE(std::holds_alternative<refinement>(r)) << body;
  return std::get<refinement>(r);
}

struct refine_structure_test : ::testing::Test {
  semantic_model model = shop();
  sql_plan last = sqlgen::generate(model, "total amount by region", "");

  std::optional<structured_refinement> refine(const std::string& body) {
    return refine_structure(model, last.query_json, last.sql, parsed(body));
  }
};

TEST_F(refine_structure_test, a_filter_lands_in_the_structure_and_survives_a_follow_up) {
  ASSERT_EQ(last.outcome, plan_outcome::answer) << last.understood;
  auto west = refine(R"({"op":"add_filter","column":"regions.name","operator":"=","value":"West"})");
  ASSERT_TRUE(west);
  EXPECT_NE(west->sql.find("= 'West'"), std::string::npos) << west->sql;
  EXPECT_NE(west->explanation.find("West"), std::string::npos) << west->explanation;
  auto next = sqlgen::generate(model, "only 2024", west->query_json);
  ASSERT_EQ(next.outcome, plan_outcome::answer) << next.understood;
  EXPECT_NE(next.sql.find("'West'"), std::string::npos) << "the refined filter is kept: " << next.sql;
  EXPECT_NE(next.sql.find("2024"), std::string::npos) << next.sql;
}

TEST_F(refine_structure_test, a_value_stays_a_constant) {
  auto evil = refine(R"({"op":"add_filter","column":"status","operator":"=","value":"x'; DROP TABLE orders; --"})");
  ASSERT_TRUE(evil);
  EXPECT_NE(evil->sql.find("'x''; DROP TABLE orders; --'"), std::string::npos) << evil->sql;
}

TEST_F(refine_structure_test, a_condition_on_the_measure_goes_to_having) {
  auto alias = last.columns.back().name;
  auto big = refine(R"({"op":"add_filter","column":")" + alias
                    + R"(","operator":">","value":100})");
  ASSERT_TRUE(big);
  EXPECT_NE(big->sql.find("HAVING SUM("), std::string::npos) << big->sql;
  EXPECT_NE(big->sql.find("> 100"), std::string::npos) << big->sql;
}

TEST_F(refine_structure_test, limit_sort_columns_and_simplify) {
  auto alias = last.columns.back().name;
  auto sorted = refine(R"({"op":"change_sort","column":")" + alias + R"(","direction":"desc"})");
  ASSERT_TRUE(sorted);
  EXPECT_NE(sorted->sql.find("DESC"), std::string::npos) << sorted->sql;

  auto limited = refine(R"({"op":"change_limit","limit":3})");
  ASSERT_TRUE(limited);
  EXPECT_NE(limited->sql.find("LIMIT 3"), std::string::npos) << limited->sql;

  auto wider = refine(R"({"op":"add_columns","columns":["status"]})");
  ASSERT_TRUE(wider);
  EXPECT_NE(wider->sql.find("GROUP BY"), std::string::npos);
  EXPECT_NE(wider->sql.find("\"status\""), std::string::npos) << wider->sql;

  last = sqlgen::generate(model, "total amount by region in 2024", "");
  ASSERT_EQ(last.outcome, plan_outcome::answer);
  auto plain = refine(R"({"op":"simplify"})");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->sql.find("WHERE"), std::string::npos) << plain->sql;
}

TEST_F(refine_structure_test, what_the_structure_cannot_say_falls_back_to_the_sql_edit) {
  EXPECT_FALSE(refine(R"({"op":"add_filter","column":"status","operator":"like","value":"op%"})"))
    << "a LIKE pattern";
  EXPECT_FALSE(refine(R"({"op":"add_filter","column":"nowhere.nothing","operator":"=","value":1})"))
    << "a column the model lacks";
  EXPECT_FALSE(refine(R"({"op":"add_filter","column":"region_id","operator":"=","value":1})"))
    << "a bare name two tables have";
  EXPECT_FALSE(refine(R"({"op":"change_sort","column":"order_date"})"))
    << "an aggregate ordered by what it does not group";
  // A structure that is not the last query's (a clarify's partial reading, a
  // verified example's SQL) is not refined.
  EXPECT_FALSE(refine_structure(model, last.query_json, "SELECT 1", parsed(R"({"op":"simplify"})")));
  EXPECT_FALSE(refine_structure(model, "", last.sql, parsed(R"({"op":"simplify"})")));
}

} // namespace
} // namespace medha
