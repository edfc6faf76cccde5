// What an adjective ranks by when no column was named: "the cheapest
// products" by their price, "the tallest towers" by their height; asked
// about when there are several such columns or none.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

void reader::find_superlative_column() {
  // "the cheapest products": the entity's price column.
  // Of several prices, what the rows cost the business ("cost_price") is not
  // what they are priced at; two prices still left ("retail", "trade") are
  // asked about, not picked by the order of the columns.
  if (superlative && superlative->text == "price" && !superlative_column && !r.entity.empty())
    if (auto* t = table_of(model, r.entity)) {
      auto named = [&](const column_info& c, const char* word) {
        auto ws = split_words(c.name);
        return std::any_of(ws.begin(), ws.end(), [&](const std::string& w) { return w.find(word) != w.npos; });
      };
      for (auto* word : {"price", "cost", "amount"}) {
        std::vector<const column_info*> found;
        for (auto& c : t->columns)
          if (c.role == column_role::numeric && !c.primary_key && named(c, word))
            found.push_back(&c);
        if (found.size() > 1 && std::string(word) == "price")
          found.erase(std::remove_if(found.begin(), found.end(),
                                     [&](const column_info* c) { return named(*c, "cost"); }),
                      found.end());
        if (found.size() > 1) {
          auto plain = std::find_if(found.begin(), found.end(),
                                    [&](const column_info* c) { return c->name == word; });
          if (plain == found.end()) {
            r.unresolved.push_back("which " + std::string(word) + " ranks the " + entity_words(r.entity) + " ("
                                   + column_words(found[0]->name) + " or " + column_words(found[1]->name) + ")");
            break;
          }
          found = {*plain};
        }
        if (found.size() == 1) {
          superlative_column = column_ref{t->name, found[0]->name};
          break;
        }
      }
    }
  // "the tallest towers": the entity's height; "which one is the tallest?"
  // after a listing: the height of the rows listed.
  auto ranked_rows = !r.entity.empty() ? r.entity
                     : r.measures.empty() && r.selected.empty() && !context_tables.empty()
                       ? context_tables.back() : std::string();
  if (superlative && !superlative->values.empty() && !superlative_column && !ranked_rows.empty()) {
    for (auto& noun : superlative->values)
      if (!superlative_column)
        superlative_column = dimension_column(ranked_rows, noun);
    if (superlative_column && r.entity.empty()) {
      r.entity = ranked_rows; // the rows shown before, ranked: a follow-up keeps their conditions
      r.listing = true;
      r.implicit_entity = true;
      r.refers_back = true;
    }
  }
  // "the longest names" with no length to rank by: asked, not guessed.
  if (superlative && !superlative->values.empty() && !superlative_column)
    r.unresolved.push_back(tokens[superlative->end - 1].text);
}

} // namespace medha::sqlgen::detail
