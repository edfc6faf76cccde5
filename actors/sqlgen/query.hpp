#pragma once

#include <string>
#include <vector>

namespace medha::sqlgen {

/// The query structure: what the question asks for, before it becomes SQL.
/// Follow-up turns edit this structure (carried as JSON), never the SQL text.

enum class aggregate { none, sum, avg, count, count_distinct, min, max };

enum class time_bucket {
  none, day, week, month, quarter, year,
  weekday,      // day of the week, by name
  hour,         // hour of the day, 0..23, whatever the date
  month_of_year // 1..12, whatever the year
};

struct column_ref {
  std::string table;
  std::string column; // empty: the table itself (a row count, a listing)

  bool empty() const { return table.empty(); }
  friend bool operator==(const column_ref& a, const column_ref& b) {
    return a.table == b.table && a.column == b.column;
  }
  friend bool operator!=(const column_ref& a, const column_ref& b) { return !(a == b); }
};

enum class filter_op {
  eq, neq, in, not_in, gt, ge, lt, le, between,
  contains, starts_with, ends_with, is_null, not_null,
  year,     // values: [year]
  quarter,  // values: [year or "", quarter]
  month,    // values: [year or "", month]
  relative, // values: [count, unit, "calendar" | "rolling"]
  since,    // values: [ISO date], inclusive
  before,   // values: [ISO date], exclusive
  has_related,   // rows of column.table that have a row in related_table
  lacks_related, // ... that have none
  rule,          // a default filter from the model: raw SQL
  weekday,       // values: days of the week, 0 (Sunday) .. 6 (Saturday)
  any_of,        // within: conditions of which one must hold ("a project or an exam")
  within_after,  // values: [count, unit, date column of related_table]: column is
                 // from that date to count units after it
  latest,        // values: ["max" | "min"]: column is its table's latest (earliest)
                 // date, among the rows the query's other periods on it keep
  through_key,   // column is a foreign key to related_table; the row it references
                 // meets `within` ("ferries from Lisbon": the origin port's city)
  referenced_by, // column is a foreign key of related_table to column.table's key: the
                 // row is referenced by a related row meeting `within` ("who does Ana
                 // report to": the employee Ana's reports_to names)
  lasts,         // values: [seconds, "gt" | "ge" | "lt" | "le", as said]: the row's span from
                 // `other` (when it began) to column (when it ended) compared with
                 // that many seconds ("trips that lasted over 30 minutes")
  among_shown,   // values: [an earlier query, as JSON]: column (its table's key) is
                 // one of the rows that query showed ("which depot are they
                 // based at?" after the top 3 couriers)
};

struct filter {
  filter_op op = filter_op::eq;
  column_ref column;
  std::vector<std::string> values; // literals as text; see filter_op
  bool numeric = false;            // values are numbers, not strings
  std::string related_table;       // has_related / lacks_related / within_after; with a comparison
                                   // (gt, eq, ...): the number of its rows linked to
                                   // each row of column.table, compared to values[0]
  std::string sql;                 // rule
  int measure = -1;                // a HAVING filter on measures[measure]
  /// has_related: conditions the related rows meet, on their table or one
  /// reached from it ("books borrowed by members in the Leeds branch");
  /// any_of: the alternatives.
  std::vector<filter> within;
  bool ignore_case = false;        // eq, neq, in, not_in on text: "match case insensitively"
  /// gt, lt, ...: compared with this column of the same row, not a literal
  /// ("shipped after their required date").
  column_ref other;
};

/// How a measure is reported: its value, its share of the total across the
/// groups, the percentage of its rows meeting `condition`, or its total
/// divided by the number of `per` entities ("average revenue per order"), or
/// its value over the value of `over` ("ratio of open to closed businesses"),
/// each side restricted to its own `condition`.
// days_since: days from the aggregate of a date column (its latest, for MAX)
// to today: "how long since the last order". days_between: the aggregate of
// the days from the date in `per` to the date in `column`, row by row.
// age: the aggregate of the whole years from the date in `column` (a birth
// date) to today, row by row. time_of_day: the earliest (MIN) or latest (MAX)
// clock time of the column's values, whatever their day, as "HH:MM".
enum class measure_form {
  plain, share_of_total, percent_where, per_entity, ratio, days_since, days_between, age, time_of_day,
  difference // agg(column - per): "sale price minus cost"
};

struct measure {
  aggregate agg = aggregate::sum;
  std::string metric; // a model metric's name; empty for a column aggregate
  column_ref column;  // aggregated column; column.column empty = count rows
  measure_form form = measure_form::plain;
  std::vector<filter> condition; // percent_where's numerator rows
  column_ref per;                // per_entity: the key counted in the denominator
  std::vector<measure> over;     // ratio: the denominator, one measure
  bool over_all_groups = false;  // ratio: the denominator is the total of every group
  bool row_by_row = false;       // ratio: each row's column over its other column, then agg
  std::string unit;              // days_between: "seconds", "minutes", "hours", "interval"; empty = days
                                 // ("average ratio of speed to payload")
  std::string alias;
};

/// The same number asked for: aggregate, column, metric and form alike.
inline bool same_measure(const measure& a, const measure& b) {
  return a.agg == b.agg && a.column == b.column && a.metric == b.metric && a.form == b.form;
}

struct dimension {
  column_ref column;
  time_bucket bucket = time_bucket::none;
  std::string alias;
};

struct ordering {
  int measure = -1;  // order by measures[measure] ...
  column_ref column; // ... or by this column (a dimension or listed column)
  bool descending = false;
  bool by_length = false; // "by the length of the name": its count of characters
};

enum class query_kind {
  aggregate, // measures, optionally grouped
  listing,   // rows or distinct values of an entity
};

struct query {
  query_kind kind = query_kind::aggregate;
  std::string entity; // the table being counted or listed
  std::vector<measure> measures;
  std::vector<dimension> dimensions;
  std::vector<column_ref> selected; // listing columns; empty = the entity's label
  std::vector<filter> filters;
  std::vector<ordering> order;
  int limit = 0; // 0: none (listings get a default at compile time)
  bool all_columns = false; // "show the rows": every column of the entity
  bool columns_described = false; // the answer listed the entity's columns, not its rows ("and about X?" next)
  bool tables_listed = false;     // the answer listed the tables ("which one holds X?" next)
  std::vector<column_ref> via; // foreign keys the user named, to pick a join path
  std::vector<std::string> named; // tables the words of the question (and earlier turns) named
  // Read from a turn that asked back instead of answering: the user has not
  // agreed to this reading yet, so a follow-up must not build on it silently.
  bool unconfirmed = false;
  // Handed on by a clarify: the question just asked got no answer, so a
  // "them" or "their" next may mean rows no query holds.
  bool unanswered = false;
  std::string chart_hint;
};

const char* to_string(aggregate a);
const char* to_string(time_bucket b);
const char* to_string(filter_op op);
const char* to_string(measure_form f);
bool from_string(const std::string& s, aggregate& out);
bool from_string(const std::string& s, time_bucket& out);
bool from_string(const std::string& s, filter_op& out);
bool from_string(const std::string& s, measure_form& out);

bool is_time_filter(const filter& f);

/// `q` with each month said without a year ("the August ones") that another
/// period of the same column holds ("in 2024") marked as that period's
/// month, not the latest one.
query months_in_periods(query q);

} // namespace medha::sqlgen
