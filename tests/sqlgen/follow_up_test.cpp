// Conversations: each turn's SQL is checked, and each turn gets the previous
// answer's query structure, as the conversation actor hands it over.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/hr_model.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

struct turn {
  sql_row row;
  std::string chart_hint = "";
};

void converse(const std::vector<turn>& turns) {
  auto model = testing::sales_model();
  std::string previous;
  for (auto& t : turns) {
    auto plan = generate(model, t.row.question, previous);
    EXPECT_EQ(testing::check(plan, t.row), "") << "turn: " << t.row.question;
    EXPECT_EQ(plan.chart_hint, t.chart_hint) << "turn: " << t.row.question;
    if (plan.outcome == plan_outcome::answer)
      previous = plan.query_json;
  }
}

const std::string region = q("regions.name");

TEST(follow_up, filters_periods_and_ranking) {
  converse({
    {{"Total revenue", {"FROM \"order_items\""}, {"GROUP BY", "WHERE"}}},
    {{"by region", {"GROUP BY " + region}}},
    {{"only West", {"WHERE " + region + " = 'West'", "GROUP BY " + region}}},
    {{"what about 2023?", {testing::period(q("orders.order_date"), "2023-01-01", "2024-01-01"), "= 'West'"}}},
    {{"what about 2024?", {testing::period(q("orders.order_date"), "2024-01-01", "2025-01-01")}, {"2023"}}},
    {{"top 5", {"ORDER BY \"revenue\" DESC LIMIT 5", testing::period(q("orders.order_date"), "2024-01-01", "2025-01-01")}}},
    {{"average instead", {"AVG(", "LIMIT 5"}, {"SUM("}}},
    {{"as a line chart", {"AVG("}}, "line"},
    {{"remove the filter", {"GROUP BY " + region}, {"'West'", "order_date"}}, "line"},
    {{"sort by name", {"ORDER BY " + region}}, "line"},
    {{"show the rows", {"SELECT " + q("order_items.order_item_id")}, {"GROUP BY", "AVG(", "LIMIT"}}, "line"},
  });
}

TEST(follow_up, groupings_values_and_measures) {
  converse({
    {{"Revenue by region", {"GROUP BY " + region}}},
    {{"by segment", {"GROUP BY " + region + ", " + q("customers.segment")}}},
    {{"only the East and West", {region + " IN ('East', 'West')"}}},
    {{"remove the West filter", {"GROUP BY"}, {"'West'", "'East'"}}},
    {{"monthly", {"TO_CHAR(" + q("orders.order_date") + ", 'YYYY-MM')", "ORDER BY TO_CHAR("}}},
    {{"units sold instead", {"SUM(" + q("order_items.quantity") + ") AS \"units_sold\"", "'YYYY-MM'"}}},
    {{"by segment instead", {"GROUP BY " + q("customers.segment")}, {"DATE_TRUNC", "GROUP BY " + region}}},
  });
}

TEST(follow_up, counts_and_listings) {
  converse({
    {{"How many orders?", {"COUNT(*)", "FROM \"orders\""}}},
    {{"by channel", {"GROUP BY " + q("orders.channel")}}},
    {{"only cancelled", {q("orders.status") + " = 'cancelled'"}}},
    {{"in the last 3 months", {"INTERVAL '3 months'", "= 'cancelled'"}}},
    {{"as a table", {"COUNT(*)"}}, "table"},
    {{"what about online?", {q("orders.channel") + " = 'online'", "= 'cancelled'"}}, "table"},
  });
  converse({
    {{"List the customers in the West", {"SELECT DISTINCT " + q("customers.name")}}},
    {{"by segment", {"COUNT(*)", "GROUP BY " + q("customers.segment"), "= 'West'"}}},
  });
}

TEST(follow_up, their_measure_keeps_the_counted_rows) {
  converse({
    {{"How many products are in the Books category?", {"COUNT(*)", "= 'Books'"}}},
    {{"what is their average cost?", {"AVG(" + q("products.cost") + ")", "= 'Books'"}}},
  });
  // Without a pronoun the new measure is a new question.
  converse({
    {{"How many products are in the Books category?", {"COUNT(*)", "= 'Books'"}}},
    {{"what is the average cost of a product?", {"AVG(" + q("products.cost") + ")"}, {"'Books'"}}},
  });
}

TEST(follow_up, a_flag_beside_the_noun_filters_the_previous_rows) {
  // "only active employees" after a count per department: the noun only
  // says whose flag it is.
  auto model = testing::hr_model();
  auto first = generate(model, "number of employees per department", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer) << first.understood;
  auto next = generate(model, "only active employees", first.query_json);
  EXPECT_EQ(testing::check(next, {"only active employees",
                                  {"COUNT(*)", "GROUP BY", q("employees.is_active") + " = true"}}),
            "");
}

TEST(follow_up, only_the_rows_with_a_value_after_a_preposition) {
  converse({
    {{"How many customers per segment?", {"COUNT(*)", "GROUP BY " + q("customers.segment")}}},
    {{"only customers in Boston", {"COUNT(*)", "GROUP BY " + q("customers.segment"),
                                   q("customers.city") + " = 'Boston'"}}},
  });
  // Without "only", the same words start a question of their own.
  converse({
    {{"How many customers per segment?", {"GROUP BY " + q("customers.segment")}}},
    {{"customers in Boston", {q("customers.city") + " = 'Boston'"}, {"GROUP BY"}}},
  });
}

TEST(follow_up, a_follow_up_that_changes_nothing_asks) {
  // Repeating the last answer would pretend the condition was applied.
  auto model = testing::sales_model();
  auto first = generate(model, "How many orders were cancelled?", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer);
  auto next = generate(model, "How many of them are still with us?", first.query_json);
  EXPECT_EQ(next.outcome, plan_outcome::clarify) << next.sql;
}

TEST(follow_up, adding_values_switching_measures_and_entities) {
  converse({
    {{"Revenue by region", {"GROUP BY " + region}}},
    {{"exclude the West", {region + " <> 'West'"}}},
    {{"and the North too", {region + " NOT IN ('West', 'North')"}}},
    {{"show me the top 3", {"ORDER BY \"revenue\" DESC LIMIT 3"}}},
    {{"lowest first", {"ORDER BY \"revenue\" LIMIT 3"}}},
    {{"switch to units sold", {"AS \"units_sold\"", "NOT IN ('West', 'North')"}}},
    {{"count instead", {"COUNT(*) AS \"order_item_count\"", "GROUP BY " + region}}},
    {{"back to revenue", {"AS \"revenue\"", "GROUP BY " + region}}},
    {{"break it down by month", {"'YYYY-MM'", "GROUP BY TO_CHAR(" + q("orders.order_date") + ", 'YYYY-MM'), " + region}}},
  });
  converse({
    {{"Top 5 products by units sold", {"GROUP BY " + q("products.name"), "LIMIT 5"}}},
    {{"what about categories?", {"GROUP BY " + q("categories.name"), "AS \"units_sold\"", "LIMIT 5"}, {"GROUP BY " + q("products.name")}}},
  });
}

TEST(follow_up, counts_become_lists_and_lists_become_counts) {
  converse({
    {{"How many customers?", {"COUNT(*)"}}},
    {{"in the West", {"= 'West'", "COUNT(*)"}}},
    {{"who signed up this year", {"COUNT(*)", "= 'West'", q("customers.signup_date") + " >= DATE_TRUNC('year', CURRENT_DATE)"}}},
    {{"list them", {"SELECT DISTINCT " + q("customers.name"), "= 'West'", "DATE_TRUNC('year', CURRENT_DATE)"}, {"COUNT"}}},
  });
  converse({
    {{"Show me orders", {"SELECT DISTINCT " + q("orders.order_id")}}},
    {{"only online", {"= 'online'"}}},
    {{"cancelled ones", {"= 'online'", "= 'cancelled'"}}},
    {{"how many?", {"SELECT COUNT(*) AS \"order_count\" FROM \"orders\"", "= 'online'", "= 'cancelled'"}}},
  });
}

TEST(follow_up, a_question_with_its_own_measure_starts_over) {
  converse({
    {{"Revenue by region in 2024", {"GROUP BY " + region, testing::period(q("orders.order_date"), "2024-01-01", "2025-01-01")}}},
    {{"How many customers are there?", {"COUNT(*) AS \"customer_count\" FROM \"customers\""}, {"2024", "GROUP BY"}}},
  });
  converse({
    {{"Revenue by category", {"GROUP BY " + q("categories.name")}}},
    {{"bottom 2", {"ORDER BY \"revenue\" LIMIT 2"}}},
    {{"descending", {"ORDER BY \"revenue\" DESC LIMIT 2"}}},
    {{"remove the year filter", {"LIMIT 2"}}},
    {{"show me the customers", {"SELECT DISTINCT " + q("customers.name")}, {"revenue"}}},
  });
}

} // namespace
} // namespace medha::sqlgen

namespace medha::sqlgen {
namespace {

TEST(follow_up, which_n_have_the_most_ranks_the_groups_just_shown) {
  converse({
    {{"How many customers are there per segment?", {"GROUP BY " + q("customers.segment")}}},
    {{"which 2 segments have the most?",
      {"GROUP BY " + q("customers.segment"), "ORDER BY \"customer_count\" DESC LIMIT 2",
       q("customers.segment") + " IS NOT NULL"},
      {"DISTINCT"}}},
  });
  converse({
    {{"revenue by region", {"GROUP BY " + region}}},
    {{"which region has the least?", {"GROUP BY " + region, "ORDER BY \"revenue\" LIMIT 1"}, {"DESC"}}},
  });
  converse({
    {{"monthly revenue", {"'YYYY-MM'"}}},
    {{"which month was the best?", {"'YYYY-MM'", "ORDER BY \"revenue\" DESC LIMIT 1"}}},
  });
}

TEST(follow_up, their_average_keeps_the_conditions_of_the_rows_listed) {
  converse({
    {{"list the products in the Books category", {"= 'Books'"}}},
    {{"what is their average price?", {"AVG(" + q("products.unit_price") + ")", "= 'Books'"},
      {"ORDER BY", "LIMIT"}}},
  });
}

} // namespace
} // namespace medha::sqlgen

namespace medha::sqlgen {
namespace {

// A new question that points back asks about the rows the last answer was
// about: their conditions carry over, or the engine asks which rows.
TEST(follow_up, a_question_pointing_back_keeps_the_rows_conditions) {
  converse({
    {{"Show the customers in the West", {region + " = 'West'"}}},
    {{"How many orders have they placed?", {"COUNT(*) AS \"order_count\" FROM \"orders\"", region + " = 'West'"}}},
  });
  converse({
    {{"How many products are in the Books category?", {"= 'Books'"}}},
    {{"what is the average price of those products?", {"AVG(" + q("products.unit_price") + ")", "= 'Books'"}}},
  });
}

TEST(follow_up, rows_that_no_condition_names_are_asked_about) {
  auto model = testing::sales_model();
  // Nobody was named before.
  EXPECT_EQ(generate(model, "How many orders has she placed?", "").outcome, plan_outcome::clarify);
  // The rows of a ranking are the ones that ranked, which no condition
  // names: they are named by the keys that answer showed.
  auto top = generate(model, "top 3 customers by revenue", "");
  ASSERT_EQ(top.outcome, plan_outcome::answer);
  auto theirs = generate(model, "how many orders have they placed?", top.query_json);
  ASSERT_EQ(theirs.outcome, plan_outcome::answer) << theirs.understood;
  EXPECT_NE(theirs.sql.find("LIMIT 3) AS shown_rows"), std::string::npos) << theirs.sql;
}

} // namespace
} // namespace medha::sqlgen
