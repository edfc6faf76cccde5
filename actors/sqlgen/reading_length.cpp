// "sorted by how long the band name is": a text column ordered by how
// many characters it has, not alphabetically. Only when "length" names no
// column of its own (a river's length is a number already).
#include "actors/sqlgen/reader.hpp"

#include "actors/sqlgen/model_view.hpp"

namespace medha::sqlgen::detail {

void reader::read_length_order() {
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    auto& w = tokens[i].text;
    if (tokens[i].quoted || taken[i] || (w != "length" && w != "lengths") || tokens[i + 1].text != "of")
      continue;
    bool linked = false;
    for (auto& it : items)
      linked = linked || (it.begin <= i && i < it.end);
    if (linked)
      continue;
    // The text column named right after "of" ("the band name"), that the
    // reading orders by.
    for (auto& it : items) {
      if (it.c || it.begin < i + 2 || it.begin > i + 4 || it.e.kind != element_kind::column)
        continue;
      column_ref c{it.e.table, it.e.column};
      auto role = role_of(model, c);
      if (role != column_role::text && role != column_role::categorical)
        continue;
      for (auto& o : r.order)
        if (o.measure < 0 && o.column == c) {
          o.by_length = true;
          // "shortest first": the first word said is where it starts.
          for (auto& t : tokens)
            if (t.text == "shortest" || t.text == "longest") {
              o.descending = t.text == "longest";
              break;
            }
          taken[i] = true;
          return;
        }
    }
  }
}

} // namespace medha::sqlgen::detail
