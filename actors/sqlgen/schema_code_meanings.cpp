// What a column's codes stand for is kept in its description ("Q=quote
// only, O=ordered, ...") or in a table of codes its key points to. People
// ask for it by the column's everyday words ("the van colour letters",
// "the pay band codes on the rota"), by one of its codes ("and P, what is
// that?"), or both; the column they name is found by those words, its short
// forms read as the words they shorten ("sts" of "status").
#include "actors/sqlgen/schema_code_meanings.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "actors/sqlgen/abbreviations.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/schema_answers.hpp"
#include "actors/sqlgen/value_legend.hpp"

namespace medha::sqlgen {

namespace {

// "... mean?", "... stand for?", "... signify?" closing a question that
// asks "what": the meaning of something, not an average ("the mean price").
bool asks_meaning(const std::vector<token>& tokens) {
  auto said = [&](size_t i) { return i < tokens.size() && !tokens[i].quoted ? tokens[i].text : std::string(); };
  size_t n = tokens.size();
  if (n < 3)
    return false;
  auto last = said(n - 1);
  bool closes = last == "mean" || last == "means" || last == "signify" || last == "signifies"
                || (said(n - 2) == "stand" && last == "for") || (said(n - 2) == "stands" && last == "for");
  bool what = std::any_of(tokens.begin(), tokens.end(), [](const token& t) {
    return !t.quoted && (t.text == "what" || t.text == "what's" || t.text == "whats");
  });
  return closes && what;
}

// Words that only frame the question: the verbs, the words for codes, and
// everyday words for a table of the system ("on the staff list", "in the
// booking sheet").
bool framing(const std::string& w) {
  static const char* words[] = {"mean",     "means",    "stand",  "stands",  "signify", "signifies", "code",
                                "codes",    "letter",   "letters", "value",  "values",  "column",    "field",
                                "different", "abbreviation", "abbreviations", "short", "flag", "flags",
                                "list",     "log",      "sheet",  "register", "table",  "records",   "book",
                                "exactly",  "again",    "ones",   "system",  "here"};
  return is_stopword(w) || std::any_of(std::begin(words), std::end(words), [&](const char* f) { return w == f; });
}

// A word of the question names a word of a name: the same word, or the
// name's short form of it ("sts" of "status", "cust" of "customer").
bool names(const token& said, const std::string& name_word) {
  if (said.stem == stem(name_word))
    return true;
  for (auto& full : lexicon_words::spelled_out({name_word}))
    if (stem(full) == said.stem)
      return true;
  return name_word.size() >= 3 && short_form_of(name_word, said.text);
}

bool names_any(const token& said, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return names(said, w); });
}

// A code the column keeps or its description explains, said in the
// question ("a grade of P").
bool says_a_code(const token& said, const column_info& c) {
  if (said.text.size() > 4)
    return false;
  auto same = [&](const std::string& code) {
    if (code.size() != said.text.size())
      return false;
    for (size_t i = 0; i < code.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(code[i])) != said.text[i])
        return false;
    return true;
  };
  for (auto& [code, meaning] : value_legend(c.comment))
    if (same(code))
      return true;
  return std::any_of(c.values.begin(), c.values.end(), same);
}

} // namespace

std::optional<sql_plan> answer_code_meanings(const indexed_model& model, const std::vector<token>& tokens) {
  if (!asks_meaning(tokens))
    return std::nullopt;
  struct candidate {
    const table_info* table;
    const column_info* column;
    const table_info* codes;
    int score;
  };
  std::vector<candidate> found;
  for (auto& t : model.tables) {
    auto table_words = split_words(t.name);
    for (auto& c : t.columns) {
      // Only a column that says what its codes are, or points at a table
      // that does.
      const table_info* codes = nullptr;
      for (auto& rel : model.relationships)
        if (rel.from_table == t.name && rel.from_columns.size() == 1 && rel.from_columns[0] == c.name)
          codes = model.find_table(rel.to_table);
      // (Not a measure or a date: "intraocular pressure, mmHg" says what a
      // number is, not what codes stand for.)
      if ((c.comment.empty() && !codes) || c.role == column_role::numeric || c.role == column_role::time)
        continue;
      auto column_words = split_words(c.name);
      int by_column = 0, by_table = 0, by_code = 0, unexplained = 0;
      for (auto& said : tokens) {
        if (said.quoted)
          continue;
        if (says_a_code(said, c))
          ++by_code;
        else if (framing(said.text))
          continue;
        else if (names_any(said, column_words))
          ++by_column;
        else if (names_any(said, table_words))
          ++by_table;
        else
          ++unexplained;
      }
      // Every word is the column's, its table's, or one of its codes; and
      // the column itself is named, by a word or a code.
      if (unexplained > 0 || (by_column == 0 && by_code == 0))
        continue;
      found.push_back({&t, &c, c.comment.empty() ? codes : nullptr, 2 * by_column + by_table + 2 * by_code});
    }
  }
  if (found.empty())
    return std::nullopt;
  std::sort(found.begin(), found.end(), [](const candidate& a, const candidate& b) { return a.score > b.score; });
  if (found.size() > 1 && found[1].score == found[0].score)
    return std::nullopt; // two columns said alike: not guessed
  return schema_answers::code_meanings(model, *found[0].table, *found[0].column, found[0].codes);
}

} // namespace medha::sqlgen
