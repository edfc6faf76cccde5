// Query structures rewritten before they are compiled: groups read from the
// root's own foreign key instead of a join, and a count of the entities that
// pass a condition on their own counts, as a count over a grouped subquery.
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::compiling {

// Groups by a table's key that the root table already holds ("lakes per
// state" where lake.state_name references state.state_name) read the root's
// own column: the join would add nothing but drop rows with no match.
query without_needless_joins(const indexed_model& model, const query& q) {
  if (q.kind != query_kind::aggregate || q.dimensions.empty() || q.measures.empty())
    return q;
  auto root = root_table(model, q);
  auto used_elsewhere = [&](const std::string& table) {
    for (auto& m : q.measures) {
      if (m.column.table == table || m.per.table == table)
        return true;
      if (!m.metric.empty())
        if (auto* def = find_metric(model, m.metric); def && def->table == table)
          return true;
      for (auto& f : m.condition)
        if (f.column.table == table)
          return true;
      for (auto& d : m.over) {
        if (measure_table(model, d) == table)
          return true;
        for (auto& f : d.condition)
          if (f.column.table == table)
            return true;
      }
    }
    for (auto& f : q.filters)
      if (f.column.table == table)
        return true;
    for (auto& c : q.selected)
      if (c.table == table)
        return true;
    return q.entity == table && q.entity != root;
  };
  query out = q;
  // "... per paper, ordered by paper id": a column of a grouped table that the
  // order names is grouped too, so that the order can use it.
  for (auto& o : q.order) {
    if (o.measure >= 0 || o.column.empty())
      continue;
    bool grouped = false, same_table = false;
    for (auto& d : out.dimensions) {
      grouped = grouped || d.column == o.column;
      same_table = same_table || (d.column.table == o.column.table && d.bucket == time_bucket::none);
    }
    if (!grouped && same_table) {
      dimension d;
      d.column = o.column;
      out.dimensions.insert(out.dimensions.begin(), d);
    }
  }
  for (auto& d : out.dimensions) {
    if (d.bucket != time_bucket::none || d.column.table == root || used_elsewhere(d.column.table))
      continue;
    for (auto& rel : model.relationships)
      if (rel.from_table == root && rel.to_table == d.column.table && rel.to_columns.size() == 1
          && rel.to_columns[0] == d.column.column) {
        for (auto& o : out.order)
          if (o.column == d.column)
            o.column = {root, rel.from_columns[0]};
        d.column = {root, rel.from_columns[0]};
        break;
      }
  }
  return out;
}

// "How many members have more than 2 loans": the entities counted are those
// whose own count passes the condition; the per-entity counts are grouped
// in a subquery by the entity's key, and its rows counted.
std::optional<compiled_query> count_of_qualifying(const indexed_model& model, const query& q) {
  if (q.kind != query_kind::aggregate || !q.dimensions.empty() || q.measures.size() < 2)
    return std::nullopt;
  auto& counted = q.measures.front();
  if (counted.agg != aggregate::count || !counted.metric.empty() || !counted.column.column.empty()
      || counted.form != measure_form::plain)
    return std::nullopt;
  bool per_entity_condition = false;
  for (auto& f : q.filters)
    if (f.measure == 0)
      return std::nullopt;
    else if (f.measure > 0)
      per_entity_condition = true;
  auto* pk = row_key(model, counted.column.table);
  if (!per_entity_condition || !pk)
    return std::nullopt;
  query inner = q;
  inner.measures.erase(inner.measures.begin());
  inner.order.clear();
  inner.limit = 0;
  inner.dimensions = {dimension{{counted.column.table, pk->name}, time_bucket::none, ""}};
  for (auto& f : inner.filters)
    if (f.measure > 0)
      --f.measure;
  auto sub = compile(model, inner);
  if (sub.status != compile_status::ok)
    return sub;
  auto alias = measure_alias(model, counted);
  compiled_query out;
  out.sql = "SELECT COUNT(*) AS " + quote_identifier(alias) + " FROM (" + sub.sql + ") AS "
            + quote_identifier("qualifying");
  out.columns = {{alias, column_role::numeric}};
  out.tables = sub.tables;
  return out;
}

} // namespace medha::sqlgen::compiling
