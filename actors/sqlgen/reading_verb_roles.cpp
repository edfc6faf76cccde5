// "How many members refer each member": a table linked to another one twice,
// by keys named for the two sides of a verb (referrer_id, referred_id).
// Which side the grouped rows are on is the verb's grammar: before an active
// verb they do it ("each member who refers"), after it they receive it ("refer
// each member"); "by" turns both around ("referred by each member").
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

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
  // The rows grouped: a table said after "each", "every" or "per". Without
  // one there is no side to pick, and the links are not looked at (a catalog
  // has thousands).
  std::vector<std::pair<std::string, size_t>> grouped; // (table, position)
  for (auto& it : items)
    if (!it.c && it.e.kind == element_kind::table && it.begin > 0) {
      auto& before = tokens[it.begin - 1].text;
      if (before == "each" || before == "every" || before == "per")
        grouped.emplace_back(it.e.table, it.begin);
    }
  if (grouped.empty())
    return;
  auto grouped_at = [&](const std::string& table) -> std::optional<size_t> {
    std::optional<size_t> at;
    for (auto& [t, pos] : grouped)
      if (t == table)
        at = pos;
    return at;
  };
  // Links to a grouped table keyed by an "-ing" column, each with the second
  // link between the same two tables (keyed by the verb's other side).
  std::vector<std::pair<const relationship*, const relationship*>> pairs;
  for (auto& a : model.relationships) {
    if (a.from_columns.size() != 1 || a.from_columns[0].find("ing") == std::string::npos
        || !grouped_at(a.to_table))
      continue;
    const relationship* b = nullptr;
    for (auto& o : model.relationships)
      if (&o != &a && o.from_table == a.from_table && o.to_table == a.to_table
          && o.from_columns.size() == 1)
        b = &o;
    if (b)
      pairs.emplace_back(&a, b);
  }
  for (size_t v = 0; v < tokens.size() && !pairs.empty(); ++v) {
    auto& verb = tokens[v];
    if (verb.quoted)
      continue;
    for (auto [a, b] : pairs) {
      if (!spells(a->from_columns[0], verb.stem, "ing") || !spells(b->from_columns[0], verb.stem, "ed"))
        continue;
      auto at = *grouped_at(a->to_table);
      bool by = v + 1 < tokens.size() && tokens[v + 1].text == "by";
      bool doer = (at < v) != by;
      auto& column = doer ? a->from_columns[0] : b->from_columns[0];
      r.via.push_back({a->from_table, column});
      return;
    }
  }
}

} // namespace medha::sqlgen::detail
