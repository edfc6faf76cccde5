// The foundation demo: a three-turn conversation on the sample sales database.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

const char* revenue = R"(SUM("order_items"."quantity" * "order_items"."unit_price"))";
const char* to_regions =
  R"( FROM "order_items" JOIN "orders" ON "orders"."order_id" = "order_items"."order_id")"
  R"( JOIN "customers" ON "customers"."customer_id" = "orders"."customer_id")"
  R"( JOIN "regions" ON "regions"."region_id" = "customers"."region_id")";

TEST(demo, total_revenue_then_by_region_then_only_2024) {
  auto model = testing::sales_model();
  auto total = generate(model, "What's the total revenue?", "");
  ASSERT_EQ(total.outcome, plan_outcome::answer) << total.understood;
  EXPECT_EQ(total.sql, std::string("SELECT ") + revenue + R"( AS "revenue" FROM "order_items")");
  ASSERT_EQ(total.columns.size(), 1u);
  EXPECT_EQ(total.columns[0].role, column_role::numeric);
  EXPECT_GT(total.confidence, 0.8);

  auto by_region = generate(model, "Show me by region", total.query_json);
  ASSERT_EQ(by_region.outcome, plan_outcome::answer) << by_region.understood;
  EXPECT_EQ(by_region.sql, std::string(R"(SELECT "regions"."name" AS "region", )") + revenue
                             + R"( AS "revenue")" + to_regions
                             + R"( GROUP BY "regions"."name" ORDER BY "revenue" DESC, "regions"."name")");
  ASSERT_EQ(by_region.columns.size(), 2u);
  EXPECT_EQ(by_region.columns[0].role, column_role::categorical);

  auto only_2024 = generate(model, "Only 2024", by_region.query_json);
  ASSERT_EQ(only_2024.outcome, plan_outcome::answer) << only_2024.understood;
  EXPECT_EQ(only_2024.sql, std::string(R"(SELECT "regions"."name" AS "region", )") + revenue
                             + R"( AS "revenue")" + to_regions
                             + R"( WHERE "orders"."order_date" >= '2024-01-01' AND "orders"."order_date" < '2025-01-01')"
                             + R"( GROUP BY "regions"."name" ORDER BY "revenue" DESC, "regions"."name")");
  EXPECT_NE(only_2024.explanation.find("2024"), std::string::npos) << only_2024.explanation;
}

TEST(demo, sales_data_without_a_measure_word_is_total_revenue) {
  auto plan = generate(testing::sales_model(), "Show me sales data", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_EQ(plan.sql, std::string("SELECT ") + revenue + R"( AS "revenue" FROM "order_items")");
}

} // namespace
} // namespace medha::sqlgen
