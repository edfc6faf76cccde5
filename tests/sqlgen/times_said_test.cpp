// How often something was done, said with its verb: the number of rows the
// verb names, compared or ranked.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

TEST(times_said, how_often_a_verb_was_done_is_a_number_of_its_rows) {
  auto model = testing::sales_model();
  for (auto& [question, having] : std::vector<std::pair<std::string, std::string>>{
         {"How many customers have ordered more than once?", "HAVING COUNT(*) > 1"},
         {"How many customers ordered more than twice?", "HAVING COUNT(*) > 2"},
         {"Which customers ordered at least 4 times?", "HAVING COUNT(*) >= 4"}}) {
    auto plan = generate(model, question, "");
    EXPECT_NE(plan.sql.find(having), std::string::npos) << question << " / " << plan.understood << plan.sql;
  }
}

TEST(times_said, the_most_with_only_a_verb_ranks_by_how_often_it_was_done) {
  auto model = testing::sales_model();
  auto plan = generate(model, "Which customer has ordered the most?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("COUNT(*)"), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("DESC LIMIT 1"), std::string::npos) << plan.sql;
  // The least: those who never ordered would be missing from a count of
  // orders. Asked.
  plan = generate(model, "Which customer has ordered the least?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // The rows named by their noun and an unknown verb: not a ranking by them.
  plan = generate(model, "Which region do customers like best?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Named right after "most", they are what is counted.
  using r = column_role;
  using testing::col;
  semantic_model shelf;
  shelf.data_source = "shelf";
  shelf.tables = {testing::table("genres", {col("genre_id", r::identifier, true),
                                            col("genre_name", r::text, false, {"Crime", "Poetry"})}),
                  testing::table("books", {col("book_id", r::identifier, true), col("title", r::text, false, {"Emma"}),
                                           col("age_band", r::categorical, false, {"adult", "teen"})}),
                  testing::table("book_genres", {col("book_id", r::identifier), col("genre_id", r::identifier)})};
  shelf.relationships = {{"book_genres", {"book_id"}, "books", {"book_id"}, false},
                         {"book_genres", {"genre_id"}, "genres", {"genre_id"}, false}};
  plan = generate(shelf, "Which genre has the most teen books?", "");
  EXPECT_NE(plan.sql.find("COUNT("), std::string::npos) << plan.understood << plan.sql;
}

TEST(times_said, the_most_of_rows_named_with_a_verb_counts_them) {
  // "who handled the most refund requests?": the verb relates the people to
  // the rows named; counted per person.
  using r = column_role;
  using testing::col;
  semantic_model m;
  m.data_source = "desk";
  m.tables = {testing::table("staff", {col("staff_id", r::identifier, true),
                                       col("full_name", r::text, false, {"Ann Lee", "Bo Park"})}),
              testing::table("requests", {col("request_id", r::identifier, true), col("handled_by", r::identifier),
                                          col("request_type", r::categorical, false, {"refund", "exchange"})})};
  m.relationships = {{"requests", {"handled_by"}, "staff", {"staff_id"}, false}};
  auto plan = generate(m, "Who handled the most refund requests?", "");
  EXPECT_NE(plan.sql.find("COUNT(*)"), std::string::npos) << plan.understood << plan.sql;
  EXPECT_NE(plan.sql.find("'refund'"), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
