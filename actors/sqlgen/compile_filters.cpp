// One filter of the query structure as a SQL condition: comparisons, lists,
// patterns, periods as ranges of dates (so an index on the column serves
// them), relative periods, days of the week, alternatives.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "actors/sqlgen/sql_compiler_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::compiling {

namespace {

const char* unit_name(const std::string& unit) {
  static const char* units[] = {"day", "week", "month", "quarter", "year"};
  for (auto* u : units)
    if (unit == u)
      return u;
  return "day";
}

std::string like_pattern(const std::string& v, bool lead, bool trail) {
  std::string escaped;
  for (char c : v) {
    if (c == '%' || c == '_' || c == '\\')
      escaped += '\\';
    escaped += c;
  }
  return string_literal((lead ? "%" : "") + escaped + (trail ? "%" : ""));
}

// A calendar period as a half-open range of dates: `months` months from
// month `first` (1-based) of `year`. A range, not EXTRACT(...) = ..., so that
// an index on the column serves it.
std::string period_range(const std::string& col, const std::string& year, int first, int months) {
  int y = std::atoi(year.c_str());
  auto date = [](int yy, int m) {
    yy += (m - 1) / 12;
    m = (m - 1) % 12 + 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "'%04d-%02d-01'", yy, m);
    return std::string(buf);
  };
  return col + " >= " + date(y, first) + " AND " + col + " < " + date(y, first + months);
}

} // namespace

// A literal as SQL: a number stays bare when the filter compares numbers.
std::string literal(const filter& f, const std::string& v) {
  if (f.numeric && (is_number(v) || v == "true" || v == "false"))
    return v;
  return string_literal(v);
}


// A period on an integer year column dated to its month by a column of
// month names: compared as year * 12 + month. Empty when not such a pair.
std::string compiler::month_pair_sql(const filter& f) {
  auto month = month_name_column(model, f.column);
  if (month.empty())
    return {};
  auto v = [&](size_t i) { return i < f.values.size() ? f.values[i] : std::string(); };
  auto year = qualified(f.column);
  auto number = month_number_sql(month);
  auto index = "(" + year + " * 12 + " + number + ")";
  auto of_date = [&](const std::string& d) {
    return std::to_string(std::atoi(d.substr(0, 4).c_str()) * 12 + std::atoi(d.substr(5, 2).c_str()));
  };
  switch (f.op) {
    case filter_op::month:
      return (v(0).empty() ? "" : year + " = " + v(0) + " AND ") + number + " = " + v(1);
    case filter_op::quarter: {
      int q = std::atoi(v(1).c_str());
      return (v(0).empty() ? "" : year + " = " + v(0) + " AND ") + number + " BETWEEN "
             + std::to_string(3 * q - 2) + " AND " + std::to_string(3 * q);
    }
    case filter_op::since: return index + " >= " + of_date(v(0));
    case filter_op::before: return index + " < " + of_date(v(0));
    case filter_op::relative: {
      if (v(1) != "month")
        return {};
      auto now = "(EXTRACT(YEAR FROM " + today() + ") * 12 + EXTRACT(MONTH FROM " + today() + "))";
      if (v(2) == "rolling")
        return index + " >= (EXTRACT(YEAR FROM CURRENT_DATE) * 12 + EXTRACT(MONTH FROM CURRENT_DATE)) - " + v(0);
      if (v(0) == "0")
        return index + " = " + now;
      return index + " >= " + now + " - " + v(0) + " AND " + index + " < " + now;
    }
    default: return {};
  }
}

// "(SELECT <column> FROM <related table> WHERE <within>)": the rows of a
// filter's related table that meet its conditions, on a scope of their own.
std::string compiler::select_where(const filter& f, const column_ref& column) {
  std::string where;
  for (auto& w : f.within)
    where += (where.empty() ? "" : " AND ") + filter_sql(w);
  return "(SELECT " + qualified(column) + " FROM " + table_reference(model, f.related_table)
         + (where.empty() ? std::string() : " WHERE " + where) + ")";
}

std::string compiler::filter_sql(const filter& f) {
  // A flag kept as text ('Y'/'N', read as a boolean at introspection):
  // true and false are its own two values.
  if (f.numeric && !f.column.column.empty() && role_of(model, f.column) == column_role::boolean) {
    auto* t = table_of(model, f.column.table);
    auto* c = t ? t->find_column(f.column.column) : nullptr;
    if (c && c->type != "boolean" && c->type != "bool" && c->values.size() == 2) {
      filter text = f;
      text.numeric = false;
      for (auto& v : text.values)
        if (v == "true" || v == "false")
          if (auto own = flag_value(*c, v == "true"); !own.empty())
            v = own;
      return filter_sql(text);
    }
  }
  if (!f.related_table.empty() && f.op != filter_op::has_related
      && f.op != filter_op::lacks_related && f.op != filter_op::within_after
      && f.op != filter_op::through_key && f.op != filter_op::referenced_by)
    return related_count_sql(f);
  if (is_time_filter(f) && role_of(model, f.column) == column_role::numeric)
    if (auto s = month_pair_sql(f); !s.empty())
      return s;
  auto col = f.column.column.empty() ? std::string()
             : is_time_filter(f) || role_of(model, f.column) == column_role::time
               ? time_value(f.column)
               : qualified(f.column);
  auto v = [&](size_t i) { return i < f.values.size() ? f.values[i] : std::string(); };
  // "Match case insensitively": both sides of an equality in lower case.
  bool fold = f.ignore_case && !f.numeric
              && (f.op == filter_op::eq || f.op == filter_op::neq || f.op == filter_op::in
                  || f.op == filter_op::not_in);
  auto lit = [&](const std::string& x) {
    return fold ? "LOWER(" + literal(f, x) + ")" : literal(f, x);
  };
  if (fold)
    col = "LOWER(" + col + ")";
  auto list = [&]() {
    std::string s;
    for (size_t i = 0; i < f.values.size(); ++i)
      s += (i ? ", " : "") + lit(f.values[i]);
    return s;
  };
  if (f.op == filter_op::lasts) { // the span between two times of one row
    measure m;
    m.column = f.column;
    m.per = f.other;
    m.unit = "seconds";
    auto cmp = v(1) == "lt" ? " < " : v(1) == "le" ? " <= " : v(1) == "ge" ? " >= " : " > ";
    return "(" + span(m) + ")" + cmp + (is_number(v(0)) ? v(0) : "NULL");
  }
  if (!f.other.empty()) { // two columns of one row compared
    auto other = role_of(model, f.other) == column_role::time ? time_value(f.other) : qualified(f.other);
    const char* op = f.op == filter_op::gt ? " > " : f.op == filter_op::lt ? " < " : f.op == filter_op::ge ? " >= "
                   : f.op == filter_op::le ? " <= " : f.op == filter_op::neq ? " <> " : " = ";
    return col + op + other;
  }
  switch (f.op) {
    case filter_op::eq: return col + " = " + lit(v(0));
    case filter_op::neq: return col + " <> " + lit(v(0));
    case filter_op::in: return col + " IN (" + list() + ")";
    case filter_op::not_in: return col + " NOT IN (" + list() + ")";
    case filter_op::gt: return col + " > " + literal(f, v(0));
    case filter_op::ge: return col + " >= " + literal(f, v(0));
    case filter_op::lt: return col + " < " + literal(f, v(0));
    case filter_op::le: return col + " <= " + literal(f, v(0));
    case filter_op::between:
      return col + " BETWEEN " + literal(f, v(0)) + " AND " + literal(f, v(1));
    case filter_op::contains: return col + " ILIKE " + like_pattern(v(0), true, true);
    case filter_op::starts_with: return col + " ILIKE " + like_pattern(v(0), false, true);
    case filter_op::ends_with: return col + " ILIKE " + like_pattern(v(0), true, false);
    case filter_op::is_null: return col + " IS NULL";
    case filter_op::not_null: return col + " IS NOT NULL";
    case filter_op::year:
      if (role_of(model, f.column) == column_role::numeric)
        return col + " = " + v(0); // an integer year column
      return period_range(col, v(0), 1, 12);
    case filter_op::quarter:
    case filter_op::month: {
      // With a year, a range PostgreSQL can serve from an index on the column.
      int months = f.op == filter_op::quarter ? 3 : 1;
      if (!v(0).empty())
        return period_range(col, v(0), (std::atoi(v(1).c_str()) - 1) * months + 1, months);
      // "takings in August": the latest August the rows reach
      // (up to today: not next August's bookings), read from the data, as
      // a copy may end any time; August of every year only when said so,
      // and of a period said with it as that period's (months_in_periods).
      if (f.op == filter_op::month && f.values.size() < 3) {
        // The same column read again in a table of its own name ("latest").
        auto outer = qualified(f.column);
        auto prefix = outer.substr(0, outer.size() - quote_identifier(f.column.column).size());
        const std::string latest = "\"latest\".";
        auto inner = col;
        for (auto at = inner.find(prefix); at != std::string::npos; at = inner.find(prefix, at + latest.size()))
          inner.replace(at, prefix.size(), latest);
        auto month_of = [&](const std::string& c) { return "EXTRACT(MONTH FROM " + c + ") = " + v(1); };
        return month_of(col) + " AND EXTRACT(YEAR FROM " + col + ") = (SELECT MAX(EXTRACT(YEAR FROM " + inner
               + ")) FROM " + table_reference(model, f.column.table) + " AS \"latest\" WHERE " + month_of(inner)
               + " AND " + inner + " <= CURRENT_DATE)";
      }
      std::string part = f.op == filter_op::quarter ? "QUARTER" : "MONTH";
      return "EXTRACT(" + part + " FROM " + col + ") = " + v(1);
    }
    case filter_op::relative: {
      auto n = v(0);
      std::string unit = unit_name(v(1));
      if (role_of(model, f.column) == column_role::numeric) { // an integer year column
        auto this_year = "EXTRACT(YEAR FROM " + today() + ")";
        if (v(2) == "rolling")
          return col + " >= EXTRACT(YEAR FROM CURRENT_DATE) - " + n;
        return col + " = " + this_year + (n == "0" ? "" : " - " + n);
      }
      if (unit == "quarter") { // PostgreSQL intervals have no quarters
        n = std::to_string(3 * std::atoi(n.c_str()));
        if (v(2) == "rolling")
          return col + " >= CURRENT_DATE - INTERVAL '" + n + " months'";
        auto start = "DATE_TRUNC('quarter', " + today() + ")";
        if (n == "0")
          return col + " >= " + start + " AND " + col + " < " + start + " + INTERVAL '3 months'";
        return col + " >= " + start + " - INTERVAL '" + n + " months' AND " + col + " < " + start;
      }
      auto interval = "INTERVAL '" + n + " " + unit + (n == "1" ? "" : "s") + "'";
      if (v(2) == "rolling")
        return col + " >= CURRENT_DATE - " + interval;
      auto start = "DATE_TRUNC('" + unit + "', " + today() + ")";
      if (n == "0")
        return col + " >= " + start + " AND " + col + " < " + start + " + INTERVAL '1 " + unit
               + "'";
      return col + " >= " + start + " - " + interval + " AND " + col + " < " + start;
    }
    case filter_op::since:
    case filter_op::before: {
      auto op = f.op == filter_op::since ? " >= " : " < ";
      if (role_of(model, f.column) == column_role::numeric) // an integer year column
        return col + op + v(0).substr(0, 4);
      return col + op + string_literal(v(0));
    }
    case filter_op::weekday: {
      // A column of day names: the stored names of those days.
      if (role_of(model, f.column) != column_role::time) {
        auto* t = table_of(model, f.column.table);
        auto* c = t ? t->find_column(f.column.column) : nullptr;
        std::string names;
        for (auto& v : c ? c->values : std::vector<std::string>{})
          if (std::find(f.values.begin(), f.values.end(), std::to_string(weekday_number(v)))
              != f.values.end())
            names += (names.empty() ? "" : ", ") + string_literal(v);
        return names.empty() ? "FALSE" : col + " IN (" + names + ")";
      }
      std::string days;
      for (auto& d : f.values)
        days += (days.empty() ? "" : ", ") + d;
      return "EXTRACT(DOW FROM " + col + ") IN (" + days + ")";
    }
    case filter_op::has_related:
    case filter_op::lacks_related: return exists_sql(f);
    case filter_op::rule: return "(" + f.sql + ")";
    case filter_op::any_of: {
      std::string s;
      for (auto& w : f.within)
        s += (s.empty() ? "" : " OR ") + filter_sql(w);
      return "(" + s + ")";
    }
    case filter_op::latest: {
      // The extreme over the table's rows in the periods asked ("the latest
      // snapshot in March 2023"), on an alias of its own.
      std::string inner = quote_identifier("x0");
      std::string where;
      for (auto g : q.filters)
        if (is_time_filter(g) && g.column == f.column) {
          g.column.table = "x0";
          where += (where.empty() ? " WHERE " : " AND ") + filter_sql(g);
        }
      return col + " = (SELECT " + (v(0) == "min" ? "MIN(" : "MAX(") + inner + "."
             + quote_identifier(f.column.column) + ") FROM " + table_reference(model, f.column.table)
             + " AS " + inner + where + ")";
    }
    case filter_op::through_key: {
      // The referenced rows in a subquery of their own: the same table may
      // be referenced again through another key ("from Lisbon to Porto").
      std::string key;
      for (auto& rel : model.relationships)
        if (rel.from_table == f.column.table && rel.to_table == f.related_table
            && rel.from_columns.size() == 1 && rel.from_columns[0] == f.column.column)
          key = rel.to_columns[0];
      return key.empty() || f.within.empty() ? "FALSE" : qualified(f.column) + " IN " + select_where(f, {f.related_table, key});
    }
    case filter_op::referenced_by: {
      // The rows a related row's key points at: "employee_id IN (SELECT
      // reports_to FROM employees WHERE <Ana>)".
      std::string key;
      for (auto& rel : model.relationships)
        if (rel.from_table == f.related_table && rel.to_table == f.column.table
            && rel.from_columns.size() == 1 && rel.from_columns[0] == f.column.column)
          key = rel.to_columns[0];
      return key.empty() || f.within.empty() ? "FALSE"
                                             : qualified({f.column.table, key}) + " IN "
                             + select_where(f, {f.related_table, f.column.column});
    }
    case filter_op::lasts: break; // above
    case filter_op::among_shown: {
      // The earlier answer's rows, by their key: its own SELECT, whose
      // output shows that key, as a subquery.
      auto earlier = f.values.empty() ? std::nullopt : query_from_json(f.values[0]);
      auto shown = earlier ? medha::sqlgen::compile(model, *earlier) : compiled_query{};
      bool keyed = earlier && shown.status == compile_status::ok
                   && std::any_of(shown.columns.begin(), shown.columns.end(),
                                  [&](const output_column& c) { return c.name == f.column.column; });
      if (!keyed) {
        fail(compile_status::unsupported, "the rows shown before, which are not known by their key");
        return "FALSE";
      }
      return col + " IN (SELECT " + quote_identifier(f.column.column) + " FROM (" + shown.sql + ") AS shown_rows)";
    }
    case filter_op::within_after: {
      auto from = time_value({f.related_table, v(2)});
      auto n = v(0);
      return col + " BETWEEN " + from + " AND " + from + " + INTERVAL '" + n + " " + unit_name(v(1))
             + (n == "1" ? "" : "s") + "'";
    }
  }
  return "TRUE";
}

} // namespace medha::sqlgen::compiling
