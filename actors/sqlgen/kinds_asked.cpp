// Kinds of rows, asked for or counted (kinds_asked.hpp).
#include "actors/sqlgen/kinds_asked.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "actors/sqlgen/clarify_replies.hpp"
#include "actors/sqlgen/follow_up.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "actors/sqlgen/reader.hpp"

namespace medha::sqlgen {

namespace {

// Whether a listing shows nothing but its rows' keys: no name, no kind.
bool shows_only_keys(const indexed_model& model, const query& q) {
  std::vector<column_ref> shown = q.selected;
  for (auto& d : q.dimensions)
    shown.push_back(d.column);
  if (shown.empty() && !q.entity.empty() && !q.all_columns)
    shown.push_back(detail::label_of(model, q.entity));
  return !shown.empty() && std::all_of(shown.begin(), shown.end(), [&](const column_ref& c) {
    auto* t = table_of(model, c.table);
    auto* col = t ? t->find_column(c.column) : nullptr;
    return col && (col->primary_key || col->role == column_role::identifier);
  });
}

// A table of kinds: a few columns, its rows referenced by others' keys
// (payment methods, service types).
bool table_of_kinds(const indexed_model& model, const table_info& t) {
  return t.columns.size() <= 4 && !is_table_of_people(t) && std::any_of(model.relationships.begin(), model.relationships.end(),
                                              [&](const relationship& rel) { return rel.to_table == t.name; });
}

} // namespace

std::optional<sql_plan> ask_which_kind(const indexed_model& model, const reading& r, const query& q) {
  auto word = [&](size_t i) { return i < r.tokens.size() && !r.tokens[i].quoted ? r.tokens[i].text : std::string(); };
  bool kinds_asked = false;
  for (size_t i = 0; i + 1 < r.tokens.size(); ++i) {
    auto w = word(i);
    kinds_asked = kinds_asked
                  || ((w == "kind" || w == "kinds" || w == "type" || w == "types" || w == "sort" || w == "sorts")
                      && word(i + 1) == "of");
  }
  // A kind is a category, never a row's own number.
  if (kinds_asked && q.kind == query_kind::listing && shows_only_keys(model, q))
    return clarify(understood_prefix(model, q) + "not which kind you asked for: could you name it?", {}, to_json(q),
                   0.2);
  // "what sizes do they come in and how many of each?" answered with the
  // sizes alone: a list of rows never says how many.
  bool how_many = false;
  for (size_t i = 0; i + 1 < r.tokens.size(); ++i)
    how_many = how_many || (word(i) == "how" && word(i + 1) == "many");
  if (how_many && q.kind == query_kind::listing)
    return clarify(understood_prefix(model, q) + "not what to count: could you name it?", {}, to_json(q), 0.2);
  // "how many card payments": the payments of that kind are counted, not the
  // one row of the table of kinds whose name is Card.
  if (counts_rows(q) && q.measures.size() == 1) {
    auto* t = table_of(model, q.measures[0].column.table);
    auto* label = t ? label_column(*t) : nullptr;
    bool named = label && !label->primary_key && std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
                   return (f.op == filter_op::eq || f.op == filter_op::in)
                          && f.column == column_ref{t->name, label->name};
                 });
    if (named && table_of_kinds(model, *t))
      return clarify(understood_prefix(model, q) + "not which rows of that " + entity_words(t->name)
                       + " to count: could you name them?",
                     {}, to_json(q), 0.2);
  }
  return std::nullopt;
}

} // namespace medha::sqlgen
