// "flights longer than 3 hours", "calls shorter than 40 seconds": a length
// compared, on the one column of the rows that keeps their length or
// duration, with the number converted to that column's unit.
#include "actors/sqlgen/reader.hpp"

#include <cmath>
#include <sstream>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

namespace {

// Seconds in a unit given by its stem ("minut", "hour"); 0 when not a unit.
double seconds_in(const std::string& unit) {
  // Media lengths are often kept in milliseconds ("duration_ms").
  if (unit == "millisecond" || unit == "ms" || unit == "msec" || unit == "millis")
    return 0.001;
  if (unit == "second" || unit == "sec" || unit == "secs")
    return 1;
  if (unit == "minut" || unit == "min" || unit == "mins")
    return 60;
  if (unit == "hour" || unit == "hr" || unit == "hrs")
    return 3600;
  if (unit == "day")
    return 86400;
  if (unit == "week")
    return 7 * 86400;
  return 0;
}

// The unit a column keeps its numbers in, from its name, then its comment.
double column_unit(const column_info& c) {
  for (auto& w : split_words(c.name))
    if (double s = seconds_in(stem(w)))
      return s;
  for (auto& w : split_words(c.comment))
    if (double s = seconds_in(stem(w)))
      return s;
  return 0;
}

bool names_length(const column_info& c) {
  for (auto& w : split_words(c.name)) {
    auto s = stem(w);
    if (s == "length" || s == "duration" || s == "runtime" || seconds_in(s) > 0)
      return true;
  }
  return false;
}

} // namespace

const column_info* length_of(const table_info& t) {
  const column_info* found = nullptr;
  for (auto& col : t.columns) {
    if (col.role != column_role::numeric || !names_length(col))
      continue;
    if (found)
      return nullptr; // two lengths: which one is meant is asked
    found = &col;
  }
  return found;
}

std::optional<filter> reader::length_condition(const cue& c) {
  auto table = !r.entity.empty() ? r.entity
               : !r.measures.empty() ? r.measures.front().column.table
               : !r.filters.empty() && !r.filters.front().column.table.empty()
                   ? r.filters.front().column.table // "movies": a value of the rows' table
               : !context_tables.empty() ? context_tables.back() : std::string();
  auto* t = table_of(model, table);
  if (!t || c.values.empty() || !is_number(c.values.front()))
    return std::nullopt;
  auto* found = length_of(*t);
  if (!found)
    return std::nullopt;
  auto said = c.text.substr(std::string("length:").size());
  double value = std::stod(c.values.front());
  if (!said.empty()) {
    double from = seconds_in(said), to = column_unit(*found);
    if (from == 0 || to == 0)
      return std::nullopt; // a unit we cannot convert: not guessed
    value = value * from / to;
  }
  std::ostringstream number;
  if (std::abs(value - std::round(value)) < 1e-9)
    number << static_cast<long long>(std::llround(value));
  else
    number << value;
  filter f;
  f.op = c.op;
  f.column = {t->name, found->name};
  f.values = {number.str()};
  f.numeric = true;
  return f;
}

} // namespace medha::sqlgen::detail
