// "annual", "monthly": a breakdown by period, unless the word is part of a
// column's name ("annual budget" for annual_budget).
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/hr_model.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;

TEST(period_words, an_adjective_in_a_column_name_is_the_column) {
  auto model = testing::hr_model();
  for (auto& t : model.tables)
    if (t.name == "departments") {
      column_info budget;
      budget.name = "annual_budget";
      budget.type = "numeric";
      budget.role = column_role::numeric;
      t.columns.push_back(budget);
    }
  auto plan = generate(model, "What is the total annual budget of all departments?", "");
  EXPECT_EQ(testing::check(plan, {"", {"SUM(" + q("departments.annual_budget") + ")"},
                                  {"GROUP BY", "EXTRACT"}}),
            "");
}

TEST(period_words, otherwise_the_adjective_asks_for_periods) {
  auto model = testing::sales_model();
  auto plan = generate(model, "annual revenue", "");
  EXPECT_EQ(testing::check(plan, {"", {"GROUP BY", "YEAR"}}), "");
}

} // namespace
} // namespace medha::sqlgen
