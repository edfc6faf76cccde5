// Small readings of a phrase by its neighbours, used by the walk: a "by"
// after a verb that names who did it, a key named whole, the events of a
// verb counted, a total said last.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

// "points scored by players in each league": a "by" after a verb names
// who did it, when the question groups elsewhere ("in each league").
bool reader::agent_by(size_t k) {
  auto& c = *items[k].c;
  if (c.end != c.begin + 1 || c.begin == 0 || tokens[c.begin].text != "by")
    return false;
  // "sent in by a member": one thing, said with "a" or
  // "an", is who did it; groups are never named that way.
  if (c.end < tokens.size() && !tokens[c.end].quoted && (tokens[c.end].text == "a" || tokens[c.end].text == "an"))
    return true;
  auto& verb = tokens[c.begin - 1];
  // "titles that are by Irish authors": after "is"/"are" a "by" says whose
  // they are, never how to group them.
  if (!verb.quoted && (verb.text == "is" || verb.text == "are" || verb.text == "was" || verb.text == "were"))
    return true;
  if (!is_participle(verb.text) || verb.text == verb.stem)
    return false;
  // "which courses were taken by students": in a listing, a plural after the
  // verb's "by" says who did it; a number "by rangers" may still be grouped.
  bool listing = !r.entity.empty() && r.measures.empty() && pending_agg == aggregate::none;
  if (auto* next = next_item(k); listing && next && !next->c && next->e.kind == element_kind::table
                                 && next->plural && next->begin == c.end)
    return true;
  for (size_t j = k + 1; j < items.size(); ++j)
    if (items[j].c && items[j].c->kind == cue_kind::group_by && tokens[items[j].begin].text != "by")
      return true;
  // "fines paid by members in each year": the period groups;
  // the plural after "by" says who received them ("by region" still groups).
  auto* n = next_item(k);
  return time.bucket != time_bucket::none && n && !n->c && n->plural
         && n->e.kind == element_kind::table;
}

bool reader::names_whole_key(const item& it, const relationship& rel) {
  // "state code" for airport.state_code, which holds state.state_code itself:
  // the column answers; the table it points to adds nothing.
  if (rel.to_columns.size() != 1 || rel.to_columns[0] != it.e.column)
    return false;
  auto words = split_words(it.e.column);
  if (words.size() != it.end - it.begin)
    return false;
  for (size_t i = 0; i < words.size(); ++i)
    if (stem(words[i]) != tokens[it.begin + i].stem)
      return false;
  return true;
}

void reader::count_verb_events(const std::string& said) {
  auto events = table_of_event_verb();
  if (events.empty())
    r.unresolved.push_back(said);
  else
    add_measure(count_rows(events));
}

item* reader::trailing_total(size_t k) {
  for (size_t j = k + 1; j < items.size(); ++j) {
    if (!items[j].c)
      return nullptr;
    if (items[j].c->kind == cue_kind::aggregate && items[j].c->agg == aggregate::sum)
      return j + 1 == items.size() ? &items[j] : nullptr;
  }
  return nullptr;
}

} // namespace medha::sqlgen::detail
