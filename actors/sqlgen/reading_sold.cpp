// "How many items have we sold altogether?": the things sold are counted in
// the quantity of the lines that record the sales, not in the catalogue. A
// table of lines referencing the things counted, with a quantity column,
// says how many went; "in total" (or "we") asks for those units added up.
// Without it, units and different things sold are both fair readings: asked.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

namespace {

bool names_quantity(const std::string& column) {
  auto words = split_words(column);
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w == "quantity" || w == "qty" || w == "units";
  });
}

} // namespace

void reader::read_quantity_sold() {
  auto said = [&](std::initializer_list<const char*> words) {
    return std::any_of(tokens.begin(), tokens.end(), [&](const token& t) {
      return !t.quoted && std::any_of(words.begin(), words.end(), [&](const char* w) { return t.text == w; });
    });
  };
  // Past sales only: "how many items do we sell?" asks about the range;
  // "did we sell" is past.
  bool past = said({"sold", "bought", "purchased"}) || (said({"did"}) && said({"sell", "buy", "purchase"}));
  if (!past || r.measures.size() != 1)
    return;
  auto& m = r.measures.front();
  // The rows counted, or their different keys ("COUNT(DISTINCT products)"
  // once the period is on the sales).
  auto* counted = table_of(model, m.column.table);
  bool rows = m.agg == aggregate::count && m.column.column.empty();
  bool keys = m.agg == aggregate::count_distinct && counted && counted->find_column(m.column.column)
              && counted->find_column(m.column.column)->primary_key;
  if (!(rows || keys) || !m.metric.empty())
    return;
  std::vector<column_ref> lines;
  for (auto& rel : model.relationships) {
    if (rel.to_table != m.column.table || rel.from_table == m.column.table)
      continue;
    if (auto* t = table_of(model, rel.from_table))
      for (auto& c : t->columns)
        if (c.role == column_role::numeric && names_quantity(c.name))
          lines.push_back({t->name, c.name});
  }
  if (lines.size() != 1)
    return;
  if (said({"total", "altogether", "overall", "we", "our", "us"})) {
    measure sum;
    sum.agg = aggregate::sum;
    sum.column = lines.front();
    m = sum;
  } else {
    r.unresolved.push_back("whether the units sold are meant, or the different " + column_words(m.column.table));
  }
}

} // namespace medha::sqlgen::detail
