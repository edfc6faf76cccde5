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

namespace {

bool same_text(const std::string& a, const std::string& b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i]))
        != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

void remove_if(std::vector<filter>& fs, const std::function<bool(const filter&)>& pred) {
  fs.erase(std::remove_if(fs.begin(), fs.end(), pred), fs.end());
}

void add_dimension(std::vector<dimension>& dims, const dimension& d) {
  if (d.bucket != time_bucket::none)
    dims.erase(std::remove_if(dims.begin(), dims.end(),
                              [](const dimension& x) { return x.bucket != time_bucket::none; }),
               dims.end());
  for (auto& x : dims)
    if (x.column == d.column && x.bucket == d.bucket)
      return;
  // Periods first, so a trend reads as time then category.
  if (d.bucket != time_bucket::none)
    dims.insert(dims.begin(), d);
  else
    dims.push_back(d);
}

} // namespace

// Whether the query's first number is a count of rows.
bool counts_rows(const query& q) {
  return q.kind == query_kind::aggregate && !q.measures.empty() && q.measures[0].agg == aggregate::count
         && q.measures[0].metric.empty() && q.measures[0].column.column.empty()
         && q.measures[0].form == measure_form::plain;
}

// The one date the query's periods are of, or none.
static column_ref date_of_periods(const query& q) {
  column_ref date;
  for (auto& f : q.filters)
    if (is_time_filter(f) && f.measure < 0 && !f.column.column.empty()) {
      if (!date.column.empty() && !(date == f.column))
        return {};
      date = f.column;
    }
  return date;
}

// "how many visits was that?" after a member's invoiced total in 2024:
// the rows measured now are others, and the period was of the old rows'
// own date; it is now of the new rows' date. Rows that belong to the old
// ones (lines of the invoices) keep their period.
void move_periods_to(const indexed_model& model, query& q, const std::string& old_root, column_ref& dated_by) {
  auto now = root_table(model, q);
  // (Not when the new rows are the ones the old rows belong to: "which
  // members were they for?" after invoices issued in 2024 keeps the issue
  // date as the condition on the invoices.)
  if (now.empty() || now == old_root || belongs_to(model, now, old_root) || belongs_to(model, old_root, now))
    return;
  auto date = default_time_column(model, now);
  if (date.empty() || date.table != now)
    return;
  for (auto& f : q.filters)
    if (is_time_filter(f) && f.measure < 0 && f.column.table == old_root)
      f.column = date;
  for (auto& d : q.dimensions)
    if (d.bucket != time_bucket::none && d.column.table == old_root)
      d.column = date;
  if (dated_by.table == old_root)
    dated_by = date;
}

void move_periods_to(const indexed_model& model, query& q, const std::string& old_root) {
  column_ref unused;
  move_periods_to(model, q, old_root, unused);
}

using namespace follow_ups;

query apply_follow_up(const indexed_model& model, query q, const reading& r) {
  // "the top one" of a ranking: its first row, with whatever is asked of it.
  if (r.first_of_shown && q.limit > 0 && !q.order.empty()) {
    auto edited = apply_follow_up(model, q, [&] {
      auto plain = r;
      plain.first_of_shown = false;
      return plain;
    }());
    edited.limit = 1;
    return edited;
  }
  // "and in 2025?", "per month" after invoices issued in 2024: the new
  // period is of the same date, when the follow-up names none.
  auto dated_by = date_of_periods(q);
  if (ranks_previous_groups(model, r, q)) {
    if (!r.measures.empty()) { // ranked by a new measure: the old one's conditions on groups go with it
      q.measures = r.measures;
      q.filters.erase(std::remove_if(q.filters.begin(), q.filters.end(), [](const filter& f) { return f.measure >= 0; }),
                      q.filters.end());
    }
    if (auto group = new_group_to_rank(model, r, q)) {
      dimension d;
      d.column = *group;
      add_dimension(q.dimensions, d);
    }
    ordering o;
    o.measure = 0;
    o.descending = r.top_descending;
    q.order = {o};
    q.limit = r.top_n > 0 ? r.top_n : r.limit;
    return q;
  }
  if (auto rows = rows_behind_a_count_or_number(q, r))
    return *rows;
  widen_to_every_kind(model, q, r);
  if (!r.chart_hint.empty())
    q.chart_hint = r.chart_hint;
  for (auto& v : r.via)
    if (std::find(q.via.begin(), q.via.end(), v) == q.via.end())
      q.via.push_back(v);
  for (auto& t : r.named_tables)
    if (std::find(q.named.begin(), q.named.end(), t) == q.named.end())
      q.named.push_back(t);
  if (!r.measures.empty()) {
    if (q.kind == query_kind::listing) {
      // A measure of the rows listed: their conditions stay, the listing's
      // columns, order and size go.
      q.selected.clear();
      q.order.clear();
      q.all_columns = false;
      q.limit = 0;
    }
    // "what is her total?" after "who sold the most?": the rows the ranking
    // picked stay picked; the new measure is shown beside the one that
    // ranked them (ranking by the new one could pick someone else).
    bool picked = q.kind == query_kind::aggregate && q.limit > 0 && !r.instead
                  && (r.refers_back || r.refers_to_person || r.refers_to_shown)
                  && std::any_of(q.order.begin(), q.order.end(),
                                 [](const ordering& o) { return o.measure >= 0; });
    if (picked) {
      for (auto& m : r.measures)
        if (std::none_of(q.measures.begin(), q.measures.end(), [&](const measure& o) { return same_measure(o, m); }))
          q.measures.push_back(m);
    }
    else {
      auto old_root = root_table(model, q);
      q.measures = r.measures;
      move_periods_to(model, q, old_root, dated_by);
    }
    q.kind = query_kind::aggregate;
  }
  if (r.show_rows) {
    q.entity = root_table(model, q);
    q.kind = query_kind::listing;
    q.all_columns = true;
    q.measures.clear();
    q.dimensions.clear();
    q.selected.clear();
    q.order.clear();
    remove_if(q.filters, [](const filter& f) { return f.measure >= 0; });
    q.limit = r.limit;
  }
  if (auto group = grouping_of_rows(model, r, q)) {
    dimension d;
    d.column = *group;
    add_dimension(q.dimensions, d);
  } else if (swaps_dimension(r, q)) {
    auto* t = table_of(model, r.entity);
    auto* label = t ? label_column(*t) : nullptr;
    bool swapped = false;
    for (auto it = q.dimensions.rbegin(); label && it != q.dimensions.rend(); ++it)
      if (it->bucket == time_bucket::none) {
        it->column = {r.entity, label->name};
        it->alias.clear();
        swapped = true;
        break;
      }
    if (!swapped && label) {
      dimension d;
      d.column = {r.entity, label->name};
      add_dimension(q.dimensions, d);
    }
  }
  // "list them" after a count: the rows that were counted.
  bool counted_rows = q.kind == query_kind::aggregate && q.measures.size() == 1
                      && q.measures[0].metric.empty() && q.measures[0].column.column.empty();
  bool more_columns = r.with_columns && r.entity.empty() && r.measures.empty();
  if (r.listing && (more_columns || !r.names_measure_or_entity()) && counted_rows && q.dimensions.empty()) {
    q.entity = q.measures[0].column.table;
    // "list their titles": the columns named, of the rows counted.
    if (r.with_columns || std::all_of(r.selected.begin(), r.selected.end(),
                                      [&](const column_ref& c) { return c.table == q.entity; })) {
      q.selected = r.selected;
      // "show them with their dates": the rows' names come first, as in
      // "customers and their emails".
      auto label = label_of_table(model, q.entity);
      if (label && !q.selected.empty()
          && std::find(q.selected.begin(), q.selected.end(), *label) == q.selected.end())
        q.selected.insert(q.selected.begin(), *label);
    }
    q.kind = query_kind::listing;
    q.measures.clear();
    remove_if(q.filters, [](const filter& f) { return f.measure >= 0; });
    q.order.clear();
    q.limit = 0;
  }
  // "show them with their suppliers" after a listing: the same rows, the
  // columns named beside the ones shown.
  else if (more_columns && q.kind == query_kind::listing && !q.entity.empty()) {
    if (q.selected.empty())
      if (auto label = label_of_table(model, q.entity))
        q.selected.push_back(*label);
    for (auto& c : r.selected)
      if (std::find(q.selected.begin(), q.selected.end(), c) == q.selected.end())
        q.selected.push_back(c);
  }
  // "how many?" after a listing, "count instead" after a sum: count the rows.
  // After a count ("which city has the most?") the number is already shown.
  if (r.aggregate_change == aggregate::count && !counts_rows(q)) {
    measure m;
    m.agg = aggregate::count;
    m.column = {q.kind == query_kind::listing ? q.entity : root_table(model, q), ""};
    q.kind = query_kind::aggregate;
    q.measures = {m};
    q.selected.clear();
    q.all_columns = false;
    q.limit = 0;
    q.order.clear();
  }
  if (r.aggregate_change != aggregate::none && r.aggregate_change != aggregate::count
      && q.kind == query_kind::aggregate)
    for (auto& m : q.measures) {
      if (!m.metric.empty() || !m.column.column.empty()) {
        m.agg = r.aggregate_change;
        m.alias.clear();
      }
    }
  if (!r.dimensions.empty()) {
    if (q.kind == query_kind::listing) {
      // "list customers" then "by segment": count them per segment instead.
      measure m;
      m.agg = aggregate::count;
      m.column = {q.entity, ""};
      q.kind = query_kind::aggregate;
      q.measures = {m};
      q.selected.clear();
      q.all_columns = false;
      q.order.clear();
      q.limit = 0;
    }
    if (r.instead) {
      // "now by county" after the 4 towns with the most: every county; the
      // number kept was of the groups replaced.
      if (!q.dimensions.empty() && q.limit > 0 && r.top_n == 0 && r.limit == 0)
        q.limit = 0;
      q.dimensions.clear();
    }
    for (auto d : r.dimensions) {
      if (d.bucket != time_bucket::none && d.column.column.empty() && !dated_by.column.empty())
        d.column = dated_by;
      add_dimension(q.dimensions, d);
      // Grouped by the column the last question held to one value, the
      // answer would be that one group: the groups asked for are all of them.
      if (d.bucket == time_bucket::none)
        remove_if(q.filters, [&](const filter& f) {
          return f.op == filter_op::eq && f.values.size() == 1 && f.measure < 0 && f.column == d.column;
        });
    }
  }
  // -- filters --
  if (r.remove_filters)
    q.filters.clear();
  if (r.remove_time)
    remove_if(q.filters, [](const filter& f) { return is_time_filter(f); });
  for (auto& word : r.remove_values)
    remove_if(q.filters, [&](const filter& f) {
      // "drop the Jazz filter" names the value, "the genre filter" the column.
      auto names = [&](const std::string& id) {
        for (auto& w : split_words(id))
          if (stem(w) == stem(word))
            return true;
        return false;
      };
      return std::any_of(f.values.begin(), f.values.end(),
                         [&](const std::string& v) { return same_text(v, word); })
             || (f.measure < 0 && !f.column.column.empty()
                 && (names(f.column.table) || names(f.column.column)));
    });
  bool new_period = std::any_of(r.filters.begin(), r.filters.end(),
                                [](const filter& f) { return is_time_filter(f); });
  // "and in July?" after "June 2023": the year carries over.
  std::string year;
  for (auto& f : q.filters)
    if (f.op == filter_op::year && !f.values.empty())
      year = f.values[0];
    else if ((f.op == filter_op::month || f.op == filter_op::quarter) && !f.values.empty())
      year = f.values[0];
  if (new_period)
    remove_if(q.filters, [](const filter& f) { return is_time_filter(f); });
  bool has_year = std::any_of(r.filters.begin(), r.filters.end(), [](const filter& f) {
    return f.op == filter_op::year || f.op == filter_op::since || f.op == filter_op::before
           || f.op == filter_op::relative;
  });
  // "just those above 40" after one number per group: a condition on that number.
  if (r.on_shown_number && q.measures.size() == 1 && !q.dimensions.empty()) {
    remove_if(q.filters, [](const filter& x) { return x.measure == 0; });
    q.filters.push_back(*r.on_shown_number);
    q.filters.back().measure = 0;
  }
  for (auto f : r.filters) {
    if ((f.op == filter_op::month || f.op == filter_op::quarter) && !f.values.empty()
        && f.values[0].empty() && !year.empty() && !has_year)
      f.values[0] = year;
    if (is_time_filter(f) && f.column.column.empty() && !dated_by.column.empty())
      f.column = dated_by;
    if (!is_time_filter(f)) {
      if (f.measure >= 0)
        remove_if(q.filters, [&](const filter& x) { return x.measure == f.measure; });
      else if (!f.column.column.empty()) {
        // "and the North too": the new value joins the previous ones.
        auto same = std::find_if(q.filters.begin(), q.filters.end(), [&](const filter& x) {
          return x.measure < 0 && x.column == f.column
                 && (x.op == filter_op::eq || x.op == filter_op::in || x.op == filter_op::neq
                     || x.op == filter_op::not_in);
        });
        bool negated = f.op == filter_op::neq || f.op == filter_op::not_in;
        if (r.also && same != q.filters.end()
            && (f.op == filter_op::eq || f.op == filter_op::in || negated)) {
          bool was_negated = same->op == filter_op::neq || same->op == filter_op::not_in;
          for (auto& v : f.values)
            if (std::find(same->values.begin(), same->values.end(), v) == same->values.end())
              same->values.push_back(v);
          same->op = (was_negated || negated) ? filter_op::not_in : filter_op::in;
          continue;
        }
        remove_if(q.filters, [&](const filter& x) {
          return x.measure < 0 && !is_time_filter(x) && x.column == f.column;
        });
      }
    }
    // "and the ones settled last March?" after the unsettled ones: a value of the
    // column ends the condition that it has none.
    if (f.measure < 0 && !f.column.column.empty() && f.op != filter_op::is_null && f.op != filter_op::not_null)
      remove_if(q.filters, [&](const filter& x) {
        return x.measure < 0 && x.op == filter_op::is_null && x.column == f.column;
      });
    q.filters.push_back(f);
  }
  // -- order and size --
  if (!r.order.empty())
    q.order = r.order;
  if (r.has_direction && r.order.empty()) {
    if (q.order.empty() && !q.measures.empty()) {
      ordering o;
      o.measure = 0;
      q.order.push_back(o);
    }
    for (auto& o : q.order)
      o.descending = r.descending;
  }
  if (r.top_n > 0) {
    q.limit = r.top_n;
    if (!q.measures.empty() && q.kind == query_kind::aggregate) {
      ordering o;
      o.measure = 0;
      o.descending = r.top_descending;
      q.order = {o};
    }
  }
  if (r.limit > 0)
    q.limit = r.limit;
  return q;
}


} // namespace medha::sqlgen
