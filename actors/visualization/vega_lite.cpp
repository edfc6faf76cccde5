#include "actors/visualization/vega_lite.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <vector>

#include <boost/json.hpp>

namespace medha::visualization {

namespace json = boost::json;

namespace {

constexpr std::string_view schema_url = "https://vega.github.io/schema/vega-lite/v5.json";

// PostgreSQL prints numbers as text; Vega-Lite needs JSON numbers to scale an
// axis. Integers stay exact, anything else unparsable stays a string.
json::value number_or_string(const std::string& text) {
  if (text.empty())
    return json::value(text);
  errno = 0;
  char* end = nullptr;
  long long i = std::strtoll(text.c_str(), &end, 10);
  if (errno == 0 && end == text.c_str() + text.size())
    return json::value(static_cast<int64_t>(i));
  errno = 0;
  double d = std::strtod(text.c_str(), &end);
  if (errno == 0 && end == text.c_str() + text.size() && std::isfinite(d))
    return json::value(d);
  return json::value(text);
}

// Vega-Lite reads dots and brackets in a field name as nested access.
std::string field_ref(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == '.' || c == '[' || c == ']' || c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

json::object channel(const result_set& rows, size_t column, std::string_view type) {
  const auto& name = rows.columns[column].name;
  return json::object{{"field", field_ref(name)}, {"type", type}, {"title", title_of(name)}};
}

bool less_for_axis(const std::optional<std::string>& a, const std::optional<std::string>& b,
                   bool numeric) {
  if (!a || !b)
    return b.has_value() && !a.has_value(); // NULLs first
  if (numeric) {
    char* ea = nullptr;
    char* eb = nullptr;
    double da = std::strtod(a->c_str(), &ea);
    double db = std::strtod(b->c_str(), &eb);
    if (*ea == '\0' && *eb == '\0')
      return da < db;
  }
  return *a < *b; // ISO dates and timestamps sort as text
}

} // namespace

std::string title_of(const std::string& column) {
  std::string t = column;
  std::replace(t.begin(), t.end(), '_', ' ');
  if (!t.empty() && t[0] >= 'a' && t[0] <= 'z')
    t[0] = static_cast<char>(t[0] - 'a' + 'A');
  return t;
}

std::string vega_lite_spec(const result_set& rows, const chart_layout& layout) {
  const size_t count = std::min(rows.rows.size(), max_spec_rows);

  // Which columns become JSON numbers: numeric types, and whatever sits on a
  // quantitative channel.
  std::vector<bool> numeric(rows.columns.size(), false);
  for (size_t c = 0; c < rows.columns.size(); ++c)
    numeric[c] = is_numeric_type(rows.columns[c].type);
  if (layout.y)
    numeric[*layout.y] = true;
  if (layout.x && layout.x_quantitative)
    numeric[*layout.x] = true;

  // A line is drawn in row order: sort by x so the line does not zigzag.
  std::vector<size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  if (layout.mark == "line" && layout.x) {
    const size_t x = *layout.x;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return less_for_axis(rows.rows[a][x], rows.rows[b][x], numeric[x]);
    });
  }

  json::array values;
  values.reserve(count);
  for (size_t r : order) {
    json::object row;
    for (size_t c = 0; c < rows.columns.size() && c < rows.rows[r].size(); ++c) {
      const auto& cell = rows.rows[r][c];
      if (!cell)
        row[rows.columns[c].name] = nullptr;
      else if (numeric[c])
        row[rows.columns[c].name] = number_or_string(*cell);
      else
        row[rows.columns[c].name] = *cell;
    }
    values.emplace_back(std::move(row));
  }

  json::object spec;
  spec["$schema"] = schema_url;
  spec["data"] = json::object{{"values", std::move(values)}};
  json::object encoding;
  json::array tooltip;

  if (layout.mark == "text") {
    // A KPI: the one number, large, with thousands separators.
    spec["mark"] = json::object{{"type", "text"}, {"fontSize", 40}, {"fontWeight", "bold"}};
    if (layout.y) {
      auto text = channel(rows, *layout.y, "quantitative");
      text["format"] = ",.2~f";
      encoding["text"] = std::move(text);
      spec["title"] = title_of(rows.columns[*layout.y].name);
    }
  } else {
    if (layout.mark == "line")
      spec["mark"] = json::object{{"type", "line"}, {"point", true}};
    else
      spec["mark"] = json::object{{"type", layout.mark}, {"tooltip", true}};
    if (layout.x) {
      std::string_view type = layout.x_quantitative ? "quantitative"
                              : layout.x_temporal   ? (layout.mark == "bar" ? "ordinal" : "temporal")
                                                    : "nominal";
      auto x = channel(rows, *layout.x, type);
      if (layout.mark == "bar")
        x["sort"] = layout.sort_by_y_descending ? json::value("-y") : json::value(nullptr);
      encoding["x"] = std::move(x);
      tooltip.emplace_back(channel(rows, *layout.x, type));
    }
    if (layout.y) {
      encoding["y"] = channel(rows, *layout.y, "quantitative");
      tooltip.emplace_back(channel(rows, *layout.y, "quantitative"));
    }
    if (layout.color) {
      encoding["color"] = channel(rows, *layout.color, "nominal");
      tooltip.emplace_back(channel(rows, *layout.color, "nominal"));
    }
    if (!tooltip.empty())
      encoding["tooltip"] = std::move(tooltip);
  }
  spec["encoding"] = std::move(encoding);
  return json::serialize(spec);
}

} // namespace medha::visualization
