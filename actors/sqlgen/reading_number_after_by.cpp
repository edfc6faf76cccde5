// A number after "by" ("the top 3 shops by visit count", "by amount"): what
// ranks the rows or a total of it, never groups of equal numbers; a number
// that does not add up, in a ranking of other rows, is asked about.
#include "actors/sqlgen/reader.hpp"

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

bool reader::number_after_by(const element& e, const column_ref& col) {
  // "the top 3 shops by visit count": a number each row keeps, after
  // "by" in a ranking of those rows, is what ranks them, not a group.
  if (in_group && top > 0 && !superlative && !superlative_column
      && r.entity == e.table && r.measures.empty() && pending_agg == aggregate::none) {
    superlative_column = col;
    in_group = false;
    return true;
  }
  // "the top 5 businesses by rating" where each review has a rating: by
  // their average, or their total? Asked, never grouped by the number.
  // Money and quantities add up: "the top 5 regions by sales", "the top 5
  // products by quantity sold" rank their totals.
  if (in_group && (top > 0 || superlative) && !r.entity.empty()
      && r.entity != e.table && r.measures.empty() && pending_agg == aggregate::none) {
    if (adds_up(e.column)) {
      measure m;
      m.agg = aggregate::sum;
      m.column = col;
      add_measure(m);
    } else {
      r.unresolved.push_back("which total of " + e.column + " ranks the " + r.entity);
    }
    in_group = false;
    return true;
  }
  // "and by fee instead?", "by amount": money and quantities are added
  // up, never groups of equal amounts; with nothing else measured, the total
  // is what the rows are now ranked or broken down by.
  if (in_group && adds_up(e.column) && r.measures.empty()
      && pending_agg == aggregate::none && r.dimensions.empty()) {
    measure m;
    m.agg = aggregate::sum;
    m.column = col;
    add_measure(m);
    in_group = false;
    return true;
  }
  return false;
}

} // namespace medha::sqlgen::detail
