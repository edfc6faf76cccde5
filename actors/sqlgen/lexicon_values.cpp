// The words for a column's values: each value as written, a sex kept as a
// code ("women"), names among many (weaker), US state codes by their names,
// and the states an empty column means ("open" while closed_at is empty).
#include <algorithm>
#include <cctype>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/place_codes.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

using namespace lexicon_words;

void lexicon::add_values_of(const table_info& t, const column_info& c, const std::vector<std::string>& words) {
  // "women", "male patients": a sex kept as a code or a word.
  if (std::find(words.begin(), words.end(), "sex") != words.end()
      || std::find(words.begin(), words.end(), "gender") != words.end())
    for (auto& v : c.values) {
      auto code = v;
      for (auto& ch : code)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      element ve{element_kind::value, t.name, c.name, "", v};
      if (code == "f" || code == "female" || code == "w")
        for (auto* w : {"women", "woman", "female", "females"})
          add({w}, ve, 0.9);
      if (code == "m" || code == "male")
        for (auto* w : {"men", "man", "male", "males"})
          add({w}, ve, 0.9);
    }
  bool state_codes = !c.values.empty();
  // A person's name is no spelling to correct towards: "person" is not
  // 'Pearson', "rose" not 'Ross'.
  bool name_part = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w == "first" || w == "last" || w == "given" || w == "family" || w == "surname" || w == "forename"
           || w == "middle";
  });
  for (auto& v : c.values) {
    state_codes = state_codes && !us_state_name(v).empty();
    auto vw = phrase_words(v);
    if (!vw.empty())
      add(vw, {element_kind::value, t.name, c.name, "", v}, 0.9, false, !name_part);
    // "successful transactions" for status 'success': the adjective of a noun value.
    if (vw.size() == 1 && vw[0].size() >= 4
        && std::all_of(vw[0].begin(), vw[0].end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); }))
      add({vw[0] + "ful"}, {element_kind::value, t.name, c.name, "", v}, 0.85);
  }
  // A name among many ("Bergen" of 600 towns): weaker than a category
  // value or a column's own name, so those win when both are said. A
  // value that is only a number or one short word is too easily said
  // for something else.
  for (auto& v : c.lookup_values) {
    auto vw = phrase_words(v);
    bool numeric = std::all_of(v.begin(), v.end(), [](unsigned char ch) { return std::isdigit(ch) || ch == ' ' || ch == '.' || ch == '-'; });
    if (vw.empty() || numeric || (vw.size() == 1 && (vw[0].size() < 4 || is_stopword(vw[0]))))
      continue;
    // Not a spelling to correct towards: among thousands of names, a
    // misspelt word would find one.
    add(vw, {element_kind::value, t.name, c.name, "", v}, 0.85, false, false);
  }
  // "California" for a column of postal codes ('CA'): weaker than a value
  // spelled out elsewhere, so a column of state names still wins; but still
  // a candidate beside a city of the same name ("the county of Kent" beside a town Kent).
  if (state_codes)
    for (auto& v : c.values)
      add(phrase_words(std::string(us_state_name(v))), {element_kind::value, t.name, c.name, "", v},
          0.8);
  // "NULL while the subscription is active": the state said after the
  // column is empty ("active", "open") names that condition.
  if (auto state = state_of_empty(c.comment); !state.empty())
    add({state}, {element_kind::value, t.name, c.name, "", empty_state}, 0.85);
  // "open tickets" where tickets keep a closed_at: open while it is empty.
  if (c.role == column_role::time && c.nullable)
    for (auto& state : states_while_unset(split_words(c.name)))
      add({state}, {element_kind::value, t.name, c.name, "", empty_state}, 0.9);
}

} // namespace medha::sqlgen
