// A follow-up that names another value of the column the previous question
// filtered on: "and by staff?" after "notes written by buyers" asks the
// same of the notes staff wrote, even where "staff" also names a table. The parallel with the value just used is the stronger reading.
#include <algorithm>

#include "actors/sqlgen/follow_up.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

namespace {

// Whether the question's content words are exactly the words of `value`.
bool says_only(const std::vector<token>& tokens, const std::string& value) {
  std::vector<std::string> said, asked;
  for (auto& t : tokens)
    if (!is_stopword(t.text))
      said.push_back(t.stem);
  for (auto& w : tokenize(value))
    if (!is_stopword(w.text))
      asked.push_back(w.stem);
  return !said.empty() && said == asked;
}

} // namespace

std::optional<query> swaps_previous_value(const indexed_model& model, const query& previous,
                                          const reading& r) {
  if (!r.instead || !r.measures.empty() || !r.filters.empty() || r.show_rows)
    return std::nullopt;
  std::optional<query> out;
  for (size_t i = 0; i < previous.filters.size(); ++i) {
    auto& f = previous.filters[i];
    if (f.op != filter_op::eq || f.measure >= 0 || f.values.size() != 1 || f.numeric)
      continue;
    auto* t = table_of(model, f.column.table);
    auto* c = t ? t->find_column(f.column.column) : nullptr;
    if (!c)
      continue;
    for (auto* values : {&c->values, &c->lookup_values})
      for (auto& v : *values) {
        if (v == f.values[0] || !says_only(r.tokens, v))
          continue;
        if (out)
          return std::nullopt; // two columns could take the word: not this reading
        out = previous;
        out->filters[i].values = {v};
      }
  }
  return out;
}

// "and for Ben's accounts?" after a total of the accounts managed by Ada:
// the rows reached through the same key, from another person.
std::optional<query> swaps_value_through_key(const query& previous, const reading& r) {
  if (!r.instead || !r.measures.empty() || r.filters.empty() || !r.dimensions.empty() || r.show_rows)
    return std::nullopt;
  auto& named = r.filters.front().column.table;
  bool values_of_one_table = std::all_of(r.filters.begin(), r.filters.end(), [&](const filter& f) {
    return f.measure < 0 && f.op == filter_op::eq && !f.column.table.empty() && f.column.table == named;
  });
  if (!values_of_one_table)
    return std::nullopt;
  std::optional<query> out;
  for (size_t i = 0; i < previous.filters.size(); ++i) {
    auto& f = previous.filters[i];
    if (f.op != filter_op::through_key || f.related_table != named
        || !(r.entity.empty() || r.entity == f.column.table))
      continue;
    if (out)
      return std::nullopt; // two keys reach those people: which is meant is asked
    out = previous;
    out->filters[i].within = r.filters;
  }
  return out;
}

void widen_to_every_kind(const indexed_model& model, query& q, const reading& r) {
  if (r.refers_back || r.refers_to_shown || r.refers_to_person)
    return; // "and of those boats": the same rows
  for (auto& table : r.tables_said) {
    bool counted_or_listed = q.entity == table || std::any_of(q.measures.begin(), q.measures.end(), [&](const measure& m) {
                               return m.column.table == table;
                             });
    if (!counted_or_listed)
      continue;
    q.filters.erase(std::remove_if(q.filters.begin(), q.filters.end(), [&](const filter& f) {
                      bool said_now = std::any_of(r.filters.begin(), r.filters.end(), [&](const filter& g) {
                        return g.column == f.column;
                      });
                      return f.column.table == table && f.measure < 0 && !said_now
                             && (f.op == filter_op::eq || f.op == filter_op::in) && names_a_kind(f.column.column)
                             && role_of(model, f.column) == column_role::categorical;
                    }),
                    q.filters.end());
  }
}

} // namespace medha::sqlgen
