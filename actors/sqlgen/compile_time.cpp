// Times in a compiled query: epoch seconds as timestamps, the span between
// two times of a row, a period bucket as an expression and where it sorts.
#include <algorithm>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "messages/result_set.hpp"

namespace medha::sqlgen::compiling {

// A time column as a timestamp: integer epoch seconds are converted.
std::string compiler::time_value(const column_ref& c) {
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
std::string compiler::span(const measure& m) {
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

std::string compiler::time_expression(const column_ref& c, time_bucket b) {
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
    case time_bucket::hour: return "EXTRACT(HOUR FROM " + col + ")::int";
    case time_bucket::month_of_year: return "EXTRACT(MONTH FROM " + col + ")::int";
    default:
      return std::string("DATE_TRUNC('") + to_string(b) + "', " + col + ")::date";
  }
}

std::string compiler::month_number_sql(const column_ref& month) {
  return "EXTRACT(MONTH FROM TO_DATE(TRIM(" + qualified(month) + "), 'Month'))";
}

// The query keeps the rows of a single year of this column.
bool compiler::one_year(const column_ref& c) {
  return std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
    return f.column == c && f.measure < 0 && (f.op == filter_op::year
           || (f.op == filter_op::month && !f.values.empty() && !f.values[0].empty()));
  });
}

// Where a bucket sorts: a month's name by its number in the year, a day's
// name from Sunday.
std::string compiler::time_order(const column_ref& c, time_bucket b) {
  auto e = time_expression(c, b);
  if (b == time_bucket::weekday && role_of(model, c) == column_role::time)
    return "MIN(EXTRACT(DOW FROM " + time_value(c) + "))";
  if (role_of(model, c) == column_role::numeric && b == time_bucket::month)
    if (auto month = month_name_column(model, c); !month.empty() && e == qualified(month))
      return month_number_sql(month);
  return e;
}

// Only whole periods of the calendar ("this year", "last month") count
// from the day a copy ends: a window ("the last 30 days"), days since a day
// and ages are said from today, the day the question is asked, as people
// (and public suites) read them. Anything but a plain 'YYYY-MM-DD' is
// ignored: the value reaches the SQL.
std::string compiler::today() const {
  auto& d = model.model.data_ends;
  bool plain = d.size() == 10 && d[4] == '-' && d[7] == '-';
  for (size_t i = 0; plain && i < d.size(); ++i)
    plain = i == 4 || i == 7 || (d[i] >= '0' && d[i] <= '9');
  return plain ? "DATE '" + d + "'" : std::string("CURRENT_DATE");
}

} // namespace medha::sqlgen::compiling
