// "sponsored riders", "riders that are not sponsored": the participle of a
// column's noun (sponsor, tag_no) says whether a row has one — the
// column is set, or, negated, empty. Only for a column that may be empty
// and holds names or codes: a date says when something happened
// (reading_happened.cpp), a number how much.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

bool reader::participle_of_column(size_t k, const column_ref& col, column_role role) {
  auto& said = tokens[items[k].begin];
  if (items[k].end != items[k].begin + 1 || said.quoted || !is_participle(said.text) || said.text == said.stem
      || in_group || pending_agg != aggregate::none || superlative
      || (role != column_role::text && role != column_role::categorical && role != column_role::identifier))
    return false;
  // "who directed the most films": the verb of the people asked for, who
  // are ranked; not whether a film has a director.
  if (std::any_of(tokens.begin(), tokens.end(), [](const token& x) { return !x.quoted && x.text == "who"; })
      || std::any_of(items.begin(), items.end(), [](const item& it) {
           return it.c && (it.c->kind == cue_kind::superlative || it.c->kind == cue_kind::top_n);
         }))
    return false;
  auto* t = table_of(model, col.table);
  auto* c = t ? t->find_column(col.column) : nullptr;
  if (!c || !c->nullable || c->primary_key)
    return false;
  auto* label = label_column(*t);
  if (label && label->name == c->name)
    return false;
  // The participle is of the column's own noun: "insured" of insurer.
  auto words = split_words(c->name);
  auto of_noun = [&](const std::string& w) {
    auto a = stem(w);
    auto& b = said.stem;
    return a.size() >= 4 && b.size() >= 4 && (a.compare(0, b.size(), b) == 0 || b.compare(0, a.size(), a) == 0);
  };
  if (std::none_of(words.begin(), words.end(), of_noun))
    return false;
  // A value of the same column said too is the condition ("insured by Agria").
  if (std::any_of(items.begin(), items.end(), [&](const item& it) {
        return !it.c && it.e.kind == element_kind::value && it.e.table == col.table && it.e.column == col.column;
      }))
    return false;
  auto* prev = prev_item(k);
  bool lacking = negate || (prev && prev->c && prev->c->kind == cue_kind::missing && prev->end == items[k].begin);
  if (prev && prev->c && prev->c->kind == cue_kind::missing && prev->end == items[k].begin)
    items[k - 1].consumed = true;
  filter f;
  f.op = lacking ? filter_op::is_null : filter_op::not_null;
  f.column = col;
  r.filters.push_back(f);
  negate = false;
  return true;
}

} // namespace medha::sqlgen::detail
