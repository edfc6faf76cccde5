// "revenue from workshops" where the word for money received links to the
// invoices (a table named for money received): the rows the question names
// keep money of their own, one price, and that is the money meant. The
// invoices are a second record of money; reading them would answer about
// rows the question did not name. Not when the money's rows belong to the
// rows named: the revenue of products is their order lines', not their
// list prices.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

namespace {

// The one column of `t` that keeps what its rows cost or brought in; not a
// rate ("rate_per_hour") and not a key.
const column_info* own_money(const table_info& t) {
  const column_info* found = nullptr;
  for (auto& c : t.columns) {
    if (c.role != column_role::numeric || c.primary_key)
      continue;
    auto words = split_words(c.name);
    if (std::count(words.begin(), words.end(), "per"))
      continue;
    bool money = names_money(c.name) || std::any_of(words.begin(), words.end(), [](const std::string& w) {
                   return w == "price" || w == "fee" || w == "charge" || w == "fare";
                 });
    if (!money)
      continue;
    if (found)
      return nullptr;
    found = &c;
  }
  return found;
}

} // namespace

bool reader::money_of_rows_named(const std::string& table) {
  if (r.measures.size() != 1 || !r.measures[0].metric.empty() || r.measures[0].column.column.empty()
      || r.measures[0].column.table == table
      || (r.measures[0].agg != aggregate::sum && r.measures[0].agg != aggregate::avg))
    return false;
  auto& m = r.measures[0];
  // "revenue by product", "sales of each customer": rows the money belongs
  // to, grouped; their list prices are no revenue.
  if (in_group || belongs_to(model, m.column.table, table))
    return false;
  // Only a general word for money links there: a column named by its own
  // name ("invoice total") is what was asked.
  bool general = std::any_of(items.begin(), items.end(), [&](const item& it) {
    if (it.c || it.e.kind != element_kind::column || it.e.table != m.column.table || it.e.column != m.column.column)
      return false;
    auto& w = tokens[it.begin];
    return it.end == it.begin + 1 && !w.quoted
           && (w.text == "revenue" || w.text == "sales" || w.text == "income" || w.text == "turnover");
  });
  auto* t = table_of(model, table);
  auto* own = t && general ? own_money(*t) : nullptr;
  if (!own)
    return false;
  m.column = {table, own->name};
  return true;
}

} // namespace medha::sqlgen::detail
