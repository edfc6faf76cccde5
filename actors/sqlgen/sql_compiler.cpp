// The query structure as one SELECT: the tables it needs, joined from the
// root along foreign keys, and the statement put together from the parts the
// compile_*.cpp files write (select list, WHERE/HAVING, GROUP BY, order).
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/valid_on_day.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query_check.hpp"
#include "actors/sqlgen/sql_compiler_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

namespace compiling {

bool compiler::fail(compile_status s, std::string detail) {
  out.status = s;
  out.detail = std::move(detail);
  return false;
}

// Whether the step joins a table to the rows that reference it (a client to
// their deliveries): each row before it then appears once per match. A key
// that is also the referencing table's whole primary key is one row at most.
bool multiplies_rows(const indexed_model& model, const join_step& s) {
  auto* to = table_of(model, s.to_table);
  auto* key = to ? primary_key(*to) : nullptr;
  for (auto& r : model.relationships) {
    if (r.from_table != s.to_table || r.to_table != s.from_table || r.from_columns.size() != s.on.size())
      continue;
    bool same = true;
    for (size_t i = 0; i < s.on.size(); ++i)
      same = same && r.from_columns[i] == s.on[i].second && r.to_columns[i] == s.on[i].first;
    if (same)
      return !(key && r.from_columns.size() == 1 && r.from_columns[0] == key->name);
  }
  return false;
}

// A measure whose value changes when rows repeat: a sum or an average of a
// column (a count of rows counts distinct keys instead; min, max and
// distinct counts do not change).
bool compiler::repeats_with_rows(const measure& m) {
  if (!m.metric.empty()) {
    auto* def = find_metric(model, m.metric);
    std::string fn, arg;
    aggregate natural;
    if (!def || !split_outer_call(qualify_expression(model, def->expression, def->table), fn, arg)
        || !aggregate_of(fn, natural))
      return true;
    auto a = m.agg == aggregate::none ? natural : m.agg;
    return a == aggregate::sum || a == aggregate::avg || (a == aggregate::count && arg == "*");
  }
  if (m.column.column.empty())
    return false;
  return m.agg == aggregate::sum || m.agg == aggregate::avg || m.agg == aggregate::none;
}

bool compiler::check(const column_ref& c) {
  auto* t = table_of(model, c.table);
  if (!t)
    return fail(compile_status::unknown_reference, "no table " + c.table);
  if (!c.column.empty() && !t->find_column(c.column))
    return fail(compile_status::unknown_reference, "no column " + c.table + "." + c.column);
  return true;
}

// Every table the query names, the root (its first measure's, else its
// entity's) first.
std::vector<std::string> compiler::needed_tables() {
  std::vector<std::string> t;
  auto add = [&](const std::string& name) {
    if (!name.empty() && std::find(t.begin(), t.end(), name) == t.end())
      t.push_back(name);
  };
  for (auto& m : q.measures) {
    if (!m.metric.empty()) {
      if (auto* def = find_metric(model, m.metric))
        add(def->table);
    } else {
      add(m.column.table);
    }
    for (auto& f : m.condition)
      add(f.column.table);
    add(m.per.table);
    if (!separate_denominator(m))
      for (auto& d : m.over) {
        add(measure_table(model, d));
        for (auto& f : d.condition)
          add(f.column.table);
      }
  }
  add(q.entity);
  for (auto& d : q.dimensions)
    add(d.column.table);
  for (auto& c : q.selected)
    add(c.table);
  for (auto& f : q.filters) {
    add(f.column.table);
    if (f.op == filter_op::any_of)
      for (auto& w : f.within)
        add(w.column.table);
    if (f.op == filter_op::within_after)
      add(f.related_table); // the date the window starts from
  }
  for (auto& o : q.order)
    add(o.column.table);
  return t;
}

bool compiler::run() {
  if (auto why = check_types(model, q); !why.empty())
    return fail(compile_status::unsupported, why);
  for (auto& d : q.dimensions)
    if (!check(d.column))
      return false;
  for (auto& c : q.selected)
    if (!check(c))
      return false;
  for (auto& f : q.filters)
    if (!f.column.empty() && !check(f.column))
      return false;
  auto tables = needed_tables();
  if (tables.empty())
    return fail(compile_status::unknown_reference, "nothing to select");
  for (auto& t : tables)
    if (!table_of(model, t))
      return fail(compile_status::unknown_reference, "no table " + t);
  auto root = tables.front();
  root_name = root;
  join_hints hints;
  for (auto& c : q.via)
    hints.emplace_back(c.table, c.column);
  tree = connect(model, root, tables, hints);
  if (!tree.connected)
    return fail(compile_status::not_connected, "no join path from " + root);
  if (tree.ambiguous) {
    out.ambiguous_tables = tree.ambiguous_tables;
    return fail(compile_status::ambiguous_join, join(tree.ambiguous_tables, ", "));
  }
  // Two tables related only as two lists hanging from a row nobody named:
  // a guess at what the question relates, asked instead.
  auto named = tables;
  named.insert(named.end(), q.named.begin(), q.named.end());
  if (auto parent = unnamed_common_parent(model, tree, named, hints))
    return fail(compile_status::unsupported,
                "the tables it needs are linked only through " + entity_words(*parent)
                  + ", which the question does not name");
  out.tables.push_back(root);
  for (auto& s : tree.steps) {
    out.tables.push_back(s.to_table);
    fans_out = fans_out || multiplies_rows(model, s);
  }
  // A total or an average of the root's rows over a join that repeats them
  // counts each row once per match: a wrong number, never to be shown
  // (compile_fan_out.cpp).
  std::vector<std::string> summed; // the tables of the totals and averages
  for (auto& m : q.measures)
    if (repeats_with_rows(m))
      summed.push_back(measure_table(model, m));
  if (fans_out && q.kind != query_kind::listing && !summed.empty())
    if ((repeated_at = repeating_step(model, q, tree, summed)))
      return fail(compile_status::unsupported, "joining the tables it needs would count some rows more than once");

  listing = q.kind == query_kind::listing;
  if (listing ? !select_rows() : !select_groups())
    return false;
  if (out.status != compile_status::ok)
    return false;
  where_and_having();
  if (out.status != compile_status::ok)
    return false;

  // Rows ranked by a number of their own ("the 3 restaurants with the
  // highest rating") are rows: two of them with the same name and number
  // are still two, so nothing is merged.
  bool ranked_rows = listing && !fans_out && !q.order.empty()
                     && std::all_of(q.order.begin(), q.order.end(), [&](const ordering& o) {
                          auto role = role_of(model, o.column);
                          return o.column.table == (q.entity.empty() ? root : q.entity)
                                 && (role == column_role::numeric || role == column_role::time);
                        });
  std::string sql = "SELECT ";
  if (listing && (fans_out || !q.all_columns) && !ranked_rows)
    sql += "DISTINCT ";
  sql += join(select, ", ");
  sql += " FROM " + table_reference(model, root);
  for (auto& s : tree.steps) {
    std::string on;
    for (auto& [a, b] : s.on)
      on += std::string(on.empty() ? "" : " AND ") + qualified({s.to_table, b}) + " = "
            + qualified({s.from_table, a});
    sql += " JOIN " + table_reference(model, s.to_table) + " ON " + on;
  }
  if (!where.empty())
    sql += " WHERE " + join(where, " AND ");
  if (!group_by.empty() && !q.measures.empty() && !row_groups)
    sql += " GROUP BY " + join(group_by, ", ");
  // A condition on a number per group with no groups is a condition on the
  // one total: never what was asked.
  bool grouped = !group_by.empty() && !q.measures.empty() && !row_groups;
  if (!having.empty() && !grouped)
    return fail(compile_status::unsupported, "a condition on a count per group without groups");
  if (!having.empty())
    sql += " HAVING " + join(having, " AND ");
  if (!order_by.empty()) {
    std::vector<std::string> keys;
    for (auto& [e, desc] : order_by)
      keys.push_back(e + (desc ? " DESC" : ""));
    sql += " ORDER BY " + join(keys, ", ");
  }
  // A listing asked for no number of rows gets them all: the executor keeps
  // the first row_cap and says the result is cut short, so the answer never
  // states a count a LIMIT made up.
  int limit = q.limit > 0 ? q.limit : 0;
  if (limit > 0)
    sql += " LIMIT " + std::to_string(limit);
  out.sql = std::move(sql);
  return true;
}

} // namespace compiling

compiled_query compile(const indexed_model& model, const query& said) {
  using namespace compiling;
  auto q_in = months_in_periods(said);
  if (auto counted = count_of_qualifying(model, q_in))
    return *counted;
  if (auto ratio = ratio_of_two_tables_per_group(model, q_in))
    return *ratio;
  auto q = valid_on_the_day(model, without_needless_joins(model, q_in));
  compiler c{model, q};
  c.run();
  if (c.repeated_at)
    if (auto exists = conditions_as_existence(q, c.tree, *c.repeated_at)) {
      compiler again{model, *exists};
      if (again.run())
        return std::move(again.out);
    }
  if (c.out.status != compile_status::ok)
    c.out.sql.clear();
  return std::move(c.out);
}

} // namespace medha::sqlgen
