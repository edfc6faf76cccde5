// Follow-ups that turn a number back into the rows behind it: "which one
// was the heaviest?" after an average weight, "show me the refunds" or
// "which one took longest?" after a count.
#include "actors/sqlgen/follow_up.hpp"

#include "actors/sqlgen/back_reference.hpp"

namespace medha::sqlgen {

std::optional<query> rows_behind_a_count_or_number(const query& q, const reading& r) {
  // "which one was the heaviest?" after one number (the average weight
  // of some parcels): the rows it was computed over, ranked by the column
  // it measured.
  bool ranks_one_number = q.kind == query_kind::aggregate && q.dimensions.empty()
                          && q.measures.size() == 1 && !q.measures[0].column.column.empty()
                          && q.measures[0].agg != aggregate::count
                          && q.measures[0].agg != aggregate::count_distinct
                          && r.measures.empty() && r.dimensions.empty() && r.entity.empty()
                          && r.selected.empty() && (r.asked_list || r.listing || r.top_n == 1)
                          && (r.top_n > 0 || r.limit > 0 || r.has_direction || !r.order.empty());
  if (ranks_one_number) {
    auto measured = q.measures[0].column;
    query rows;
    rows.kind = query_kind::listing;
    rows.entity = measured.table;
    for (auto& f : q.filters)
      if (f.measure < 0)
        rows.filters.push_back(f);
    ordering o;
    o.column = measured;
    o.descending = r.top_n > 0 ? r.top_descending
                 : !r.order.empty() ? r.order.front().descending : r.descending;
    rows.order = {o};
    rows.limit = r.top_n > 0 ? r.top_n : r.limit > 0 ? r.limit : 1;
    rows.via = q.via;
    return rows;
  }
  // "show me the refunds" after a count by kind: the rows counted that have
  // the value named, listed; "which one took longest?": those rows ranked.
  bool lists_counted = q.kind == query_kind::aggregate && q.measures.size() == 1
                       && q.measures[0].metric.empty() && q.measures[0].column.column.empty()
                       && q.measures[0].agg == aggregate::count && r.measures.empty()
                       && ((r.asked_list && !r.filters.empty()) || (r.implicit_entity && !r.order.empty()))
                       && (r.entity.empty() || (r.implicit_entity && r.entity == q.measures[0].column.table))
                       && r.selected.empty() && r.dimensions.empty();
  if (lists_counted) {
    query rows;
    rows.kind = query_kind::listing;
    rows.entity = q.measures[0].column.table;
    // "show the retired ones" after a count of those still serving: a value of the same
    // column says which rows instead, as in any other follow-up.
    for (auto& f : q.filters)
      if (f.measure < 0 && !restates(r.filters, f))
        rows.filters.push_back(f);
    for (auto& f : r.filters)
      rows.filters.push_back(f);
    rows.order = r.order; // "which one took longest?": ranked
    rows.limit = r.limit;
    rows.via = q.via;
    return rows;
  }
  return std::nullopt;
}

} // namespace medha::sqlgen
