// "How many papers cite each paper": a table linked to another one twice,
// by keys named for the two sides of a verb (citing_paper_id, cited_paper_id).
// Which side the grouped rows are on is the verb's grammar: before an active
// verb they do it ("each paper that cites"), after it they receive it ("cite
// each paper"); "by" turns both around ("cited by each paper").
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

namespace {

// Whether `column` spells the verb of stem `root` with `ending` ("ing",
// "ed"), the last letter maybe doubled ("referring").
bool spells(const std::string& column, const std::string& root, const std::string& ending) {
  if (root.size() < 3)
    return false;
  return column.find(root + ending) != std::string::npos
         || column.find(root + root.back() + ending) != std::string::npos;
}

} // namespace

void reader::read_verb_roles() {
  for (size_t v = 0; v < tokens.size(); ++v) {
    auto& verb = tokens[v];
    if (verb.quoted)
      continue;
    for (auto& a : model.relationships) {
      if (a.from_columns.size() != 1)
        continue;
      // The other link between the same two tables, keyed by the verb's other side.
      const relationship* b = nullptr;
      for (auto& o : model.relationships)
        if (&o != &a && o.from_table == a.from_table && o.to_table == a.to_table
            && o.from_columns.size() == 1)
          b = &o;
      if (!b || !spells(a.from_columns[0], verb.stem, "ing") || !spells(b->from_columns[0], verb.stem, "ed"))
        continue;
      // The rows grouped: the linked table said after "each", "every" or "per".
      std::optional<size_t> grouped;
      for (auto& it : items)
        if (!it.c && it.e.kind == element_kind::table && it.e.table == a.to_table && it.begin > 0) {
          auto& before = tokens[it.begin - 1].text;
          if (before == "each" || before == "every" || before == "per")
            grouped = it.begin;
        }
      if (!grouped)
        continue;
      bool by = v + 1 < tokens.size() && tokens[v + 1].text == "by";
      bool doer = (*grouped < v) != by;
      auto& column = doer ? a.from_columns[0] : b->from_columns[0];
      r.via.push_back({a.from_table, column});
      return;
    }
  }
}

} // namespace medha::sqlgen::detail
