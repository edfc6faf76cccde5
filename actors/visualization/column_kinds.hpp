#pragma once

#include <vector>

#include "messages/result_set.hpp"
#include "messages/sql_plan.hpp"

namespace medha::visualization {

/// How a result column can be drawn: on a time axis, as a measure, or as a
/// category (text, booleans and keys all group the same way on a chart).
enum class column_kind { time, numeric, category };

/// The kind of each result column, by the plan's role for the column of the
/// same name, else by its PostgreSQL type.
std::vector<column_kind> column_kinds(const result_set& rows, const sql_plan& plan);

} // namespace medha::visualization
