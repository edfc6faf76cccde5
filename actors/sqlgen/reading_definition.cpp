// "Cars are considered to be in inventory if is_in_inventory is True": the
// question defines a phrase it uses. When the definition is the very
// condition the phrase was read as, the sentence only confirms the reading;
// otherwise its words stay unknown and the question is asked back.
#include <algorithm>

#include "actors/sqlgen/reader.hpp"

namespace medha::sqlgen::detail {

namespace {

bool is_word(const token& t, std::initializer_list<const char*> words) {
  return !t.quoted && std::any_of(words.begin(), words.end(), [&](const char* w) { return t.text == w; });
}

bool same(const filter& a, const filter& b) {
  return a.op == b.op && a.column == b.column && a.values == b.values && a.measure < 0 && b.measure < 0
         && a.related_table.empty() && b.related_table.empty();
}

} // namespace

void reader::read_definition() {
  for (size_t c = 0; c < tokens.size(); ++c) {
    if (!is_word(tokens[c], {"considered", "deemed"}) || taken[c])
      continue;
    size_t cond = c + 1;
    while (cond < tokens.size() && cond <= c + 8 && !is_word(tokens[cond], {"if", "when"}))
      ++cond;
    if (cond >= tokens.size() || cond > c + 8 || taken[cond])
      continue;
    // The conditions said for the phrase, and the ones said after "if".
    std::vector<const filter*> phrase, definition;
    bool other = false; // anything else said after "if"
    for (auto& s : filter_spans) {
      if (s.filter >= r.filters.size())
        continue;
      if (s.begin > c && s.end <= cond)
        phrase.push_back(&r.filters[s.filter]);
      else if (s.begin > cond)
        definition.push_back(&r.filters[s.filter]);
    }
    for (auto& it : items)
      if (it.begin > cond && !it.c
          && std::none_of(filter_spans.begin(), filter_spans.end(),
                          [&](const span& s) { return s.begin <= it.begin && it.begin < s.end; }))
        other = true;
    bool confirms = !phrase.empty() && !definition.empty() && !other
                    && std::all_of(definition.begin(), definition.end(), [&](const filter* d) {
                         return std::any_of(phrase.begin(), phrase.end(),
                                            [&](const filter* p) { return same(*p, *d); });
                       });
    if (confirms)
      taken[c] = taken[cond] = true;
  }
}

} // namespace medha::sqlgen::detail
