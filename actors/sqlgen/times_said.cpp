// How often something was done, said with the verb ("ordered more than
// twice", "visited at least 3 times"): the number of rows of the table that
// records the doing, which the reader compares already when said as a noun
// ("more than 2 orders"). Only where the verb names exactly one table.
#include "actors/sqlgen/times_said.hpp"

#include <string>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/sql_text.hpp"

namespace medha::sqlgen {

namespace {

// 1 for "once", 2 for "twice", N for "N times"; the words it took.
std::pair<int, size_t> how_often(const std::vector<token>& t, size_t i) {
  if (i >= t.size() || t[i].quoted)
    return {0, 0};
  if (t[i].text == "once")
    return {1, 1};
  if (t[i].text == "twice")
    return {2, 1};
  if (t[i].text == "thrice")
    return {3, 1};
  if (i + 1 < t.size() && (t[i + 1].text == "times" || t[i + 1].text == "time") && is_number(t[i].text))
    return {std::stoi(t[i].text), 2};
  return {0, 0};
}

} // namespace

std::vector<token> say_times_as_rows(const lexicon& lex, std::vector<token> tokens) {
  for (size_t i = 1; i + 2 < tokens.size(); ++i) {
    auto& a = tokens[i].text;
    auto& b = tokens[i + 1].text;
    bool compared = ((a == "more" || a == "fewer" || a == "less") && b == "than") || (a == "at" && (b == "least" || b == "most"));
    if (!compared || tokens[i].quoted)
      continue;
    auto [n, len] = how_often(tokens, i + 2);
    if (n <= 0)
      continue;
    // The verb just before: one table it names.
    size_t verb = i - 1;
    std::string table;
    int tables = 0;
    for (auto& e : lex.lookup(tokens[verb].stem))
      if (e.target.kind == element_kind::table && e.weight >= 0.8 && e.target.table != table) {
        table = e.target.table;
        ++tables;
      }
    if (tables != 1 || tokens[verb].quoted)
      continue;
    bool had = verb > 0 && (tokens[verb - 1].text == "have" || tokens[verb - 1].text == "has" || tokens[verb - 1].text == "had");
    std::vector<token> said;
    if (!had)
      said.push_back({"have", stem("have")});
    said.push_back(tokens[i]);
    said.push_back(tokens[i + 1]);
    said.push_back({std::to_string(n), std::to_string(n)});
    for (auto& w : tokenize(table))
      said.push_back(w);
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(verb),
                 tokens.begin() + static_cast<std::ptrdiff_t>(i + 2 + len));
    tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(verb), said.begin(), said.end());
    break;
  }
  return tokens;
}

} // namespace medha::sqlgen
