// "annual", "monthly": a breakdown by period, unless the word is part of a
// column's name ("annual budget" for annual_budget).
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/conversation_rows.hpp"
#include "tests/sqlgen/hr_model.hpp"
#include "tests/sqlgen/model_builders.hpp"
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

TEST(period_words, a_period_adjective_naming_a_column_or_a_value_is_no_breakdown) {
  // Window-cleaning rounds priced per year and served monthly or quarterly.
  using r = column_role;
  using testing::col;
  semantic_model m;
  m.data_source = "rounds";
  m.tables = {testing::table("rounds", {col("round_id", r::identifier, true), col("started_on", r::time),
                                        col("annual_price", r::numeric),
                                        col("frequency", r::categorical, false, {"Monthly", "Quarterly"})})};
  for (auto& [question, has] : std::vector<std::pair<std::string, std::string>>{
         {"Mean annual cost of a round?", "AVG(" + q("rounds.annual_price") + ")"},
         {"How many quarterly rounds are there?", q("rounds.frequency") + " = 'Quarterly'"}}) {
    auto plan = generate(m, question, "");
    ASSERT_EQ(plan.outcome, plan_outcome::answer) << question << " / " << plan.understood;
    EXPECT_NE(plan.sql.find(has), std::string::npos) << question << " / " << plan.sql;
    EXPECT_EQ(plan.sql.find("GROUP BY"), std::string::npos) << question << " / " << plan.sql;
  }
}

TEST(period_words, otherwise_the_adjective_asks_for_periods) {
  auto model = testing::sales_model();
  auto plan = generate(model, "annual revenue", "");
  EXPECT_EQ(testing::check(plan, {"", {"GROUP BY", "YEAR"}}), "");
}

// "a year earlier?": the period just asked about, one step back.
TEST(period_words, the_period_before_is_the_last_one_moved_back) {
  auto sales = [](std::string from, std::string to) { return testing::period(q("orders.order_date"), from, to); };
  testing::converse(testing::sales_model(),
                    {{"How many orders were placed in 2024?", {sales("2024-01-01", "2025-01-01")}},
                     {"the year before that?", {"COUNT(", sales("2023-01-01", "2024-01-01")}, {"2025-01-01"}}});
  testing::converse(testing::sales_model(),
                    {{"How many orders were placed in January 2024?", {sales("2024-01-01", "2024-02-01")}},
                     {"What about the month before?", {sales("2023-12-01", "2024-01-01")}},
                     {"and a year earlier?", {sales("2022-12-01", "2023-01-01")}}});
  // No period before, or one that is no calendar period: asked.
  testing::converse(testing::sales_model(), {{"How many orders were placed?", {"COUNT("}}, {"a year earlier?", {}}});
  testing::converse(testing::sales_model(),
                    {{"How many orders were placed in 2024?", {"COUNT("}}, {"and a month earlier?", {}}});
}

// "ended up": how things turned out, never a date of their end.
TEST(period_words, ended_up_is_no_end_date) {
  auto model = testing::hr_model();
  for (auto& t : model.tables)
    if (t.name == "employees")
      t.columns.push_back(testing::col("end_date", column_role::time));
  auto plan = generate(model, "How many employees hired in 2020 ended up in Sales?", "");
  EXPECT_EQ(plan.sql.find("end_date"), std::string::npos) << plan.sql << plan.understood;
}

} // namespace
} // namespace medha::sqlgen
