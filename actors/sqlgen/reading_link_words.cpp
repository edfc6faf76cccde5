// "How many classes are taught in each term": a course reaches its
// terms through its timetable and through its pupils' records alike. The
// verb says which: "taught" is the rows of the timetable. Tables the
// question's inflected words name are kept as waypoints (a via entry with no
// column); the join graph uses them only to break a tie between paths.
// So does "by" before a value of the rows named ("arrived by fax"): how
// they came about, not a group of another table's column.
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

// "requests that arrived by fax" where requests keep a channel 'fax' and
// shops a fax number: after "by", a value of rows the other words
// name says how they came about; grouping them by another table's column
// of that name was not said of them.
std::optional<element> reader::value_said_after_by(const mention& m, const std::vector<mention>& all) {
  if (m.begin == 0 || tokens[m.begin - 1].quoted || tokens[m.begin - 1].text != "by")
    return std::nullopt;
  auto others = known_tables(all, &m);
  auto known = [&](const element& c) { return std::find(others.begin(), others.end(), c.table) != others.end(); };
  std::optional<element> value;
  for (auto& c : m.candidates) {
    bool own_value = c.kind == element_kind::value && known(c);
    bool other_column = c.kind == element_kind::column && !known(c);
    if ((!own_value && !other_column) || (own_value && value))
      return std::nullopt;
    if (own_value)
      value = c;
  }
  return value;
}

} // namespace medha::sqlgen::detail
