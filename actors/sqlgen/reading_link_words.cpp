// "How many courses are offered in each semester": a course reaches its
// semesters through offerings and through its students' records alike. The
// verb says which: "offered" is the rows of course_offering. Tables the
// question's inflected words name are kept as waypoints (a via entry with no
// column); the join graph uses them only to break a tie between paths.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

void reader::name_link_tables() {
  for (auto& t : tokens) {
    // An inflected word ("offered", "enrolled"), not a value or a short word.
    if (t.quoted || t.stem.size() < 4 || t.text == t.stem)
      continue;
    for (auto& table : model.tables) {
      // The table's head word ("offering" of course_offering): its other
      // words ("course") name another table, not this one's rows.
      auto words = split_words(table.name);
      bool named = !words.empty() && stem(words.back()) == t.stem;
      bool known = std::any_of(r.via.begin(), r.via.end(), [&](const column_ref& c) {
        return c.table == table.name && c.column.empty();
      });
      if (named && !known)
        r.via.push_back({table.name, ""});
    }
  }
}

} // namespace medha::sqlgen::detail
