// "flights longer than 3 hours", "calls shorter than 40 seconds": a length
// compared, on the one column of the rows that keeps their length or
// duration, with the number converted to that column's unit.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <utility>
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

// The one pair of times of a row that says when it began and when it
// ended (started_at and ended_at, departure and arrival, reported and
// fixed): its span is how long the row lasted. Null when none or several.
std::optional<std::pair<std::string, std::string>> span_of(const table_info& t) {
  static const char* starts[] = {"start", "started", "begin", "began", "depart", "departure", "departed",
                                 "pickup", "opened", "reported", "borrowed", "checkin"};
  static const char* ends[] = {"end", "ended", "finish", "finished", "arrive", "arrival", "arrived",
                               "dropoff", "closed", "fixed", "resolved", "returned", "checkout"};
  auto said = [](const column_info& c, const char* const* words, size_t n) {
    auto name = split_words(c.name);
    for (size_t i = 0; i + 1 < name.size(); ++i)
      if (name[i] == "check") // "check_in", "check_out"
        name[i] += name[i + 1];
    return std::any_of(name.begin(), name.end(), [&](const std::string& w) {
      return std::any_of(words, words + n, [&](const char* x) { return w == x; });
    });
  };
  const column_info *from = nullptr, *to = nullptr;
  int froms = 0, tos = 0;
  for (auto& c : t.columns) {
    if (c.role != column_role::time)
      continue;
    if (said(c, starts, std::size(starts)) && ++froms)
      from = &c;
    else if (said(c, ends, std::size(ends)) && ++tos)
      to = &c;
  }
  if (froms != 1 || tos != 1)
    return std::nullopt;
  return std::make_pair(from->name, to->name);
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
  auto said = c.text.substr(std::string("length:").size());
  // "trips that lasted over 30 minutes": with no length kept, the span
  // from the row's start to its end, in the unit said.
  if (!found) {
    auto span = span_of(*t);
    double seconds = said.empty() ? 0 : seconds_in(said);
    if (!span || seconds == 0)
      return std::nullopt;
    std::ostringstream number;
    number << static_cast<long long>(std::llround(std::stod(c.values.front()) * seconds));
    filter f;
    f.op = filter_op::lasts;
    f.column = {t->name, span->second};
    f.other = {t->name, span->first};
    f.values = {number.str(), to_string(c.op), c.values.front() + " " + tokens[c.end - 1].text};
    return f;
  }
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
