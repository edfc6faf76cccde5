// Totals leave out rows their business cancelled; counts keep them, and a
// question about the cancelled ones gets them.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::col;
using testing::q;
using testing::sql_row;

// A florist: orders in a state, each with lines.
semantic_model florist() {
  using r = column_role;
  semantic_model m;
  m.data_source = "florist";
  m.tables = {testing::table("orders", {col("order_id", r::identifier, true), col("ordered_on", r::time),
                                        col("order_value", r::numeric),
                                        col("state", r::categorical, false, {"open", "delivered", "cancelled"})}),
              testing::table("order_lines", {col("line_id", r::identifier, true), col("order_id", r::identifier),
                                             col("stems", r::numeric), col("line_amount", r::numeric)})};
  m.relationships = {{"order_lines", {"order_id"}, "orders", {"order_id"}, false}};
  return m;
}

void run(const std::vector<sql_row>& rows) {
  auto model = florist();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << row.question << " / " << plan.understood;
  }
}

TEST(cancelled_rows, totals_leave_out_cancelled_rows_and_counts_keep_them) {
  run({
    {"What was the total order value in 2024?", {"SUM(" + q("orders.order_value") + ")", q("orders.state") + " <> 'cancelled'"}},
    {"What is the average order value?", {"AVG(" + q("orders.order_value") + ")", q("orders.state") + " <> 'cancelled'"}},
    // The lines of a cancelled order are not summed either.
    {"How many stems did we sell in total?", {"SUM(" + q("order_lines.stems") + ")", q("orders.state") + " <> 'cancelled'"}},
    {"How many orders were there in 2024?", {"COUNT(*)"}, {"cancelled"}},
    // An average of what is no money: every row has it.
    {"What is the average number of stems per line?", {"AVG(" + q("order_lines.stems") + ")"}, {"cancelled"}},
    // Said of the state: as said.
    {"What was the total value of cancelled orders?", {q("orders.state") + " = 'cancelled'"}, {"<> 'cancelled'"}},
    {"Total order value by state", {"GROUP BY " + q("orders.state")}, {"<> 'cancelled'"}},
  });
}

} // namespace
} // namespace medha::sqlgen
