// "the number of guests who found the room noisy" where a column
// is described as "Number of guests who found the room to be
// noisy": the column already is that count. The count of the guests'
// own rows that the words also gave is dropped, and so are the tables its
// description names ("instructor"), which are no condition on anything.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

namespace {

std::vector<std::string> stems_in(const std::string& text) {
  std::vector<std::string> out;
  for (auto& t : tokenize(text))
    out.push_back(t.stem);
  return out;
}

} // namespace

void reader::drop_restated_counts() {
  auto restates = [&](const column_ref& col, const std::vector<std::string>& thing,
                      std::vector<std::string>& said) {
    if (col.column.empty() || role_of(model, col) != column_role::numeric)
      return false;
    auto* t = table_of(model, col.table);
    auto* c = t ? t->find_column(col.column) : nullptr;
    if (!c)
      return false;
    said = stems_in(c->comment);
    return said.size() > 2 + thing.size() && said[0] == "number" && said[1] == "of"
           && std::equal(thing.begin(), thing.end(), said.begin() + 2);
  };
  auto drop_described_tables = [&](const std::vector<std::string>& said) {
    has.erase(std::remove_if(has.begin(), has.end(),
                             [&](const std::string& table) {
                               auto words = stems_in(entity_words(table));
                               return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
                                 return std::find(said.begin(), said.end(), w) != said.end();
                               });
                             }),
              has.end());
  };
  // The column named without an aggregate ("the number of students who
  // found the grading clear"): the count becomes its total.
  for (auto& counted : r.measures) {
    if (counted.agg != aggregate::count || !counted.column.column.empty() || counted.form != measure_form::plain)
      continue;
    auto thing = stems_in(entity_words(counted.column.table));
    std::vector<std::string> said;
    auto it = std::find_if(bare_numeric.begin(), bare_numeric.end(),
                           [&](const column_ref& c) { return restates(c, thing, said); });
    if (it == bare_numeric.end())
      continue;
    auto col = *it;
    bare_numeric.erase(std::remove(bare_numeric.begin(), bare_numeric.end(), col), bare_numeric.end());
    r.selected.erase(std::remove(r.selected.begin(), r.selected.end(), col), r.selected.end());
    counted.agg = aggregate::sum;
    counted.column = col;
    drop_described_tables(said);
    return;
  }
  for (size_t i = 0; i < r.measures.size(); ++i) {
    auto& counted = r.measures[i];
    if (counted.agg != aggregate::count || !counted.column.column.empty() || counted.form != measure_form::plain)
      continue;
    auto thing = stems_in(entity_words(counted.column.table));
    for (size_t j = 0; j < r.measures.size(); ++j) {
      std::vector<std::string> said;
      if (j == i || !restates(r.measures[j].column, thing, said))
        continue;
      r.measures.erase(r.measures.begin() + static_cast<long>(i));
      for (auto& o : r.order)
        if (o.measure == static_cast<int>(i))
          o.measure = static_cast<int>(j > i ? j - 1 : j);
        else if (o.measure > static_cast<int>(i))
          --o.measure;
      drop_described_tables(said);
      return;
    }
  }
}

} // namespace medha::sqlgen::detail
