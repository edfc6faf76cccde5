// A table that references itself through a key named for the relation
// ("reports_to", "manager_id"): people said before "report(s) to" are the
// ones reporting, people said after it are the ones reported to. "Who
// reports to Mona?" keeps the rows whose key points at Mona; "who does Bert
// report to?" keeps the row Bert's key points at. Read this way only when
// exactly one such key exists, so the direction is the only choice made.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

void reader::read_reports() {
  // "report to", "reports to", "reporting to", "reported to".
  size_t verb = tokens.size();
  for (size_t i = 0; i + 1 < tokens.size(); ++i)
    if (!tokens[i].quoted && stem(tokens[i].text) == stem("report") && tokens[i + 1].text == "to") {
      verb = i;
      break;
    }
  if (verb == tokens.size())
    return;
  // The table whose rows are named; its one key to itself for the relation.
  std::string rows;
  for (auto& [fi, pos] : value_said)
    if (fi < r.filters.size())
      rows = rows.empty() || rows == r.filters[fi].column.table ? r.filters[fi].column.table : "?";
  if (rows.empty() || rows == "?")
    return;
  std::vector<std::string> keys;
  for (auto& rel : model.relationships)
    if (rel.from_table == rows && rel.to_table == rows && rel.from_columns.size() == 1) {
      auto words = split_words(rel.from_columns.front());
      if (std::any_of(words.begin(), words.end(), [](const std::string& w) {
            return w == "report" || w == "reports" || w == "manager" || w == "supervisor" || w == "boss";
          }))
        keys.push_back(rel.from_columns.front());
    }
  if (keys.size() != 1)
    return;
  std::vector<filter> before, after;
  std::vector<size_t> used;
  for (auto& [fi, pos] : value_said) {
    if (fi >= r.filters.size() || std::find(used.begin(), used.end(), fi) != used.end())
      continue;
    used.push_back(fi);
    (pos < verb ? before : after).push_back(r.filters[fi]);
  }
  if (before.empty() == after.empty())
    return; // both sides named, or neither: not this reading
  filter f;
  f.column = {rows, keys.front()};
  f.related_table = rows;
  f.op = after.empty() ? filter_op::referenced_by : filter_op::through_key;
  f.within = after.empty() ? before : after;
  for (auto fi : used)
    dropped_filters.push_back(fi);
  r.filters.push_back(f);
  if (r.measures.empty()) { // "who reports to …": the people themselves
    r.entity = rows;
    r.listing = true;
  }
  taken[verb] = taken[verb + 1] = true;
}

} // namespace medha::sqlgen::detail
