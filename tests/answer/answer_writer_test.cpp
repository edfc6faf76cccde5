#include "actors/answer/answer_writer.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "actors/answer/number_format.hpp"

namespace medha {
namespace {

result_set make_rows(std::vector<result_column> columns,
                     std::vector<std::vector<std::optional<std::string>>> rows,
                     uint64_t row_count = 0) {
  result_set r;
  r.columns = std::move(columns);
  r.rows = std::move(rows);
  r.row_count = row_count ? row_count : r.rows.size();
  r.truncated = r.row_count > r.rows.size();
  return r;
}

sql_plan make_plan(std::string sql, std::vector<output_column> columns = {}) {
  sql_plan p;
  p.sql = std::move(sql);
  p.columns = std::move(columns);
  return p;
}

// A small shop: orders -> customers -> regions.
semantic_model shop() {
  semantic_model m;
  m.data_source = "sales";
  table_info regions;
  regions.name = "regions";
  regions.columns = {{"region_id", "integer", column_role::identifier},
                     {"name", "text", column_role::categorical}};
  table_info customers;
  customers.name = "customers";
  customers.columns = {{"customer_id", "integer", column_role::identifier},
                       {"name", "text", column_role::text},
                       {"segment", "text", column_role::categorical},
                       {"region_id", "integer", column_role::identifier},
                       {"signup_date", "date", column_role::time}};
  table_info orders;
  orders.name = "orders";
  orders.columns = {{"order_id", "integer", column_role::identifier},
                    {"customer_id", "integer", column_role::identifier},
                    {"order_date", "date", column_role::time},
                    {"status", "text", column_role::categorical},
                    {"amount", "numeric", column_role::numeric}};
  m.tables = {regions, customers, orders};
  m.relationships = {{"customers", {"region_id"}, "regions", {"region_id"}, false},
                     {"orders", {"customer_id"}, "customers", {"customer_id"}, false}};
  return m;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(number_format, separators_and_decimals) {
  EXPECT_EQ(answer::format_number("12345678.9"), "12,345,678.90");
  EXPECT_EQ(answer::format_number("4200"), "4,200");
  EXPECT_EQ(answer::format_number("-1234.5"), "-1,234.50");
  EXPECT_EQ(answer::format_number("999"), "999");
  EXPECT_EQ(answer::format_number("0.126"), "0.13");
  EXPECT_EQ(answer::format_number("4200.00"), "4,200.00");
  EXPECT_EQ(answer::format_number("West"), "West");
  EXPECT_EQ(answer::format_percent(200), "+200.0%");
  EXPECT_EQ(answer::format_percent(-3.04), "-3.0%");
}

TEST(answer_writer, one_number) {
  auto model = shop();
  auto rows = make_rows({{"total_revenue", "numeric"}}, {{"12345678.9"}});
  auto a = write_answer("total revenue", make_plan("SELECT SUM(amount) AS total_revenue FROM orders"),
                        rows, &model);
  EXPECT_EQ(a.text, "Total revenue is 12,345,678.90.");
  // Not grouped, no time filter: a dimension and a period to add.
  EXPECT_GE(a.suggestions.size(), 2u);
  EXPECT_LE(a.suggestions.size(), 3u);
  EXPECT_EQ(a.suggestions[0], "by status");
  EXPECT_TRUE(has(a.suggestions, "monthly trend"));
}

TEST(answer_writer, grouped_names_the_leaders) {
  auto model = shop();
  auto rows = make_rows({{"region", "text"}, {"revenue", "numeric"}},
                        {{"East", "3100.5"}, {"West", "4123456"}, {"North", "10"},
                         {"South", "5"}, {"Central", "1"}, {"Islands", "0.5"}});
  auto plan = make_plan(
    "SELECT r.name AS region, SUM(o.amount) AS revenue FROM orders o JOIN customers c ON "
    "c.customer_id = o.customer_id JOIN regions r ON r.region_id = c.region_id GROUP BY r.name",
    {{"region", column_role::categorical}, {"revenue", column_role::numeric}});
  auto a = write_answer("revenue by region", plan, rows, &model);
  EXPECT_EQ(a.text, "Revenue is highest for West (4,123,456.00), followed by East (3,100.50); "
                    "6 regions in all.");
  EXPECT_TRUE(has(a.suggestions, "top 5"));
  EXPECT_TRUE(has(a.suggestions, "average instead"));
  EXPECT_FALSE(has(a.suggestions, "by region"));
}

TEST(answer_writer, grouped_never_repeats_what_is_applied) {
  auto model = shop();
  auto rows = make_rows({{"status", "text"}, {"average_amount", "numeric"}},
                        {{"shipped", "10"}, {"pending", "4"}});
  auto plan = make_plan("SELECT status, AVG(amount) AS average_amount FROM orders "
                        "WHERE order_date >= '2024-01-01' GROUP BY status ORDER BY 2 DESC LIMIT 5");
  auto a = write_answer("average amount by status", plan, rows, &model);
  EXPECT_FALSE(has(a.suggestions, "top 5"));
  EXPECT_FALSE(has(a.suggestions, "average instead"));
  EXPECT_FALSE(has(a.suggestions, "by status"));
  for (auto& s : a.suggestions)
    EXPECT_EQ(s.rfind("only ", 0), std::string::npos) << s; // time already filtered
  EXPECT_GE(a.suggestions.size(), 1u);
}

TEST(answer_writer, trend_from_first_to_last) {
  auto model = shop();
  auto rows = make_rows({{"month", "date"}, {"revenue", "numeric"}},
                        {{"2024-12-01", "30"}, {"2022-01-01", "10"}, {"2023-06-01", "20"}});
  auto plan = make_plan("SELECT date_trunc('month', order_date) AS month, SUM(amount) AS revenue "
                        "FROM orders GROUP BY 1",
                        {{"month", column_role::time}, {"revenue", column_role::numeric}});
  auto a = write_answer("monthly revenue", plan, rows, &model);
  EXPECT_EQ(a.text, "Revenue went from 10 in 2022-01 to 30 in 2024-12 (+200.0%).");
  EXPECT_TRUE(has(a.suggestions, "only 2024"));
  EXPECT_FALSE(has(a.suggestions, "monthly trend"));
}

TEST(answer_writer, listing_counts_and_caps) {
  auto model = shop();
  std::vector<std::vector<std::optional<std::string>>> data;
  for (int i = 0; i < 20; ++i)
    data.push_back({"Customer " + std::to_string(i), "a@example.com"});
  auto rows = make_rows({{"name", "text"}, {"email", "text"}}, data, 21);
  auto a = write_answer("list customers", make_plan("SELECT name, email FROM customers"), rows,
                        &model);
  // The executor stops reading at the cap: it knows only that there is more.
  EXPECT_EQ(a.text, "Found more than 20 customers; showing the first 20.");
  EXPECT_EQ(a.suggestions.at(0), "by segment");
}

TEST(answer_writer, empty_result_says_so) {
  auto rows = make_rows({{"revenue", "numeric"}}, {});
  auto plan = make_plan("SELECT 1");
  plan.explanation = "Total revenue of orders from Atlantis.";
  auto a = write_answer("revenue from Atlantis", plan, rows, nullptr);
  EXPECT_EQ(a.text.rfind("No rows matched", 0), 0u);
  EXPECT_NE(a.text.find("total revenue of orders from Atlantis"), std::string::npos);
  auto bare = write_answer("revenue from Atlantis", make_plan(""), rows, nullptr);
  EXPECT_NE(bare.text.find("\"revenue from Atlantis\""), std::string::npos);
}

TEST(answer_writer, works_without_a_model) {
  auto rows = make_rows({{"orders", "bigint"}, {"revenue", "numeric"}}, {{"12", "340.5"}});
  auto a = write_answer("orders and revenue", make_plan("SELECT COUNT(*), SUM(x) FROM t"), rows,
                        nullptr);
  EXPECT_EQ(a.text, "Orders is 12 and revenue is 340.50.");
}

} // namespace
} // namespace medha
