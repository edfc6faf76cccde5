// "which depot had the most?" right after one number ("how many parcels
// in 2022?"): that number split by the rows named and ranked. The groups are
// what the measured rows have of that name: their own column ("country" of
// a subscriber), or the linked table's label; when both could be meant the
// engine asks instead.
#include "actors/sqlgen/follow_up.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

std::optional<column_ref> new_group_to_rank(const indexed_model& model, const reading& r,
                                            const query& previous) {
  if (previous.kind != query_kind::aggregate || previous.measures.empty() || !previous.dimensions.empty()
      || !r.measures.empty() || !r.filters.empty() || (r.limit <= 0 && r.top_n <= 0))
    return std::nullopt;
  // "which ship city had the most?": a column named, of the rows counted
  // or of rows they link to, whose values become the groups.
  bool one_named = r.entity.empty()
                   && ((r.selected.size() == 1 && r.dimensions.empty())
                       || (r.selected.empty() && r.dimensions.size() == 1
                           && r.dimensions[0].bucket == time_bucket::none && !r.dimensions[0].column.column.empty()));
  if (one_named) {
    auto c = r.selected.empty() ? r.dimensions[0].column : r.selected.front();
    auto role = role_of(model, c);
    if (role != column_role::categorical && role != column_role::text)
      return std::nullopt;
    auto split = previous;
    dimension d;
    d.column = c;
    split.dimensions.push_back(d);
    if (compile(model, split).status != compile_status::ok)
      return std::nullopt;
    return c;
  }
  if (r.unranked.empty() || r.entity.empty() || !r.selected.empty() || !r.dimensions.empty())
    return std::nullopt;
  auto rows = root_table(model, previous);
  if (rows == r.entity)
    return std::nullopt;
  std::vector<column_ref> found;
  if (auto* t = table_of(model, rows))
    for (auto& c : t->columns)
      if (column_words(c.name) == entity_words(r.entity) || column_words(c.name) == column_words(r.entity))
        found.push_back({rows, c.name});
  if (auto* t = table_of(model, r.entity))
    if (auto* label = label_column(*t)) {
      auto split = previous;
      dimension d;
      d.column = {r.entity, label->name};
      split.dimensions.push_back(d);
      if (compile(model, split).status == compile_status::ok)
        found.push_back(d.column);
    }
  if (found.size() != 1)
    return std::nullopt;
  return found.front();
}

} // namespace medha::sqlgen
