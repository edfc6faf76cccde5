// "orders shipped but not delivered": a "not" before a word the model only
// knows loosely, about the very column a value already filters on. The value
// keeps one state of that column, so every other state is already left out;
// the negated part restates it and adds nothing.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

bool reader::contrast_implied() const {
  const item* negation = nullptr;
  for (auto& it : items)
    if (it.c && it.c->kind == cue_kind::negation)
      negation = &it;
  if (!negation)
    return false;
  // The words right after "not" (past fillers like "yet"), read as naming nothing.
  size_t next = negation->end;
  while (next < tokens.size() && is_stopword(tokens[next].text) && !taken[next])
    ++next;
  auto said = std::find_if(unnamed.begin(), unnamed.end(),
                           [&](const auto& u) { return u.first == next; });
  if (said == unnamed.end())
    return false;
  for (auto& span : filter_spans) {
    if (span.begin >= negation->begin)
      continue;
    auto& f = r.filters[span.filter];
    if (f.measure >= 0 || f.op != filter_op::eq || f.values.size() != 1
        || (role_of(model, f.column) != column_role::categorical
            && role_of(model, f.column) != column_role::text))
      continue;
    for (auto& c : said->second)
      if (c.kind == element_kind::column && c.table == f.column.table && c.column == f.column.column)
        return true;
  }
  return false;
}

} // namespace medha::sqlgen::detail
