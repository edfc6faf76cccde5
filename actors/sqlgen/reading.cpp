#include "actors/sqlgen/reading.hpp"

#include <algorithm>
#include <climits>
#include <optional>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/time_phrases.hpp"

namespace medha::sqlgen {

namespace {

/// A cue or a linked phrase, in question order.
struct item {
  size_t begin = 0, end = 0;
  std::optional<cue> c;
  element e;       // when a mention
  bool consumed = false;
  bool plural = false; // the phrase's last word was plural ("products")
};

aggregate natural_aggregate(const semantic_model& model, const std::string& metric_name) {
  auto* m = find_metric(model, metric_name);
  std::string fn, arg;
  if (!m || !split_outer_call(m->expression, fn, arg))
    return aggregate::none;
  std::transform(fn.begin(), fn.end(), fn.begin(), ::tolower);
  aggregate a = aggregate::none;
  if (fn == "avg")
    return aggregate::avg;
  from_string(fn, a);
  return a;
}

column_ref label_of(const semantic_model& model, const std::string& table) {
  auto* t = model.find_table(table);
  auto* c = t ? label_column(*t) : nullptr;
  return c ? column_ref{table, c->name} : column_ref{table, ""};
}

struct reader {
  const semantic_model& model;
  const std::vector<token>& tokens;
  const std::vector<std::string>& context_tables;
  reading r;
  std::vector<item> items;
  std::vector<bool> taken;
  time_reading time;

  // -- state while walking the items --
  aggregate pending_agg = aggregate::none;
  bool distinct = false;
  bool in_group = false;
  bool negate = false;
  bool order_next = false;
  bool sort_pending = false;
  bool share = false;
  size_t share_pos = SIZE_MAX;
  std::optional<cue> superlative;
  int top = 0;
  bool top_desc = true;
  bool plural_entity = false;
  std::vector<column_ref> bare_numeric;
  std::optional<column_ref> superlative_column;
  std::optional<column_ref> time_column_hint;
  std::vector<std::string> lacks, has;
  std::vector<std::pair<size_t, size_t>> value_filters; // (filter index, position)
  bool having_on_entity = false;

  // -- resolving several candidates --

  std::vector<std::string> known_tables(const std::vector<mention>& ms) {
    std::vector<std::string> out = context_tables;
    for (auto& m : ms)
      if (m.candidates.size() == 1)
        out.push_back(m.candidates.front().table);
    return out;
  }

  int distance(const std::string& from, const std::vector<std::string>& to) {
    int best = INT_MAX;
    for (auto& t : to) {
      auto p = shortest_path(model, from, t);
      if (p.found)
        best = std::min(best, static_cast<int>(p.steps.size()));
    }
    return best;
  }

  std::vector<element> resolve(const mention& m, const std::vector<mention>& all, size_t index) {
    auto cands = m.candidates;
    if (cands.size() <= 1)
      return cands;
    // A value next to a mention of its own column: "status cancelled".
    for (size_t k : {index - 1, index + 1}) {
      if (k >= all.size() || all[k].candidates.size() != 1)
        continue;
      auto& other = all[k].candidates.front();
      std::vector<element> keep;
      for (auto& c : cands)
        if (c.kind == element_kind::value && other.kind == element_kind::column
            && other.table == c.table && other.column == c.column)
          keep.push_back(c);
      if (keep.size() == 1)
        return keep;
    }
    auto known = known_tables(all);
    std::vector<element> in_known;
    for (auto& c : cands)
      if (std::find(known.begin(), known.end(), c.table) != known.end())
        in_known.push_back(c);
    if (in_known.size() == 1)
      return in_known;
    // Nearness settles which column a word means, never which value: a value
    // in two places is a real question for the user.
    bool values = std::all_of(cands.begin(), cands.end(),
                              [](const element& c) { return c.kind == element_kind::value; });
    if (!known.empty() && !values) {
      int best = INT_MAX;
      std::vector<element> nearest;
      for (auto& c : in_known.empty() ? cands : in_known) {
        int d = distance(c.table, known);
        if (d < best) {
          best = d;
          nearest = {c};
        } else if (d == best) {
          nearest.push_back(c);
        }
      }
      if (nearest.size() == 1 && best != INT_MAX)
        return nearest;
    }
    return cands;
  }

  // -- building pieces --

  void add_value_filter(const element& e, size_t pos) {
    for (auto& [fi, p] : value_filters) {
      auto& f = r.filters[fi];
      bool neg = f.op == filter_op::neq || f.op == filter_op::not_in;
      if (f.column == column_ref{e.table, e.column} && neg == negate) {
        f.values.push_back(e.value);
        f.op = neg ? filter_op::not_in : filter_op::in;
        return;
      }
    }
    filter f;
    f.op = negate ? filter_op::neq : filter_op::eq;
    f.column = {e.table, e.column};
    f.values = {e.value};
    f.numeric = is_number(e.value) && role_of(model, f.column) == column_role::numeric;
    r.filters.push_back(f);
    value_filters.emplace_back(r.filters.size() - 1, pos);
  }

  // Numeric columns of a table that can be summed: not keys; amount-like
  // names first, alone when one of them is ("amount", "total", "price").
  std::vector<column_ref> amount_columns(const std::string& table) {
    std::vector<column_ref> all, named;
    auto* t = model.find_table(table);
    if (!t)
      return all;
    for (auto& c : t->columns) {
      if (c.role != column_role::numeric || c.primary_key)
        continue;
      all.push_back({table, c.name});
      for (auto* word : {"amount", "total", "value", "revenue", "sales", "price"})
        if (c.name.find(word) != std::string::npos) {
          named.push_back({table, c.name});
          break;
        }
    }
    return named.size() == 1 ? named : all;
  }

  measure count_rows(const std::string& table) {
    measure m;
    m.agg = aggregate::count;
    m.column = {table, ""};
    return m;
  }

  const item* next_item(size_t k) { return k + 1 < items.size() ? &items[k + 1] : nullptr; }
  const item* prev_item(size_t k) { return k > 0 ? &items[k - 1] : nullptr; }
  bool next_is(size_t k, cue_kind kind) {
    auto* n = next_item(k);
    return n && n->c && n->c->kind == kind && !n->consumed;
  }
  bool prev_is(size_t k, cue_kind kind) {
    auto* p = prev_item(k);
    return p && p->c && p->c->kind == kind;
  }

  void on_column(size_t k, const element& e) {
    column_ref col{e.table, e.column};
    auto role = role_of(model, col);
    auto* next = next_item(k);
    auto* prev = prev_item(k);
    auto same_column_value = [&](const item* i) {
      return i && !i->c && i->e.kind == element_kind::value && i->e.table == e.table
             && i->e.column == e.column;
    };
    if (next_is(k, cue_kind::compare)) {
      auto& c = *items[k + 1].c;
      items[k + 1].consumed = true;
      filter f;
      f.op = c.op;
      f.column = col;
      f.values = c.values;
      f.numeric = role == column_role::numeric;
      r.filters.push_back(f);
      return;
    }
    if (next_is(k, cue_kind::contains) || next_is(k, cue_kind::missing_after)) {
      auto& c = *items[k + 1].c;
      items[k + 1].consumed = true;
      filter f;
      f.column = col;
      if (c.kind == cue_kind::contains) {
        f.op = c.op;
        f.values = c.values;
      } else {
        f.op = filter_op::is_null;
      }
      r.filters.push_back(f);
      return;
    }
    if (same_column_value(next) || same_column_value(prev))
      return; // "status cancelled": the column only names the value's column
    if (prev && prev->c && prev->c->kind == cue_kind::missing) {
      filter f;
      f.op = filter_op::is_null;
      f.column = col;
      r.filters.push_back(f);
      return;
    }
    if (order_next) {
      ordering o;
      o.column = col;
      r.order.push_back(o);
      order_next = false;
      return;
    }
    if (pending_agg != aggregate::none) {
      measure m;
      m.column = col;
      m.agg = pending_agg;
      auto* t = model.find_table(e.table);
      auto* pk = t ? primary_key(*t) : nullptr;
      if (pending_agg == aggregate::count) {
        if (pk && pk->name == e.column && !distinct)
          m = count_rows(e.table);
        else
          m.agg = aggregate::count_distinct;
      } else if ((pending_agg == aggregate::sum || pending_agg == aggregate::avg)
                 && role != column_role::numeric) {
        r.unresolved.push_back(std::string(to_string(pending_agg)) + " of " + e.column);
      }
      r.measures.push_back(m);
      pending_agg = aggregate::none;
      distinct = false;
      return;
    }
    if (role == column_role::boolean && !in_group) {
      // "active customers", "not discontinued": the flag itself is the filter.
      filter f;
      f.op = filter_op::eq;
      f.column = col;
      f.values = {negate ? "false" : "true"};
      f.numeric = true;
      negate = false;
      r.filters.push_back(f);
      return;
    }
    if (role == column_role::numeric && e.column.find("year") != std::string::npos
        && std::any_of(time.filters.begin(), time.filters.end(),
                       [](const filter& f) { return f.op == filter_op::year; })) {
      time_column_hint = col; // "released in 2006" on an integer release_year
      return;
    }
    if (superlative && (role == column_role::numeric || role == column_role::time)
        && !superlative_column) {
      superlative_column = col;
      return;
    }
    if (in_group) {
      dimension d;
      d.column = col;
      if (role == column_role::time)
        d.bucket = time.bucket != time_bucket::none ? time.bucket : time_bucket::none;
      r.dimensions.push_back(d);
      return;
    }
    if (role == column_role::time && !time.filters.empty()) {
      time_column_hint = col;
      return;
    }
    if (role == column_role::time && time.bucket != time_bucket::none) {
      time_column_hint = col;
      return;
    }
    if (role == column_role::numeric) {
      bare_numeric.push_back(col);
      return;
    }
    r.selected.push_back(col);
    if (distinct)
      r.distinct_listing = true;
  }

  void on_table(size_t k, const item& it) {
    auto& table = it.e.table;
    auto* prev = prev_item(k);
    if (prev && prev->c && prev->c->kind == cue_kind::missing) {
      lacks.push_back(table);
      return;
    }
    if (prev && prev->c && prev->c->kind == cue_kind::has && !r.entity.empty()) {
      has.push_back(table);
      return;
    }
    if (pending_agg == aggregate::count) {
      r.measures.push_back(count_rows(table));
      pending_agg = aggregate::none;
      distinct = false;
      return;
    }
    if (pending_agg != aggregate::none) {
      // "total payments": the table's one amount-like column.
      auto amounts = amount_columns(table);
      if (amounts.size() == 1) {
        measure m;
        m.agg = pending_agg;
        m.column = amounts.front();
        r.measures.push_back(m);
        pending_agg = aggregate::none;
        return;
      }
      if (amounts.size() > 1) {
        std::vector<element> options;
        for (auto& c : amounts)
          options.push_back({element_kind::column, c.table, c.column, "", ""});
        r.ambiguities.push_back({it.begin, it.end, options});
        measure m;
        m.agg = pending_agg;
        m.column = amounts.front();
        r.measures.push_back(m);
        pending_agg = aggregate::none;
        return;
      }
    }
    if (next_is(k, cue_kind::compare) && items[k + 1].c->text == "literal") {
      // "customer 'Acme Corp'": the name of one row.
      items[k + 1].consumed = true;
      filter f;
      f.op = filter_op::eq;
      f.column = label_of(model, table);
      f.values = items[k + 1].c->values;
      r.filters.push_back(f);
      return;
    }
    if (prev && prev->c && prev->c->kind == cue_kind::compare && !prev->consumed) {
      // "customers with more than 5 orders": a count compared per entity.
      items[k - 1].consumed = true;
      r.measures.push_back(count_rows(table));
      filter f;
      f.op = prev->c->op;
      f.values = prev->c->values;
      f.numeric = true;
      f.measure = static_cast<int>(r.measures.size()) - 1;
      r.filters.push_back(f);
      having_on_entity = true;
      return;
    }
    if (superlative && superlative->text.empty() && prev && prev->c
        && prev->c->kind == cue_kind::superlative && r.measures.empty()) {
      // "which customer has the most orders"
      r.measures.push_back(count_rows(table));
      return;
    }
    if (in_group) {
      dimension d;
      d.column = label_of(model, table);
      r.dimensions.push_back(d);
      return;
    }
    if (order_next) {
      ordering o;
      o.column = label_of(model, table);
      r.order.push_back(o);
      order_next = false;
      return;
    }
    if (r.entity.empty()) {
      r.entity = table;
      plural_entity = it.plural;
    } else if (table != r.entity) {
      has.push_back(table); // "customers who ordered": only with a direct link, below
    }
  }

  void on_metric(size_t k, const element& e) {
    measure m;
    m.metric = e.metric;
    m.agg = natural_aggregate(model, e.metric);
    if (pending_agg == aggregate::avg || pending_agg == aggregate::min
        || pending_agg == aggregate::max)
      m.agg = pending_agg;
    pending_agg = aggregate::none;
    if (share) {
      m.form = measure_form::share_of_total;
      share_pos = items[k].begin;
    }
    r.measures.push_back(m);
    int index = static_cast<int>(r.measures.size()) - 1;
    if (next_is(k, cue_kind::compare)) {
      auto& c = *items[k + 1].c;
      items[k + 1].consumed = true;
      filter f;
      f.op = c.op;
      f.values = c.values;
      f.numeric = true;
      f.measure = index;
      r.filters.push_back(f);
    }
    if (in_group || order_next) {
      ordering o;
      o.measure = index;
      o.descending = true;
      r.order.push_back(o);
      in_group = false;
      order_next = false;
    }
  }

  void on_cue(size_t k, item& it) {
    auto& c = *it.c;
    if (c.kind != cue_kind::group_by)
      in_group = false;
    if (c.kind != cue_kind::negation)
      ; // negation lasts until the next value
    switch (c.kind) {
      case cue_kind::aggregate:
        if (pending_agg != aggregate::none)
          r.unresolved.push_back(to_string(pending_agg));
        pending_agg = c.agg;
        break;
      case cue_kind::distinct: distinct = true; break;
      case cue_kind::group_by:
        // "sort customers by name": the "by" of a sort names the sort key.
        if (sort_pending) {
          order_next = true;
          sort_pending = false;
        } else {
          in_group = true;
        }
        break;
      case cue_kind::negation: negate = true; break;
      case cue_kind::order_by:
        if (c.text == "bare")
          sort_pending = true;
        else
          order_next = true;
        break;
      case cue_kind::direction:
        r.has_direction = true;
        r.descending = c.descending;
        break;
      case cue_kind::superlative: superlative = c; break;
      case cue_kind::top_n:
        top = c.count;
        top_desc = c.descending;
        break;
      case cue_kind::limit: r.limit = c.count; break;
      case cue_kind::share:
        share = true;
        share_pos = c.begin;
        break;
      case cue_kind::listing: r.listing = true; break;
      case cue_kind::chart: r.chart_hint = c.text; break;
      case cue_kind::show_rows: r.show_rows = true; break;
      case cue_kind::remove_filter:
        if (c.text == "time")
          r.remove_time = true;
        else if (!c.values.empty())
          r.remove_values.insert(r.remove_values.end(), c.values.begin(), c.values.end());
        else
          r.remove_filters = true;
        break;
      case cue_kind::instead: r.instead = true; break;
      case cue_kind::compare:
      case cue_kind::contains:
      case cue_kind::missing:
      case cue_kind::missing_after:
      case cue_kind::has:
        break; // applied by the phrase next to them
    }
  }

  void walk() {
    for (size_t k = 0; k < items.size(); ++k) {
      auto& it = items[k];
      if (it.c) {
        if (!it.consumed)
          on_cue(k, it);
        continue;
      }
      switch (it.e.kind) {
        case element_kind::column: on_column(k, it.e); break;
        case element_kind::table: {
          // "client segment": the table only says whose column follows.
          auto* n = next_item(k);
          bool filtered = next_is(k + 1, cue_kind::compare) || next_is(k + 1, cue_kind::contains)
                          || next_is(k + 1, cue_kind::missing_after);
          if (n && !n->c && n->begin == it.end && n->e.kind == element_kind::column
              && n->e.table == it.e.table && !filtered)
            break;
          on_table(k, it);
          break;
        }
        case element_kind::metric:
          on_metric(k, it.e);
          break;
        case element_kind::value:
          in_group = false;
          add_value_filter(it.e, it.begin);
          negate = false;
          break;
      }
    }
    // Cues that were never applied to anything.
    for (auto& it : items)
      if (it.c && !it.consumed
          && (it.c->kind == cue_kind::compare || it.c->kind == cue_kind::contains
              || it.c->kind == cue_kind::missing_after)) {
        // A containment or comparison with only an entity: its label or nothing.
        if (it.c->kind == cue_kind::contains && !r.entity.empty()) {
          filter f;
          f.op = it.c->op;
          f.column = label_of(model, r.entity);
          f.values = it.c->values;
          r.filters.push_back(f);
        } else {
          r.unresolved.push_back("a condition");
        }
      }
  }

  void finish() {
    bool ranked = superlative.has_value() || top > 0;
    int rank_limit = top > 0 ? top : (plural_entity ? 10 : 1);
    bool rank_desc = top > 0 ? top_desc : (superlative ? superlative->descending : true);
    if (pending_agg != aggregate::none) {
      if (!bare_numeric.empty()) {
        measure m;
        m.agg = pending_agg;
        m.column = bare_numeric.front();
        bare_numeric.erase(bare_numeric.begin());
        r.measures.push_back(m);
      } else if (pending_agg == aggregate::count && !r.entity.empty() && r.measures.empty()) {
        r.measures.push_back(count_rows(r.entity));
        r.entity.clear();
      } else if (r.measures.empty()) {
        r.aggregate_change = pending_agg;
      }
    }
    // "weekly orders", "customers by segment": rows of the entity counted.
    if (r.measures.empty() && !r.entity.empty()
        && (!r.dimensions.empty() || time.bucket != time_bucket::none) && bare_numeric.empty()) {
      r.measures.push_back(count_rows(r.entity));
      r.entity.clear();
    }
    // Numbers named without an aggregate: summed per group, else listed.
    for (auto& c : bare_numeric) {
      if (!r.dimensions.empty() || (ranked && r.measures.empty() && r.entity.empty())) {
        measure m;
        m.agg = aggregate::sum;
        m.column = c;
        r.measures.push_back(m);
      } else {
        r.selected.push_back(c);
      }
    }
    // Ranking: "top 5 products by revenue", "which region has the highest revenue".
    if (ranked && superlative && superlative->text == "time") {
      ordering o;
      o.column = superlative_column ? *superlative_column : column_ref{};
      o.descending = superlative->descending;
      r.order.push_back(o);
      r.limit = rank_limit;
    } else if (ranked && !r.measures.empty()) {
      if (!r.entity.empty() && r.dimensions.empty()) {
        dimension d;
        d.column = label_of(model, r.entity);
        r.dimensions.push_back(d);
      }
      if (!r.dimensions.empty()) {
        r.order.clear();
        ordering o;
        o.measure = 0;
        o.descending = rank_desc;
        r.order.push_back(o);
        r.limit = rank_limit;
      } else if (r.measures.size() == 1 && superlative && top == 0
                 && r.measures[0].metric.empty()) {
        // "what is the highest unit price": the extreme value itself.
        r.measures[0].agg = rank_desc ? aggregate::max : aggregate::min;
      } else {
        r.top_n = top;
        r.top_descending = rank_desc;
      }
    } else if (ranked && superlative_column) {
      if (!r.entity.empty()) {
        ordering o;
        o.column = *superlative_column;
        o.descending = rank_desc;
        r.order.push_back(o);
        r.limit = rank_limit;
      } else {
        measure m;
        m.agg = rank_desc ? aggregate::max : aggregate::min;
        m.column = *superlative_column;
        r.measures.push_back(m);
      }
    } else if (ranked) {
      r.top_n = top > 0 ? top : 0;
      r.top_descending = rank_desc;
      if (!r.entity.empty() || !r.selected.empty())
        r.limit = rank_limit;
    }
    if (having_on_entity && !r.entity.empty() && r.dimensions.empty()) {
      dimension d;
      d.column = label_of(model, r.entity);
      r.dimensions.push_back(d);
    }
    // Existence: "customers with no orders", "customers who placed orders".
    std::string base = r.entity;
    if (base.empty() && r.measures.size() == 1 && r.measures[0].metric.empty()
        && r.measures[0].column.column.empty())
      base = r.measures[0].column.table;
    auto related = [&](const std::vector<std::string>& tables, filter_op op) {
      for (auto& t : tables) {
        auto p = shortest_path(model, base, t);
        if (base.empty() || !p.found || p.steps.size() != 1) {
          if (op == filter_op::lacks_related || base.empty())
            r.unresolved.push_back(t);
          continue;
        }
        filter f;
        f.op = op;
        f.column = {base, ""};
        f.related_table = t;
        r.filters.push_back(f);
      }
    };
    related(lacks, filter_op::lacks_related);
    related(has, filter_op::has_related);
    // "percentage of orders that were cancelled": the values after the share
    // become the numerator's condition.
    if (share && r.dimensions.empty() && time.bucket == time_bucket::none) {
      if (r.measures.empty() && !r.entity.empty()) {
        r.measures.push_back(count_rows(r.entity));
        r.entity.clear();
      }
      if (!r.measures.empty()) {
        auto& m = r.measures.front();
        std::vector<filter> keep;
        std::vector<size_t> moved;
        for (auto& [fi, pos] : value_filters)
          if (pos > share_pos)
            moved.push_back(fi);
        if (!moved.empty()) {
          m.form = measure_form::percent_where;
          for (size_t i = 0; i < r.filters.size(); ++i) {
            if (std::find(moved.begin(), moved.end(), i) != moved.end())
              m.condition.push_back(r.filters[i]);
            else
              keep.push_back(r.filters[i]);
          }
          r.filters = keep;
        } else if (m.form == measure_form::share_of_total) {
          r.unresolved.push_back("share of what");
        }
      }
    } else if (share && !r.measures.empty()) {
      r.measures.front().form = measure_form::share_of_total;
    }
    // Time: filters and buckets; their column is chosen after any merge.
    for (auto f : time.filters) {
      if (time_column_hint)
        f.column = *time_column_hint;
      r.filters.push_back(f);
    }
    if (time.bucket != time_bucket::none) {
      bool have = std::any_of(r.dimensions.begin(), r.dimensions.end(),
                              [](const dimension& d) { return d.bucket != time_bucket::none; });
      if (!have) {
        dimension d;
        d.bucket = time.bucket;
        if (time_column_hint)
          d.column = *time_column_hint;
        r.dimensions.insert(r.dimensions.begin(), d);
      }
    }
    if (r.has_direction) {
      for (auto& o : r.order)
        o.descending = r.descending;
    }
    // A measure with an entity that plays no other part: the entity only
    // says whose measure it is ("revenue from customers").
    if (!r.measures.empty() && !r.entity.empty())
      r.entity.clear();
    if (r.measures.empty() && (!r.entity.empty() || !r.selected.empty()))
      r.listing = true;
  }

  void account() {
    std::vector<bool> explained = taken;
    for (auto& it : items)
      if (!it.c)
        for (size_t i = it.begin; i < it.end; ++i)
          explained[i] = true;
    for (size_t i = 0; i < tokens.size(); ++i) {
      auto& t = tokens[i];
      bool content = t.quoted || !is_stopword(t.text);
      if (!content)
        continue;
      ++r.content_words;
      if (explained[i])
        ++r.explained_words;
      else
        r.unknown_words.push_back(t.text);
    }
  }

  void run(const lexicon& lex) {
    taken.assign(tokens.size(), false);
    time = read_time(tokens, taken);
    auto cues = read_cues(tokens, taken);
    auto mentions = link(lex, tokens, taken);
    for (auto& c : cues) {
      item it;
      it.begin = c.begin;
      it.end = c.end;
      it.c = c;
      items.push_back(it);
    }
    for (size_t i = 0; i < mentions.size(); ++i) {
      auto& m = mentions[i];
      auto cands = resolve(m, mentions, i);
      if (cands.size() > 1)
        r.ambiguities.push_back({m.begin, m.end, cands});
      item it;
      it.begin = m.begin;
      it.end = m.end;
      it.e = cands.front();
      auto& last = tokens[m.end - 1];
      it.plural = last.text != last.stem && last.text.back() == 's';
      items.push_back(it);
      // Exact names, synonyms and values are all sure matches.
      r.link_quality = std::min(r.link_quality, m.score >= 0.9 ? 1.0 : m.score);
      if (m.score < 0.6 || m.corrected)
        r.weak.push_back({m.begin, m.end, {cands.front()}});
    }
    // Numbers and quoted text nothing else claimed: "quantity 5", "named 'Acme'".
    std::vector<bool> linked(tokens.size(), false);
    for (auto& m : mentions)
      for (size_t i = m.begin; i < m.end; ++i)
        linked[i] = true;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (taken[i] || linked[i] || !(tokens[i].quoted || is_number(tokens[i].text)))
        continue;
      cue c{cue_kind::compare};
      c.begin = i;
      c.end = i + 1;
      c.op = filter_op::eq;
      c.values = {tokens[i].text};
      c.text = tokens[i].quoted ? "literal" : "number";
      taken[i] = true;
      item it;
      it.begin = i;
      it.end = i + 1;
      it.c = c;
      items.push_back(it);
    }
    std::sort(items.begin(), items.end(),
              [](const item& a, const item& b) { return a.begin < b.begin; });
    walk();
    finish();
    account();
    r.tokens = tokens;
  }
};

} // namespace

reading read_question(const semantic_model& model, const lexicon& lex,
                      const std::vector<token>& tokens,
                      const std::vector<std::string>& context_tables) {
  reader rd{model, tokens, context_tables, {}, {}, {}, {}};
  rd.run(lex);
  return std::move(rd.r);
}

} // namespace medha::sqlgen
