// Questions the engine must not answer: ambiguous phrases and nonsense get a
// clarify plan that says what was understood, with replies that resolve it.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

TEST(clarify, nonsense_is_not_guessed) {
  auto model = testing::sales_model();
  for (auto* question : {"what is the meaning of life", "asdf qwer", "", "hello",
                         "How is the weather in Paris?", "Show me by region"}) {
    auto plan = generate(model, question, "");
    EXPECT_EQ(plan.outcome, plan_outcome::clarify) << question << " → " << plan.sql;
    EXPECT_FALSE(plan.understood.empty()) << question;
    EXPECT_FALSE(plan.choices.empty()) << question;
    EXPECT_LT(plan.confidence, 0.5) << question;
    EXPECT_TRUE(plan.sql.empty()) << question;
  }
}

TEST(clarify, unknown_words_that_matter_are_not_dropped_silently) {
  auto model = testing::sales_model();
  for (auto* question : {"What is the total profit margin?", "Revenue from loyal customers",
                         "Revenue by warehouse"}) {
    auto plan = generate(model, question, "");
    EXPECT_EQ(plan.outcome, plan_outcome::clarify) << question << " → " << plan.sql;
  }
}

TEST(clarify, two_columns_with_one_name_offer_both) {
  auto model = testing::sales_model();
  auto plan = generate(model, "average unit price", "");
  ASSERT_EQ(plan.outcome, plan_outcome::clarify);
  ASSERT_EQ(plan.choices.size(), 2u);
  EXPECT_FALSE(plan.query_json.empty());
  // Each reply, sent as the next turn, resolves the question unambiguously.
  std::vector<std::string> sqls;
  for (auto& choice : plan.choices) {
    auto next = generate(model, choice.reply, plan.query_json);
    ASSERT_EQ(next.outcome, plan_outcome::answer) << choice.reply << ": " << next.understood;
    sqls.push_back(next.sql);
  }
  EXPECT_NE(sqls[0], sqls[1]);
  EXPECT_NE(sqls[0].find("AVG("), std::string::npos);
}

TEST(clarify, a_value_in_two_columns_offers_both) {
  auto model = testing::sales_model();
  // "Boston" as a region too: the same word names two values.
  model.tables[0].columns[1].values.push_back("Boston");
  auto plan = generate(model, "Revenue in Boston", "");
  ASSERT_EQ(plan.outcome, plan_outcome::clarify);
  ASSERT_EQ(plan.choices.size(), 2u);
  for (auto& choice : plan.choices) {
    auto next = generate(model, choice.reply, plan.query_json);
    EXPECT_EQ(next.outcome, plan_outcome::answer) << choice.reply << ": " << next.understood;
  }
}

TEST(clarify, the_proceed_choice_answers) {
  auto model = testing::sales_model();
  auto plan = generate(model, "Revenue by region for the flux capacitor", "");
  ASSERT_EQ(plan.outcome, plan_outcome::clarify);
  ASSERT_FALSE(plan.choices.empty());
  auto next = generate(model, plan.choices.front().reply, "");
  EXPECT_EQ(next.outcome, plan_outcome::answer) << plan.choices.front().reply;
}

} // namespace
} // namespace medha::sqlgen
