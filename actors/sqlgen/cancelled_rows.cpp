// What is left out of a total by default: rows their business has cancelled.
// Counting them is still counting ("how many orders" has its cancelled ones);
// adding up their money is not what any total of sales, spend or hire means.
#include "actors/sqlgen/cancelled_rows.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler.hpp"

namespace medha::sqlgen {

namespace {

bool cancelled(const std::string& value) {
  std::string v;
  for (char ch : value)
    v += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return v.rfind("cancel", 0) == 0 || v == "void" || v == "voided";
}

// The state column of `table` that keeps a cancelled state, and those values.
std::optional<std::pair<column_ref, std::vector<std::string>>> cancel_state(const indexed_model& model,
                                                                            const std::string& table) {
  auto* t = model.find_table(table);
  if (!t)
    return std::nullopt;
  for (auto& c : t->columns) {
    if (c.role != column_role::categorical)
      continue;
    std::vector<std::string> found;
    for (auto& v : c.values)
      if (cancelled(v))
        found.push_back(v);
    if (!found.empty() && found.size() < c.values.size())
      return std::make_pair(column_ref{table, c.name}, found);
  }
  return std::nullopt;
}

} // namespace

query without_cancelled_rows(const indexed_model& model, query q) {
  if (q.kind != query_kind::aggregate)
    return q;
  // A total of what was sold, paid or hired; an average only of money (a
  // cancelled parcel still weighed what it weighed).
  bool adds_up = std::any_of(q.measures.begin(), q.measures.end(), [](const measure& m) {
    bool money = names_money(m.column.column) || m.column.column.find("price") != std::string::npos
                 || m.column.column.find("cost") != std::string::npos || m.column.column.find("fee") != std::string::npos
                 || m.column.column.find("value") != std::string::npos;
    return (m.agg == aggregate::sum || (m.agg == aggregate::avg && money)) && m.metric.empty()
           && !m.column.column.empty() && m.condition.empty();
  });
  if (!adds_up || q.measures.size() != 1)
    return q;
  auto& m = q.measures.front();
  // The rows summed, else the one row each belongs to (an order of its lines).
  std::vector<std::string> tables{m.column.table};
  for (auto& rel : model.relationships)
    if (rel.from_table == m.column.table)
      tables.push_back(rel.to_table);
  for (auto& table : tables) {
    auto state = cancel_state(model, table);
    if (!state)
      continue;
    // Said of that state already ("the cancelled orders' value"): as said.
    bool said = std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
      return f.column == state->first;
    });
    bool grouped = std::any_of(q.dimensions.begin(), q.dimensions.end(), [&](const dimension& d) {
      return d.column == state->first;
    });
    if (said || grouped)
      return q;
    filter f;
    f.op = state->second.size() == 1 ? filter_op::neq : filter_op::not_in;
    f.column = state->first;
    f.values = state->second;
    q.filters.push_back(f);
    return q;
  }
  return q;
}

} // namespace medha::sqlgen
