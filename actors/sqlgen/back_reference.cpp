#include "actors/sqlgen/back_reference.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

bool restates(const std::vector<filter>& said, const filter& kept) {
  return std::any_of(said.begin(), said.end(), [&](const filter& g) {
    return g.measure < 0 && g.column == kept.column && is_time_filter(g) == is_time_filter(kept);
  });
}

std::optional<query> about_previous_rows(const query& previous, query fresh) {
  if (previous.unconfirmed)
    return std::nullopt;
  // The rows of a ranking are the ones that ranked: no condition names them.
  if (previous.limit > 0 && !previous.order.empty())
    return std::nullopt;
  // Nor is "that order" after the highest freight: the row that holds the
  // largest or smallest value is not a condition of the previous query.
  bool picked_value = previous.kind == query_kind::aggregate && previous.dimensions.empty()
                      && std::any_of(previous.measures.begin(), previous.measures.end(), [](const measure& m) {
                           return m.agg == aggregate::max || m.agg == aggregate::min;
                         });
  if (picked_value)
    return std::nullopt;
  for (auto& f : previous.filters) {
    if (f.measure >= 0 || f.op == filter_op::rule)
      continue;
    if (!restates(fresh.filters, f))
      fresh.filters.push_back(f);
  }
  return fresh;
}

std::optional<query> among_previous_rows(const indexed_model& model, const query& previous, query fresh) {
  if (previous.unconfirmed || previous.unanswered || previous.limit <= 0 || previous.order.empty())
    return std::nullopt;
  // The one table whose rows were shown: a listing's, or the groups' (all
  // of one table, none a period).
  std::string shown = previous.kind == query_kind::listing ? previous.entity : std::string();
  if (previous.kind != query_kind::listing) {
    for (auto& d : previous.dimensions) {
      if (d.bucket != time_bucket::none || d.column.empty() || (!shown.empty() && shown != d.column.table))
        return std::nullopt;
      shown = d.column.table;
    }
  }
  auto* t = shown.empty() ? nullptr : table_of(model, shown);
  auto* key = t ? primary_key(*t) : nullptr;
  if (!key)
    return std::nullopt;
  query earlier = previous;
  earlier.chart_hint.clear();
  filter f;
  f.op = filter_op::among_shown;
  f.column = {shown, key->name};
  f.values = {to_json(earlier)};
  fresh.filters.push_back(f);
  return fresh;
}

std::optional<query> share_of_previous_count(const query& previous, const query& counted) {
  if (previous.unconfirmed || previous.kind != query_kind::aggregate || previous.measures.size() != 1
      || !previous.dimensions.empty() || counted.measures.size() != 1)
    return std::nullopt;
  auto& was = previous.measures.front();
  auto& all = counted.measures.front();
  if (was.agg != aggregate::count || !was.column.column.empty() || was.form != measure_form::plain
      || !was.metric.empty() || all.agg != aggregate::count || all.column.table != was.column.table)
    return std::nullopt;
  query share = previous;
  share.filters.clear();
  auto& m = share.measures.front();
  m.form = measure_form::percent_where;
  m.alias.clear();
  for (auto& f : previous.filters) {
    if (f.measure >= 0)
      return std::nullopt;
    if (is_time_filter(f))
      share.filters.push_back(f);
    else
      m.condition.push_back(f);
  }
  if (m.condition.empty())
    return std::nullopt;
  return share;
}

std::optional<query> with_previous_period(const indexed_model& model, const query& previous,
                                          query fresh, bool said) {
  auto dated = [](const filter& f) { return f.measure < 0 && is_time_filter(f); };
  bool same_rows = root_table(model, fresh) == root_table(model, previous);
  if (std::any_of(fresh.filters.begin(), fresh.filters.end(), dated)
      || std::none_of(previous.filters.begin(), previous.filters.end(), dated) || (!same_rows && !said))
    return std::nullopt;
  for (auto f : previous.filters)
    if (dated(f)) {
      if (!same_rows)
        f.column = {}; // the date of the rows now asked about
      fresh.filters.push_back(f);
    }
  return fresh;
}

std::optional<query> in_previous_place(const indexed_model& model, const query& previous, query fresh) {
  static const std::vector<std::string> places = {"city", "town", "country", "state", "province",
                                                  "region", "county", "district", "territory"};
  auto place_of = [&](const column_ref& c) {
    auto words = split_words(c.column);
    return !words.empty() && std::find(places.begin(), places.end(), words.back()) != places.end()
             ? words.back() : std::string();
  };
  const filter* said = nullptr;
  for (auto& f : previous.filters)
    if (f.measure < 0 && (f.op == filter_op::eq || f.op == filter_op::in) && !place_of(f.column).empty()) {
      if (said)
        return std::nullopt;
      said = &f;
    }
  if (!said)
    return std::nullopt;
  auto rows = root_table(model, fresh);
  auto* t = table_of(model, rows);
  if (!t)
    return std::nullopt;
  std::vector<column_ref> same;
  for (auto& c : t->columns)
    if (place_of({rows, c.name}) == place_of(said->column))
      same.push_back({rows, c.name});
  if (same.size() != 1)
    return std::nullopt;
  auto f = *said;
  f.column = same.front();
  fresh.filters.erase(std::remove_if(fresh.filters.begin(), fresh.filters.end(),
                                     [&](const filter& g) { return g.column == f.column; }),
                      fresh.filters.end());
  fresh.filters.push_back(f);
  return fresh;
}

std::optional<query> counted_among_previous(const indexed_model& model, const query& previous, query fresh) {
  auto rows = root_table(model, previous);
  if (fresh.kind != query_kind::aggregate || fresh.measures.size() != 1 || !fresh.dimensions.empty()
      || rows.empty())
    return std::nullopt;
  auto& m = fresh.measures.front();
  if (m.agg != aggregate::count || !m.column.column.empty() || !m.metric.empty() || m.column.table == rows
      || fresh.filters.empty())
    return std::nullopt;
  // Only values named of that table ("Norway"), nothing related to it.
  for (auto& f : fresh.filters)
    if (f.column.table != m.column.table || f.measure >= 0 || !f.related_table.empty()
        || (f.op != filter_op::eq && f.op != filter_op::in))
      return std::nullopt;
  m.column.table = rows;
  m.alias.clear();
  if (compile(model, fresh).status != compile_status::ok)
    return std::nullopt;
  return fresh;
}

} // namespace medha::sqlgen
