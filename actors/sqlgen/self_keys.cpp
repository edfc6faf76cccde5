// "Who is the manager of the Leeds office?", "who manages Omar?": a relation
// between rows of one table, kept in a key of that table (manager_id). Read
// through the key where the reader knows how (reading_reports.cpp,
// reading_key_verbs.cpp); anywhere else the word is dropped by no rule, so it
// is asked about.
#include "actors/sqlgen/self_keys.hpp"

#include <algorithm>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/lexicon.hpp"

namespace medha::sqlgen {

namespace {

bool uses(const filter& f, const column_ref& key) {
  if (f.column == key || f.other == key)
    return true;
  return std::any_of(f.within.begin(), f.within.end(), [&](const filter& w) { return uses(w, key); });
}

bool uses(const query& q, const column_ref& key) {
  auto in_filters = [&](const std::vector<filter>& fs) {
    return std::any_of(fs.begin(), fs.end(), [&](const filter& f) { return uses(f, key); });
  };
  if (in_filters(q.filters))
    return true;
  if (std::find(q.selected.begin(), q.selected.end(), key) != q.selected.end())
    return true;
  if (std::any_of(q.dimensions.begin(), q.dimensions.end(), [&](const dimension& d) { return d.column == key; }))
    return true;
  return std::any_of(q.measures.begin(), q.measures.end(), [&](const measure& m) {
    return m.column == key || in_filters(m.condition);
  });
}

bool about(const query& q, const std::string& table) {
  if (q.entity == table)
    return true;
  for (auto& c : q.selected)
    if (c.table == table)
      return true;
  for (auto& m : q.measures)
    if (m.column.table == table)
      return true;
  for (auto& d : q.dimensions)
    if (d.column.table == table)
      return true;
  return std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) { return f.column.table == table; });
}

} // namespace

std::string self_key_left_out(const indexed_model& model, const std::vector<token>& tokens, const query& q) {
  std::vector<column_ref> keys;
  for (auto& rel : model.relationships)
    if (rel.from_table == rel.to_table && rel.from_columns.size() == 1)
      keys.push_back({rel.from_table, rel.from_columns.front()});
  if (keys.empty())
    return {};
  auto& lex = model.index.names();
  for (auto& t : tokens) {
    if (t.quoted || is_stopword(t.text))
      continue;
    // The word read as something else it names ("managers" as a job title,
    // "manages" as another table's key): read.
    bool self = false, read = false;
    for (auto& e : lex.lookup(t.stem)) {
      if (e.weight < 0.8 || e.target.kind == element_kind::table || e.target.kind == element_kind::metric)
        continue;
      column_ref named{e.target.table, e.target.column};
      bool own = std::find(keys.begin(), keys.end(), named) != keys.end();
      self = self || own;
      // Another table's key ("managed_by" of the properties counted) links
      // the rows the query is about: read by the join.
      read = read || uses(q, named) || (!own && about(q, named.table));
    }
    if (self && !read)
      return t.text;
  }
  return {};
}

} // namespace medha::sqlgen
