// "annual budget" naming a column annual_budget: the adjective is part of
// the name, not a yearly breakdown. The positions of such adjectives, to
// shield from the periods while those are read.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/time_phrases.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

std::vector<size_t> reader::period_adjectives_of_names(const lexicon& lex) {
  std::vector<size_t> shielded;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (taken[i] || taken[i + 1] || tokens[i].quoted || !period_adverb(tokens[i].text))
      continue;
    // "week by week", "year on year": a breakdown, said twice.
    auto& next = tokens[i + 1].text;
    if ((next == "by" || next == "on" || next == "over") && i + 2 < tokens.size()
        && tokens[i + 2].text == tokens[i].text)
      continue;
    auto& named = lex.lookup(tokens[i].stem + " " + tokens[i + 1].stem);
    // "monthly rent", "annual fee": an amount that falls due each period,
    // not a breakdown by period.
    static const char* amounts[] = {"rent", "fee", "fees", "rate", "wage", "salary", "price", "charge",
                                    "premium", "payment", "subscription", "allowance"};
    bool amount = std::any_of(std::begin(amounts), std::end(amounts), [&](const char* a) { return tokens[i + 1].text == a; });
    // "annual value" where a column is named annual_price: the same amount.
    static const char* worth[] = {"value", "cost", "amount", "worth", "spend"};
    bool named_for_it = std::any_of(std::begin(worth), std::end(worth), [&](const char* a) { return tokens[i + 1].text == a; })
                        && std::any_of(model.tables.begin(), model.tables.end(), [&](const table_info& t) {
                             return std::any_of(t.columns.begin(), t.columns.end(), [&](const column_info& c) {
                               auto words = split_words(c.name);
                               return c.role == column_role::numeric
                                      && std::find(words.begin(), words.end(), tokens[i].text) != words.end();
                             });
                           });
    // "the quarterly contracts" where 'Quarterly' is how often a contract
    // is served: the value, not a breakdown by quarter.
    auto& alone = lex.lookup(tokens[i].stem);
    bool a_value = std::any_of(alone.begin(), alone.end(), [](const lexicon_entry& e) {
      return e.target.kind == element_kind::value && e.weight >= 0.9;
    });
    if (amount || named_for_it || a_value || std::any_of(named.begin(), named.end(), [](const lexicon_entry& e) {
          return e.target.kind == element_kind::column && e.weight >= 0.9;
        }))
      shielded.push_back(i);
  }
  return shielded;
}

} // namespace medha::sqlgen::detail
