// "name the depots and where each one sits", "where is it based?":
// "where" asks for the place a row keeps, as a column shown beside the
// rows. The words that say it ("where", "located", "based") are filler
// elsewhere ("customers located in Oslo"), so without this the question
// would be answered without the place. The place is the one column of the
// rows named for a place; with none, or several (a city and a country),
// the question is asked back.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

void reader::read_where_they_are() {
  // "where" then, within a few words, a pronoun or the rows and a verb of
  // being somewhere; not "where the city is Oslo" (a condition).
  size_t at = tokens.size();
  for (size_t i = 0; i < tokens.size(); ++i)
    if (!tokens[i].quoted && tokens[i].text == "where") {
      at = i;
      break;
    }
  if (at == tokens.size())
    return;
  bool located = false;
  for (size_t j = at + 1; j < tokens.size() && j <= at + 4; ++j) {
    auto& w = tokens[j].text;
    if (w == "located" || w == "based" || w == "situated" || w == "live" || w == "lives" || w == "from")
      located = true;
    if (w == "=" || is_number(w) || tokens[j].quoted)
      return;
  }
  bool asked_first = at == 0 && at + 1 < tokens.size()
                     && (tokens[at + 1].text == "is" || tokens[at + 1].text == "are" || tokens[at + 1].text == "do"
                         || tokens[at + 1].text == "does");
  if (!located && !asked_first)
    return;
  // Conditions on a place already said ("where in Oslo") leave nothing to show.
  auto rows = !r.entity.empty() ? r.entity : !context_tables.empty() ? context_tables.back() : std::string();
  auto* t = table_of(model, rows);
  if (!t || !r.measures.empty())
    return;
  static const char* place_words[] = {"location", "city", "town", "address", "country", "place", "site",
                                      "region", "state", "office"};
  std::vector<column_ref> places;
  for (auto& c : t->columns) {
    if (c.role == column_role::identifier || c.role == column_role::numeric || c.role == column_role::time)
      continue;
    auto words = split_words(c.name);
    if (std::any_of(words.begin(), words.end(), [](const std::string& w) {
          return std::any_of(std::begin(place_words), std::end(place_words), [&](const char* p) { return w == p; });
        }))
      places.push_back({rows, c.name});
  }
  taken[at] = true;
  if (places.size() != 1) {
    r.unresolved.push_back("where the " + column_words(rows) + " are");
    return;
  }
  if (std::find(r.selected.begin(), r.selected.end(), places.front()) == r.selected.end())
    r.selected.push_back(places.front());
  r.listing = true;
  r.with_columns = true;
}

} // namespace medha::sqlgen::detail
