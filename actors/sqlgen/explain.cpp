#include "actors/sqlgen/explain.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

namespace {

std::string column_phrase(const column_ref& c) {
  if (c.column.empty())
    return entity_words(c.table);
  auto words = column_words(c.column);
  auto entity = entity_words(c.table);
  // "region name" but not "order order date".
  if (words.rfind(entity, 0) == 0)
    return words;
  return entity + " " + words;
}

std::string list_phrase(const std::vector<std::string>& v, const char* last) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i)
      s += i + 1 == v.size() ? std::string(" ") + last + " " : ", ";
    s += v[i];
  }
  return s;
}

const char* month_name(const std::string& m) {
  static const char* names[] = {"January", "February", "March",     "April",   "May",
                                "June",    "July",     "August",    "September",
                                "October", "November", "December"};
  int i = std::atoi(m.c_str());
  return i >= 1 && i <= 12 ? names[i - 1] : "?";
}

// "quantity * unit price" from "SUM(order_items.quantity * order_items.unit_price)".
std::string expression_words(const std::string& e) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) {
      auto dot = word.find('.');
      out += column_words(dot == std::string::npos ? word : word.substr(dot + 1));
    }
    word.clear();
  };
  for (char c : e) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.') {
      word += c;
    } else {
      if (c == '(')
        word.clear(); // a function name: the words already say what it does
      flush();
      if (c == '*')
        out += "×";
      else if (c == '(' || c == ')' || c == '"')
        ;
      else
        out += c;
    }
  }
  flush();
  return out;
}

} // namespace

std::string describe(const indexed_model& model, const measure& m) {
  std::string s;
  if (!m.metric.empty()) {
    auto name = column_words(m.metric);
    switch (m.agg) {
      case aggregate::avg: s = "average " + name; break;
      case aggregate::min: s = "smallest " + name; break;
      case aggregate::max: s = "largest " + name; break;
      default: s = name;
    }
  } else if (m.column.column.empty()) {
    s = "number of " + column_words(m.column.table);
  } else {
    auto c = column_phrase(m.column);
    switch (m.agg) {
      case aggregate::avg: s = "average " + c; break;
      case aggregate::min: s = "smallest " + c; break;
      case aggregate::max: s = "largest " + c; break;
      case aggregate::count: s = "number of " + c; break;
      case aggregate::count_distinct: s = "number of distinct " + c; break;
      default: s = "total " + c;
    }
  }
  if (m.form == measure_form::per_entity)
    s = (s.rfind("average ", 0) == 0 ? s : "average " + s) + " per " + entity_words(m.per.table);
  if (m.form == measure_form::difference)
    s = std::string(m.agg == aggregate::avg   ? "average "
                    : m.agg == aggregate::min ? "smallest "
                    : m.agg == aggregate::max ? "largest "
                                              : "total ")
        + column_words(m.column.column) + " minus " + column_words(m.per.column);
  if (m.form == measure_form::days_between)
    s = std::string(m.agg == aggregate::avg   ? "average"
                    : m.agg == aggregate::min ? "fewest"
                    : m.agg == aggregate::max ? "most"
                                              : "total")
        + " " + (m.unit.empty() ? "days" : m.unit == "interval" ? "time" : m.unit) + " from "
        + column_phrase(m.per) + " to "
        + column_phrase(m.column);
  if (m.form == measure_form::days_since)
    s = "days from the " + s + " to today";
  if (m.form == measure_form::time_of_day)
    s = std::string(m.agg == aggregate::max ? "latest" : "earliest") + " time of day (HH:MM) of "
        + column_phrase(m.column);
  if (m.form == measure_form::age)
    s = std::string(m.agg == aggregate::min ? "youngest" : m.agg == aggregate::max ? "oldest" : "average")
        + " age in years (from " + column_phrase(m.column) + ")";
  if (m.form == measure_form::share_of_total)
    s = "share of " + s + " (percent of the total)";
  if (m.form == measure_form::percent_where) {
    std::vector<std::string> conds;
    for (auto& f : m.condition)
      conds.push_back(describe(model, f));
    s = "percentage of " + s + " where " + list_phrase(conds, "and");
  }
  if (m.form == measure_form::ratio && !m.over.empty()) {
    auto side = [&](const measure& x, std::string text) {
      std::vector<std::string> conds;
      for (auto& f : x.condition)
        conds.push_back(describe(model, f));
      return conds.empty() ? text : text + " where " + list_phrase(conds, "and");
    };
    measure den = m.over.front();
    den.form = measure_form::plain;
    den.condition.clear();
    if (m.row_by_row) {
      return std::string(m.agg == aggregate::avg ? "average" : to_string(m.agg)) + " ratio of "
             + column_phrase(m.column) + " to " + column_phrase(den.column) + ", row by row";
    }
    s = "ratio of " + side(m, s) + " to "
        + (m.over_all_groups ? "the total over all groups" : side(m.over.front(), describe(model, den)));
  }
  return s;
}

std::string describe(const indexed_model& model, const filter& f) {
  auto col = f.column.empty() ? std::string("the date") : column_phrase(f.column);
  if (!f.related_table.empty() && f.op != filter_op::has_related
      && f.op != filter_op::lacks_related && f.op != filter_op::through_key
      && f.op != filter_op::referenced_by)
    col = "its number of " + column_words(f.related_table);
  auto v = [&](size_t i) { return i < f.values.size() ? f.values[i] : std::string(); };
  if (f.op == filter_op::lasts) {
    auto cmp = v(1) == "lt" ? "less than " : v(1) == "le" ? "at most " : v(1) == "ge" ? "at least " : "more than ";
    return "time from " + column_phrase(f.other) + " to " + column_phrase(f.column) + " " + cmp
           + (v(2).empty() ? v(0) + " seconds" : v(2));
  }
  if (!f.other.empty()) {
    bool time = role_of(model, f.column) == column_role::time;
    auto than = f.op == filter_op::gt ? (time ? " after " : " above ") : f.op == filter_op::lt ? (time ? " before " : " below ")
              : f.op == filter_op::neq ? " different from " : " the same as ";
    return col + than + column_phrase(f.other);
  }
  switch (f.op) {
    case filter_op::eq: return col + " is " + v(0) + (f.ignore_case ? " in any case" : "");
    case filter_op::neq: return col + " is not " + v(0) + (f.ignore_case ? " in any case" : "");
    case filter_op::in: return col + " is " + list_phrase(f.values, "or");
    case filter_op::not_in: return col + " is not " + list_phrase(f.values, "or");
    case filter_op::gt: return col + " above " + v(0);
    case filter_op::ge: return col + " at least " + v(0);
    case filter_op::lt: return col + " below " + v(0);
    case filter_op::le: return col + " at most " + v(0);
    case filter_op::between: return col + " between " + v(0) + " and " + v(1);
    case filter_op::contains: return col + " containing \"" + v(0) + "\"";
    case filter_op::starts_with: return col + " starting with \"" + v(0) + "\"";
    case filter_op::ends_with: return col + " ending with \"" + v(0) + "\"";
    case filter_op::is_null: return col + " missing";
    case filter_op::not_null: return col + " present";
    case filter_op::year: return col + " in " + v(0);
    case filter_op::quarter:
      return col + " in Q" + v(1) + (v(0).empty() ? "" : " " + v(0));
    case filter_op::month:
      if (v(0).empty())
        return col + (f.values.size() < 3 ? " in the latest " + std::string(month_name(v(1)))
                      : v(2) == "every"  ? " in " + std::string(month_name(v(1))) + " of every year"
                                         : " in " + std::string(month_name(v(1))));
      return col + " in " + month_name(v(1)) + " " + v(0);
    case filter_op::weekday:
      return col + (f.values.size() == 2 ? " on weekends" : " on weekdays");
    case filter_op::relative: {
      auto unit = v(1);
      if (v(2) == "rolling")
        return col + " in the last " + v(0) + " " + unit + (v(0) == "1" ? "" : "s");
      if (v(0) == "0")
        return col + (unit == "day" ? " today" : " in this " + unit);
      if (v(0) != "1")
        return col + " in the " + v(0) + " whole " + unit + "s before this " + unit;
      return col + (unit == "day" ? " yesterday" : " in the previous " + unit);
    }
    case filter_op::since: return col + " on or after " + v(0);
    case filter_op::before: return col + " before " + v(0);
    case filter_op::has_related: {
      std::string s = "having at least one " + entity_words(f.related_table);
      for (size_t i = 0; i < f.within.size(); ++i)
        s += (i ? " and " : " where ") + describe(model, f.within[i]);
      return s;
    }
    case filter_op::lacks_related: {
      std::string s = "having no " + column_words(f.related_table);
      for (size_t i = 0; i < f.within.size(); ++i)
        s += (i ? " and " : " where ") + describe(model, f.within[i]);
      return s;
    }
    case filter_op::referenced_by: {
      std::string s = "named by the " + column_words(f.column.column) + " of the " + entity_words(f.related_table);
      for (size_t i = 0; i < f.within.size(); ++i)
        s += (i ? " and " : " where ") + describe(model, f.within[i]);
      return s;
    }
    case filter_op::through_key: {
      std::string s = col;
      for (size_t i = 0; i < f.within.size(); ++i)
        s += (i ? " and " : ": ") + describe(model, f.within[i]);
      return s;
    }
    case filter_op::lasts: break; // above
    case filter_op::among_shown: return "the " + column_words(f.column.table) + " just shown";
    case filter_op::rule: return f.sql;
    case filter_op::any_of: {
      std::string s;
      for (auto& w : f.within)
        s += (s.empty() ? "" : " or ") + describe(model, w);
      return s;
    }
    case filter_op::latest:
      return col + (v(0) == "min" ? " the earliest" : " the latest");
    case filter_op::within_after:
      return col + " within " + v(0) + " " + v(1) + (v(0) == "1" ? "" : "s") + " after "
             + entity_words(f.related_table) + " " + column_words(v(2));
  }
  return "";
}

std::string explain(const indexed_model& model, const query& said) {
  auto q = months_in_periods(said);
  std::string s;
  if (q.kind == query_kind::listing) {
    auto entity = q.entity.empty() && !q.selected.empty() ? q.selected.front().table : q.entity;
    if (q.all_columns) {
      s = "Lists the rows of " + column_words(entity);
    } else {
      std::vector<std::string> cols;
      for (auto& c : q.selected)
        cols.push_back(column_phrase(c));
      s = cols.empty() ? "Lists " + column_words(entity)
                       : "Lists the distinct " + list_phrase(cols, "and");
    }
  } else {
    std::vector<std::string> parts;
    for (auto& m : q.measures) {
      std::string part = describe(model, m);
      if (!m.metric.empty() && m.form == measure_form::plain)
        if (auto* def = find_metric(model, m.metric)) {
          // (A condition inside the expression reads badly as words: the
          // metric's own description says it.)
          bool conditional = def->expression.find("CASE") != std::string::npos;
          part += " (" + (conditional && !def->description.empty()
                            ? def->description
                            : expression_words(def->expression) + " over " + column_words(def->table))
                  + ")";
        }
      parts.push_back(part);
    }
    s = "Computes " + list_phrase(parts, "and");
    std::vector<std::string> dims;
    for (auto& d : q.dimensions)
      dims.push_back(d.bucket == time_bucket::hour            ? "hour of the day of " + column_phrase(d.column)
                     : d.bucket == time_bucket::month_of_year ? "month of the year of " + column_phrase(d.column)
                     : d.bucket != time_bucket::none
                       ? std::string(to_string(d.bucket)) + " of " + column_phrase(d.column)
                       : column_phrase(d.column));
    if (!dims.empty())
      s += ", grouped by " + list_phrase(dims, "and");
  }
  std::vector<std::string> where, having;
  for (auto& f : q.filters) {
    if (f.measure >= 0 && f.measure < static_cast<int>(q.measures.size())) {
      filter copy = f;
      copy.column = {};
      auto text = describe(model, copy);
      having.push_back(describe(model, q.measures[f.measure])
                       + text.substr(std::string("the date").size()));
    } else {
      where.push_back(describe(model, f));
    }
  }
  if (!where.empty())
    s += ", where " + list_phrase(where, "and");
  if (!having.empty())
    s += ", keeping groups whose " + list_phrase(having, "and");
  if (!q.order.empty()) {
    auto& o = q.order.front();
    std::string key = o.measure >= 0 && o.measure < static_cast<int>(q.measures.size())
                        ? describe(model, q.measures[o.measure])
                        : column_phrase(o.column);
    s += ", ordered by " + key + (o.descending ? " from highest to lowest" : "");
  }
  if (q.limit == 1)
    s += ", first row only";
  else if (q.limit > 0)
    s += ", first " + std::to_string(q.limit) + " rows";
  s += ".";
  // A copy of the data that ends before today: say which day "this year"
  // and "last month" were counted from (windows count from today).
  bool calendar = std::any_of(q.filters.begin(), q.filters.end(), [](const filter& f) {
    return f.op == filter_op::relative && f.values.size() > 2 && f.values[2] == "calendar";
  });
  if (calendar && !model.model.data_ends.empty())
    s += " \"This\" and \"last\" periods are counted from " + model.model.data_ends + ", the day the data ends.";
  return s;
}

std::string rows_subject(const indexed_model& model, const query& q) {
  if (q.kind == query_kind::listing) {
    // The rows are what the listed columns describe ("the names of the
    // products in an order" lists products), else the entity itself.
    auto subject = q.entity;
    if (!q.selected.empty() && !q.all_columns
        && std::all_of(q.selected.begin(), q.selected.end(),
                       [&](const column_ref& c) { return c.table == q.selected.front().table; }))
      subject = q.selected.front().table;
    // One column that does not name its rows (the towns of some shops):
    // the rows are its distinct values.
    if (q.selected.size() == 1 && !q.all_columns) {
      auto& c = q.selected.front();
      auto* t = table_of(model, c.table);
      auto* label = t ? label_column(*t) : nullptr;
      if (!(label && label->name == c.column) && role_of(model, c) != column_role::identifier)
        subject = c.column;
    }
    return column_words(subject);
  } else if (!q.dimensions.empty()
             && std::all_of(q.dimensions.begin(), q.dimensions.end(), [&](const dimension& d) {
                  return d.bucket == time_bucket::none && !d.column.empty()
                         && d.column.table == q.dimensions.front().column.table;
                })) {
    // Groups of one table's rows ("sales per salesperson"): the rows of the
    // answer are the groups, not the rows measured.
    auto& c = q.dimensions.front().column;
    auto* t = table_of(model, c.table);
    auto* label = t ? label_column(*t) : nullptr;
    bool names_rows = (label && label->name == c.column) || q.dimensions.size() > 1;
    return column_words(names_rows ? c.table : c.column);
  }
  return {};
}

} // namespace medha::sqlgen
