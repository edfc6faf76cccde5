// "What is the most common genre?", "the 3 most frequent countries among
// customers": the values (or the rows of a table) that the most rows have.
// Counted are the rows named ("among customers"), else the rows the column
// belongs to, else the one table whose rows point at the table named. When
// none of these settles whose rows are counted, the question is asked back.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

void reader::read_most_common() {
  // "most common", "least frequent", "commonest": the word after "most"
  // may sit inside a "3 most" cue.
  size_t at = tokens.size();
  bool descending = true;
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto& w = tokens[i].text;
    if (tokens[i].quoted)
      continue;
    if (w == "commonest" || ((w == "common" || w == "frequent") && i > 0
                             && (tokens[i - 1].text == "most" || tokens[i - 1].text == "least"))) {
      at = i;
      descending = w == "commonest" || tokens[i - 1].text == "most";
      break;
    }
  }
  if (at == tokens.size())
    return;
  taken[at] = true;
  // What is ranked: named right after ("the most common genre"), else
  // right before ("which country is most common").
  const item* ranked = nullptr;
  for (auto& it : items)
    if (!it.c && it.begin == at + 1 && (it.e.kind == element_kind::column || it.e.kind == element_kind::table)) {
      ranked = &it;
      break;
    }
  if (!ranked)
    for (auto& it : items)
      if (!it.c && it.end <= at && (it.e.kind == element_kind::column || it.e.kind == element_kind::table))
        ranked = &it;
  if (!ranked) {
    r.unresolved.push_back("what is most common");
    return;
  }
  // The rows counted: another table the question names.
  std::vector<std::string> others;
  for (auto& it : items)
    if (!it.c && &it != ranked && it.e.kind == element_kind::table && it.e.table != ranked->e.table
        && std::find(others.begin(), others.end(), it.e.table) == others.end())
      others.push_back(it.e.table);
  std::string counted;
  if (others.size() == 1)
    counted = others.front();
  else if (others.empty() && ranked->e.kind == element_kind::column)
    counted = ranked->e.table;
  else if (others.empty()) {
    bool referenced = false;
    for (auto& rel : model.relationships)
      if (rel.to_table == ranked->e.table && rel.from_table != ranked->e.table) {
        referenced = true;
        if (!counted.empty() && counted != rel.from_table) {
          counted.clear();
          break;
        }
        counted = rel.from_table;
      }
    // "the most common diagnoses" where each diagnosis row records one
    // (nothing points at them): the rows themselves, by what they record.
    if (!referenced)
      counted = ranked->e.table;
  }
  column_ref group = ranked->e.kind == element_kind::column ? column_ref{ranked->e.table, ranked->e.column}
                                                            : label_of(model, ranked->e.table);
  auto kind = group.column.empty() ? column_role::identifier : role_of(model, group);
  if (counted.empty() || kind == column_role::time || kind == column_role::identifier) {
    r.unresolved.push_back("whose " + entity_words(ranked->e.table) + " are counted");
    return;
  }
  // "among customers": the word only says whose rows are counted.
  for (size_t i = 0; i + 1 < tokens.size(); ++i)
    if (tokens[i].text == "among" || tokens[i].text == "amongst")
      for (auto& it : items)
        if (!it.c && it.begin == i + 1 && it.e.table == counted)
          taken[i] = true;
  r.measures = {count_rows(counted)};
  r.dimensions.clear();
  dimension d;
  d.column = group;
  r.dimensions.push_back(d);
  r.entity.clear();
  r.selected.clear();
  r.listing = false;
  r.distinct_listing = false;
  r.filters.erase(std::remove_if(r.filters.begin(), r.filters.end(), [](const filter& f) { return f.measure >= 0; }),
                  r.filters.end());
  ordering o;
  o.measure = 0;
  o.descending = descending;
  r.order = {o};
  r.limit = top > 0 ? top : 1;
  // Groups without a value are no answer to "which is most common".
  r.unranked.clear();
  superlative.reset();
}

} // namespace medha::sqlgen::detail
