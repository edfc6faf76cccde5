#include "actors/sqlgen/query.hpp"

#include <algorithm>
#include <cstring>

namespace medha::sqlgen {

namespace {

// One name table per enum keeps to_string and from_string in step.
constexpr const char* aggregate_names[] = {"none", "sum", "avg", "count",
                                           "count_distinct", "min", "max"};
constexpr const char* bucket_names[] = {"none", "day", "week", "month", "quarter", "year", "weekday", "hour", "month_of_year"};
constexpr const char* op_names[] = {
  "eq",      "neq",      "in",      "not_in",  "gt",       "ge",
  "lt",      "le",       "between", "contains", "starts_with", "ends_with",
  "is_null", "not_null", "year",    "quarter", "month",    "relative",
  "since",   "before",   "has_related", "lacks_related", "rule",
  "weekday", "any_of", "within_after", "latest", "through_key", "referenced_by", "lasts", "among_shown"};
constexpr const char* form_names[] = {"plain", "share_of_total", "percent_where", "per_entity",
                                      "ratio", "days_since", "days_between", "age",
                                      "time_of_day", "difference"};

template <class E, size_t N>
const char* name_of(E e, const char* const (&names)[N]) {
  auto i = static_cast<size_t>(e);
  return i < N ? names[i] : names[0];
}

template <class E, size_t N>
bool parse(const std::string& s, const char* const (&names)[N], E& out) {
  for (size_t i = 0; i < N; ++i)
    if (s == names[i]) {
      out = static_cast<E>(i);
      return true;
    }
  return false;
}

} // namespace

const char* to_string(aggregate a) { return name_of(a, aggregate_names); }
const char* to_string(time_bucket b) { return name_of(b, bucket_names); }
const char* to_string(filter_op op) { return name_of(op, op_names); }
const char* to_string(measure_form f) { return name_of(f, form_names); }
bool from_string(const std::string& s, aggregate& out) { return parse(s, aggregate_names, out); }
bool from_string(const std::string& s, time_bucket& out) { return parse(s, bucket_names, out); }
bool from_string(const std::string& s, filter_op& out) { return parse(s, op_names, out); }
bool from_string(const std::string& s, measure_form& out) { return parse(s, form_names, out); }

query months_in_periods(query q) {
  for (auto& f : q.filters) {
    if (f.op != filter_op::month || f.values.size() != 2 || !f.values[0].empty())
      continue;
    bool within = std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& o) {
      bool yearless = o.op == filter_op::month && (o.values.empty() || o.values[0].empty());
      return o.column == f.column && !yearless && is_time_filter(o);
    });
    if (within)
      f.values.push_back("within");
  }
  return q;
}

bool is_time_filter(const filter& f) {
  switch (f.op) {
    case filter_op::year:
    case filter_op::quarter:
    case filter_op::month:
    case filter_op::weekday:
    case filter_op::relative:
    case filter_op::since:
    case filter_op::before:
      return true;
    default:
      return false;
  }
}

} // namespace medha::sqlgen
