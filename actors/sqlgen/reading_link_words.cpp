// "How many classes are taught in each term": a course reaches its
// terms through its timetable and through its pupils' records alike. The
// verb says which: "taught" is the rows of the timetable. Tables the
// question's inflected words name are kept as waypoints (a via entry with no
// column); the join graph uses them only to break a tie between paths.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_index.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

void reader::name_link_tables() {
  // The table's head word ("offering" of course_offering) names its rows; its
  // other words ("course") name another table. Looked up in the model's
  // index: a catalog has too many tables to split every name per question.
  auto headed_by = [&](const std::string& word) {
    std::vector<const table_info*> out;
    for (auto i : model.index.tables_headed_by(word))
      if (i < model.tables.size())
        out.push_back(&model.tables[i]);
    return out;
  };
  for (auto& t : tokens) {
    // An inflected word ("offered", "enrolled"), not a value or a short word.
    if (t.quoted || t.stem.size() < 4 || t.text == t.stem)
      continue;
    for (auto* table : headed_by(t.stem)) {
      bool known = std::any_of(r.via.begin(), r.via.end(), [&](const column_ref& c) {
        return c.table == table->name && c.column.empty();
      });
      if (!known)
        r.via.push_back({table->name, ""});
    }
  }
}

} // namespace medha::sqlgen::detail
