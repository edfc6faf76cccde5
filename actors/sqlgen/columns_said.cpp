// A column the question named must be in the answer's query: shown,
// measured, grouped, sorted or a condition. One that was linked and then
// left out means the answer is to another question ("how many clients were
// recommended" answered with every client), so the engine asks instead.
#include "actors/sqlgen/columns_said.hpp"

#include <algorithm>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/reading.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

namespace {

struct uses {
  std::vector<column_ref> columns;
  std::string sql; // metric expressions and rules, searched for a column's name

  void add(const column_ref& c) {
    if (!c.column.empty())
      columns.push_back(c);
  }
  void add(const filter& f) {
    add(f.column);
    add(f.other);
    sql += " " + f.sql;
    for (auto& v : f.values) // (a window's other date is named among its values)
      sql += " " + v;
    for (auto& g : f.within)
      add(g);
  }
  void add(const indexed_model& model, const measure& m) {
    add(m.column);
    add(m.per);
    if (auto* x = m.metric.empty() ? nullptr : find_metric(model, m.metric))
      sql += " " + x->expression;
    for (auto& f : m.condition)
      add(f);
    for (auto& o : m.over)
      add(model, o);
  }
};

bool is_key(const indexed_model& model, const column_ref& c) {
  if (auto* t = table_of(model, c.table))
    if (auto* pk = primary_key(*t); pk && pk->name == c.column)
      return true;
  // (Not a link of a table to itself: "referred_by", "line manager" name
  // a condition or a person, not a table to join.)
  return std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& rel) {
    return rel.from_table != rel.to_table
           && ((rel.from_table == c.table
                && std::find(rel.from_columns.begin(), rel.from_columns.end(), c.column) != rel.from_columns.end())
               || (rel.to_table == c.table
                   && std::find(rel.to_columns.begin(), rel.to_columns.end(), c.column) != rel.to_columns.end()));
  });
}

} // namespace

std::vector<std::string> columns_left_out(const indexed_model& model, const reading& r, const query& q) {
  uses u;
  for (auto& m : q.measures)
    u.add(model, m);
  for (auto& d : q.dimensions)
    u.add(d.column);
  for (auto& c : q.selected)
    u.add(c);
  for (auto& f : q.filters)
    u.add(f);
  for (auto& o : q.order)
    u.add(o.column);
  for (auto& c : q.via)
    u.add(c);
  // The tables the query reads, and the words of the columns it uses.
  std::vector<std::string> tables{q.entity};
  std::vector<std::string> used_words;
  for (auto& c : u.columns) {
    tables.push_back(c.table);
    for (auto& w : split_words(c.column))
      used_words.push_back(stem(w));
  }
  for (auto& m : q.measures)
    tables.push_back(m.column.table);
  bool money_measured = std::any_of(q.measures.begin(), q.measures.end(), [&](const measure& m) {
    return !m.metric.empty() || (!m.column.column.empty() && role_of(model, m.column) == column_role::numeric);
  });
  std::vector<std::string> out;
  for (auto& [words, c] : r.columns_said) {
    if (is_key(model, c))
      continue;
    // "how many elements" for the rows labelled by Element, "the region
    // name" beside the region: a table's label names its rows.
    auto* t = table_of(model, c.table);
    auto* label = t ? label_column(*t) : nullptr;
    if (label && label->name == c.column
        && std::find(tables.begin(), tables.end(), c.table) != tables.end())
      continue;
    // "dogs registered with us", "freight we shipped": a day said by one
    // word (a verb, "date") says an event happened or names a period,
    // which the period's own words settle.
    bool one_word = words.find(' ') == std::string::npos;
    if (role_of(model, c) == column_role::time && one_word)
      continue;
    // "total revenue from workshops": a money word, where money is added up.
    static const char* money[] = {"revenue", "sales", "income", "takings", "turnover", "money", "cost", "costs",
                                  "price", "prices", "amount", "charges", "fees", "spend", "spent"};
    bool money_word = one_word && std::any_of(std::begin(money), std::end(money), [&](const char* w) { return words == w; });
    if (money_word && money_measured)
      continue;
    // "how many notes" of item_notes, where items keep notes: a word that
    // names rows the query reads.
    bool names_rows = one_word && std::any_of(tables.begin(), tables.end(), [&](const std::string& t) {
      auto table_words = split_words(t);
      return std::any_of(table_words.begin(), table_words.end(),
                         [&](const std::string& w) { return stem(w) == stem(words); });
    });
    if (names_rows)
      continue;
    // "haven't been paid" read as paid_dt unset, though the word also
    // linked amount_paid: said by a column the query uses.
    auto said = tokenize(words);
    if (!said.empty() && std::all_of(said.begin(), said.end(), [&](const token& w) {
          return std::find(used_words.begin(), used_words.end(), w.stem) != used_words.end();
        }))
      continue;
    // Rows shown with every column show this one too.
    if (q.kind == query_kind::listing && c.table == q.entity && q.all_columns)
      continue;
    bool used = std::find(u.columns.begin(), u.columns.end(), c) != u.columns.end()
                || u.sql.find(c.column) != std::string::npos;
    if (!used && std::find(out.begin(), out.end(), words) == out.end())
      out.push_back(words);
  }
  return out;
}

} // namespace medha::sqlgen
