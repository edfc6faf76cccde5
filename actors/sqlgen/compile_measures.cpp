// Measures as SQL: a metric's or a column's aggregate, then its form (share
// of the total, per entity, ratio, span, age, percentage of some rows); and
// the tables measures come from and the names they get in the result.
#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::compiling {

const char* sql_function(aggregate a) {
  switch (a) {
    case aggregate::sum: return "SUM";
    case aggregate::avg: return "AVG";
    case aggregate::count:
    case aggregate::count_distinct: return "COUNT";
    case aggregate::min: return "MIN";
    case aggregate::max: return "MAX";
    case aggregate::none: break;
  }
  return "";
}

bool aggregate_of(std::string fn, aggregate& out) {
  std::transform(fn.begin(), fn.end(), fn.begin(), ::toupper);
  static const std::pair<const char*, aggregate> names[] = {
    {"SUM", aggregate::sum}, {"AVG", aggregate::avg}, {"COUNT", aggregate::count},
    {"MIN", aggregate::min}, {"MAX", aggregate::max}};
  for (auto& [name, a] : names)
    if (fn == name) {
      out = a;
      return true;
    }
  return false;
}


// The aggregate expression of a measure, before its form is applied.
std::string compiler::base_measure(const measure& m) {
  if (!m.metric.empty()) {
    auto* def = find_metric(model, m.metric);
    if (!def) {
      fail(compile_status::unknown_reference, "no metric " + m.metric);
      return "NULL";
    }
    auto expr = qualify_expression(model, def->expression, def->table);
    std::string fn, arg;
    aggregate natural;
    if (m.agg != aggregate::none && split_outer_call(expr, fn, arg) && aggregate_of(fn, natural)
        && natural != m.agg && m.agg != aggregate::count_distinct)
      return std::string(sql_function(m.agg)) + "(" + arg + ")";
    return expr;
  }
  if (m.column.column.empty()) {
    auto* pk = row_key(model, m.column.table);
    if (fans_out && pk)
      return "COUNT(DISTINCT " + qualified({m.column.table, pk->name}) + ")";
    return "COUNT(*)";
  }
  auto col = qualified(m.column);
  if (m.agg == aggregate::count_distinct)
    return "COUNT(DISTINCT " + col + ")";
  // The earliest or latest of epoch seconds, shown as a time.
  if ((m.agg == aggregate::min || m.agg == aggregate::max) && time_value(m.column) != col
      && m.form == measure_form::plain)
    return std::string("TO_TIMESTAMP(") + sql_function(m.agg) + "(" + col + "))";
  return std::string(sql_function(m.agg == aggregate::none ? aggregate::sum : m.agg)) + "("
         + col + ")";
}

// One side of a ratio: its aggregate, restricted to its own rows. A row
// count of a table joined to the root counts that table's distinct keys.
std::string compiler::ratio_side(const measure& x) {
  measure plain = x;
  plain.form = measure_form::plain;
  plain.condition.clear();
  plain.over.clear();
  std::string b;
  auto* pk = row_key(model, x.column.table);
  if (x.metric.empty() && x.column.column.empty() && pk && x.column.table != root_table(model, q))
    b = "COUNT(DISTINCT " + qualified({x.column.table, pk->name}) + ")";
  else
    b = base_measure(plain);
  if (x.condition.empty())
    return b;
  std::string fn, arg;
  if (!split_outer_call(b, fn, arg)) {
    fail(compile_status::unsupported, "cannot restrict " + x.metric + " to some rows");
    return "NULL";
  }
  return b + " FILTER (WHERE " + conditions(x.condition) + ")";
}

// A denominator of another table, with no groups to share: its own query.
bool compiler::separate_denominator(const measure& m) {
  return q.dimensions.empty() && !m.over.empty()
         && measure_table(model, m.over.front()) != measure_table(model, m);
}

// Division in floating point, never by zero: "ratio of A to B".
std::string compiler::ratio_sql(const measure& m) {
  if (m.over.empty()) {
    fail(compile_status::unsupported, "a ratio without a denominator");
    return "NULL";
  }
  auto& d = m.over.front();
  if (m.row_by_row) {
    // Each row's own ratio, then aggregated: columns only, no conditions.
    if (m.column.column.empty() || d.column.column.empty() || !m.condition.empty()
        || !d.condition.empty() || !m.metric.empty() || !d.metric.empty()) {
      fail(compile_status::unsupported, "a row-by-row ratio of something other than two columns");
      return "NULL";
    }
    return std::string(sql_function(m.agg == aggregate::none ? aggregate::avg : m.agg))
           + "(CAST(" + qualified(m.column) + " AS FLOAT) / NULLIF(" + qualified(d.column)
           + ", 0))";
  }
  auto num = ratio_side(m);
  std::string den;
  if (m.over_all_groups) {
    den = "SUM(" + ratio_side(d) + ") OVER ()";
  } else if (separate_denominator(m)) {
    query side;
    side.measures = {d};
    side.measures.front().form = measure_form::plain;
    side.measures.front().condition.clear();
    side.filters = d.condition;
    auto sub = compile(model, side);
    if (sub.status != compile_status::ok) {
      fail(sub.status, sub.detail);
      return "NULL";
    }
    den = "(" + sub.sql + ")";
  } else {
    den = ratio_side(d);
  }
  return "CAST(" + num + " AS FLOAT) / NULLIF(" + den + ", 0)";
}

std::string compiler::measure_sql(const measure& m) {
  auto base = base_measure(m);
  switch (m.form) {
    case measure_form::plain: return base;
    case measure_form::share_of_total:
      return "100.0 * " + base + " / NULLIF(SUM(" + base + ") OVER (), 0)";
    case measure_form::per_entity: {
      // The total over the rows, divided by how many entities they cover.
      measure total = m;
      total.form = measure_form::plain;
      total.agg = m.column.column.empty() ? aggregate::count : aggregate::sum;
      if (!m.metric.empty())
        total.agg = aggregate::none; // the metric's own aggregate
      return base_measure(total) + " * 1.0 / NULLIF(COUNT(DISTINCT " + qualified(m.per) + "), 0)";
    }
    case measure_form::ratio: return ratio_sql(m);
    case measure_form::days_since: {
      auto value = time_value(m.column);
      if (value != qualified(m.column)) // epoch seconds: the aggregate, then the time
        return "CURRENT_DATE - TO_TIMESTAMP(" + base + ")::date";
      return "CURRENT_DATE - " + base + "::date";
    }
    case measure_form::days_between:
      return std::string(sql_function(m.agg == aggregate::none ? aggregate::avg : m.agg)) + "("
             + span(m) + ")";
    case measure_form::difference:
      return std::string(sql_function(m.agg == aggregate::none ? aggregate::sum : m.agg)) + "("
             + qualified(m.column) + " - " + qualified(m.per) + ")";
    case measure_form::time_of_day:
      return std::string("TO_CHAR(") + sql_function(m.agg) + "(" + time_value(m.column)
             + "::time), 'HH24:MI')";
    case measure_form::age:
      return std::string(sql_function(m.agg == aggregate::none ? aggregate::avg : m.agg))
             + "(EXTRACT(YEAR FROM AGE(CURRENT_DATE, " + time_value(m.column) + ")))";
    case measure_form::percent_where: {
      std::string fn, arg;
      if (!split_outer_call(base, fn, arg)) {
        fail(compile_status::unsupported, "cannot take a percentage of " + m.metric);
        return "NULL";
      }
      return "100.0 * " + base + " FILTER (WHERE " + conditions(m.condition) + ") / NULLIF("
             + base + ", 0)";
    }
  }
  return base;
}

} // namespace medha::sqlgen::compiling

namespace medha::sqlgen {

std::string measure_table(const indexed_model& model, const measure& m) {
  if (!m.metric.empty()) {
    auto* def = find_metric(model, m.metric);
    return def ? def->table : std::string();
  }
  return m.column.table;
}

std::string root_table(const indexed_model& model, const query& q) {
  if (!q.measures.empty())
    return measure_table(model, q.measures.front());
  return q.entity;
}

std::string measure_alias(const indexed_model& model, const measure& m) {
  std::string base;
  if (!m.metric.empty()) {
    base = join(split_words(m.metric), "_");
    auto* def = find_metric(model, m.metric);
    std::string fn, arg;
    aggregate natural = aggregate::none;
    if (def && split_outer_call(def->expression, fn, arg))
      compiling::aggregate_of(fn, natural);
    if (m.agg == aggregate::avg && natural != aggregate::avg)
      base = "avg_" + base;
    else if (m.agg == aggregate::min && natural != aggregate::min)
      base = "min_" + base;
    else if (m.agg == aggregate::max && natural != aggregate::max)
      base = "max_" + base;
  } else if (m.column.column.empty()) {
    base = join(split_words(entity_words(m.column.table)), "_") + "_count";
  } else {
    auto col = m.column.column;
    switch (m.agg) {
      case aggregate::avg: base = "avg_" + col; break;
      case aggregate::min: base = "min_" + col; break;
      case aggregate::max: base = "max_" + col; break;
      case aggregate::count: base = col + "_count"; break;
      case aggregate::count_distinct: base = "distinct_" + col + "_count"; break;
      default: base = "total_" + col; break;
    }
  }
  switch (m.form) {
    case measure_form::plain: return base;
    case measure_form::share_of_total: return base + "_share_pct";
    case measure_form::percent_where: return base + "_pct";
    case measure_form::ratio: return "ratio";
    case measure_form::days_since: return "days_since_" + m.column.column;
    case measure_form::age: return std::string(to_string(m.agg)) + "_age";
    case measure_form::time_of_day:
      return std::string(m.agg == aggregate::max ? "latest_" : "earliest_") + m.column.column;
    case measure_form::days_between:
      return std::string(to_string(m.agg)) + "_" + (m.unit.empty() ? "days" : m.unit) + "_" + m.per.column
             + "_to_" + m.column.column;
    case measure_form::difference:
      return std::string(to_string(m.agg)) + "_" + m.column.column + "_minus_" + m.per.column;
    case measure_form::per_entity:
      return (base.rfind("avg_", 0) == 0 ? base : "avg_" + base) + "_per_"
             + join(split_words(entity_words(m.per.table)), "_");
  }
  return base;
}

} // namespace medha::sqlgen
