// A turn that asked back ("I think you mean ... Is that right?") hands its
// reading on unconfirmed: a follow-up that edits it asks again instead of
// answering on top of a guess; a new question answers as usual.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

TEST(unconfirmed, a_follow_up_to_a_clarify_asks_again) {
  auto model = testing::sales_model();
  auto first = generate(model, "total revenue by blorfle", "");
  ASSERT_EQ(first.outcome, plan_outcome::clarify) << first.sql;
  ASSERT_FALSE(first.query_json.empty());
  auto next = generate(model, "only 2024", first.query_json);
  EXPECT_EQ(next.outcome, plan_outcome::clarify) << next.sql;
  EXPECT_NE(next.understood.find("not confirmed"), std::string::npos) << next.understood;
}

TEST(unconfirmed, a_new_question_after_a_clarify_answers) {
  auto model = testing::sales_model();
  auto first = generate(model, "total revenue by blorfle", "");
  ASSERT_EQ(first.outcome, plan_outcome::clarify);
  auto next = generate(model, "How many customers are there?", first.query_json);
  EXPECT_EQ(next.outcome, plan_outcome::answer) << next.understood;
}

TEST(unconfirmed, a_follow_up_of_a_turn_not_understood_asks) {
  auto model = testing::sales_model();
  auto first = generate(model, "Total revenue", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer);
  // A turn that understood nothing hands the answered query back unchanged,
  // marked unanswered: "only 2024" next may continue either question.
  auto lost = generate(model, "blorfle", first.query_json);
  ASSERT_EQ(lost.outcome, plan_outcome::clarify);
  auto next = generate(model, "only 2024", lost.query_json);
  EXPECT_EQ(next.outcome, plan_outcome::clarify) << next.sql;
  EXPECT_NE(next.understood.find("not answered"), std::string::npos) << next.understood;
  // A whole question answers as usual, and so does a follow-up of it.
  auto again = generate(model, "Total revenue", lost.query_json);
  ASSERT_EQ(again.outcome, plan_outcome::answer) << again.understood;
  auto then = generate(model, "only 2024", again.query_json);
  EXPECT_EQ(then.outcome, plan_outcome::answer) << then.understood;
}

} // namespace
} // namespace medha::sqlgen
