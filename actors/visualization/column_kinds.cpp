#include "actors/visualization/column_kinds.hpp"

namespace medha::visualization {

std::vector<column_kind> column_kinds(const result_set& rows, const sql_plan& plan) {
  std::vector<column_kind> kinds;
  kinds.reserve(rows.columns.size());
  for (const auto& col : rows.columns) {
    const output_column* planned = nullptr;
    for (const auto& p : plan.columns)
      if (p.name == col.name)
        planned = &p;
    // The plan knows what sqlgen meant (a numeric "year" is a time bucket);
    // the type is the fallback for SQL the plan does not describe.
    if (planned && planned->role == column_role::time)
      kinds.push_back(column_kind::time);
    else if (planned && planned->role == column_role::numeric)
      kinds.push_back(column_kind::numeric);
    else if (planned)
      kinds.push_back(column_kind::category);
    else if (is_time_type(col.type))
      kinds.push_back(column_kind::time);
    else if (is_numeric_type(col.type))
      kinds.push_back(column_kind::numeric);
    else
      kinds.push_back(column_kind::category);
  }
  return kinds;
}

} // namespace medha::visualization
