// A ratio per group whose two sides count rows of different tables: each side
// its own grouped query, joined on the groups either side has.
#include <algorithm>

#include "actors/sqlgen/sql_compiler_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::compiling {

// "ratio of drivers to vans by depot region": the two sides count
// rows of different tables, so each is its own query over the same groups,
// and every group either side has is a row (a side without rows there
// counts 0); a single join would drop the groups one side lacks.
std::optional<compiled_query> ratio_of_two_tables_per_group(const indexed_model& model,
                                                            const query& q) {
  if (q.kind != query_kind::aggregate || q.dimensions.empty()
      || (q.measures.size() != 1 && q.measures.size() != 3))
    return std::nullopt;
  auto& m = q.measures.front();
  // With the two sides' own numbers beside it: exactly the sides, plain.
  auto plain_side = [](const measure& shown, const measure& side) {
    return shown.form == measure_form::plain && shown.agg == side.agg
           && shown.metric == side.metric && shown.column == side.column
           && shown.condition.empty() && side.condition.empty();
  };
  bool with_sides = q.measures.size() == 3;
  if (with_sides && (m.over.size() != 1 || !plain_side(q.measures[1], m)
                     || !plain_side(q.measures[2], m.over.front())))
    return std::nullopt;
  if (m.form != measure_form::ratio || m.over.size() != 1 || m.over_all_groups || m.row_by_row
      || measure_table(model, m) == measure_table(model, m.over.front()))
    return std::nullopt;
  for (auto& f : q.filters)
    if (f.measure >= 0)
      return std::nullopt;
  auto side = [&](const measure& x) {
    query s = q;
    s.measures = {x};
    s.measures.front().form = measure_form::plain;
    s.measures.front().condition.clear();
    s.measures.front().over.clear();
    s.measures.front().alias = "value";
    s.filters.insert(s.filters.end(), x.condition.begin(), x.condition.end());
    s.order.clear();
    s.limit = 0;
    return compile(model, s);
  };
  auto num = side(m), den = side(m.over.front());
  for (auto* c : {&num, &den})
    if (c->status != compile_status::ok)
      return *c;
  if (num.columns.size() != den.columns.size())
    return std::nullopt;
  auto in = [](const char* side_alias, const std::string& column) {
    return quote_identifier(side_alias) + "." + quote_identifier(column);
  };
  compiled_query out;
  std::vector<std::string> select, keys, on_d, on_n, groups;
  std::vector<std::pair<std::string, bool>> order_by;
  for (size_t i = 0; i + 1 < den.columns.size(); ++i) {
    auto& name = den.columns[i].name;
    if (num.columns[i].name != name)
      return std::nullopt;
    keys.push_back(quote_identifier(name));
    select.push_back(in("g", name) + " AS " + quote_identifier(name));
    on_d.push_back(in("d", name) + " IS NOT DISTINCT FROM " + in("g", name));
    on_n.push_back(in("n", name) + " IS NOT DISTINCT FROM " + in("g", name));
    groups.push_back(in("g", name));
    out.columns.push_back(den.columns[i]);
    if (den.columns[i].role == column_role::time)
      order_by.emplace_back(in("g", name), false);
  }
  auto alias = m.alias.empty() ? measure_alias(model, m) : m.alias;
  select.push_back("CAST(COALESCE(" + in("n", "value") + ", 0) AS FLOAT) / NULLIF("
                   + in("d", "value") + ", 0) AS " + quote_identifier(alias));
  out.columns.push_back({alias, column_role::numeric});
  if (with_sides)
    for (size_t i = 1; i < 3; ++i) {
      auto& shown = q.measures[i];
      auto a = shown.alias.empty() ? measure_alias(model, shown) : shown.alias;
      if (a == alias)
        a += "_" + std::to_string(i + 1);
      select.push_back("COALESCE(" + in(i == 1 ? "n" : "d", "value") + ", 0) AS "
                       + quote_identifier(a));
      out.columns.push_back({a, column_role::numeric});
    }
  // The order asked for, else as grouped measures are ordered: by time, or
  // from the largest ratio.
  if (!q.order.empty()) {
    order_by.clear();
    for (auto& o : q.order) {
      if (o.measure == 0) {
        order_by.emplace_back(quote_identifier(alias), o.descending);
        continue;
      }
      for (size_t i = 0; i < q.dimensions.size(); ++i)
        if (q.dimensions[i].column == o.column && i < groups.size())
          order_by.emplace_back(groups[i], o.descending);
    }
  } else if (order_by.empty()) {
    order_by.emplace_back(quote_identifier(alias), true);
    for (auto& g : groups)
      order_by.emplace_back(g, false);
  }
  std::vector<std::string> sort;
  for (auto& [e, desc] : order_by)
    sort.push_back(e + (desc ? " DESC" : ""));
  auto group_keys = join(keys, ", ");
  out.sql = "WITH " + quote_identifier("d") + " AS (" + den.sql + "), " + quote_identifier("n")
            + " AS (" + num.sql + ") SELECT " + join(select, ", ") + " FROM (SELECT " + group_keys
            + " FROM " + quote_identifier("d") + " UNION SELECT " + group_keys + " FROM "
            + quote_identifier("n") + ") AS " + quote_identifier("g") + " LEFT JOIN "
            + quote_identifier("d") + " ON " + join(on_d, " AND ") + " LEFT JOIN "
            + quote_identifier("n") + " ON " + join(on_n, " AND ")
            + (sort.empty() ? "" : " ORDER BY " + join(sort, ", "));
  out.tables = den.tables;
  for (auto& t : num.tables)
    if (std::find(out.tables.begin(), out.tables.end(), t) == out.tables.end())
      out.tables.push_back(t);
  return out;
}

} // namespace medha::sqlgen::compiling
