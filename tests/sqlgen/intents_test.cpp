// Each intent family as a table of question → fragments its SQL must contain.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

const std::string revenue = "SUM(" + q("order_items.quantity") + " * " + q("order_items.unit_price") + ")";

void run(const std::vector<sql_row>& rows) {
  auto model = testing::sales_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question;
  }
}

TEST(intents, aggregates) {
  run({
    // The table said inside its column's phrase ("products cost") is counted.
    {"How many products cost less than 10?", {"SELECT COUNT(*) AS \"product_count\" FROM \"products\"", q("products.cost") + " < 10"}},
    {"What's the total revenue?", {"SELECT " + revenue + " AS \"revenue\" FROM \"order_items\""}},
    {"How many customers are there?", {"SELECT COUNT(*) AS \"customer_count\" FROM \"customers\""}},
    {"Number of orders", {"COUNT(*)", "FROM \"orders\""}},
    {"Average unit price of products", {"AVG(" + q("products.unit_price") + ")"}},
    {"What is the average discount?", {"AVG(" + q("order_items.discount") + ")"}},
    {"Total quantity", {"SUM(" + q("order_items.quantity") + ")"}},
    {"Maximum discount", {"MAX(" + q("order_items.discount") + ")"}},
    {"Minimum cost of products", {"MIN(" + q("products.cost") + ")"}},
    {"How many distinct cities do customers live in?", {"COUNT(DISTINCT " + q("customers.city") + ")"}},
    {"How many different segments are there?", {"COUNT(DISTINCT " + q("customers.segment") + ")"}},
    {"Total units sold", {"SUM(" + q("order_items.quantity") + ") AS \"units_sold\""}},
    {"What is the average quantity per order item?", {"AVG(" + q("order_items.quantity") + ")"}, {"GROUP BY"}},
    {"Show me sales data", {revenue}},
    {"What is the turnover?", {revenue}},
    {"average revenue", {"AVG(" + q("order_items.quantity") + " * " + q("order_items.unit_price") + ")"}},
    {"Average revenue per order", {revenue + " * 1.0 / NULLIF(COUNT(DISTINCT " + q("orders.order_id") + "), 0)"}, {"GROUP BY"}},
    {"What is the average number of orders per customer?",
     {"COUNT(*) * 1.0 / NULLIF(COUNT(DISTINCT " + q("customers.customer_id") + "), 0)"}, {"GROUP BY"}},
    {"Average revenue per region", {"AVG(", "GROUP BY " + q("regions.name")}},
  });
}

TEST(intents, grouping) {
  run({
    {"Revenue by region", {q("regions.name") + " AS \"region\"", "GROUP BY " + q("regions.name"),
                           "JOIN \"customers\" ON " + q("customers.customer_id") + " = " + q("orders.customer_id")}},
    {"Revenue by region and segment", {"GROUP BY " + q("regions.name") + ", " + q("customers.segment")}},
    {"Revenue per category", {"GROUP BY " + q("categories.name"), "JOIN \"products\""}},
    {"Revenue for each channel", {"GROUP BY " + q("orders.channel")}},
    {"Number of orders by status", {"COUNT(*)", "GROUP BY " + q("orders.status")},
     {"JOIN"}},
    {"How many customers per region?", {"COUNT(*) AS \"customer_count\"", "GROUP BY " + q("regions.name")}},
    {"Total quantity by category", {"SUM(" + q("order_items.quantity") + ")", "GROUP BY " + q("categories.name")}},
    {"Average discount by channel", {"AVG(" + q("order_items.discount") + ")", "GROUP BY " + q("orders.channel")}},
    {"Revenue broken down by client segment", {"GROUP BY " + q("customers.segment")}},
    {"What is the total revenue by product category and channel?",
     {"GROUP BY " + q("categories.name") + ", " + q("orders.channel")}, {q("products.name")}},
    // "across regions" breaks down; "across all regions" is the one total.
    {"Total quantity across regions", {"GROUP BY " + q("regions.name")}},
    {"Total quantity across all regions", {"SUM(" + q("order_items.quantity") + ")"}, {"GROUP BY"}},
  });
}

TEST(intents, value_filters) {
  run({
    {"How many customers in the West?", {"WHERE " + q("regions.name") + " = 'West'", "COUNT(*)"}},
    {"Revenue from online orders", {"WHERE " + q("orders.channel") + " = 'online'"}},
    {"How many orders were cancelled?", {"WHERE " + q("orders.status") + " = 'cancelled'"}},
    {"Revenue excluding the West", {q("regions.name") + " <> 'West'"}},
    {"Revenue in the East and West", {q("regions.name") + " IN ('East', 'West')"}},
    {"Number of orders not cancelled", {q("orders.status") + " <> 'cancelled'"}},
    {"Corporate customers in the North", {q("customers.segment") + " = 'Corporate'", q("regions.name") + " = 'North'"}},
    {"Revenue of Small Business customers", {q("customers.segment") + " = 'Small Business'"}},
    {"Revenue from Electronics", {q("categories.name") + " = 'Electronics'"}},
    {"Orders with status returned", {q("orders.status") + " = 'returned'"}},
    {"Which customers are in the Corporate segment and the West region?",
     {q("customers.segment") + " = 'Corporate'", q("regions.name") + " = 'West'"}, {"EXISTS"}},
    {"How many orders were placed online in 2023?", {"= 'online'", ">= '2023-01-01'"}},
    {"List all orders from 2024 that were shipped", {"= 'shipped'", testing::period(q("orders.order_date"), "2024-01-01", "2025-01-01")}},
    {"Compare revenue between online and store", {"GROUP BY " + q("orders.channel"), "IN ('online', 'store')"}},
    {"Customers who ordered both Books and Sports",
     {"GROUP BY " + q("customers.name"), "HAVING COUNT(DISTINCT " + q("categories.name") + ") = 2"}},
  });
}

TEST(intents, comparisons_text_and_null) {
  run({
    {"Products with unit price more than 100", {"WHERE " + q("products.unit_price") + " > 100"}},
    {"Products priced at least 20", {q("products.unit_price") + " >= 20"}},
    {"Products with a price between 10 and 50", {q("products.unit_price") + " BETWEEN 10 AND 50"}},
    {"Order items with a discount below 0.1", {q("order_items.discount") + " < 0.1"}},
    {"Products with a cost over $1,000", {q("products.cost") + " > 1000"}},
    {"Customers whose name contains 'smith'", {q("customers.name") + " ILIKE '%smith%'"}},
    {"Products starting with 'Pro'", {q("products.name") + " ILIKE 'Pro%'"}},
    {"Customers without an email", {q("customers.email") + " IS NULL"}},
    {"Customers whose email is missing", {q("customers.email") + " IS NULL"}},
    {"Customers with no orders", {"NOT EXISTS (SELECT 1 FROM \"orders\" AS \"x1\" WHERE \"x1\".\"customer_id\" = " + q("customers.customer_id") + ")"}},
    {"Customers who never ordered", {"NOT EXISTS"}},
    {"Which products have never been ordered?", {"NOT EXISTS (SELECT 1 FROM \"order_items\" AS \"x1\""}},
    {"How many customers have an email?", {q("customers.email") + " IS NOT NULL", "COUNT(*)"}},
    {"Customers with more than 5 orders", {"HAVING COUNT(*) > 5", "GROUP BY " + q("customers.name")}},
    {"Regions with revenue over 10000", {"GROUP BY " + q("regions.name"), "HAVING " + revenue + " > 10000"}},
  });
}

TEST(intents, time) {
  auto order_date = q("orders.order_date");
  run({
    {"Revenue in 2024", {"WHERE " + testing::period(order_date, "2024-01-01", "2025-01-01")}},
    {"Revenue in March 2023", {testing::period(order_date, "2023-03-01", "2023-04-01")}},
    {"Revenue in Q1 2024", {testing::period(order_date, "2024-01-01", "2024-04-01")}},
    {"Revenue in the first quarter of 2023", {testing::period(order_date, "2023-01-01", "2023-04-01")}},
    {"Revenue in the last 30 days", {order_date + " >= CURRENT_DATE - INTERVAL '30 days'"}},
    {"Orders in the past 2 weeks", {order_date + " >= CURRENT_DATE - INTERVAL '2 weeks'"}},
    {"Revenue this year", {order_date + " >= DATE_TRUNC('year', CURRENT_DATE)"}},
    {"Revenue last month", {order_date + " >= DATE_TRUNC('month', CURRENT_DATE) - INTERVAL '1 month' AND " + order_date + " < DATE_TRUNC('month', CURRENT_DATE)"}},
    {"How many orders since 2023-06-01", {order_date + " >= '2023-06-01'"}},
    {"Revenue between 2022 and 2023", {order_date + " >= '2022-01-01'", order_date + " < '2024-01-01'"}},
    {"Monthly revenue", {"TO_CHAR(" + order_date + ", 'YYYY-MM') AS \"month\"", "ORDER BY TO_CHAR("}},
    {"Revenue over time", {"TO_CHAR(" + order_date + ", 'YYYY-MM')"}},
    {"Weekly orders", {"DATE_TRUNC('week', " + order_date + ")", "COUNT(*)"}},
    {"Revenue by quarter", {"DATE_TRUNC('quarter', " + order_date + ")"}},
    {"Revenue by year", {"EXTRACT(YEAR FROM " + order_date + ")::int AS \"year\""}},
    {"How many customers signed up in 2024?", {testing::period(q("customers.signup_date"), "2024-01-01", "2025-01-01")}},
    {"Monthly revenue by channel in 2024", {"'YYYY-MM'", q("orders.channel"), ">= '2024-01-01'"}},
  });
}

TEST(intents, ranking_and_order) {
  run({
    {"Top 5 products by revenue", {"GROUP BY " + q("products.name"), "ORDER BY \"revenue\" DESC LIMIT 5"}},
    {"Bottom 3 categories by units sold", {"ORDER BY \"units_sold\" LIMIT 3"}},
    {"Which region has the highest revenue?", {"ORDER BY \"revenue\" DESC LIMIT 1"}},
    {"Which customer has the most orders?", {"GROUP BY " + q("customers.name"), "ORDER BY \"order_count\" DESC LIMIT 1"}},
    {"Which product has the highest unit price?", {"ORDER BY " + q("products.unit_price") + " DESC LIMIT 1"}},
    {"What is the lowest cost?", {"MIN(" + q("products.cost") + ")"}},
    {"Sort customers by name", {"ORDER BY " + q("customers.name")}},
    {"most recent orders", {"ORDER BY " + q("orders.order_date") + " DESC LIMIT 10"}},
    {"Top 3 regions by number of orders", {"COUNT(*)", "GROUP BY " + q("regions.name"), "DESC LIMIT 3"}},
    {"Which city has the most customers?", {"GROUP BY " + q("customers.city"), "ORDER BY \"customer_count\" DESC LIMIT 1"}},
    {"Show me the 5 cheapest products", {"ORDER BY " + q("products.unit_price") + " LIMIT 5"}},
    {"What is the most expensive product?", {"ORDER BY " + q("products.unit_price") + " DESC LIMIT 1"}},
    {"Latest order date", {"MAX(" + q("orders.order_date") + ")"}},
    {"What are the top 10 customers by total revenue?", {"GROUP BY " + q("customers.name"), "DESC LIMIT 10"}},
  });
}

TEST(intents, shares_and_percentages) {
  run({
    {"Share of revenue by region", {"NULLIF(SUM(" + revenue + ") OVER (), 0)", "GROUP BY " + q("regions.name")}},
    {"What percentage of orders were cancelled?", {"100.0 * COUNT(*) FILTER (WHERE " + q("orders.status") + " = 'cancelled') / NULLIF(COUNT(*), 0)"}},
    {"What percent of revenue comes from online orders?", {"FILTER (WHERE " + q("orders.channel") + " = 'online')"}},
  });
}

TEST(intents, listings) {
  run({
    {"List the customers in the West", {"SELECT DISTINCT " + q("customers.name"), "= 'West'"}, {"LIMIT"}},
    {"Show all products", {"SELECT DISTINCT " + q("products.name") + ", " + q("products.product_id") + " FROM \"products\""}, {"LIMIT"}},
    {"What are the segments?", {"SELECT DISTINCT " + q("customers.segment") + " FROM \"customers\""}},
    {"List customer names and emails", {"SELECT DISTINCT " + q("customers.name") + ", " + q("customers.email")}},
    {"Which products are in the Books category?", {"SELECT DISTINCT " + q("products.name"), q("categories.name") + " = 'Books'"}},
    {"List the first 20 orders", {"LIMIT 20"}},
    {"Orders with quantity at least 5", {"SELECT DISTINCT " + q("orders.order_id"), q("order_items.quantity") + " >= 5"}},
  });
}

TEST(intents, linking_survives_misspellings_and_synonyms) {
  run({
    {"Revnue by regoin", {revenue, "GROUP BY " + q("regions.name")}},
    {"How many clients?", {"COUNT(*) AS \"customer_count\" FROM \"customers\""}},
    {"How many custmers are in the West?", {"FROM \"customers\"", "= 'West'"}},
    {"turnover per categry", {"GROUP BY " + q("categories.name")}},
  });
}

} // namespace
} // namespace medha::sqlgen

namespace medha::sqlgen {
namespace {

// "Which region is each customer in?" asks for each customer's region: the
// pairs, never a count of regions per customer.
TEST(intents, which_thing_each_row_has_is_listed) {
  run({
    {"Which region is each customer in?", {q("customers.name"), q("regions.name")}, {"COUNT("}},
    {"customers by region", {"COUNT(*)", "GROUP BY " + q("regions.name")}},
  });
}

} // namespace
} // namespace medha::sqlgen

namespace medha::sqlgen {
namespace {

// "the discount amount": a number noun after a numeric column's name only
// says what kind of number it is.
TEST(intents, a_number_noun_after_a_numeric_column_restates_it) {
  run({
    {"What is the average discount amount?", {"AVG(" + q("order_items.discount") + ")"}},
  });
}

} // namespace
} // namespace medha::sqlgen
