// "Which truck was rented the most?", "which member borrowed the most?",
// "which genre has the most R-rated films?": nothing named to rank by but
// the verb, or the rows after "most", which the ranked ones have (rentals,
// loans, films). How often it was done is how many of
// those rows each has: counted per row asked about and ranked. Only when
// the verb names exactly one such table, with no condition on its rows.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

bool reader::rank_by_rows_of_verb(int limit) {
  auto done = [&](const filter& f) {
    return f.op == filter_op::has_related && f.column.table == r.entity && !f.related_table.empty()
           && f.within.empty() && f.measure < 0;
  };
  if (std::count_if(r.filters.begin(), r.filters.end(), done) != 1)
    return false;
  auto it = std::find_if(r.filters.begin(), r.filters.end(), done);
  auto rows = it->related_table;
  // Rows named by their own noun ("which region do customers like best?") are
  // no verb's doing: what ranks them is not said.
  // ("who handled the most claims?" has its verb: ranked.)
  bool verb_said = std::any_of(tokens.begin(), tokens.end(), [](const token& t) {
    return !t.quoted && is_participle(t.text) && t.text != t.stem;
  });
  // ("the most R-rated films": the rows named right after "most" are what
  // is counted.)
  size_t most = superlative ? superlative->begin : tokens.size();
  if (!verb_said && std::any_of(items.begin(), items.end(), [&](const item& i) {
        return !i.c && i.e.kind == element_kind::table && i.e.table == rows && i.begin < most;
      }))
    return false;
  r.filters.erase(it);
  rank_entity_by(count_rows(rows), true, limit);
  return true;
}

void reader::rank_entity_by(const measure& m, bool descending, int limit) {
  r.measures.push_back(m);
  dimension d;
  d.column = label_of(model, r.entity);
  r.dimensions.push_back(d);
  ordering o;
  o.measure = 0;
  o.descending = descending;
  r.order.push_back(o);
  r.limit = limit;
  r.entity.clear();
  r.listing = false;
}

} // namespace medha::sqlgen::detail
