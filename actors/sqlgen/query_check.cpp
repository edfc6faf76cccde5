#include "actors/sqlgen/query_check.hpp"

#include <algorithm>
#include <cctype>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "messages/result_set.hpp"

namespace medha::sqlgen {

namespace {

bool is_date(const std::string& v) {
  return v.size() >= 10 && v[4] == '-' && v[7] == '-' && is_number(v.substr(0, 4));
}

bool fits(value_kind k, const std::string& v) {
  switch (k) {
    case value_kind::number: return is_number(v);
    case value_kind::date: return is_date(v);
    case value_kind::boolean: return v == "true" || v == "false";
    case value_kind::text: return true;
  }
  return true;
}

std::string name(const column_ref& c) { return c.table + "." + c.column; }

// A column of times of day ("time without time zone"), not of dates.
bool clock_column(const indexed_model& model, const column_ref& c) {
  auto* t = table_of(model, c.table);
  auto* col = t ? t->find_column(c.column) : nullptr;
  return col && col->type.rfind("time", 0) == 0 && col->type.rfind("timestamp", 0) != 0;
}

// "13:00:00"
bool is_clock(const std::string& v) {
  return v.size() == 8 && v[2] == ':' && v[5] == ':'
         && std::all_of(v.begin(), v.end(), [](char ch) { return ch == ':' || std::isdigit(static_cast<unsigned char>(ch)); });
}

std::string check_filter(const indexed_model& model, const filter& f) {
  if (f.op == filter_op::has_related || f.op == filter_op::lacks_related
      || f.op == filter_op::rule || f.op == filter_op::any_of || f.column.column.empty())
    return {};
  auto k = kind_of(model, f.column);
  auto all_fit = [&](value_kind want) {
    return std::all_of(f.values.begin(), f.values.end(),
                       [&](const std::string& v) { return fits(want, v); });
  };
  switch (f.op) {
    case filter_op::eq:
    case filter_op::neq:
    case filter_op::in:
    case filter_op::not_in:
      return all_fit(k) ? "" : "a value that does not fit " + name(f.column);
    case filter_op::gt:
    case filter_op::ge:
    case filter_op::lt:
    case filter_op::le:
    case filter_op::between:
      if (clock_column(model, f.column)
          && std::all_of(f.values.begin(), f.values.end(), is_clock))
        return ""; // "end_time < '13:00:00'"
      if (k == value_kind::number || k == value_kind::date)
        return all_fit(k) ? "" : "a comparison value that does not fit " + name(f.column);
      return "a comparison on " + name(f.column) + ", which is not a number or a date";
    case filter_op::contains:
    case filter_op::starts_with:
    case filter_op::ends_with:
      return k == value_kind::text ? "" : "a text search on " + name(f.column);
    case filter_op::year:
    case filter_op::since:
    case filter_op::before:
      return k == value_kind::date || k == value_kind::number
               ? ""
               : "a period on " + name(f.column) + ", which is not a date";
    case filter_op::quarter:
    case filter_op::month:
      if (k != value_kind::date && !month_name_column(model, f.column).empty())
        return {}; // a year column with a column of month names
      return k == value_kind::date ? "" : "a month or quarter of " + name(f.column);
    case filter_op::weekday:
      if (k != value_kind::date && day_name_column(model, f.column.table) == f.column)
        return {}; // a column of day names
      return k == value_kind::date ? "" : "a day of the week of " + name(f.column);
    case filter_op::latest:
      if (k != value_kind::date || !is_time_type(table_of(model, f.column.table)->find_column(f.column.column)->type))
        return "the latest " + name(f.column) + ", which is not a date";
      return {};
    case filter_op::within_after:
      if (k != value_kind::date || f.values.size() != 3
          || kind_of(model, {f.related_table, f.values[2]}) != value_kind::date)
        return "a window after a date on " + name(f.column) + ", which are not dates";
      return {};
    case filter_op::relative:
      if (k == value_kind::date)
        return {};
      if (f.values.size() > 1 && f.values[1] == "month" && !month_name_column(model, f.column).empty())
        return {};
      if (k == value_kind::number && f.values.size() > 1 && f.values[1] == "year")
        return {};
      return "a recent period of " + name(f.column);
    default:
      return {};
  }
}

bool numeric_measure(const indexed_model& model, const measure& m) {
  if (!m.metric.empty() || m.column.column.empty())
    return true;
  if (m.agg == aggregate::count || m.agg == aggregate::count_distinct)
    return true;
  return kind_of(model, m.column) == value_kind::number;
}

} // namespace

value_kind kind_of(const indexed_model& model, const column_ref& c) {
  auto* t = table_of(model, c.table);
  auto* col = t ? t->find_column(c.column) : nullptr;
  if (!col)
    return value_kind::text;
  if (col->role == column_role::time) // epoch seconds too: compared as times
    return value_kind::date;
  if (!col->type.empty()) {
    if (is_numeric_type(col->type))
      return value_kind::number;
    if (is_time_type(col->type))
      return value_kind::date;
    if (col->type == "boolean" || col->type == "bool")
      return value_kind::boolean;
  }
  switch (col->role) {
    case column_role::numeric: return value_kind::number;
    case column_role::time: return value_kind::date;
    case column_role::boolean: return value_kind::boolean;
    default: return value_kind::text;
  }
}

static bool ends_in_a_word_ending_in_id(const std::string& column) {
  static const char* words[] = {"paid", "prepaid", "unpaid", "valid", "fluid", "liquid",
                                "solid", "hybrid", "rapid", "acid", "bid", "grid"};
  auto cut = column.find_last_of('_');
  auto last = cut == std::string::npos ? column : column.substr(cut + 1);
  return std::any_of(std::begin(words), std::end(words), [&](const char* w) { return last == w; });
}

std::string check_types(const indexed_model& model, const query& q) {
  for (auto& m : q.measures) {
    if ((m.agg == aggregate::sum || m.agg == aggregate::avg) && m.metric.empty()
        && m.form != measure_form::days_between && m.form != measure_form::age
        && m.form != measure_form::time_of_day
        && !m.column.column.empty() && kind_of(model, m.column) != value_kind::number)
      return std::string(m.agg == aggregate::sum ? "a total" : "an average") + " of "
             + name(m.column) + ", which is not a number";
    // A key is a number only in storage: "venueid", "customer_id"; not
    // "amount_paid", whose last word only ends in the same letters.
    if ((m.agg == aggregate::sum || m.agg == aggregate::avg) && m.metric.empty()
        && m.column.column.size() > 2
        && m.column.column.compare(m.column.column.size() - 2, 2, "id") == 0
        && !ends_in_a_word_ending_in_id(m.column.column))
      return std::string(m.agg == aggregate::sum ? "a total" : "an average") + " of "
             + name(m.column) + ", which is a key";
    if (m.form == measure_form::days_between) {
      if (role_of(model, m.column) != column_role::time || role_of(model, m.per) != column_role::time
          || m.agg == aggregate::count || m.agg == aggregate::count_distinct)
        return "days between " + name(m.per) + " and " + name(m.column) + ", which are not dates";
    } else if (m.form == measure_form::difference) {
      if (role_of(model, m.column) != column_role::numeric || role_of(model, m.per) != column_role::numeric
          || m.agg == aggregate::count || m.agg == aggregate::count_distinct)
        return name(m.column) + " minus " + name(m.per) + ", which are not both numbers";
    } else if (m.form == measure_form::time_of_day) {
      if (role_of(model, m.column) != column_role::time
          || (m.agg != aggregate::min && m.agg != aggregate::max))
        return "a time of day of " + name(m.column) + ", which is not a time";
    } else if (m.form == measure_form::age) {
      if (role_of(model, m.column) != column_role::time
          || (m.agg != aggregate::avg && m.agg != aggregate::min && m.agg != aggregate::max))
        return "an age from " + name(m.column) + ", which is not a date";
    } else if (m.form == measure_form::days_since) {
      if (role_of(model, m.column) != column_role::time
          || (m.agg != aggregate::max && m.agg != aggregate::min))
        return "days since " + name(m.column) + ", which is not a date";
    } else if (m.form != measure_form::plain && !numeric_measure(model, m))
      return "a percentage of " + name(m.column);
    if (m.form == measure_form::per_entity && m.per.empty())
      return "an average per nothing";
    for (auto& f : m.condition)
      if (auto why = check_filter(model, f); !why.empty())
        return why;
    if (m.form == measure_form::ratio && m.over.size() != 1)
      return "a ratio without a denominator";
    for (auto& d : m.over) {
      query side;
      side.measures = {d};
      if (auto why = check_types(model, side); !why.empty())
        return why;
    }
  }
  for (auto& f : q.filters) {
    if (f.measure >= 0) {
      if (f.measure >= static_cast<int>(q.measures.size()))
        return "a condition on a measure that is gone";
      if (q.measures[f.measure].form == measure_form::share_of_total)
        return "a condition on a share of the total";
      if (!std::all_of(f.values.begin(), f.values.end(), [](auto& v) { return is_number(v); }))
        return "a condition on a measure that is not a number";
      continue;
    }
    if (auto why = check_filter(model, f); !why.empty())
      return why;
  }
  // Two months of one date that no day can be in at once ("January" and
  // "June 2025" read apart): the answer would be empty whatever the data.
  for (size_t a = 0; a < q.filters.size(); ++a)
    for (size_t b = a + 1; b < q.filters.size(); ++b) {
      auto& fa = q.filters[a];
      auto& fb = q.filters[b];
      if (fa.op != filter_op::month || fb.op != filter_op::month || fa.column != fb.column
          || fa.values.size() < 2 || fb.values.size() < 2 || fa.measure >= 0 || fb.measure >= 0)
        continue;
      bool years_meet = fa.values[0].empty() || fb.values[0].empty() || fa.values[0] == fb.values[0];
      if (fa.values[1] != fb.values[1] || !years_meet)
        return "two different months of " + name(fa.column) + " at once";
    }
  // An hour of the day is kept only by a timestamp (or a time), not a date.
  for (auto& d : q.dimensions) {
    if (d.bucket != time_bucket::hour && d.bucket != time_bucket::month_of_year)
      continue;
    auto* t = table_of(model, d.column.table);
    auto* col = t ? t->find_column(d.column.column) : nullptr;
    if (!col || role_of(model, d.column) != column_role::time
        || (d.bucket == time_bucket::hour && col->type == "date"))
      return std::string(d.bucket == time_bucket::hour ? "an hour of the day" : "a month of the year")
             + " of " + name(d.column) + ", which has none";
  }
  return {};
}

} // namespace medha::sqlgen
