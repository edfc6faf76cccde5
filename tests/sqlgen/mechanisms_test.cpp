// The reading mechanisms added for conversations and unseen databases, each
// as data: questions (or turns) and the SQL fragments they must produce.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/model_index.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

const std::string revenue = "SUM(" + q("order_items.quantity") + " * " + q("order_items.unit_price") + ")";

// The test model plus what the sales model file adds: a metric named with a
// cue word, a described metric and a verified example.
semantic_model enriched_model() {
  auto m = testing::sales_model();
  metric aov;
  aov.name = "average order value";
  aov.expression = "SUM(order_items.quantity * order_items.unit_price) / NULLIF(COUNT(DISTINCT order_items.order_id), 0)";
  aov.table = "order_items";
  aov.synonyms = {"aov"};
  metric net;
  net.name = "net revenue";
  net.expression = "SUM(order_items.quantity * order_items.unit_price * (1 - order_items.discount))";
  net.table = "order_items";
  net.description = "Sales after line discounts.";
  m.metrics.push_back(aov);
  m.metrics.push_back(net);
  m.examples.push_back({"What is the total revenue?", "SELECT 42 AS revenue"});
  return m;
}

void run(const std::vector<sql_row>& rows) {
  auto model = enriched_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question << " / " << plan.understood;
  }
}

void converse(const std::vector<sql_row>& turns) {
  auto model = enriched_model();
  std::string previous;
  for (auto& t : turns) {
    auto plan = generate(model, t.question, previous);
    EXPECT_EQ(testing::check(plan, t), "") << "turn: " << t.question << " / " << plan.understood;
    if (plan.outcome == plan_outcome::answer || !plan.query_json.empty())
      previous = plan.query_json;
  }
}

TEST(mechanisms, harmless_words_do_not_stop_an_answer) {
  run({
    {"Which region brings in the most revenue?", {"GROUP BY " + q("regions.name"), "DESC LIMIT 1"}},
    {"How many units did we sell in total?", {"SUM(" + q("order_items.quantity") + ")"}},
    {"What was the largest single discount?", {"MAX(" + q("order_items.discount") + ")"}},
    // A word of the metric's own description restates it.
    {"What's the net revenue after discounts?", {"(1 - " + q("order_items.discount") + ")"}},
    // "account for" is a verb, not the glossary's "account" (customers).
    {"What share of revenue does each region account for?", {"GROUP BY " + q("regions.name")},
     {q("customers.name") + " AS"}},
  });
}

TEST(mechanisms, a_metric_named_with_a_cue_word_is_the_metric) {
  run({
    {"What is the average order value?", {"NULLIF(COUNT(DISTINCT " + q("order_items.order_id") + "), 0) AS \"average_order_value\""}},
    {"Average order value by channel", {"AS \"average_order_value\"", "GROUP BY " + q("orders.channel")}},
  });
}

TEST(mechanisms, rankings_and_groups) {
  run({
    {"Which 5 cities generate the most revenue?", {"GROUP BY " + q("customers.city"), "ORDER BY \"revenue\" DESC LIMIT 5"}},
    {"Which 3 categories have the fewest units sold?", {"GROUP BY " + q("categories.name"), "ORDER BY \"units_sold\" LIMIT 3"}},
    // A group named before "the most <rows>": the rows counted per group, not a list of rows.
    {"Which 3 cities have the most customers?",
     {"COUNT(*)", "GROUP BY " + q("customers.city"), "DESC LIMIT 3"}, {"DISTINCT"}},
    {"Show all regions ranked by revenue, highest first", {"GROUP BY " + q("regions.name"), "ORDER BY \"revenue\" DESC"}},
    {"Top 10 best-selling products by units", {"GROUP BY " + q("products.name"), "LIMIT 10"}, {"COUNT("}},
    // Rows named by free text keep their key: two customers may share a name.
    {"Top 5 customers by revenue", {"GROUP BY " + q("customers.name") + ", " + q("customers.customer_id")}},
    {"Show me the customers in Boston", {"SELECT DISTINCT " + q("customers.name") + ", " + q("customers.customer_id")}},
    // Categories and regions are named by their label alone.
    {"Revenue by category", {"GROUP BY " + q("categories.name") + " ORDER BY"}},
  });
}

TEST(mechanisms, the_period_belongs_to_the_related_rows) {
  run({
    {"How many distinct customers placed an order in 2024?",
     {"COUNT(DISTINCT " + q("customers.customer_id") + ")", testing::period(q("orders.order_date"), "2024-01-01", "2025-01-01")}, {"signup_date"}},
  });
}

TEST(mechanisms, comparison_signs_and_contradictions) {
  run({
    {"Products with unit price > 100", {q("products.unit_price") + " > 100"}},
    {"Products with cost <= 20", {q("products.cost") + " <= 20"}},
  });
  auto plan = generate(enriched_model(), "Number of products with cost above 40 to products with cost below 40", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  // A ratio of two tables' rows is each table counted on its own.
  plan = generate(enriched_model(), "What is the ratio of products to customers?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("NULLIF((SELECT COUNT(*)"), std::string::npos) << plan.sql;
}

TEST(mechanisms, a_verified_answer_carries_a_structure) {
  converse({
    {"What is the total revenue?", {"SELECT 42 AS revenue"}},
    {"And for 2023 only?", {revenue, testing::period(q("orders.order_date"), "2023-01-01", "2024-01-01")}},
    {"Break that down by region", {"GROUP BY " + q("regions.name"), testing::period(q("orders.order_date"), "2023-01-01", "2024-01-01")}},
  });
}

TEST(mechanisms, short_follow_ups_keep_the_measure) {
  converse({
    {"Revenue by product category", {"GROUP BY " + q("categories.name")}},
    {"Top 3 categories", {"GROUP BY " + q("categories.name"), "ORDER BY \"revenue\" DESC LIMIT 3"}},
    {"Bottom 2 categories", {"ORDER BY \"revenue\" LIMIT 2"}},
  });
  converse({
    {"Which region brings in the most revenue?", {"DESC LIMIT 1"}},
    {"And which one the least?", {"GROUP BY " + q("regions.name"), "ORDER BY \"revenue\" LIMIT 1"}},
  });
  converse({
    {"How many customers have never placed an order?", {"NOT EXISTS"}},
    {"Which regions are they in?", {"COUNT(*)", "GROUP BY " + q("regions.name"), "NOT EXISTS"}},
  });
  converse({
    {"How many customers in the West?", {"= 'West'"}},
    {"split by segment", {"GROUP BY " + q("customers.segment")}},
    {"now by city instead of segment", {"GROUP BY " + q("customers.city"), "= 'West'"}, {"segment"}},
  });
}

TEST(mechanisms, a_filter_naming_its_entity_edits_the_previous_query) {
  converse({
    {"Average order value by channel", {"GROUP BY " + q("orders.channel")}},
    {"only for corporate customers", {"AS \"average_order_value\"", "GROUP BY " + q("orders.channel"), "= 'Corporate'"}},
  });
  converse({
    {"Revenue by channel", {"GROUP BY " + q("orders.channel")}},
    {"only returned orders", {"AS \"revenue\"", "GROUP BY " + q("orders.channel"), "= 'returned'"}},
  });
}

TEST(mechanisms, periods_and_removals) {
  converse({
    {"How many orders were placed in November 2024?", {">= '2024-11-01' AND", "< '2024-12-01'"}},
    {"And in December?", {testing::period(q("orders.order_date"), "2024-12-01", "2025-01-01")}},
  });
  converse({
    {"Revenue by category in the West in 2024", {"= 'West'", ">= '2024-01-01'"}},
    {"Remove the region filter", {">= '2024-01-01'"}, {"'West'"}},
    {"and drop the year too", {"GROUP BY " + q("categories.name")}, {"WHERE"}},
  });
}

// A chart's kind alone is an ordinary word: "order line" is a table's name
// in the glossary, not a request for a line chart.
TEST(mechanisms, a_chart_word_alone_asks_for_no_chart) {
  auto model = enriched_model();
  model.glossary.push_back({"line item", "order_items", {"order line"}});
  auto plan = generate(model, "What's the average quantity per order line?", "");
  EXPECT_EQ(testing::check(plan, {"", {"AVG(" + q("order_items.quantity") + ")"}, {"COUNT(DISTINCT"}}), "")
    << plan.understood;
  plan = generate(model, "revenue by region as a line", "");
  EXPECT_EQ(plan.chart_hint, "line");
}

// "shipped but not delivered": the value keeps one state of its column, so a
// "not" before a loose word for that same column adds nothing; a "not" before
// a word about nothing named stays unapplied.
TEST(mechanisms, a_contrast_with_the_kept_state_is_implied) {
  auto model = enriched_model();
  for (auto& t : model.tables)
    for (auto& c : t.columns)
      if (t.name == "orders" && c.name == "status")
        c.comment = "Fulfilment status: completed (delivered), shipped (in transit), cancelled or returned.";
  auto plan = generate(model, "How many orders are shipped but not delivered yet?", "");
  EXPECT_EQ(testing::check(plan, {"", {"= 'shipped'"}, {"<>"}}), "") << plan.understood;
  plan = generate(model, "How many orders are not delivered?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify);
}

// A closing "then" goes on from the previous answer: its filters stay.
TEST(mechanisms, a_closing_then_continues_the_conversation) {
  converse({
    {"Revenue per customer segment", {"GROUP BY " + q("customers.segment")}},
    {"for 2023", {testing::period(q("orders.order_date"), "2023-01-01", "2024-01-01")}},
    {"What's the average order value per segment then?", {"COUNT(DISTINCT", testing::period(q("orders.order_date"), "2023-01-01", "2024-01-01")}},
  });
}

// "bought": a verb of buying names the table of orders; the customers who
// bought are counted, and the period is the orders' date, also as groups.
TEST(mechanisms, customers_who_bought_are_counted_by_the_orders_dates) {
  const std::string order_year = "EXTRACT(YEAR FROM " + q("orders.order_date") + ")";
  run({
    {"How many customers bought something in 2023?",
     {"COUNT(DISTINCT " + q("customers.customer_id") + ")", testing::period(q("orders.order_date"), "2023-01-01", "2024-01-01")}, {"signup_date"}},
    {"How many distinct customers bought something each year?",
     {"COUNT(DISTINCT " + q("customers.customer_id") + ")", "GROUP BY " + order_year}, {"signup_date"}},
    {"How many customers placed orders each year?", {"GROUP BY " + order_year}, {"signup_date"}},
    {"How many customers ordered in 2023?", {"COUNT(DISTINCT " + q("customers.customer_id") + ")"}},
  });
}

// "the 5 products with the largest unit price" ranks like "which 5": the
// number is the ranking's size, not a count the products must have.
TEST(mechanisms, the_n_things_with_the_largest_is_a_ranking) {
  run({
    {"Show the 5 products with the largest unit price",
     {"ORDER BY " + q("products.unit_price") + " DESC LIMIT 5"}, {"HAVING"}},
    {"the 3 customers with the most orders", {"DESC LIMIT 3", "GROUP BY"}, {"HAVING"}},
  });
}

// "unit price minus cost": two numbers of one table subtracted on each row,
// then aggregated as asked or ranked by; with neither, asked.
TEST(mechanisms, one_number_minus_another_is_a_difference) {
  const std::string margin = "(" + q("products.unit_price") + " - " + q("products.cost") + ")";
  run({
    {"Show the 5 products with the largest unit margin (unit price minus cost)",
     {"MAX" + margin, "DESC LIMIT 5", "GROUP BY " + q("products.name")}},
    {"average unit price minus cost per category", {"AVG" + margin, "GROUP BY " + q("categories.name")}},
  });
  auto model = enriched_model();
  EXPECT_EQ(generate(model, "unit price minus cost", "").outcome, plan_outcome::clarify);
}

// "our largest order by revenue": "order" after an adjective is the noun,
// not "order by"; with nothing to rank the orders by, asked; and "who placed
// it?" that changes nothing is not answered with the same rows again.
TEST(mechanisms, the_largest_order_is_ranked_by_what_follows) {
  auto model = enriched_model();
  auto plan = generate(model, "What was our largest order by revenue?", "");
  EXPECT_EQ(testing::check(plan, {"", {"GROUP BY", "DESC LIMIT 1"}}), "") << plan.understood;
  EXPECT_EQ(generate(model, "What was our largest single order?", "").outcome, plan_outcome::clarify);
  EXPECT_EQ(generate(model, "Who placed it?", plan.query_json).outcome, plan_outcome::clarify);
  run({{"revenue by region order by revenue", {"ORDER BY " + q("revenue") + " DESC"}}});
}

TEST(mechanisms, the_index_is_cached_per_schema) {
  auto model = enriched_model();
  auto a = index_for(model);
  EXPECT_EQ(a, index_for(model));
  auto copy = model; // the same content in another object shares the index
  EXPECT_EQ(a, index_for(copy));
  copy.schema_version += 1;
  EXPECT_NE(a, index_for(copy));
  auto pruned = model;
  pruned.tables.pop_back();
  EXPECT_NE(a, index_for(pruned));
}

} // namespace
} // namespace medha::sqlgen
