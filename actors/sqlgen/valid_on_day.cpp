// A single day said of rows that each hold for a while (a salary from one
// date to another, a membership from joining to leaving): the rows in force
// that day began on or before it and had not ended before it. Read as "began
// that day" the answer is usually empty or wrong. Only for one day: "in 2020"
// of such rows may mean begun in 2020 or held in 2020, and stays as said.
#include "actors/sqlgen/valid_on_day.hpp"

#include <algorithm>

#include "actors/sqlgen/calendar.hpp"
#include "actors/sqlgen/model_index.hpp"
#include "actors/sqlgen/state_adverbs.hpp"

namespace medha::sqlgen {


query valid_on_the_day(const indexed_model& model, query q) {
  for (auto& from : q.filters) {
    if (from.op != filter_op::since || from.values.size() != 1 || from.column.column.empty())
      continue;
    bool one_day = std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
      return f.op == filter_op::before && f.column == from.column && f.values.size() == 1
             && f.values[0] == next_day(from.values[0]);
    });
    bool several = false;
    auto end = one_day ? end_not_yet_set(model.index.names(), {from.column.table}, several) : std::nullopt;
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
