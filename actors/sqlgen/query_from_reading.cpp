// A reading turned into a query of its own (a new question), and the last
// check that a query names everything it needs before it is compiled.
#include "actors/sqlgen/follow_up.hpp"

#include <algorithm>
#include <functional>
#include <optional>

#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

query from_reading(const indexed_model& model, const reading& r) {
  query q;
  q.measures = r.measures;
  q.dimensions = r.dimensions;
  q.filters = r.filters;
  q.order = r.order;
  q.limit = r.limit;
  q.chart_hint = r.chart_hint;
  q.via = r.via;
  q.named = r.named_tables;
  if (r.measures.empty() && r.listing) {
    q.kind = query_kind::listing;
    q.entity = !r.entity.empty() ? r.entity : r.selected.empty() ? "" : r.selected.front().table;
    // "the first 10 invoices": the rows in the order of their key.
    if (q.order.empty() && r.kept_order != 0)
      if (auto* t = table_of(model, q.entity))
        if (auto* pk = primary_key(*t)) {
          ordering o;
          o.column = {t->name, pk->name};
          o.descending = r.kept_order < 0;
          q.order.push_back(o);
        }
    // A column named twice ("scores ... and scores") is shown once.
    for (auto& c : r.selected)
      if (std::find(q.selected.begin(), q.selected.end(), c) == q.selected.end())
        q.selected.push_back(c);
    // "who joined most recently": a person is answered by their name.
    bool asks_who = !r.tokens.empty() && (r.tokens[0].text == "who" || r.tokens[0].text == "whom");
    if ((!r.entity.empty() || r.with_columns || asks_who) && !q.selected.empty()) {
      // "customers and their emails", "them with their dates": the rows'
      // name comes first.
      if (auto* t = table_of(model, q.entity))
        if (auto* label = label_column(*t)) {
          column_ref l{q.entity, label->name};
          if (std::find(q.selected.begin(), q.selected.end(), l) == q.selected.end())
            q.selected.insert(q.selected.begin(), l);
        }
    }
    // "the top speed of each model": a list of columns per group shows
    // the group beside them.
    if (!q.selected.empty()) {
      size_t at = 0;
      for (auto& d : r.dimensions)
        if (d.bucket == time_bucket::none && !d.column.empty()
            && std::find(q.selected.begin(), q.selected.end(), d.column) == q.selected.end())
          q.selected.insert(q.selected.begin() + static_cast<long>(at++), d.column);
    }
    q.dimensions.clear();
    if (q.limit == 0 && r.top_n > 0)
      q.limit = r.top_n;
    if (r.show_rows)
      q.all_columns = true;
  }
  // A direction with no key named ("largest first",
  // "alphabetically"): a listing sorts by the number it shows beside the
  // names, or by the name alphabetically; an aggregate by its measure, or
  // alphabetically by its group.
  if (r.has_direction && q.order.empty() && r.top_n == 0) {
    if (q.kind == query_kind::listing) {
      std::optional<column_ref> key;
      if (!r.alphabetical)
        for (auto& c : q.selected) {
          auto role = role_of(model, c);
          if (role == column_role::numeric || role == column_role::time)
            key = c;
        }
      // "... largest first" with only names shown: the last thing asked.
      if (!key && !r.alphabetical && r.descending && !q.selected.empty())
        key = q.selected.back();
      if (key || r.alphabetical || !r.descending) {
        ordering o;
        if (key)
          o.column = *key;
        else if (!q.selected.empty())
          o.column = q.selected.front();
        else if (auto* t = table_of(model, q.entity))
          if (auto* label = label_column(*t))
            o.column = {q.entity, label->name};
        o.descending = key ? r.descending : false;
        if (!o.column.column.empty())
          q.order.push_back(o);
      }
    } else if (!q.measures.empty()) {
      ordering o;
      if (r.alphabetical) {
        if (q.dimensions.size() == 1 && q.dimensions[0].bucket == time_bucket::none)
          o.column = q.dimensions[0].column;
      } else {
        o.measure = 0;
        o.descending = r.descending;
      }
      if (o.measure >= 0 || !o.column.column.empty())
        q.order.push_back(o);
    }
  }
  return q;
}

bool complete(const indexed_model& model, query& q) {
  auto root = root_table(model, q);
  if (root.empty() && !q.selected.empty())
    root = q.selected.front().table;
  column_ref time;
  auto need_time = [&]() {
    if (time.empty())
      time = default_time_column(model, root);
    return !time.empty();
  };
  auto fill = [&](std::vector<filter>& fs) {
    for (auto& f : fs)
      if (is_time_filter(f) && f.column.empty()) {
        // "deliveries on weekends" where each delivery names its day.
        if (auto day = day_name_column(model, root); f.op == filter_op::weekday && !day.empty()) {
          f.column = day;
          continue;
        }
        if (!need_time())
          return false;
        f.column = time;
      }
    return true;
  };
  if (!fill(q.filters))
    return false;
  // A total or average of a thing that keeps no date of its own ("joining
  // fees in Q4", fees of a price list) is not in a period through rows that
  // point at it (the members who joined then): only through what it belongs
  // to (an order line in its order's month).
  bool measured = std::any_of(q.measures.begin(), q.measures.end(), [&](const measure& m) {
    return (m.agg == aggregate::sum || m.agg == aggregate::avg) && m.column.table == root;
  });
  if (measured && !time.empty() && time.table != root && !belongs_to(model, root, time.table))
    return false;
  for (auto& m : q.measures) {
    if (!fill(m.condition))
      return false;
    for (auto& d : m.over)
      if (!fill(d.condition))
        return false;
  }
  for (auto& d : q.dimensions)
    if (d.bucket != time_bucket::none && d.column.empty()) {
      if (!need_time())
        return false;
      d.column = time;
    }
  for (auto& o : q.order)
    if (o.measure < 0 && o.column.empty()) {
      if (!need_time())
        return false;
      o.column = time;
    }
  return true;
}

} // namespace medha::sqlgen
