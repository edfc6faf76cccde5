// The select list, GROUP BY and ORDER BY of a compiled query: the columns of
// a listing, or the groups and measures of an aggregate, each named in the
// result, with the order rows come in when the question sets none.
#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::compiling {

// The key of a table whose label is free text ("customers"."name" is not
// unique): grouped and listed with the name, so that namesakes stay apart.
// A label from a short list too when the rows are the query's own
// ("students"."lastname" for the credits each student keeps); a lookup
// joined in ("regions"."name") is told apart by its name.
std::optional<column_ref> compiler::identity_key(const column_ref& c) {
  auto* t = table_of(model, c.table);
  auto* label = t ? label_column(*t) : nullptr;
  auto* pk = t ? primary_key(*t) : nullptr;
  bool own_rows = c.table == root_name && label && label->role == column_role::categorical;
  // A short list of names with fewer names than rows: two agents share a
  // name, and grouping by it would add them up as one.
  bool namesakes = label && label->role == column_role::categorical && !label->values.empty()
                   && t->row_estimate > static_cast<int64_t>(label->values.size());
  if (!label || !pk || label == pk || label->name != c.column
      || (label->role != column_role::text && !own_rows && !namesakes))
    return std::nullopt;
  return column_ref{c.table, pk->name};
}

// A thing with no name of its own (a car: its make and model) is shown by
// its first descriptive columns beside its key; the number alone says
// nothing. Rows of an event (an order, with its own date) are known by their
// number. Audit stamps ("created_at") do not make a row an event.
std::vector<const column_info*> compiler::descriptors(const table_info& t, const column_info* label) {
  std::vector<const column_info*> out;
  if (!label || !label->primary_key)
    return out;
  auto audit = [](const std::string& name) {
    for (auto* w : {"created", "updated", "modified", "last_update", "inserted"})
      if (name.find(w) != std::string::npos)
        return true;
    return name.size() > 3 && name.compare(name.size() - 3, 3, "_ts") == 0;
  };
  // A dated row with a code no two rows share (a van's number plate,
  // an order number) is known by that code beside its number.
  bool dated = std::any_of(t.columns.begin(), t.columns.end(), [&](const column_info& c) {
    return c.role == column_role::time && !audit(c.name);
  });
  if (dated) {
    for (auto& c : t.columns)
      if (c.unique && !c.primary_key && !c.nullable
          && (c.role == column_role::categorical || c.role == column_role::text))
        return {&c};
    // A row with no number of its own (its key is another row's: a salary
    // keyed by the employee and a date) that only keeps one number between
    // dates is shown by that number and its dates.
    bool borrowed_key = std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& r) {
      return r.from_table == t.name && r.from_columns.size() == 1 && r.from_columns[0] == label->name;
    });
    if (!borrowed_key)
      return out;
    std::vector<const column_info*> numbers, dates;
    for (auto& c : t.columns) {
      if (&c == label || c.role == column_role::identifier || (c.primary_key && c.role != column_role::time))
        continue;
      if (c.role == column_role::categorical || c.role == column_role::text || c.role == column_role::boolean)
        return out;
      (c.role == column_role::numeric ? numbers : dates).push_back(&c);
    }
    if (numbers.size() == 1) {
      out = numbers;
      for (auto* d : dates)
        if (!audit(d->name))
          out.push_back(d);
    }
    return out;
  }
  for (auto& c : t.columns)
    if (out.size() < 2 && !c.primary_key && !c.nullable
        && (c.role == column_role::categorical || c.role == column_role::text))
      out.push_back(&c);
  return out;
}

// The family name that goes with `column` when it is the given name that
// labels a person's row.
const column_info* compiler::family_of(const table_info& t, const std::string& column) {
  auto* label = label_column(t);
  auto* family = family_name_column(t);
  return label && family && label->name == column && family != label ? family : nullptr;
}

std::string compiler::dimension_alias(const dimension& d) {
  std::string a = d.alias;
  if (a.empty()) {
    if (d.bucket != time_bucket::none)
      a = to_string(d.bucket);
    else if (d.column.column == "name" || d.column.column == "title")
      a = join(split_words(entity_words(d.column.table)), "_");
    else
      a = d.column.column;
  }
  if (!used.insert(a).second) {
    a = d.column.table + "_" + a;
    used.insert(a);
  }
  return a;
}

// A listing: the columns asked for, else the rows' label (and what tells
// namesakes apart), in the order asked for, else by the first column.
bool compiler::select_rows() {
  std::vector<column_ref> cols = q.selected;
  auto* entity = table_of(model, q.entity.empty() ? root_name : q.entity);
  if (!entity)
    return fail(compile_status::unknown_reference, "no entity");
  if (q.all_columns) {
    cols.clear();
    for (auto& c : entity->columns)
      cols.push_back({entity->name, c.name});
  } else if (cols.empty()) {
    if (auto* label = label_column(*entity)) {
      for (auto* d : descriptors(*entity, label))
        cols.push_back({entity->name, d->name});
      cols.push_back({entity->name, label->name});
      if (auto* family = family_of(*entity, label->name)) {
        cols.push_back({entity->name, family->name});
        // A member who is a farm, a contact who is a company: the other
        // name a person's row keeps is how the row is known as well.
        for (auto& c : entity->columns) {
          auto words = split_words(c.name);
          bool other_name = words.size() == 2 && words[1] == "name" && &c != label && &c != family
                            && (c.role == column_role::text || c.role == column_role::categorical)
                            && words[0] != "first" && words[0] != "last" && words[0] != "middle"
                            && words[0] != "full" && words[0] != "user" && words[0] != "nick" && words[0] != "given"
                            && words[0] != "family" && words[0] != "maiden" && words[0] != "preferred";
          if (other_name)
            cols.push_back({entity->name, c.name});
        }
      }
      if (auto key = identity_key({entity->name, label->name}))
        cols.push_back(*key); // two customers may share a name
    }
  }
  // A person's given name asked for among other columns comes with the
  // family name, as in a listing of the rows themselves.
  if (!q.all_columns && !q.selected.empty())
    for (size_t i = 0; i < cols.size(); ++i) {
      auto* t = table_of(model, cols[i].table);
      auto* family = t ? family_of(*t, cols[i].column) : nullptr;
      column_ref family_ref = family ? column_ref{t->name, family->name} : column_ref{};
      if (family && std::find(cols.begin(), cols.end(), family_ref) == cols.end())
        cols.insert(cols.begin() + static_cast<std::ptrdiff_t>(i) + 1, family_ref);
    }
  // DISTINCT needs every ORDER BY key in the select list.
  if (!q.all_columns)
    for (auto& o : q.order)
      if (!o.column.empty() && std::find(cols.begin(), cols.end(), o.column) == cols.end())
        cols.push_back(o.column);
  for (auto& c : cols) {
    auto a = c.column;
    if (!used.insert(a).second) {
      a = c.table + "_" + c.column;
      used.insert(a);
    }
    select.push_back(qualified(c) + (a == c.column ? "" : " AS " + quote_identifier(a)));
    out.columns.push_back({a, role_of(model, c)});
  }
  for (auto& o : q.order) {
    if (!o.by_length) {
      order_by.emplace_back(qualified(o.column), o.descending);
      continue;
    }
    // Shown beside the rows too: DISTINCT orders only by what it selects.
    auto a = o.column.column + "_length";
    select.push_back("LENGTH(" + qualified(o.column) + ") AS " + quote_identifier(a));
    out.columns.push_back({a, column_role::numeric});
    order_by.emplace_back(quote_identifier(a), o.descending);
  }
  if (order_by.empty() && !cols.empty() && !q.all_columns)
    order_by.emplace_back(qualified(cols.front()), false);
  else if (order_by.empty() && q.all_columns)
    if (auto* pk = primary_key(*entity))
      order_by.emplace_back(qualified({entity->name, pk->name}), false);
  return true;
}

// An aggregate: one column per group (with what tells namesakes apart), then
// one per measure.
bool compiler::select_groups() {
  for (auto& d : q.dimensions) {
    auto expr = time_expression(d.column, d.bucket);
    auto a = dimension_alias(d);
    select.push_back(expr + " AS " + quote_identifier(a));
    group_by.push_back(expr);
    out.columns.push_back(
      {a, d.bucket != time_bucket::none ? column_role::time : role_of(model, d.column)});
    // A person grouped by their given name is named by the family name too.
    if (auto* t = d.bucket == time_bucket::none ? table_of(model, d.column.table) : nullptr)
      if (auto* family = family_of(*t, d.column.column)) {
        column_ref f{d.column.table, family->name};
        auto k = used.insert(family->name).second ? family->name : d.column.table + "_" + family->name;
        used.insert(k);
        select.push_back(qualified(f) + " AS " + quote_identifier(k));
        group_by.push_back(qualified(f));
        out.columns.push_back({k, column_role::categorical});
      }
    // Rows named by a free-text name are told apart by their key.
    if (auto key = d.bucket == time_bucket::none ? identity_key(d.column) : std::nullopt) {
      auto k = key->column;
      if (!used.insert(k).second) {
        k = key->table + "_" + k;
        used.insert(k);
      }
      select.push_back(qualified(*key) + " AS " + quote_identifier(k));
      group_by.push_back(qualified(*key));
      out.columns.push_back({k, column_role::identifier});
    }
  }
  // Groups of one row each: a table grouped by its own key, measured by
  // its own columns ("the total credits of each student" where each
  // student keeps a total). The values are the rows' own: no GROUP BY.
  auto& root = root_name;
  auto* root_table = table_of(model, root);
  auto* root_key = root_table ? primary_key(*root_table) : nullptr;
  row_groups = tree.steps.empty() && root_key && !q.measures.empty()
               && std::find(group_by.begin(), group_by.end(), qualified({root, root_key->name}))
                    != group_by.end()
               && std::none_of(q.filters.begin(), q.filters.end(),
                               [](const filter& f) { return f.measure >= 0; })
               && std::all_of(q.measures.begin(), q.measures.end(), [&](const measure& m) {
                    return m.metric.empty() && m.form == measure_form::plain
                           && m.column.table == root && !m.column.column.empty()
                           && (m.agg == aggregate::sum || m.agg == aggregate::avg
                               || m.agg == aggregate::min || m.agg == aggregate::max);
                  });
  for (auto& m : q.measures) {
    auto a = m.alias.empty() ? measure_alias(model, m) : m.alias;
    if (!used.insert(a).second) {
      a += "_" + std::to_string(measure_aliases.size() + 1);
      used.insert(a);
    }
    select.push_back((row_groups ? qualified(m.column) : measure_sql(m)) + " AS "
                     + quote_identifier(a));
    measure_aliases.push_back(a);
    out.columns.push_back({a, column_role::numeric});
  }
  return order_groups();
}

// The order of groups: as asked, with ties broken by the groups; else trends
// in time order and categories from the largest.
bool compiler::order_groups() {
  for (auto& o : q.order) {
    if (o.by_length)
      return fail(compile_status::unsupported, "ordering groups by the length of a name");
    if (o.measure >= 0 && o.measure < static_cast<int>(measure_aliases.size())) {
      order_by.emplace_back(quote_identifier(measure_aliases[o.measure]), o.descending);
      continue;
    }
    auto it = std::find_if(q.dimensions.begin(), q.dimensions.end(),
                           [&](const dimension& d) { return d.column == o.column; });
    if (it != q.dimensions.end())
      order_by.emplace_back(time_order(it->column, it->bucket), o.descending);
  }
  // A whole ranking (no cut) lists rows that tie on the measures asked
  // for in the groups' order, the same on every run.
  bool by_measures = q.limit == 0 && !order_by.empty() && std::all_of(q.order.begin(), q.order.end(),
                                                      [](const ordering& o) { return o.measure >= 0; });
  if (by_measures)
    for (auto& g : group_by)
      order_by.emplace_back(g, false);
  if (order_by.empty() && !q.dimensions.empty()) {
    // Trends read left to right in time; categories from the largest.
    bool timed = false;
    for (auto& d : q.dimensions)
      if (d.bucket != time_bucket::none) {
        order_by.emplace_back(time_order(d.column, d.bucket), false);
        timed = true;
      }
    if (!timed && !measure_aliases.empty())
      order_by.emplace_back(quote_identifier(measure_aliases.front()), true);
    if (!timed)
      for (auto& g : group_by)
        order_by.emplace_back(g, false);
  }
  return true;
}

} // namespace medha::sqlgen::compiling
