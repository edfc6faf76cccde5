// "faults that occurred within 10 days after opening the account": the
// rows whose own date falls in a window after another table's date.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

namespace {

// A table's only date column, or empty.
column_ref only_date(const indexed_model& model, const std::string& table) {
  column_ref found;
  auto* t = table_of(model, table);
  for (auto& c : t ? t->columns : std::vector<column_info>{})
    if (c.role == column_role::time) {
      if (!found.empty())
        return {};
      found = {t->name, c.name};
    }
  return found;
}

} // namespace

void reader::apply_window() {
  // The date the window starts from: the first date named after "within ...".
  std::optional<column_ref> from;
  for (auto& it : items)
    if (!it.c && it.begin >= time.window_from && it.e.kind == element_kind::column
        && role_of(model, {it.e.table, it.e.column}) == column_role::time) {
      from = column_ref{it.e.table, it.e.column};
      break;
    }
  // The rows kept: the listed or counted table, by its only date.
  std::string rows = !r.entity.empty() ? r.entity
                     : r.measures.size() == 1 ? r.measures.front().column.table
                                              : std::string();
  auto date = rows.empty() ? column_ref{} : only_date(model, rows);
  if (!from || date.empty() || from->table == date.table) {
    r.unresolved.push_back("the date the window starts from");
    return;
  }
  // The starting date only places the window; it is listed or grouped only
  // when the question names it before too ("the start date and ...").
  bool named_before = std::any_of(items.begin(), items.end(), [&](const item& it) {
    return !it.c && it.end + 4 <= time.window_from && it.e.kind == element_kind::column
           && column_ref{it.e.table, it.e.column} == *from;
  });
  auto same = [&](const column_ref& c) { return !named_before && c == *from; };
  r.selected.erase(std::remove_if(r.selected.begin(), r.selected.end(), same), r.selected.end());
  r.dimensions.erase(std::remove_if(r.dimensions.begin(), r.dimensions.end(),
                                    [&](const dimension& d) { return same(d.column); }),
                     r.dimensions.end());
  // "after opening the account" names the treatment only to place the window.
  has.erase(std::remove(has.begin(), has.end(), from->table), has.end());
  filter f;
  f.op = filter_op::within_after;
  f.column = date;
  f.related_table = from->table;
  f.values = {std::to_string(time.window_count), time.window_unit, from->column};
  r.filters.push_back(f);
}

} // namespace medha::sqlgen::detail
