// Hybrid routing decisions on plans, and with the real embedded engine.

#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/llm/routing.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::llm {
namespace {

sql_plan answer() {
  sql_plan p;
  p.sql = "SELECT 1";
  return p;
}

sql_plan clarify(std::vector<clarify_choice> choices, bool ambiguous = false) {
  sql_plan p;
  p.outcome = plan_outcome::clarify;
  p.understood = "orders";
  p.choices = std::move(choices);
  p.ambiguous = ambiguous;
  return p;
}

TEST(routing, an_answer_stays_embedded_with_or_without_a_model) {
  for (bool configured : {false, true}) {
    auto r = decide_route(answer(), configured);
    EXPECT_EQ(r.to, route::path::embedded);
    EXPECT_NE(r.reason.find("one complete interpretation"), std::string::npos);
  }
}

TEST(routing, a_genuine_ambiguity_is_asked_of_the_user_even_with_a_model) {
  auto r = decide_route(clarify({{"revenue", "revenue"}, {"order count", "orders"}}, true), true);
  EXPECT_EQ(r.to, route::path::ask_user);
  EXPECT_NE(r.reason.find("2 readings"), std::string::npos);
}

TEST(routing, after_the_models_sql_the_engines_two_readings_go_to_the_model) {
  auto two = clarify({{"the name of category", "category name"}, {"the name of language", "language name"}}, true);
  auto r = decide_route(two, true, true);
  EXPECT_EQ(r.to, route::path::model);
  EXPECT_NE(r.reason.find("cannot build on"), std::string::npos) << r.reason;
  EXPECT_EQ(decide_route(two, false, true).to, route::path::ask_user) << "no model: the user chooses";
  EXPECT_EQ(decide_route(answer(), true, true).to, route::path::embedded);

  sql_request req;
  EXPECT_FALSE(follows_model_sql(req)) << "a first question";
  req.history.push_back({"how many customers are inactive", "SELECT count(*) FROM customer WHERE active = 0"});
  EXPECT_TRUE(follows_model_sql(req));
  req.previous_query_json = R"({"measures":[]})";
  EXPECT_FALSE(follows_model_sql(req)) << "the engine's own answer has its structure";
  req.previous_query_json.clear();
  req.history.back().sql.clear();
  EXPECT_FALSE(follows_model_sql(req)) << "the last turn had no SQL";
}

TEST(routing, an_abstention_goes_to_the_model_only_when_one_is_configured) {
  auto to_model = decide_route(clarify({}), true);
  EXPECT_EQ(to_model.to, route::path::model);
  EXPECT_NE(to_model.reason.find("abstained"), std::string::npos);
  EXPECT_NE(to_model.reason.find("orders"), std::string::npos) << "says what the engine understood";
  EXPECT_EQ(decide_route(clarify({}), false).to, route::path::embedded);
  // Starting points offered by an abstaining engine are not an ambiguity.
  EXPECT_EQ(decide_route(clarify({{"Total revenue", "total revenue"}}), true).to, route::path::model);
}

// The engine's own plans on the sales model: what it answers never reaches
// a model; what it cannot read does.
TEST(routing, engine_plans_on_the_sales_model) {
  auto model = sqlgen::testing::sales_model();
  struct q {
    const char* question;
    route::path expected;
  } questions[] = {
    {"What's the total revenue?", route::path::embedded},
    {"revenue by region", route::path::embedded},
    {"how many orders", route::path::embedded},
    {"which customers are likely to churn next quarter based on sentiment", route::path::model},
    {"blorp the frobnicator", route::path::model},
    {"median basket size per weekday excluding holidays", route::path::model},
    {"average unit price", route::path::ask_user}, // order items' or products'
  };
  for (auto& c : questions) {
    auto plan = sqlgen::generate(model, c.question, "");
    EXPECT_EQ(decide_route(plan, true).to, c.expected) << c.question << " → " << plan.sql << plan.understood;
  }
}

} // namespace
} // namespace medha::llm
