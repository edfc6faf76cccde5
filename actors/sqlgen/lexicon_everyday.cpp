// Everyday words for what a business records, said the way people say them:
// money taken in, given and spent, named by the verb ("revenue", "raised",
// "spent"), and the verbs of buying. Each names the table whose rows record
// it, when the model has such a table and no metric of its own for it.
#include <algorithm>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

using namespace lexicon_words;

void lexicon::add_everyday_words(const semantic_model& model) {
  // Money taken in, in a database with no metric for it: "revenue", "sales",
  // "spent", "money" name the amount of the table that records payments, when
  // exactly one table does (several: each is a candidate, and asked).
  for (auto& [table, column] : money_received(model))
    for (auto& w : money_taken_in_words())
      add({w}, {element_kind::column, table, column, "", ""}, 0.8);
  // The nouns of takings name as well the amounts of orders or sales that
  // keep several (net and gross) beside such a table: "sales" between them
  // is asked. (The verbs, "paid" and "spent", stay with the one amount.)
  auto single = money_received(model);
  for (auto& [table, column] : money_received(model, true))
    if (std::find(single.begin(), single.end(), std::make_pair(table, column)) == single.end())
      for (auto* w : {"revenue", "sales", "income", "turnover", "money"})
        add({w}, {element_kind::column, table, column, "", ""}, 0.8);
  // Money given ("raised", "donated") is what gifts record; money spent by
  // the business itself is what its expenses record. Where both a payments
  // table and an expenses table exist, "spent" is each, and asked. ("money"
  // alone is what comes in: "how much money was there" is no sum of costs.)
  for (auto& [table, column] : money_of(model, {"donation", "gift", "contribution", "pledge"}))
    for (auto* w : {"raised", "raise", "donated", "given", "gave", "contributed"})
      add({w}, {element_kind::column, table, column, "", ""}, 0.8);
  for (auto& [table, column] : money_of(model, {"expense", "cost", "expenditure", "spending"}))
    for (auto* w : {"spent", "spend", "expenditure"})
      add({w}, {element_kind::column, table, column, "", ""}, 0.8);
  // "customers who bought something": English verbs of buying name the table
  // that keeps purchases (or orders), when the model has one and no own use
  // for the verb.
  for (auto* noun : {"purchase", "order"}) {
    std::vector<element> kept;
    for (auto& e : lookup(stem(noun)))
      if (e.target.kind == element_kind::table && e.weight >= 0.95)
        kept.push_back(e.target);
    if (kept.size() != 1)
      continue;
    for (auto* verb : {"buy", "buys", "bought", "buying"}) {
      auto& own = lookup(stem(verb)); // a comment's loose word does not count
      if (std::none_of(own.begin(), own.end(), [](const lexicon_entry& e) { return e.weight >= 0.6; }))
        add({verb}, kept.front(), 0.9, true);
    }
    break;
  }
}

} // namespace medha::sqlgen
