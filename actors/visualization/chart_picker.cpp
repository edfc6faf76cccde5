#include "actors/visualization/chart_picker.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "actors/visualization/column_kinds.hpp"
#include "actors/visualization/vega_lite.hpp"

namespace medha {

using visualization::chart_layout;
using visualization::column_kind;
using visualization::column_kinds;
using visualization::max_spec_rows;
using visualization::vega_lite_spec;

namespace {

// More bars than this stop being readable; the table shows them better.
constexpr size_t max_bars = 50;

// The columns of a result grouped by kind, in result order.
struct shape {
  std::vector<size_t> times;
  std::vector<size_t> numerics;
  std::vector<size_t> categories;
  size_t columns = 0;
  size_t rows = 0;
};

shape shape_of(const result_set& rows, const sql_plan& plan) {
  shape s;
  auto kinds = column_kinds(rows, plan);
  for (size_t c = 0; c < kinds.size(); ++c) {
    switch (kinds[c]) {
      case column_kind::time: s.times.push_back(c); break;
      case column_kind::numeric: s.numerics.push_back(c); break;
      case column_kind::category: s.categories.push_back(c); break;
    }
  }
  s.columns = kinds.size();
  s.rows = rows.rows.size();
  return s;
}

// True when the SQL sorts its result: bars then keep the query's order (a
// "top 5 by date" must not be re-sorted by value). A textual check: an ORDER
// BY inside a window or subquery also counts, which only costs the re-sort.
bool sql_orders(const std::string& sql) {
  std::string lower(sql.size(), ' ');
  std::transform(sql.begin(), sql.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("order by") != std::string::npos;
}

chart table_chart() { return chart{"table", "{}"}; }

chart kpi_chart(const result_set& rows, size_t value) {
  chart_layout l;
  l.mark = "text";
  l.y = value;
  return chart{"kpi", vega_lite_spec(rows, l)};
}

chart line_chart(const result_set& rows, const shape& s) {
  chart_layout l;
  l.mark = "line";
  l.y = s.numerics.front();
  if (!s.times.empty()) {
    l.x = s.times.front();
    l.x_temporal = true;
    if (!s.categories.empty())
      l.color = s.categories.front(); // one line per category
  } else {
    l.x = s.categories.front(); // asked for a line over categories: ordinal x
  }
  return chart{"line", vega_lite_spec(rows, l)};
}

chart bar_chart(const result_set& rows, const shape& s, const sql_plan& plan) {
  chart_layout l;
  l.mark = "bar";
  l.y = s.numerics.front();
  if (!s.categories.empty()) {
    l.x = s.categories.front();
    l.sort_by_y_descending = !sql_orders(plan.sql);
  } else {
    l.x = s.times.front(); // time buckets stay in time order
    l.x_temporal = true;
  }
  return chart{"bar", vega_lite_spec(rows, l)};
}

chart scatter_chart(const result_set& rows, const shape& s) {
  chart_layout l;
  l.mark = "point";
  l.x = s.numerics[0];
  l.x_quantitative = true;
  l.y = s.numerics[1];
  if (!s.categories.empty())
    l.color = s.categories.front();
  return chart{"scatter", vega_lite_spec(rows, l)};
}

} // namespace

chart pick_chart(const result_set& rows, const sql_plan& plan) {
  const auto s = shape_of(rows, plan);
  if (s.rows == 0 || s.numerics.empty())
    return table_chart(); // nothing to measure: a chart would be empty
  const bool has_axis = !s.times.empty() || !s.categories.empty();

  // The user asked for a kind: honour it when the data can be drawn that way.
  const auto& hint = plan.chart_hint;
  if (hint == "table")
    return table_chart();
  if (hint == "kpi" && s.rows == 1)
    return kpi_chart(rows, s.numerics.front());
  if (hint == "line" && has_axis)
    return line_chart(rows, s);
  if (hint == "bar" && has_axis && s.rows <= max_spec_rows)
    return bar_chart(rows, s, plan);

  // Otherwise the result's shape decides.
  if (s.rows == 1 && s.columns == 1)
    return kpi_chart(rows, s.numerics.front());
  // One time axis, one measure, at most one series split: more is a table.
  if (s.times.size() == 1 && s.numerics.size() == 1 && s.categories.size() <= 1)
    return line_chart(rows, s);
  if (s.columns == 2 && s.categories.size() == 1 && s.rows <= max_bars)
    return bar_chart(rows, s, plan);
  if (s.numerics.size() == 2 && s.times.empty() && s.categories.size() <= 1)
    return scatter_chart(rows, s);
  return table_chart();
}

} // namespace medha
