// Verbs that only say how two things the question names are related:
// "members who have borrowed books", "the driver who drove a
// course", "depots with drivers linked to them". The join between the
// two is the relation; the verb adds nothing to filter or measure.
#include "actors/sqlgen/reader.hpp"
#include "actors/sqlgen/lexicon_words.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

namespace {

bool one_of(const token& t, std::initializer_list<const char*> words) {
  return !t.quoted && std::any_of(words.begin(), words.end(), [&](const char* w) { return t.text == w; });
}

} // namespace

std::string reader::table_of_event_verb() const {
  std::string found;
  for (auto& t : tokens) {
    if (t.quoted || !is_participle(t.text))
      continue;
    for (auto& table : model.tables) {
      auto words = split_words(table.name);
      if (table.derived || words.empty())
        continue;
      for (auto& verb : lexicon_words::agent_verbs(words.back()))
        if (stem(verb) == t.stem) {
          if (!found.empty() && found != table.name)
            return ""; // two tables of such events: which is asked
          found = table.name;
        }
    }
  }
  return found;
}

bool reader::relation_verb(size_t i) {
  auto& word = tokens[i];
  // "books borrowed by members": a "by" after the verb may group as
  // well as name who did it; that stays a question.
  // "treatments that involve drugs": a few verbs that only relate, in the
  // present tense.
  bool relating = one_of(word, {"involve", "involves", "include", "includes", "use", "uses",
                                "require", "requires"});
  // The subject named right before the verb: a table, or one row by a value
  // ("does Ola Berg serve", "the singer performs").
  bool named_subject = i > 0 && std::any_of(items.begin(), items.end(), [&](const item& it) {
    return !it.c && it.end == i && (it.e.kind == element_kind::table || it.e.kind == element_kind::value);
  });
  // "which districts does Ola Berg serve?", "which albums has she sung on?":
  // the verb ends a question asked with an auxiliary; the things it relates
  // are the one asked for and its subject.
  bool ends_question = std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1, tokens.end(),
                                   [](const token& t) { return !t.quoted && is_stopword(t.text); });
  bool auxiliary = std::any_of(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(i), [](const token& t) {
    return t.text == "do" || t.text == "does" || t.text == "did" || t.text == "has" || t.text == "have";
  });
  bool asked_verb = ends_question && auxiliary && named_subject;
  // "the singer performs on the most albums": a present tense after its subject.
  bool present = word.text.size() > 4 && word.text.back() == 's' && word.text != word.stem && named_subject;
  if (word.quoted || !(is_participle(word.text) || relating || asked_verb || present) || i == 0
      || (i + 1 < tokens.size() && tokens[i + 1].text == "by"))
    return false;
  // The things related: at least two tables named.
  std::vector<std::string> tables;
  const item* table_at = nullptr; // a table named right after the verb
  size_t object = i + 1;
  // "drove the most trips", "borrowed a book", "linked to them".
  while (object < tokens.size() && object <= i + 3
         && (is_stopword(tokens[object].text) || (taken[object] && !tokens[object].quoted))) {
    bool starts_item = std::any_of(items.begin(), items.end(), [&](const item& it) {
      return !it.c && it.begin == object;
    });
    if (starts_item || one_of(tokens[object], {"them", "it", "him", "her"}))
      break;
    ++object;
  }
  for (auto& it : items) {
    if (it.c || (it.e.kind != element_kind::table && it.e.kind != element_kind::column
                 && it.e.kind != element_kind::value))
      continue;
    if (std::find(tables.begin(), tables.end(), it.e.table) == tables.end())
      tables.push_back(it.e.table);
    if (it.begin == object && it.e.kind == element_kind::table)
      table_at = &it;
  }
  if (tables.size() < 2)
    return false;
  // A verb, not an adjective: after its subject or an auxiliary...
  auto& before = tokens[i - 1];
  bool subject_before = one_of(before, {"have", "has", "had", "was", "were", "is", "are", "be",
                                        "been", "who", "that", "which", "not", "never"})
                        || named_subject;
  // Those few verbs are verbs wherever their subject was named: "treatments
  // for diagnoses containing 'psoriasis' involve drugs".
  if (relating)
    subject_before = subject_before || std::any_of(items.begin(), items.end(), [&](const item& it) {
                       return !it.c && it.end <= i && it.e.kind == element_kind::table;
                     });
  bool pronoun_subject = one_of(before, {"they", "he", "she", "we"}); // "have they drawn"
  // ... and with its object named after it: "loans that were renewed"
  // says something of the orders, and stays a word to ask about.
  bool object_after = table_at
                      || (object < tokens.size() && one_of(tokens[object], {"them", "it", "him", "her"}));
  return (subject_before && object_after) || pronoun_subject || asked_verb;
}

// "top speed of over 90 knots" where the speed is described "in nautical miles
// per hour": the unit after a compared number, as the column's description
// spells it or abbreviates it. Any other unit may need converting: asked.
bool reader::unit_of_compared(size_t i) {
  auto& word = tokens[i];
  if (word.quoted || i < 2)
    return false;
  for (size_t k = 1; k < items.size(); ++k) {
    auto& it = items[k];
    if (!it.c || it.c->kind != cue_kind::compare || !it.consumed || it.end != i)
      continue;
    auto& named = items[k - 1];
    if (named.c || named.e.kind != element_kind::column)
      return false;
    auto* t = table_of(model, named.e.table);
    auto* c = t ? t->find_column(named.e.column) : nullptr;
    if (!c)
      return false;
    auto words = tokenize(c->comment);
    for (auto& w : words)
      if (w.stem == word.stem)
        return true;
    for (size_t b = 0; b + word.text.size() <= words.size(); ++b) {
      bool initials = true;
      for (size_t j = 0; j < word.text.size() && initials; ++j)
        initials = words[b + j].text[0] == word.text[j];
      if (initials && word.text.size() >= 2)
        return true;
    }
    return false;
  }
  return false;
}

} // namespace medha::sqlgen::detail

