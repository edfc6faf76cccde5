#include "actors/visualization/chart_picker.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace medha {
namespace {

namespace json = boost::json;

result_set make_rows(std::vector<result_column> columns,
                     std::vector<std::vector<std::optional<std::string>>> rows) {
  result_set r;
  r.columns = std::move(columns);
  r.rows = std::move(rows);
  r.row_count = r.rows.size();
  return r;
}

// Every spec is Vega-Lite v5 with data, a mark and an encoding.
json::object parse_spec(const chart& c) {
  json::error_code ec;
  auto v = json::parse(c.spec_json, ec);
  EXPECT_FALSE(ec) << c.spec_json;
  if (ec || !v.is_object())
    return {};
  auto o = v.get_object();
  EXPECT_EQ(o["$schema"], "https://vega.github.io/schema/vega-lite/v5.json");
  EXPECT_TRUE(o.contains("mark"));
  EXPECT_TRUE(o.contains("encoding"));
  EXPECT_TRUE(o["data"].as_object()["values"].is_array());
  return o;
}

std::string mark_of(json::object& spec) {
  auto& m = spec["mark"];
  return std::string(m.is_string() ? m.get_string() : m.as_object()["type"].as_string());
}

const result_set by_region = make_rows({{"region", "text"}, {"revenue", "numeric"}},
                                       {{"East", "3100.5"}, {"West", "4123456"}, {"North", std::nullopt}});

TEST(chart_picker, one_number_is_a_kpi_text_mark) {
  auto rows = make_rows({{"total_revenue", "numeric"}}, {{"12345678.9"}});
  auto c = pick_chart(rows, {});
  EXPECT_EQ(c.kind, "kpi");
  auto spec = parse_spec(c);
  EXPECT_EQ(mark_of(spec), "text");
  auto& text = spec["encoding"].as_object()["text"].as_object();
  EXPECT_EQ(text["field"], "total_revenue");
  EXPECT_EQ(spec["title"], "Total revenue");
  EXPECT_EQ(spec["data"].as_object()["values"].as_array()[0].as_object()["total_revenue"],
            12345678.9);
}

TEST(chart_picker, time_and_number_is_a_sorted_line) {
  auto rows = make_rows({{"month", "date"}, {"revenue", "numeric"}},
                        {{"2024-03-01", "30"}, {"2024-01-01", "10"}, {"2024-02-01", "20"}});
  auto c = pick_chart(rows, {});
  EXPECT_EQ(c.kind, "line");
  auto spec = parse_spec(c);
  auto& enc = spec["encoding"].as_object();
  EXPECT_EQ(enc["x"].as_object()["type"], "temporal");
  EXPECT_EQ(enc["y"].as_object()["type"], "quantitative");
  auto& values = spec["data"].as_object()["values"].as_array();
  ASSERT_EQ(values.size(), 3u);
  EXPECT_EQ(values[0].as_object()["month"], "2024-01-01");
  EXPECT_EQ(values[2].as_object()["revenue"], 30);
}

TEST(chart_picker, plan_role_time_makes_a_line) {
  // A year computed as an integer is a time axis when the plan says so.
  auto rows = make_rows({{"year", "integer"}, {"orders", "bigint"}}, {{"2023", "5"}, {"2024", "7"}});
  sql_plan plan;
  plan.columns = {{"year", column_role::time}, {"orders", column_role::numeric}};
  EXPECT_EQ(pick_chart(rows, plan).kind, "line");
  EXPECT_EQ(pick_chart(rows, {}).kind, "scatter"); // without the plan: two numbers
}

TEST(chart_picker, category_and_number_is_a_bar_by_value) {
  auto c = pick_chart(by_region, {});
  EXPECT_EQ(c.kind, "bar");
  auto spec = parse_spec(c);
  auto& x = spec["encoding"].as_object()["x"].as_object();
  EXPECT_EQ(x["sort"], "-y");
  EXPECT_EQ(x["type"], "nominal");
  auto& values = spec["data"].as_object()["values"].as_array();
  EXPECT_EQ(values[1].as_object()["revenue"], 4123456);
  EXPECT_TRUE(values[2].as_object()["revenue"].is_null());
}

TEST(chart_picker, bar_keeps_the_sql_order) {
  sql_plan plan;
  plan.sql = "SELECT region, revenue FROM x ORDER BY region";
  auto spec = parse_spec(pick_chart(by_region, plan));
  EXPECT_TRUE(spec["encoding"].as_object()["x"].as_object()["sort"].is_null());
}

TEST(chart_picker, too_many_categories_is_a_table) {
  result_set rows = make_rows({{"customer", "text"}, {"revenue", "numeric"}}, {});
  for (int i = 0; i < 51; ++i)
    rows.rows.push_back({"c" + std::to_string(i), std::to_string(i)});
  auto c = pick_chart(rows, {});
  EXPECT_EQ(c.kind, "table");
  EXPECT_EQ(c.spec_json, "{}");
}

TEST(chart_picker, two_numbers_is_a_scatter) {
  auto rows = make_rows({{"unit_price", "numeric"}, {"quantity", "integer"}},
                        {{"9.5", "3"}, {"12", "1"}});
  auto c = pick_chart(rows, {});
  EXPECT_EQ(c.kind, "scatter");
  auto spec = parse_spec(c);
  EXPECT_EQ(mark_of(spec), "point");
  EXPECT_EQ(spec["encoding"].as_object()["x"].as_object()["type"], "quantitative");
}

TEST(chart_picker, listings_and_empty_results_are_tables) {
  auto listing = make_rows({{"name", "text"}, {"email", "text"}, {"city", "text"}},
                           {{"Ann", "a@x", "Oslo"}});
  EXPECT_EQ(pick_chart(listing, {}).kind, "table");
  auto empty = make_rows({{"revenue", "numeric"}}, {});
  EXPECT_EQ(pick_chart(empty, {}).kind, "table");
}

TEST(chart_picker, hints_win_when_the_shape_allows) {
  sql_plan plan;
  plan.chart_hint = "table";
  EXPECT_EQ(pick_chart(by_region, plan).kind, "table");
  plan.chart_hint = "line";
  auto line = pick_chart(by_region, plan);
  EXPECT_EQ(line.kind, "line");
  parse_spec(line);

  auto months = make_rows({{"month", "date"}, {"revenue", "numeric"}},
                          {{"2024-01-01", "10"}, {"2024-02-01", "20"}});
  plan.chart_hint = "bar";
  auto bar = pick_chart(months, plan);
  EXPECT_EQ(bar.kind, "bar");
  auto spec = parse_spec(bar);
  EXPECT_EQ(spec["encoding"].as_object()["x"].as_object()["type"], "ordinal");

  auto one_row = make_rows({{"orders", "bigint"}, {"revenue", "numeric"}}, {{"5", "10.5"}});
  plan.chart_hint = "kpi";
  EXPECT_EQ(pick_chart(one_row, plan).kind, "kpi");
  // A kpi hint cannot turn three rows into one number.
  EXPECT_EQ(pick_chart(by_region, plan).kind, "bar");
}

TEST(chart_picker, dotted_column_names_are_escaped) {
  auto rows = make_rows({{"r.name", "text"}, {"sum", "numeric"}}, {{"West", "1"}});
  auto spec = parse_spec(pick_chart(rows, {}));
  EXPECT_EQ(spec["encoding"].as_object()["x"].as_object()["field"], "r\\.name");
}

TEST(chart_picker, caps_inline_rows) {
  result_set rows = make_rows({{"day", "date"}, {"n", "integer"}}, {});
  for (int i = 0; i < 600; ++i)
    rows.rows.push_back({"2024-01-01", std::to_string(i)});
  auto spec = parse_spec(pick_chart(rows, {}));
  EXPECT_EQ(spec["data"].as_object()["values"].as_array().size(), 500u);
}

} // namespace
} // namespace medha
