#pragma once

#include "messages/chart.hpp"
#include "messages/result_set.hpp"
#include "messages/sql_plan.hpp"

namespace medha {

/// Picks a chart for a result from its shape and the plan's column roles, and
/// writes its Vega-Lite v5 spec with the data inline:
///   one row, one numeric column             -> "kpi" (a text mark)
///   a time column and a numeric one         -> "line" (x temporal, sorted)
///   one category, one numeric, <= 50 rows   -> "bar" (by value, descending,
///                                              unless the SQL orders it)
///   two numeric columns                     -> "scatter"
///   anything else                           -> "table" (spec "{}")
/// plan.chart_hint ("kpi", "line", "bar", "table") wins when the shape allows.
chart pick_chart(const result_set& rows, const sql_plan& plan);

} // namespace medha
