// Sales over rows some of which were cancelled: whether those count is a
// choice the question does not make, so it is asked, unless a condition or
// a group on the state, or the word itself, says.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"

namespace medha::sqlgen {
namespace {

using r = column_role;
using testing::col;

// Ferry crossings sold as orders; each order's state is its own value, or a
// code kept in a table of codes.
semantic_model ferry(bool coded) {
  semantic_model m;
  m.data_source = "ferry";
  auto orders = testing::table("orders", {col("order_id", r::identifier, true), col("ordered_on", r::time),
                                         col("order_total", r::numeric)});
  if (coded) {
    orders.columns.push_back(col("state_cd", r::categorical, false, {"OK", "CX"}));
    m.tables = {orders, testing::table("order_states", {col("state_cd", r::identifier, true),
                                                      col("state_desc", r::categorical, false, {"Sailed", "Cancelled"})})};
    m.relationships = {{"orders", {"state_cd"}, "order_states", {"state_cd"}, false}};
  } else {
    orders.columns.push_back(col("order_state", r::categorical, false, {"sailed", "cancelled"}));
    m.tables = {orders};
  }
  return m;
}

TEST(cancelled_rows, sales_over_cancellable_rows_ask_whether_the_cancelled_count) {
  for (bool coded : {false, true}) {
    auto plan = generate(ferry(coded), "What were our total sales in 2023?", "");
    EXPECT_NE(plan.outcome, plan_outcome::answer) << coded << " " << plan.sql;
  }
}

TEST(cancelled_rows, a_state_said_or_grouped_by_settles_it) {
  auto model = ferry(false);
  for (auto& question : {"What were our total sales in 2023 by order state?", "What were our total sales of sailed orders in 2023?",
                         "What were our total sales in 2023 without the cancelled orders?"}) {
    auto plan = generate(model, question, "");
    EXPECT_EQ(plan.outcome, plan_outcome::answer) << question << " / " << plan.understood;
  }
}

TEST(cancelled_rows, the_sale_a_row_belongs_to_counts_not_the_service) {
  // Seats sold on sailings: a cancelled sailing leaves the sale made; a
  // cancelled booking undoes it.
  auto seats = [](const std::string& parent) {
    semantic_model m;
    m.data_source = "seats_" + parent;
    m.tables = {testing::table(parent, {col(parent + "_id", r::identifier, true), col("made_on", r::time),
                                        col("route", r::categorical, false, {"North", "South"}),
                                        col("price", r::numeric), col("state", r::categorical, false, {"ok", "cancelled"})}),
                testing::table("seats", {col("seat_id", r::identifier, true), col(parent + "_id", r::identifier)})};
    m.relationships = {{"seats", {parent + "_id"}, parent, {parent + "_id"}, false}};
    return m;
  };
  auto plan = generate(seats("sailings"), "How many seats did we sell?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  plan = generate(seats("bookings"), "How many seats did we sell?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
