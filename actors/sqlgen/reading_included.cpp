// "the total invoiced, VAT included": an amount with the tax in it, not the
// tax alone. The column named before "included" (or after "including") is
// part of the amount asked for; a reading that totals that column alone
// answers another question, so it is asked.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"

namespace medha::sqlgen::detail {

void reader::check_included_amount() {
  auto word = [&](size_t i, std::initializer_list<const char*> ws) {
    return i < tokens.size() && !tokens[i].quoted
           && std::any_of(ws.begin(), ws.end(), [&](const char* w) { return tokens[i].text == w; });
  };
  for (auto& it : items) {
    if (it.c || it.e.kind != element_kind::column)
      continue;
    // ("before VAT", "excluding VAT", "net of VAT": the amount without it,
    // which is not it either.)
    bool included = word(it.end, {"included", "inclusive", "incl", "inc", "excluded", "exclusive"})
                    || (it.begin > 0 && word(it.begin - 1, {"including", "incl", "inc", "plus", "with", "before",
                                                            "excluding", "excl", "ex", "without", "less", "minus"}))
                    || (it.begin > 1 && word(it.begin - 1, {"of"}) && word(it.begin - 2, {"net"}));
    if (!included)
      continue;
    bool measured = std::any_of(r.measures.begin(), r.measures.end(), [&](const measure& m) {
      return m.column.table == it.e.table && m.column.column == it.e.column;
    });
    if (measured) {
      r.unresolved.push_back("the amount the " + column_words(it.e.column) + " is added to or taken from");
      return;
    }
  }
}

} // namespace medha::sqlgen::detail
