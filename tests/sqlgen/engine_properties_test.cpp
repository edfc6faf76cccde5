// Properties of the engine as a whole: determinism, confidence range, the
// query structure surviving its JSON form, and the model's rules.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

const char* questions[] = {
  "What's the total revenue?", "Revenue by region and segment in 2024", "Top 5 products by revenue",
  "Customers with no orders", "Share of revenue by region", "Monthly revenue by channel",
  "What percentage of orders were cancelled?", "asdf qwer", "average unit price",
};

TEST(engine, same_input_gives_same_plan) {
  auto model = testing::sales_model();
  for (auto* question : questions) {
    auto a = generate(model, question, "");
    auto b = generate(model, question, "");
    EXPECT_EQ(a.sql, b.sql) << question;
    EXPECT_EQ(a.query_json, b.query_json) << question;
    EXPECT_EQ(a.explanation, b.explanation) << question;
    EXPECT_DOUBLE_EQ(a.confidence, b.confidence) << question;
    EXPECT_GE(a.confidence, 0.0);
    EXPECT_LE(a.confidence, 1.0);
  }
}

TEST(engine, query_structure_round_trips_through_json) {
  auto model = testing::sales_model();
  for (auto* question : questions) {
    auto plan = generate(model, question, "");
    if (plan.query_json.empty())
      continue;
    auto parsed = query_from_json(plan.query_json);
    ASSERT_TRUE(parsed) << question;
    EXPECT_EQ(to_json(*parsed), plan.query_json) << question;
  }
  EXPECT_FALSE(query_from_json("not json"));
  EXPECT_FALSE(query_from_json(R"({"format":99})"));
}

TEST(engine, a_corrupt_previous_structure_is_ignored) {
  auto plan = generate(testing::sales_model(), "Total revenue", "{broken");
  EXPECT_EQ(plan.outcome, plan_outcome::answer);
}

TEST(engine, rules_apply_when_their_table_is_used) {
  auto model = testing::sales_model();
  model.rules.push_back({"orders", "status <> 'cancelled'", "cancelled orders are excluded"});
  auto by_channel = generate(model, "Revenue by channel", "");
  ASSERT_EQ(by_channel.outcome, plan_outcome::answer);
  EXPECT_NE(by_channel.sql.find(R"(("orders"."status" <> 'cancelled'))"), std::string::npos)
    << by_channel.sql;
  EXPECT_NE(by_channel.explanation.find("cancelled orders are excluded"), std::string::npos);
  auto products = generate(model, "Average unit price of products", "");
  EXPECT_EQ(products.sql.find("cancelled"), std::string::npos) << products.sql;
}

TEST(engine, output_columns_carry_roles_for_the_chart) {
  auto model = testing::sales_model();
  auto plan = generate(model, "Monthly revenue by channel", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer);
  ASSERT_EQ(plan.columns.size(), 3u);
  EXPECT_EQ(plan.columns[0].role, column_role::time);
  EXPECT_EQ(plan.columns[1].role, column_role::categorical);
  EXPECT_EQ(plan.columns[2].role, column_role::numeric);
  EXPECT_EQ(plan.columns[2].name, "revenue");
}

TEST(engine, explanation_is_plain_language) {
  auto model = testing::sales_model();
  auto plan = generate(model, "Revenue by region in 2024", "");
  EXPECT_EQ(plan.explanation,
            "Computes revenue (quantity × unit price over order items), grouped by region name, "
            "where order date in 2024.");
}

} // namespace
} // namespace medha::sqlgen

namespace medha::sqlgen {
namespace {

// Random word salads from the engine's own vocabulary, each on top of the
// previous answer: no crash, confidence in range, an answer always has SQL,
// a clarify never does.
TEST(engine, random_questions_keep_the_invariants) {
  const char* words[] = {"revenue", "by", "region", "top", "5", "average", "how", "many",
                         "customers", "orders", "in", "2024", "last", "month", "only",
                         "West", "not", "without", "email", "more", "than", "share", "of",
                         "sort", "name", "list", "rows", "line", "chart", "instead", "what",
                         "about", "remove", "filter", "units", "sold", "per", "between",
                         "and", "Q1", "most", "cheapest", "both", "Books", "never", "'x'"};
  auto model = testing::sales_model();
  uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  std::string previous;
  for (int n = 0; n < 3000; ++n) {
    std::string question;
    for (int i = 0, len = 1 + next() % 7; i < len; ++i)
      question += std::string(words[(next() >> 8) % (sizeof words / sizeof *words)]) + " ";
    auto plan = generate(model, question, previous);
    ASSERT_GE(plan.confidence, 0.0) << question;
    ASSERT_LE(plan.confidence, 1.0) << question;
    if (plan.outcome == plan_outcome::answer) {
      ASSERT_EQ(plan.sql.rfind("SELECT ", 0), 0u) << question;
      ASSERT_FALSE(plan.columns.empty()) << question;
      previous = plan.query_json;
    } else {
      ASSERT_TRUE(plan.sql.empty()) << question;
    }
  }
}

TEST(engine, the_starting_points_offered_for_nonsense_all_answer) {
  auto model = testing::sales_model();
  for (auto* question : {"asdf qwer", "Show me by region", "only 2024"}) {
    auto plan = generate(model, question, "");
    ASSERT_EQ(plan.outcome, plan_outcome::clarify);
    for (auto& choice : plan.choices) {
      auto next = generate(model, choice.reply, "");
      EXPECT_EQ(next.outcome, plan_outcome::answer) << question << " → " << choice.reply;
    }
  }
}

TEST(engine, an_empty_model_clarifies) {
  auto plan = generate(semantic_model{}, "What's the total revenue?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify);
}

} // namespace
} // namespace medha::sqlgen

namespace medha::sqlgen {
namespace {

TEST(engine, a_verified_example_is_used_as_is) {
  auto model = testing::sales_model();
  model.examples.push_back({"Which channel sells most?", "SELECT channel FROM orders LIMIT 1"});
  auto plan = generate(model, "which channel sells the most", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer);
  EXPECT_EQ(plan.sql, "SELECT channel FROM orders LIMIT 1");
  EXPECT_GT(plan.confidence, 0.95);
}

// The same words in other roles ask something else: the example is not reused.
TEST(engine, a_verified_example_is_matched_by_the_roles_of_its_words) {
  auto model = testing::sales_model();
  model.examples.push_back({"orders from the West to the East", "SELECT 1 AS west_to_east"});
  auto same = generate(model, "Orders from the West to the East?", "");
  EXPECT_EQ(same.sql, "SELECT 1 AS west_to_east");
  auto reversed = generate(model, "orders from the East to the West", "");
  EXPECT_NE(reversed.sql, "SELECT 1 AS west_to_east");
}

TEST(engine, a_percent_sign_is_part_of_the_number) {
  auto plan = generate(testing::sales_model(), "Order items with a discount above 10%", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find(R"("order_items"."discount" > 10)"), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
