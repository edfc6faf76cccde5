#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "messages/result_set.hpp"

namespace medha::visualization {

/// What to draw: a mark and the result columns on its channels (indexes into
/// result_set::columns; nullopt leaves a channel out).
struct chart_layout {
  std::string mark; // "text" (kpi), "line", "bar", "point"
  std::optional<size_t> x;
  std::optional<size_t> y;
  std::optional<size_t> color;
  bool x_temporal = false;
  bool x_quantitative = false;
  bool sort_by_y_descending = false; // bars: biggest first
};

/// Rows inline as data values: at most this many, numbers as JSON numbers.
constexpr size_t max_spec_rows = 500;

/// The Vega-Lite v5 spec for `layout` over `rows`, as JSON text.
std::string vega_lite_spec(const result_set& rows, const chart_layout& layout);

/// "total_revenue" -> "Total revenue": axis titles a person reads.
std::string title_of(const std::string& column);

} // namespace medha::visualization
