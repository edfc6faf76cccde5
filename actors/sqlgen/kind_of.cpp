// "kind of X", "type of X", "sort of X", "category of X": the same as
// "X type", "X category" or "X class", the name a database gives the column or table
// that sorts X's rows into kinds (vehicle_type, job_types, product_category). The
// words "kind" and "sort" are otherwise function words and would be dropped,
// leaving a question about single rows where kinds of rows were asked about.
#include "actors/sqlgen/kind_of.hpp"

#include <algorithm>

#include "actors/sqlgen/lexicon.hpp"

namespace medha::sqlgen {

std::vector<token> say_kind_of(const lexicon& lex, std::vector<token> tokens) {
  auto said = [&](size_t i) { return i < tokens.size() && !tokens[i].quoted ? tokens[i].text : std::string(); };
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    auto w = said(i);
    bool kind = w == "kind" || w == "kinds" || w == "type" || w == "types" || w == "sort" || w == "sorts"
                || w == "category" || w == "categories";
    if (!kind || said(i + 1) != "of" || said(i + 2).empty())
      continue;
    auto thing = tokens[i + 2];
    // The name the data has: "<thing> type", else "<thing> kind", "<thing> category".
    // ("class" too: the kinds of repairs kept in repair_class.)
    for (auto* name : {"type", "kind", "category", "class"}) {
      auto known = lex.lookup(thing.stem + " " + stem(name));
      bool named = std::any_of(known.begin(), known.end(), [](const lexicon_entry& e) {
        return e.target.kind == element_kind::column || e.target.kind == element_kind::table;
      });
      if (!named)
        continue;
      token kind_word{name, stem(name)};
      tokens[i] = thing;
      tokens[i + 1] = kind_word;
      tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i) + 2);
      break;
    }
  }
  return tokens;
}

} // namespace medha::sqlgen
