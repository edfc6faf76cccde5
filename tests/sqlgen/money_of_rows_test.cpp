// Money said in everyday words of rows the question names: never the money
// of other rows that have nothing to do with them.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"

namespace medha::sqlgen {
namespace {

using testing::col;

// A nursery: till sales are its takings; classes are taught and booked apart.
semantic_model nursery() {
  using r = column_role;
  semantic_model m;
  m.data_source = "nursery";
  m.tables = {testing::table("till_sales", {col("sale_id", r::identifier, true), col("sold_at", r::time),
                                            col("total_amount", r::numeric)}),
              testing::table("classes", {col("class_id", r::identifier, true),
                                         col("class_title", r::text, false, {"Pruning", "Bonsai"})}),
              testing::table("class_places", {col("place_id", r::identifier, true), col("class_id", r::identifier),
                                              col("booked_on", r::time)})};
  m.relationships = {{"class_places", {"class_id"}, "classes", {"class_id"}, false}};
  return m;
}

TEST(money_of_rows, money_of_rows_named_is_never_that_of_unrelated_rows) {
  auto model = nursery();
  auto plan = generate(model, "How much money did the classes bring in?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Said of nothing else, the takings are the takings.
  plan = generate(model, "How much money came in during 2024?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

} // namespace
} // namespace medha::sqlgen
