// A ranking ("best", "top", "most") kept to a number of rows must rank by
// something the rows are measured by: a measure, a number or a date ("the 5
// most expensive", "the 3 most recent"). In order of their names, or of
// nothing, the first five are the first in the alphabet, not the best.
#include "actors/sqlgen/ranked_by.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"

namespace medha::sqlgen {

bool ranked_by_nothing(const indexed_model& model, const std::vector<token>& tokens, const query& q) {
  if (q.limit <= 0 || !q.measures.empty())
    return false;
  static const char* ranking[] = {"best",    "worst",   "top",     "most",     "least",    "highest", "lowest",
                                  "biggest", "largest", "smallest", "greatest", "fewest",  "popular", "bottom"};
  bool said = std::any_of(tokens.begin(), tokens.end(), [](const token& t) {
    return !t.quoted && std::any_of(std::begin(ranking), std::end(ranking), [&](const char* w) { return t.text == w; });
  });
  return said && std::all_of(q.order.begin(), q.order.end(), [&](const ordering& o) {
           if (o.measure >= 0 || o.by_length || o.column.column.empty())
             return false;
           auto role = role_of(model, o.column);
           return role != column_role::numeric && role != column_role::time;
         });
}

} // namespace medha::sqlgen
