// The words of "the ratio of A to B" that are not the sides: where the
// denominator ends and the words about the whole ratio begin, a verb's own
// "to", and closing words that ask for the sides' or the groups' own values.
#include <algorithm>

#include "actors/sqlgen/reading_ratio_parts.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail::ratios {

bool word_at(const std::vector<token>& t, size_t i, const char* w) {
  return i < t.size() && !t[i].quoted && t[i].text == w;
}

bool any_word_at(const std::vector<token>& t, size_t i, std::initializer_list<const char*> ws) {
  return std::any_of(ws.begin(), ws.end(), [&](const char* w) { return word_at(t, i, w); });
}

// Where the question's words about the whole ratio begin ("for each
// course", "by state", "ordered by ..."): the end of the denominator.
bool starts_tail(const std::vector<token>& t, size_t i) {
  // "cited by 2 papers", "written by": who did it, not a grouping.
  if (word_at(t, i, "by") && i > 0 && !t[i - 1].quoted && is_participle(t[i - 1].text)
      && !any_word_at(t, i - 1, {"grouped", "ordered", "sorted", "broken", "split", "ranked"}))
    return false;
  if (any_word_at(t, i, {"for", "per", "by", "across", "among", "grouped", "ordered", "sorted",
                         "order", "sort", "split", "broken", "vary", "varies", "differ",
                         "differs", "change", "changes"}))
    return true;
  return any_word_at(t, i, {"in", "within", "of"}) && any_word_at(t, i + 1, {"each", "every"});
}

// "belong to", "sent to", "that moved to": the verb's own "to", less likely
// the split between the sides.
bool verb_takes_to(const std::vector<token>& t, size_t i) {
  if (i == 0 || t[i - 1].quoted)
    return false;
  if (any_word_at(t, i - 1, {"belong", "belongs", "belonged", "go", "goes", "went", "due",
                             "according", "relative", "similar", "equal", "close", "next"}))
    return true;
  if (is_participle(t[i - 1].text))
    return true;
  return i >= 2 && any_word_at(t, i - 2, {"that", "who", "which"});
}

// "also give the yearly numbers of loans and members": the
// words from `from` on ask for the two sides' own numbers, and nothing else.
bool names_sides(const indexed_model& model, const std::vector<token>& t, size_t from,
                 const measure& a, const measure& b) {
  auto words_of = [&](const measure& m) {
    std::vector<std::string> out;
    auto table = measure_table(model, m);
    for (auto& w : split_words(m.metric.empty() ? table : m.metric))
      out.push_back(stem(w));
    for (auto& w : split_words(m.column.column))
      out.push_back(stem(w));
    return out;
  };
  auto wa = words_of(a), wb = words_of(b);
  bool named_a = false, named_b = false, asks_number = false;
  for (size_t i = from; i < t.size(); ++i) {
    if (t[i].quoted)
      return false;
    auto& w = t[i].stem;
    bool in_a = std::find(wa.begin(), wa.end(), w) != wa.end();
    bool in_b = std::find(wb.begin(), wb.end(), w) != wb.end();
    named_a = named_a || in_a;
    named_b = named_b || in_b;
    if (any_word_at(t, i, {"number", "numbers", "count", "counts", "total", "totals"}))
      asks_number = true;
    else if (!in_a && !in_b && !is_stopword(t[i].text)
             && !any_word_at(t, i, {"return", "show", "include", "display", "annual", "yearly",
                                    "monthly", "quarterly", "weekly", "daily", "both",
                                    "respective", "corresponding"}))
      return false;
  }
  return named_a && named_b && asks_number;
}

// "show every depot ID": the words from `from` on name the groups, which
// every group of the answer shows anyway.
bool names_groups(const std::vector<token>& t, size_t from, const std::vector<dimension>& groups) {
  std::vector<std::string> words;
  for (auto& d : groups) {
    for (auto& w : split_words(d.column.table))
      words.push_back(stem(w));
    for (auto& w : split_words(d.column.column))
      words.push_back(stem(w));
  }
  bool named = false;
  for (size_t i = from; i < t.size(); ++i) {
    if (t[i].quoted)
      return false;
    if (std::find(words.begin(), words.end(), t[i].stem) != words.end()
        || any_word_at(t, i, {"id", "ids"})) {
      named = true;
      continue;
    }
    if (!is_stopword(t[i].text) && !any_word_at(t, i, {"return", "show", "include", "display"}))
      return false;
  }
  return named && !groups.empty();
}

} // namespace medha::sqlgen::detail::ratios
