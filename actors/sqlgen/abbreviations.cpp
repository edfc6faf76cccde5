// Legacy schemas name tables and columns in short forms ("lsn", "instr",
// "pymt", "purch_dt") and say in their comments what those are ("Driving
// lessons: one row per booked lesson"). A short form is read as the comment's
// word it abbreviates: same first letter, its letters in order within the
// word, the word longer. Nearest comment first; where two different words
// fit, none is chosen. People ask in the comments' words, never in the
// short forms.
#include "actors/sqlgen/abbreviations.hpp"

#include <algorithm>
#include <cctype>

#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

namespace {

bool letters_only(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// "lsn" in "lessons": first letters equal, the rest in order. Only a form
// that drops its vowels ("lsn", "pymt", "instr") or cuts a word short
// ("purch", "dur"): a real word ("make") is no short form of a longer one
// ("marketing").
bool abbreviates(const std::string& shorter, const std::string& word) {
  if (word.size() <= shorter.size() || shorter.empty() || word[0] != shorter[0])
    return false;
  if (word.compare(0, shorter.size(), shorter) == 0)
    return word.size() >= shorter.size() + 3;
  bool vowels = std::any_of(shorter.begin() + 1, shorter.end(), [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  });
  if (vowels)
    return false;
  size_t j = 1;
  for (size_t i = 1; i < word.size() && j < shorter.size(); ++i)
    if (word[i] == shorter[j])
      ++j;
  return j == shorter.size();
}

bool said_as_is(const std::string& w, const std::vector<std::string>& column_comment,
                const std::vector<std::string>& table_comment, const schema_comment_words& all) {
  auto s = stem(w);
  if (all.stems.count(s))
    return true;
  for (auto* words : {&column_comment, &table_comment})
    for (auto& c : *words)
      if (c == w || stem(c) == s)
        return true;
  return false;
}

// The one word (by stem) of `words` that `w` abbreviates; empty if none or several.
std::string reading_among(const std::string& w, const std::vector<std::string>& words) {
  std::string found, found_stem;
  for (auto& c : words) {
    if (!letters_only(c) || is_stopword(c) || !abbreviates(w, c))
      continue;
    auto s = stem(c);
    if (!found.empty() && s != found_stem)
      return "";
    // The singular of two forms ("lesson" beside "lessons").
    if (found.empty() || c.size() < found.size()) {
      found = c;
      found_stem = s;
    }
  }
  return found;
}

} // namespace

bool short_form_of(const std::string& shorter, const std::string& word) {
  return letters_only(shorter) && letters_only(word) && abbreviates(shorter, word);
}

schema_comment_words words_of_all_comments(const semantic_model& model) {
  schema_comment_words out;
  std::unordered_set<std::string> seen;
  auto add = [&](const std::string& text) {
    for (auto& w : lexicon_words::phrase_words(text))
      if (seen.insert(w).second) {
        out.words.push_back(w);
        out.stems.insert(stem(w));
      }
  };
  for (auto& t : model.tables) {
    add(t.comment);
    for (auto& c : t.columns)
      add(c.comment);
  }
  return out;
}

std::vector<std::string> read_in_full(std::vector<std::string> words, const std::vector<std::string>& column_comment,
                                      const std::vector<std::string>& table_comment,
                                      const schema_comment_words& all) {
  for (auto& w : words) {
    // Short forms only: three to five letters, not a word the comments use.
    if (w.size() < 3 || w.size() > 5 || !letters_only(w) || is_stopword(w)
        || said_as_is(w, column_comment, table_comment, all))
      continue;
    for (auto* nearest : {&column_comment, &table_comment, &all.words}) {
      auto full = reading_among(w, *nearest);
      if (!full.empty()) {
        w = full;
        break;
      }
    }
  }
  return words;
}

} // namespace medha::sqlgen
