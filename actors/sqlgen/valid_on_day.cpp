// A single day said of rows that each hold for a while (a salary from one
// date to another, a membership from joining to leaving): the rows in force
// that day began on or before it and had not ended before it. Read as "began
// that day" the answer is usually empty or wrong. Only for one day: "in 2020"
// of such rows may mean begun in 2020 or held in 2020, and stays as said.
#include "actors/sqlgen/valid_on_day.hpp"

#include <algorithm>

#include "actors/sqlgen/calendar.hpp"
#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

namespace {

// The one nullable date of `table` whose being unset makes a row current
// (to_date, ended_on, left_on): its end.
std::optional<column_ref> end_of(const indexed_model& model, const std::string& table) {
  auto* t = table_of(model, table);
  if (!t)
    return std::nullopt;
  std::optional<column_ref> found;
  for (auto& c : t->columns) {
    if (c.role != column_role::time || !c.nullable)
      continue;
    auto states = lexicon_words::states_while_unset(split_words(c.name));
    if (std::find(states.begin(), states.end(), "current") == states.end())
      continue;
    if (found)
      return std::nullopt; // two ends: which one holds is not known
    found = column_ref{table, c.name};
  }
  return found;
}

} // namespace

query valid_on_the_day(const indexed_model& model, query q) {
  for (auto& from : q.filters) {
    if (from.op != filter_op::since || from.values.size() != 1 || from.column.column.empty())
      continue;
    bool one_day = std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
      return f.op == filter_op::before && f.column == from.column && f.values.size() == 1
             && f.values[0] == next_day(from.values[0]);
    });
    auto end = one_day ? end_of(model, from.column.table) : std::nullopt;
    if (!end || *end == from.column)
      continue;
    // Begun by the end of that day (the "before" kept); not ended before it.
    filter open;
    open.op = filter_op::is_null;
    open.column = *end;
    filter later;
    later.op = filter_op::since;
    later.column = *end;
    later.values = from.values;
    filter not_ended;
    not_ended.op = filter_op::any_of;
    not_ended.within = {open, later};
    from = not_ended;
    break;
  }
  return q;
}

} // namespace medha::sqlgen
