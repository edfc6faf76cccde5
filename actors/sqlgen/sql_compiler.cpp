#include "actors/sqlgen/sql_compiler.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query_check.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"
#include "messages/result_set.hpp"

namespace medha::sqlgen {

namespace {

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

const char* unit_name(const std::string& unit) {
  static const char* units[] = {"day", "week", "month", "quarter", "year"};
  for (auto* u : units)
    if (unit == u)
      return u;
  return "day";
}

// A literal as SQL: a number stays bare when the filter compares numbers.
std::string literal(const filter& f, const std::string& v) {
  if (f.numeric && (is_number(v) || v == "true" || v == "false"))
    return v;
  return string_literal(v);
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

struct compiler {
  const semantic_model& model;
  const query& q;
  compiled_query out;
  bool fans_out = false; // a join from a table to rows that reference it
  bool row_groups = false; // every group is one row of the root table
  std::string root_name;

  bool fail(compile_status s, std::string detail) {
    out.status = s;
    out.detail = std::move(detail);
    return false;
  }

  // The key of a table whose label is free text ("customers"."name" is not
  // unique): grouped and listed with the name, so that namesakes stay apart.
  // A label from a short list too when the rows are the query's own
  // ("students"."lastname" for the credits each student keeps); a lookup
  // joined in ("regions"."name") is told apart by its name.
  std::optional<column_ref> identity_key(const column_ref& c) {
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

  // The family name that goes with `column` when it is the given name that
  // labels a person's row.
  const column_info* family_of(const table_info& t, const std::string& column) {
    auto* label = label_column(t);
    auto* family = family_name_column(t);
    return label && family && label->name == column && family != label ? family : nullptr;
  }

  bool check(const column_ref& c) {
    auto* t = table_of(model, c.table);
    if (!t)
      return fail(compile_status::unknown_reference, "no table " + c.table);
    if (!c.column.empty() && !t->find_column(c.column))
      return fail(compile_status::unknown_reference, "no column " + c.table + "." + c.column);
    return true;
  }

  // A time column as a timestamp: integer epoch seconds are converted.
  std::string time_value(const column_ref& c) {
    auto col = qualified(c);
    auto* t = table_of(model, c.table);
    auto* info = t ? t->find_column(c.column) : nullptr;
    if (info && info->role == column_role::time && is_numeric_type(info->type))
      return "TO_TIMESTAMP(" + col + ")";
    return col;
  }

  // One row's span from `per` to `column`: whole days between their dates,
  // else the interval, or its seconds (minutes, hours). Epoch columns
  // already hold seconds.
  std::string span(const measure& m) {
    auto is_epoch = [&](const column_ref& c) { return time_value(c) != qualified(c); };
    auto is_date = [&](const column_ref& c) {
      auto* t = table_of(model, c.table);
      auto* info = t ? t->find_column(c.column) : nullptr;
      return info && info->type == "date";
    };
    if (m.unit.empty())
      return time_value(m.column) + "::date - " + time_value(m.per) + "::date";
    if (m.unit == "interval")
      return time_value(m.column) + " - " + time_value(m.per);
    std::string seconds;
    if (is_epoch(m.column) && is_epoch(m.per))
      seconds = qualified(m.column) + " - " + qualified(m.per);
    else {
      auto value = [&](const column_ref& c) {
        return time_value(c) + (is_date(c) ? "::timestamp" : "");
      };
      seconds = "EXTRACT(EPOCH FROM (" + value(m.column) + " - " + value(m.per) + "))";
    }
    if (m.unit == "minutes")
      return "(" + seconds + ") / 60.0";
    if (m.unit == "hours")
      return "(" + seconds + ") / 3600.0";
    return seconds;
  }

  std::string time_expression(const column_ref& c, time_bucket b) {
    if (role_of(model, c) == column_role::numeric) {
      // Months of a year column dated by a column of month names: within
      // one year, the month's name; else the month as "2024-03".
      if (b == time_bucket::month)
        if (auto month = month_name_column(model, c); !month.empty())
          return one_year(c) ? qualified(month)
                             : "TO_CHAR(MAKE_DATE(" + qualified(c) + "::int, " + month_number_sql(month)
                                 + "::int, 1), 'YYYY-MM')";
      return qualified(c); // an integer year column is its own bucket
    }
    auto col = time_value(c);
    switch (b) {
      case time_bucket::none: return col;
      case time_bucket::year: return "EXTRACT(YEAR FROM " + col + ")::int";
      // A month reads as "2024-03", and sorts as one.
      case time_bucket::month: return "TO_CHAR(" + col + ", 'YYYY-MM')";
      case time_bucket::weekday: return "TRIM(TO_CHAR(" + col + ", 'Day'))";
      default:
        return std::string("DATE_TRUNC('") + to_string(b) + "', " + col + ")::date";
    }
  }

  std::string month_number_sql(const column_ref& month) {
    return "EXTRACT(MONTH FROM TO_DATE(TRIM(" + qualified(month) + "), 'Month'))";
  }

  // The query keeps the rows of a single year of this column.
  bool one_year(const column_ref& c) {
    return std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
      return f.column == c && f.measure < 0 && (f.op == filter_op::year
             || (f.op == filter_op::month && !f.values.empty() && !f.values[0].empty()));
    });
  }

  // Where a bucket sorts: a month's name by its number in the year, a day's
  // name from Sunday.
  std::string time_order(const column_ref& c, time_bucket b) {
    auto e = time_expression(c, b);
    if (b == time_bucket::weekday && role_of(model, c) == column_role::time)
      return "MIN(EXTRACT(DOW FROM " + time_value(c) + "))";
    if (role_of(model, c) == column_role::numeric && b == time_bucket::month)
      if (auto month = month_name_column(model, c); !month.empty() && e == qualified(month))
        return month_number_sql(month);
    return e;
  }

  // A period on an integer year column dated to its month by a column of
  // month names: compared as year * 12 + month. Empty when not such a pair.
  std::string month_pair_sql(const filter& f) {
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
        auto now = std::string("(EXTRACT(YEAR FROM CURRENT_DATE) * 12 + EXTRACT(MONTH FROM CURRENT_DATE))");
        if (v(2) == "rolling")
          return index + " >= " + now + " - " + v(0);
        if (v(0) == "0")
          return index + " = " + now;
        return index + " >= " + now + " - " + v(0) + " AND " + index + " < " + now;
      }
      default: return {};
    }
  }

  std::string filter_sql(const filter& f) {
    if (!f.related_table.empty() && f.op != filter_op::has_related
        && f.op != filter_op::lacks_related && f.op != filter_op::within_after)
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
        std::string part = f.op == filter_op::quarter ? "QUARTER" : "MONTH";
        return "EXTRACT(" + part + " FROM " + col + ") = " + v(1);
      }
      case filter_op::relative: {
        auto n = v(0);
        std::string unit = unit_name(v(1));
        if (role_of(model, f.column) == column_role::numeric) { // an integer year column
          auto this_year = std::string("EXTRACT(YEAR FROM CURRENT_DATE)");
          if (v(2) == "rolling")
            return col + " >= " + this_year + " - " + n;
          return col + " = " + this_year + (n == "0" ? "" : " - " + n);
        }
        if (unit == "quarter") { // PostgreSQL intervals have no quarters
          n = std::to_string(3 * std::atoi(n.c_str()));
          if (v(2) == "rolling")
            return col + " >= CURRENT_DATE - INTERVAL '" + n + " months'";
          auto start = std::string("DATE_TRUNC('quarter', CURRENT_DATE)");
          if (n == "0")
            return col + " >= " + start + " AND " + col + " < " + start + " + INTERVAL '3 months'";
          return col + " >= " + start + " - INTERVAL '" + n + " months' AND " + col + " < " + start;
        }
        auto interval = "INTERVAL '" + n + " " + unit + (n == "1" ? "" : "s") + "'";
        if (v(2) == "rolling")
          return col + " >= CURRENT_DATE - " + interval;
        auto start = "DATE_TRUNC('" + unit + "', CURRENT_DATE)";
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
      case filter_op::within_after: {
        auto from = time_value({f.related_table, v(2)});
        auto n = v(0);
        return col + " BETWEEN " + from + " AND " + from + " + INTERVAL '" + n + " " + unit_name(v(1))
               + (n == "1" ? "" : "s") + "'";
      }
    }
    return "TRUE";
  }

  // "papers with more than 1 keyphrase" as a condition on each paper: the
  // number of its related rows, compared. As when such counts are grouped,
  // only rows with some related rows count ("fewer than 3" is not "none").
  std::string related_count_sql(const filter& f) {
    auto sub = related_rows(f, "COUNT(*)");
    if (sub.empty())
      return "TRUE";
    auto n = f.values.empty() ? std::string("0") : f.values.front();
    const char* op = f.op == filter_op::gt   ? " > "
                     : f.op == filter_op::ge ? " >= "
                     : f.op == filter_op::lt ? " < "
                     : f.op == filter_op::le ? " <= "
                     : f.op == filter_op::neq ? " <> "
                                              : " = ";
    bool explicit_zero = (f.op == filter_op::eq || f.op == filter_op::le) && n == "0";
    auto count = explicit_zero ? "(" + sub + ")" : "NULLIF((" + sub + "), 0)";
    return count + op + literal(f, n);
  }

  std::string exists_sql(const filter& f) {
    auto sub = related_rows(f, "1");
    if (sub.empty())
      return "TRUE";
    return f.op == filter_op::lacks_related ? "NOT EXISTS (" + sub + ")" : "EXISTS (" + sub + ")";
  }

  // The rows of f.related_table linked to the outer row of f.column.table,
  // as "SELECT <what> FROM ... WHERE ..."; empty when they are not linked.
  std::string related_rows(const filter& f, const std::string& what) {
    join_hints hints;
    for (auto& c : q.via)
      hints.emplace_back(c.table, c.column);
    auto path = shortest_path(model, f.column.table, f.related_table, hints);
    if (!path.found || path.steps.empty()) {
      fail(compile_status::not_connected,
           "no relationship between " + f.column.table + " and " + f.related_table);
      return "";
    }
    // Inner tables get aliases so they never capture the outer query's names.
    std::string from, where;
    for (size_t i = 0; i < path.steps.size(); ++i) {
      auto& s = path.steps[i];
      auto alias = quote_identifier("x" + std::to_string(i + 1));
      auto prev = i == 0 ? quote_identifier(s.from_table) : quote_identifier("x" + std::to_string(i));
      std::string cond;
      for (auto& [a, b] : s.on)
        cond += std::string(cond.empty() ? "" : " AND ") + alias + "." + quote_identifier(b)
                + " = " + prev + "." + quote_identifier(a);
      if (i == 0) {
        from = table_reference(model, s.to_table) + " AS " + alias;
        where = cond;
      } else {
        from += " JOIN " + table_reference(model, s.to_table) + " AS " + alias + " ON " + cond;
      }
    }
    // Conditions on the related rows, or on a table reached from them: joined
    // on inside, each on its own alias.
    std::vector<std::pair<std::string, std::string>> aliases{
      {f.related_table, "x" + std::to_string(path.steps.size())}};
    size_t next = path.steps.size();
    for (auto g : f.within) {
      auto known = std::find_if(aliases.begin(), aliases.end(),
                                [&](const auto& a) { return a.first == g.column.table; });
      if (known == aliases.end()) {
        auto more = shortest_path(model, f.related_table, g.column.table, hints);
        if (!more.found || more.steps.empty()) {
          fail(compile_status::not_connected,
               "no relationship between " + f.related_table + " and " + g.column.table);
          return "";
        }
        auto prev = aliases.front().second;
        for (auto& s : more.steps) {
          auto alias = "x" + std::to_string(++next);
          std::string cond;
          for (auto& [a, b] : s.on)
            cond += std::string(cond.empty() ? "" : " AND ") + quote_identifier(alias) + "."
                    + quote_identifier(b) + " = " + quote_identifier(prev) + "." + quote_identifier(a);
          from += " JOIN " + table_reference(model, s.to_table) + " AS " + quote_identifier(alias)
                  + " ON " + cond;
          aliases.emplace_back(s.to_table, alias);
          prev = alias;
        }
        known = aliases.end() - 1;
      }
      g.column.table = known->second;
      where += " AND " + filter_sql(g);
    }
    return "SELECT " + what + " FROM " + from + " WHERE " + where;
  }

  std::string conditions(const std::vector<filter>& fs) {
    std::string s;
    for (auto& f : fs)
      s += (s.empty() ? "" : " AND ") + filter_sql(f);
    return s;
  }

  // The aggregate expression of a measure, before its form is applied.
  std::string base_measure(const measure& m) {
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
  std::string ratio_side(const measure& x) {
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
  bool separate_denominator(const measure& m) {
    return q.dimensions.empty() && !m.over.empty()
           && measure_table(model, m.over.front()) != measure_table(model, m);
  }

  // Division in floating point, never by zero: "ratio of A to B".
  std::string ratio_sql(const measure& m) {
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

  std::string measure_sql(const measure& m) {
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

  std::string dimension_alias(const dimension& d, std::set<std::string>& used) {
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

  std::vector<std::string> needed_tables() {
    std::vector<std::string> t;
    auto add = [&](const std::string& name) {
      if (!name.empty() && std::find(t.begin(), t.end(), name) == t.end())
        t.push_back(name);
    };
    for (auto& m : q.measures) {
      if (!m.metric.empty()) {
        if (auto* def = find_metric(model, m.metric))
          add(def->table);
      } else {
        add(m.column.table);
      }
      for (auto& f : m.condition)
        add(f.column.table);
      add(m.per.table);
      if (!separate_denominator(m))
        for (auto& d : m.over) {
          add(measure_table(model, d));
          for (auto& f : d.condition)
            add(f.column.table);
        }
    }
    add(q.entity);
    for (auto& d : q.dimensions)
      add(d.column.table);
    for (auto& c : q.selected)
      add(c.table);
    for (auto& f : q.filters) {
      add(f.column.table);
      if (f.op == filter_op::any_of)
        for (auto& w : f.within)
          add(w.column.table);
      if (f.op == filter_op::within_after)
        add(f.related_table); // the date the window starts from
    }
    for (auto& o : q.order)
      add(o.column.table);
    return t;
  }

  bool run() {
    if (auto why = check_types(model, q); !why.empty())
      return fail(compile_status::unsupported, why);
    for (auto& d : q.dimensions)
      if (!check(d.column))
        return false;
    for (auto& c : q.selected)
      if (!check(c))
        return false;
    for (auto& f : q.filters)
      if (!f.column.empty() && !check(f.column))
        return false;
    auto tables = needed_tables();
    if (tables.empty())
      return fail(compile_status::unknown_reference, "nothing to select");
    for (auto& t : tables)
      if (!table_of(model, t))
        return fail(compile_status::unknown_reference, "no table " + t);
    auto root = tables.front();
    root_name = root;
    join_hints hints;
    for (auto& c : q.via)
      hints.emplace_back(c.table, c.column);
    auto tree = connect(model, root, tables, hints);
    if (!tree.connected)
      return fail(compile_status::not_connected, "no join path from " + root);
    if (tree.ambiguous) {
      out.ambiguous_tables = tree.ambiguous_tables;
      return fail(compile_status::ambiguous_join, join(tree.ambiguous_tables, ", "));
    }
    out.tables.push_back(root);
    for (auto& s : tree.steps) {
      out.tables.push_back(s.to_table);
      // Joining to the rows that reference a table multiplies its rows.
      for (auto& r : model.relationships)
        if (r.to_table == s.from_table && r.from_table == s.to_table)
          fans_out = true;
    }

    bool listing = q.kind == query_kind::listing;
    std::vector<std::string> select;
    std::set<std::string> used;
    std::vector<std::string> group_by;
    std::vector<std::pair<std::string, bool>> order_by; // expression, descending
    std::vector<std::string> measure_aliases;

    if (listing) {
      std::vector<column_ref> cols = q.selected;
      auto* entity = table_of(model, q.entity.empty() ? root : q.entity);
      if (!entity)
        return fail(compile_status::unknown_reference, "no entity");
      if (q.all_columns) {
        cols.clear();
        for (auto& c : entity->columns)
          cols.push_back({entity->name, c.name});
      } else if (cols.empty()) {
        if (auto* label = label_column(*entity)) {
          cols.push_back({entity->name, label->name});
          if (auto* family = family_of(*entity, label->name))
            cols.push_back({entity->name, family->name});
          if (auto key = identity_key({entity->name, label->name}))
            cols.push_back(*key); // two customers may share a name
        }
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
    } else {
      for (auto& d : q.dimensions) {
        auto expr = time_expression(d.column, d.bucket);
        auto a = dimension_alias(d, used);
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
    }
    if (out.status != compile_status::ok)
      return false;

    std::vector<std::string> where, having;
    for (auto& f : q.filters) {
      if (f.measure >= 0) {
        if (f.measure < static_cast<int>(q.measures.size())) {
          filter copy = f;
          copy.column = {};
          having.push_back(measure_sql(q.measures[f.measure]) + " "
                           + filter_sql(copy).substr(1)); // drop the empty column's space
        }
        continue;
      }
      where.push_back(filter_sql(f));
    }
    // A ranking ("the 3 countries with the most", "the longest rivers") is of
    // things that are there: a group or a value that is missing ranks nowhere,
    // unless the question asked for missing ones itself.
    bool ranking = q.limit > 0 && !q.order.empty();
    if (ranking) {
      auto asked_missing = [&](const column_ref& c) {
        return std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
          return f.column == c && f.op == filter_op::is_null;
        });
      };
      std::vector<column_ref> ranked;
      if (!listing)
        for (auto& d : q.dimensions)
          ranked.push_back(d.column);
      for (auto& o : q.order)
        if (!o.column.empty() && o.measure < 0)
          ranked.push_back(o.column);
      std::set<std::string> said;
      for (auto& c : ranked) {
        if (c.column.empty() || asked_missing(c) || !said.insert(qualified(c)).second)
          continue;
        where.push_back(qualified(c) + " IS NOT NULL");
        auto* t = table_of(model, c.table);
        auto* info = t ? t->find_column(c.column) : nullptr;
        if (info && is_text_type(info->type))
          where.push_back(qualified(c) + " <> ''");
      }
    }
    for (auto& t : out.tables)
      for (auto& r : model.rules)
        if (r.table == t && !r.filter.empty())
          where.push_back("(" + qualify_expression(model, r.filter, r.table) + ")");
    if (out.status != compile_status::ok)
      return false;

    // Rows ranked by a number of their own ("the 3 restaurants with the
    // highest rating") are rows: two of them with the same name and number
    // are still two, so nothing is merged.
    bool ranked_rows = listing && !fans_out && !q.order.empty()
                       && std::all_of(q.order.begin(), q.order.end(), [&](const ordering& o) {
                            auto role = role_of(model, o.column);
                            return o.column.table == (q.entity.empty() ? root : q.entity)
                                   && (role == column_role::numeric || role == column_role::time);
                          });
    std::string sql = "SELECT ";
    if (listing && (fans_out || !q.all_columns) && !ranked_rows)
      sql += "DISTINCT ";
    sql += join(select, ", ");
    sql += " FROM " + table_reference(model, root);
    for (auto& s : tree.steps) {
      std::string on;
      for (auto& [a, b] : s.on)
        on += std::string(on.empty() ? "" : " AND ") + qualified({s.to_table, b}) + " = "
              + qualified({s.from_table, a});
      sql += " JOIN " + table_reference(model, s.to_table) + " ON " + on;
    }
    if (!where.empty())
      sql += " WHERE " + join(where, " AND ");
    if (!group_by.empty() && !q.measures.empty() && !row_groups)
      sql += " GROUP BY " + join(group_by, ", ");
    if (!having.empty())
      sql += " HAVING " + join(having, " AND ");
    if (!order_by.empty()) {
      std::vector<std::string> keys;
      for (auto& [e, desc] : order_by)
        keys.push_back(e + (desc ? " DESC" : ""));
      sql += " ORDER BY " + join(keys, ", ");
    }
    // A listing asked for no number of rows gets them all: the executor keeps
    // the first row_cap and says the result is cut short, so the answer never
    // states a count a LIMIT made up.
    int limit = q.limit > 0 ? q.limit : 0;
    if (limit > 0)
      sql += " LIMIT " + std::to_string(limit);
    out.sql = std::move(sql);
    return true;
  }
};

} // namespace

std::string measure_table(const semantic_model& model, const measure& m) {
  if (!m.metric.empty()) {
    auto* def = find_metric(model, m.metric);
    return def ? def->table : std::string();
  }
  return m.column.table;
}

std::string root_table(const semantic_model& model, const query& q) {
  if (!q.measures.empty())
    return measure_table(model, q.measures.front());
  return q.entity;
}

std::string measure_alias(const semantic_model& model, const measure& m) {
  std::string base;
  if (!m.metric.empty()) {
    base = join(split_words(m.metric), "_");
    auto* def = find_metric(model, m.metric);
    std::string fn, arg;
    aggregate natural = aggregate::none;
    if (def && split_outer_call(def->expression, fn, arg))
      aggregate_of(fn, natural);
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

namespace {

// Groups by a table's key that the root table already holds ("lakes per
// state" where lake.state_name references state.state_name) read the root's
// own column: the join would add nothing but drop rows with no match.
query without_needless_joins(const semantic_model& model, const query& q) {
  if (q.kind != query_kind::aggregate || q.dimensions.empty() || q.measures.empty())
    return q;
  auto root = root_table(model, q);
  auto used_elsewhere = [&](const std::string& table) {
    for (auto& m : q.measures) {
      if (m.column.table == table || m.per.table == table)
        return true;
      if (!m.metric.empty())
        if (auto* def = find_metric(model, m.metric); def && def->table == table)
          return true;
      for (auto& f : m.condition)
        if (f.column.table == table)
          return true;
      for (auto& d : m.over) {
        if (measure_table(model, d) == table)
          return true;
        for (auto& f : d.condition)
          if (f.column.table == table)
            return true;
      }
    }
    for (auto& f : q.filters)
      if (f.column.table == table)
        return true;
    for (auto& c : q.selected)
      if (c.table == table)
        return true;
    return q.entity == table && q.entity != root;
  };
  query out = q;
  // "... per paper, ordered by paper id": a column of a grouped table that the
  // order names is grouped too, so that the order can use it.
  for (auto& o : q.order) {
    if (o.measure >= 0 || o.column.empty())
      continue;
    bool grouped = false, same_table = false;
    for (auto& d : out.dimensions) {
      grouped = grouped || d.column == o.column;
      same_table = same_table || (d.column.table == o.column.table && d.bucket == time_bucket::none);
    }
    if (!grouped && same_table) {
      dimension d;
      d.column = o.column;
      out.dimensions.insert(out.dimensions.begin(), d);
    }
  }
  for (auto& d : out.dimensions) {
    if (d.bucket != time_bucket::none || d.column.table == root || used_elsewhere(d.column.table))
      continue;
    for (auto& rel : model.relationships)
      if (rel.from_table == root && rel.to_table == d.column.table && rel.to_columns.size() == 1
          && rel.to_columns[0] == d.column.column) {
        for (auto& o : out.order)
          if (o.column == d.column)
            o.column = {root, rel.from_columns[0]};
        d.column = {root, rel.from_columns[0]};
        break;
      }
  }
  return out;
}

// "How many authors have more than 2 papers": the entities counted are those
// whose own count passes the condition; the per-entity counts are grouped
// in a subquery by the entity's key, and its rows counted.
std::optional<compiled_query> count_of_qualifying(const semantic_model& model, const query& q) {
  if (q.kind != query_kind::aggregate || !q.dimensions.empty() || q.measures.size() < 2)
    return std::nullopt;
  auto& counted = q.measures.front();
  if (counted.agg != aggregate::count || !counted.metric.empty() || !counted.column.column.empty()
      || counted.form != measure_form::plain)
    return std::nullopt;
  bool per_entity_condition = false;
  for (auto& f : q.filters)
    if (f.measure == 0)
      return std::nullopt;
    else if (f.measure > 0)
      per_entity_condition = true;
  auto* pk = row_key(model, counted.column.table);
  if (!per_entity_condition || !pk)
    return std::nullopt;
  query inner = q;
  inner.measures.erase(inner.measures.begin());
  inner.order.clear();
  inner.limit = 0;
  inner.dimensions = {dimension{{counted.column.table, pk->name}, time_bucket::none, ""}};
  for (auto& f : inner.filters)
    if (f.measure > 0)
      --f.measure;
  auto sub = compile(model, inner);
  if (sub.status != compile_status::ok)
    return sub;
  auto alias = measure_alias(model, counted);
  compiled_query out;
  out.sql = "SELECT COUNT(*) AS " + quote_identifier(alias) + " FROM (" + sub.sql + ") AS "
            + quote_identifier("qualifying");
  out.columns = {{alias, column_role::numeric}};
  out.tables = sub.tables;
  return out;
}

// "ratio of authors to organizations by continent": the two sides count
// rows of different tables, so each is its own query over the same groups,
// and every group either side has is a row (a side without rows there
// counts 0); a single join would drop the groups one side lacks.
std::optional<compiled_query> ratio_of_two_tables_per_group(const semantic_model& model,
                                                            const query& q) {
  if (q.kind != query_kind::aggregate || q.dimensions.empty()
      || (q.measures.size() != 1 && q.measures.size() != 3))
    return std::nullopt;
  auto& m = q.measures.front();
  // With the two sides' own numbers beside it: exactly the sides, plain.
  auto plain_side = [](const measure& shown, const measure& side) {
    return shown.form == measure_form::plain && shown.agg == side.agg
           && shown.metric == side.metric && shown.column == side.column
           && shown.condition.empty() && side.condition.empty();
  };
  bool with_sides = q.measures.size() == 3;
  if (with_sides && (m.over.size() != 1 || !plain_side(q.measures[1], m)
                     || !plain_side(q.measures[2], m.over.front())))
    return std::nullopt;
  if (m.form != measure_form::ratio || m.over.size() != 1 || m.over_all_groups || m.row_by_row
      || measure_table(model, m) == measure_table(model, m.over.front()))
    return std::nullopt;
  for (auto& f : q.filters)
    if (f.measure >= 0)
      return std::nullopt;
  auto side = [&](const measure& x) {
    query s = q;
    s.measures = {x};
    s.measures.front().form = measure_form::plain;
    s.measures.front().condition.clear();
    s.measures.front().over.clear();
    s.measures.front().alias = "value";
    s.filters.insert(s.filters.end(), x.condition.begin(), x.condition.end());
    s.order.clear();
    s.limit = 0;
    return compile(model, s);
  };
  auto num = side(m), den = side(m.over.front());
  for (auto* c : {&num, &den})
    if (c->status != compile_status::ok)
      return *c;
  if (num.columns.size() != den.columns.size())
    return std::nullopt;
  auto in = [](const char* side_alias, const std::string& column) {
    return quote_identifier(side_alias) + "." + quote_identifier(column);
  };
  compiled_query out;
  std::vector<std::string> select, keys, on_d, on_n, groups;
  std::vector<std::pair<std::string, bool>> order_by;
  for (size_t i = 0; i + 1 < den.columns.size(); ++i) {
    auto& name = den.columns[i].name;
    if (num.columns[i].name != name)
      return std::nullopt;
    keys.push_back(quote_identifier(name));
    select.push_back(in("g", name) + " AS " + quote_identifier(name));
    on_d.push_back(in("d", name) + " IS NOT DISTINCT FROM " + in("g", name));
    on_n.push_back(in("n", name) + " IS NOT DISTINCT FROM " + in("g", name));
    groups.push_back(in("g", name));
    out.columns.push_back(den.columns[i]);
    if (den.columns[i].role == column_role::time)
      order_by.emplace_back(in("g", name), false);
  }
  auto alias = m.alias.empty() ? measure_alias(model, m) : m.alias;
  select.push_back("CAST(COALESCE(" + in("n", "value") + ", 0) AS FLOAT) / NULLIF("
                   + in("d", "value") + ", 0) AS " + quote_identifier(alias));
  out.columns.push_back({alias, column_role::numeric});
  if (with_sides)
    for (size_t i = 1; i < 3; ++i) {
      auto& shown = q.measures[i];
      auto a = shown.alias.empty() ? measure_alias(model, shown) : shown.alias;
      if (a == alias)
        a += "_" + std::to_string(i + 1);
      select.push_back("COALESCE(" + in(i == 1 ? "n" : "d", "value") + ", 0) AS "
                       + quote_identifier(a));
      out.columns.push_back({a, column_role::numeric});
    }
  // The order asked for, else as grouped measures are ordered: by time, or
  // from the largest ratio.
  if (!q.order.empty()) {
    order_by.clear();
    for (auto& o : q.order) {
      if (o.measure == 0) {
        order_by.emplace_back(quote_identifier(alias), o.descending);
        continue;
      }
      for (size_t i = 0; i < q.dimensions.size(); ++i)
        if (q.dimensions[i].column == o.column && i < groups.size())
          order_by.emplace_back(groups[i], o.descending);
    }
  } else if (order_by.empty()) {
    order_by.emplace_back(quote_identifier(alias), true);
    for (auto& g : groups)
      order_by.emplace_back(g, false);
  }
  std::vector<std::string> sort;
  for (auto& [e, desc] : order_by)
    sort.push_back(e + (desc ? " DESC" : ""));
  auto group_keys = join(keys, ", ");
  out.sql = "WITH " + quote_identifier("d") + " AS (" + den.sql + "), " + quote_identifier("n")
            + " AS (" + num.sql + ") SELECT " + join(select, ", ") + " FROM (SELECT " + group_keys
            + " FROM " + quote_identifier("d") + " UNION SELECT " + group_keys + " FROM "
            + quote_identifier("n") + ") AS " + quote_identifier("g") + " LEFT JOIN "
            + quote_identifier("d") + " ON " + join(on_d, " AND ") + " LEFT JOIN "
            + quote_identifier("n") + " ON " + join(on_n, " AND ")
            + (sort.empty() ? "" : " ORDER BY " + join(sort, ", "));
  out.tables = den.tables;
  for (auto& t : num.tables)
    if (std::find(out.tables.begin(), out.tables.end(), t) == out.tables.end())
      out.tables.push_back(t);
  return out;
}

} // namespace

compiled_query compile(const semantic_model& model, const query& q_in) {
  if (auto counted = count_of_qualifying(model, q_in))
    return *counted;
  if (auto ratio = ratio_of_two_tables_per_group(model, q_in))
    return *ratio;
  auto q = without_needless_joins(model, q_in);
  compiler c{model, q, {}};
  c.run();
  if (c.out.status != compile_status::ok)
    c.out.sql.clear();
  return std::move(c.out);
}

} // namespace medha::sqlgen
