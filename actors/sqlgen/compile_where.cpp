// WHERE and HAVING of a compiled query: the question's filters (on rows, or on
// a measure per group), what a ranking leaves out, and the model's rules for
// every table used.
#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/rules_applied.hpp"
#include "actors/sqlgen/sql_compiler_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "messages/result_set.hpp"

namespace medha::sqlgen::compiling {

std::string compiler::conditions(const std::vector<filter>& fs) {
  std::string s;
  for (auto& f : fs)
    s += (s.empty() ? "" : " AND ") + filter_sql(f);
  return s;
}

void compiler::where_and_having() {
  for (auto& f : q.filters) {
    if (f.measure >= 0) {
      if (f.measure < static_cast<int>(q.measures.size())) {
        filter copy = f;
        copy.column = {};
        having.push_back(measure_sql(q.measures[f.measure]) + " "
                         + filter_sql(copy).substr(1)); // drop the empty column's space
      }
      continue;
    }
    where.push_back(filter_sql(f));
  }
  // A ranking ("the 3 countries with the most", "the longest rivers") is of
  // things that are there: a group or a value that is missing ranks nowhere,
  // unless the question asked for missing ones itself.
  bool ranking = q.limit > 0 && !q.order.empty();
  if (ranking) {
    auto asked_missing = [&](const column_ref& c) {
      return std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
        return f.column == c && f.op == filter_op::is_null;
      });
    };
    std::vector<column_ref> ranked;
    if (!listing)
      for (auto& d : q.dimensions)
        ranked.push_back(d.column);
    for (auto& o : q.order)
      if (!o.column.empty() && o.measure < 0)
        ranked.push_back(o.column);
    std::set<std::string> said;
    for (auto& c : ranked) {
      if (c.column.empty() || asked_missing(c) || !said.insert(qualified(c)).second)
        continue;
      where.push_back(qualified(c) + " IS NOT NULL");
      auto* t = table_of(model, c.table);
      auto* info = t ? t->find_column(c.column) : nullptr;
      if (info && is_text_type(info->type))
        where.push_back(qualified(c) + " <> ''");
    }
  }
  for (auto* r : rules_applied(model, q, out.tables))
    where.push_back("(" + qualify_expression(model, r->filter, r->table) + ")");
}

} // namespace medha::sqlgen::compiling
