#include "actors/refine/refine_structure.hpp"

#include <algorithm>
#include <variant>

#include "actors/sqlgen/explain.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "actors/sqlgen/sql_compiler.hpp"

namespace medha {

namespace {

using sqlgen::column_ref;
using sqlgen::query;

// What a name in a refine request points at: one of the query's measures (by
// its output name) or a column of the model.
using target = std::variant<int, column_ref>;

bool has_column(const sqlgen::indexed_model& model, const column_ref& c) {
  auto* t = sqlgen::table_of(model, c.table);
  return t && t->find_column(c.column);
}

// The tables the query already uses, nearest first: a bare column name is
// looked up there before the rest of the model.
std::vector<std::string> query_tables(const sqlgen::indexed_model& model, const query& q) {
  std::vector<std::string> out{sqlgen::root_table(model, q)};
  auto add = [&](const std::string& t) {
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end())
      out.push_back(t);
  };
  add(q.entity);
  for (auto& d : q.dimensions)
    add(d.column.table);
  for (auto& s : q.selected)
    add(s.table);
  for (auto& f : q.filters)
    add(f.column.table);
  return out;
}

// One column called `name` among `tables`; nullopt for none or several.
std::optional<column_ref> unique_column(const sqlgen::indexed_model& model,
                                        const std::vector<std::string>& tables,
                                        const std::string& name) {
  std::optional<column_ref> found;
  for (auto& t : tables) {
    auto* info = sqlgen::table_of(model, t);
    if (!info || !info->find_column(name))
      continue;
    if (found)
      return std::nullopt;
    found = column_ref{t, name};
  }
  return found;
}

std::optional<target> resolve(const sqlgen::indexed_model& model, const query& q, const column_name& n) {
  auto& p = n.parts;
  if (p.size() == 3 || p.size() == 2) {
    column_ref c{p[p.size() - 2], p.back()};
    auto* t = sqlgen::table_of(model, c.table);
    if (!t || (p.size() == 3 && t->schema != p[0]) || !has_column(model, c))
      return std::nullopt;
    return target{c};
  }
  if (p.size() != 1)
    return std::nullopt;
  auto& name = p[0];
  for (size_t i = 0; i < q.measures.size(); ++i)
    if (sqlgen::measure_alias(model, q.measures[i]) == name)
      return target{static_cast<int>(i)};
  for (auto& d : q.dimensions)
    if (d.alias == name || d.column.column == name)
      return target{d.column};
  if (auto c = unique_column(model, query_tables(model, q), name))
    return target{*c};
  std::vector<std::string> all;
  for (auto& t : model.tables)
    all.push_back(t.name);
  if (auto c = unique_column(model, all, name))
    return target{*c};
  return std::nullopt;
}

std::optional<sqlgen::filter_op> structure_op(filter_operator op) {
  using sqlgen::filter_op;
  switch (op) {
    case filter_operator::eq: return filter_op::eq;
    case filter_operator::ne: return filter_op::neq;
    case filter_operator::lt: return filter_op::lt;
    case filter_operator::le: return filter_op::le;
    case filter_operator::gt: return filter_op::gt;
    case filter_operator::ge: return filter_op::ge;
    case filter_operator::in: return filter_op::in;
    case filter_operator::is_null: return filter_op::is_null;
    case filter_operator::is_not_null: return filter_op::not_null;
    // A LIKE pattern has no place in the structure (its filters hold plain
    // words): the SQL is edited instead.
    case filter_operator::like:
    case filter_operator::ilike: return std::nullopt;
  }
  return std::nullopt;
}

bool add_filter(const sqlgen::indexed_model& model, query& q, const refinement& r) {
  auto where = resolve(model, q, r.column);
  auto op = structure_op(r.oper);
  if (!where || !op)
    return false;
  sqlgen::filter f;
  f.op = *op;
  // Numbers and booleans print bare; one string among them makes every value
  // a quoted constant (PostgreSQL casts '42' where a number is expected).
  f.numeric = !r.values.empty();
  for (auto& v : r.values) {
    if (auto* s = std::get_if<std::string>(&v)) {
      f.values.push_back(*s);
      f.numeric = false;
    } else if (auto* n = std::get_if<numeric_literal>(&v)) {
      f.values.push_back(n->text);
    } else {
      f.values.push_back(std::get<bool>(v) ? "true" : "false");
    }
  }
  if (auto* m = std::get_if<int>(&*where)) {
    // A condition on an aggregate goes to HAVING; NULL tests on one do not
    // read as anything a user means.
    if (f.op == sqlgen::filter_op::is_null || f.op == sqlgen::filter_op::not_null)
      return false;
    f.measure = *m;
  } else {
    f.column = std::get<column_ref>(*where);
  }
  q.filters.push_back(std::move(f));
  return true;
}

bool add_columns(const sqlgen::indexed_model& model, query& q, const refinement& r) {
  for (auto& name : r.columns) {
    auto where = resolve(model, q, name);
    if (!where || !std::holds_alternative<column_ref>(*where))
      return false;
    auto c = std::get<column_ref>(*where);
    if (q.kind == sqlgen::query_kind::aggregate) {
      bool present = std::any_of(q.dimensions.begin(), q.dimensions.end(), [&](auto& d) {
        return d.column == c && d.bucket == sqlgen::time_bucket::none;
      });
      if (!present)
        q.dimensions.push_back({c, sqlgen::time_bucket::none, ""});
      continue;
    }
    if (q.all_columns && c.table == q.entity)
      continue; // already listed
    // An empty selection lists the entity's label: keep it in front.
    if (q.selected.empty() && !q.entity.empty())
      if (auto* t = sqlgen::table_of(model, q.entity))
        if (auto* label = sqlgen::label_column(*t))
          q.selected.push_back({q.entity, label->name});
    if (std::find(q.selected.begin(), q.selected.end(), c) == q.selected.end())
      q.selected.push_back(c);
  }
  return true;
}

bool change_sort(const sqlgen::indexed_model& model, query& q, const refinement& r) {
  auto where = resolve(model, q, r.column);
  if (!where)
    return false;
  sqlgen::ordering o;
  o.descending = r.descending;
  if (auto* m = std::get_if<int>(&*where)) {
    o.measure = *m;
  } else {
    o.column = std::get<column_ref>(*where);
    // An aggregate can only be ordered by what it groups by.
    if (q.kind == sqlgen::query_kind::aggregate && !q.measures.empty()
        && std::none_of(q.dimensions.begin(), q.dimensions.end(),
                        [&](auto& d) { return d.column == o.column; }))
      return false;
  }
  q.order = {o};
  return true;
}

bool apply(const sqlgen::indexed_model& model, query& q, const refinement& r) {
  switch (r.op) {
    case refine_op::add_filter: return add_filter(model, q, r);
    case refine_op::change_limit:
      // Without a limit a listing would get the default one back: only the
      // SQL edit removes it for good.
      if (!r.limit && q.kind == sqlgen::query_kind::listing)
        return false;
      q.limit = r.limit ? static_cast<int>(*r.limit) : 0;
      return true;
    case refine_op::add_columns: return add_columns(model, q, r);
    case refine_op::change_sort: return change_sort(model, q, r);
    case refine_op::simplify: {
      // The model's rules are not the user's conditions: they stay.
      auto& fs = q.filters;
      fs.erase(std::remove_if(fs.begin(), fs.end(),
                              [](auto& f) { return f.op != sqlgen::filter_op::rule; }),
               fs.end());
      q.order.clear();
      q.limit = 0;
      return true;
    }
  }
  return false;
}

} // namespace

std::optional<structured_refinement> refine_structure(const semantic_model& given,
                                                      std::string_view query_json,
                                                      std::string_view last_sql,
                                                      const refinement& r) {
  const sqlgen::indexed_model model(given);
  auto q = sqlgen::query_from_json(query_json);
  // The carried structure may be a clarify's partial reading, or ride along
  // with a verified example's SQL: it describes the last query only when it
  // compiles to exactly that SQL.
  if (!q || sqlgen::compile(model, *q).sql != last_sql || !apply(model, *q, r))
    return std::nullopt;
  auto compiled = sqlgen::compile(model, *q);
  if (compiled.status != sqlgen::compile_status::ok)
    return std::nullopt;
  return structured_refinement{compiled.sql, sqlgen::to_json(*q), sqlgen::explain(model, *q)};
}

} // namespace medha
