// Words that point outside the question: "they", "her", "that ship". Whether
// they point back to the last answer, or to a noun said before them in this
// question ("customers with their first names").
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_index.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

bool reader::names_table(const token& t) const {
  auto one_word = [&](const table_info& table) {
    auto words = split_words(table.name);
    return words.size() == 1 && stem(words[0]) == t.stem;
  };
  // Through the index of table heads: the catalog may hold thousands of
  // tables, and this is asked of many words.
  auto& heads = model.index.tables_headed_by(t.stem);
  return std::any_of(heads.begin(), heads.end(), [&](size_t i) { return one_word(model.tables[i]); });
}

void reader::read_references() {
  auto is = [&](const token& t, std::initializer_list<const char*> words) {
    return !t.quoted && std::any_of(words.begin(), words.end(), [&](const char* w) { return t.text == w; });
  };
  bool noun_before = false, clause_before = false; // up to the word at hand
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto& t = tokens[i];
    auto before = tokens.begin() + static_cast<std::ptrdiff_t>(i);
    if (i > 0) {
      noun_before = noun_before || (!tokens[i - 1].quoted && names_table(tokens[i - 1]));
      clause_before = clause_before || is(tokens[i - 1], {"and"});
    }
    if (t.quoted)
      continue;
    // A possessive after a noun of this question is that noun's: "customers
    // with their first names", "each country and its capital".
    // Not as the subject after an auxiliary ("how many orders did their
    // reps take"): the owner is someone talked about before.
    bool subject = i > 0 && is(tokens[i - 1], {"did", "do", "does", "have", "has", "had", "were", "are", "was", "is"});
    if (is(t, {"their", "its"}) && (!noun_before || subject))
      r.refers_back = true;
    // "How many orders have they placed?": the one who acts is not the
    // thing counted, so a noun before the pronoun does not stand for it.
    // But "... per month they were closed": what a passive verb happened to
    // is the noun said before it in this question.
    bool passive = i + 2 < tokens.size() && is(tokens[i + 1], {"were", "are", "was", "is", "got"})
                   && !tokens[i + 2].quoted && is_participle(tokens[i + 2].text);
    if (is(t, {"they", "them", "it", "those", "these", "theirs"}) && !(passive && noun_before))
      r.refers_back = true;
    // "only the ones opened in 2025": "ones" with nothing named before it.
    if (is(t, {"ones"}) && i > 0 && is(tokens[i - 1], {"the", "those", "these"}) && !noun_before)
      r.refers_back = true;
    // A person: said in an earlier clause of this question ("which mentor
    // guided the most pupils and how many did he guide"), or in an earlier
    // question when nobody is named before the word.
    if (is(t, {"she", "he", "him", "his", "her", "hers"}) && !(noun_before && clause_before))
      r.refers_back = r.refers_to_person = true;
    // "How many trips is that?", "that ship": what was just said or shown;
    // not a noun said earlier in this question ("the highest point in each
    // state and the density of that state").
    // ("that company": the rows' name column, company_name, names them too.)
    auto names_label = [&](size_t j) {
      return std::any_of(items.begin(), items.end(), [&](const item& it) {
        return !it.c && it.begin == j && it.e.kind == element_kind::column && label_of(model, it.e.table).column == it.e.column;
      });
    };
    if (is(t, {"that", "this"})
        && (i + 1 == tokens.size() || names_label(i + 1)
            || (names_table(tokens[i + 1])
                && std::none_of(tokens.begin(), before, [&](const token& w) { return !w.quoted && w.stem == tokens[i + 1].stem; }))))
      r.refers_back = r.refers_to_shown = true;
    // "the top one", "the first one": the first row the last answer ranked;
    // "the last one", the bottom of a cut ranking, is asked (no condition
    // names it).
    if (is(t, {"one"}) && i > 1 && is(tokens[i - 2], {"the"})) {
      if (is(tokens[i - 1], {"top", "first"}))
        r.refers_back = r.first_of_shown = true;
      else if (is(tokens[i - 1], {"biggest", "largest", "highest", "greatest"}))
        r.refers_back = r.first_of_shown = r.first_by_size = true;
      else if (is(tokens[i - 1], {"bottom", "last", "smallest", "lowest", "least"})) {
        r.refers_back = r.refers_to_shown = true;
        r.unresolved.push_back("which row \"the " + tokens[i - 1].text + " one\" is");
      }
      // The adjective points at a row, which says it; it ranks nothing itself.
      if (r.first_of_shown || r.refers_to_shown) {
        taken[i - 1] = true;
        for (auto& it : items)
          if (it.c && it.begin + 2 >= i && it.begin < i && it.end <= i + 1 && it.c->kind == cue_kind::superlative)
            it.consumed = true;
      }
    }
    // "how many were returned?": counted with no noun, the rows may be the
    // ones just talked about.
    if (i == 2 && is(tokens[0], {"how"}) && is(tokens[1], {"many"})
        && is(t, {"were", "are", "was", "is", "have", "had", "did", "do", "does", "got", "get", "came", "come",
                  "went", "go"}))
      r.no_noun_counted = true;
    // "how many clients are based there?": the place the last question named;
    // not "is there", "there are", "have there been".
    if (is(t, {"there"}) && !(i + 1 < tokens.size() && is(tokens[i + 1], {"is", "are", "was", "were", "been", "be"}))
        && !(i > 0 && is(tokens[i - 1], {"is", "are", "was", "were", "be"})))
      r.refers_to_place = true;
    // "which members had one?" after a count of fines: "one" stands for
    // one of the things just counted; the question asks for rows that have
    // such a thing. Followed by a noun ("one visit") it is a number.
    bool last_word = std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1, tokens.end(),
                                 [](const token& w) { return !w.quoted && is_stopword(w.text); });
    if (is(t, {"one"}) && i > 0 && last_word
        && is(tokens[i - 1], {"had", "has", "have", "with", "got", "get"})) {
      if (context_tables.size() == 1)
        has.push_back(context_tables.front());
      else
        r.unresolved.push_back("what \"one\" points back to");
    }
  }
}

} // namespace medha::sqlgen::detail
