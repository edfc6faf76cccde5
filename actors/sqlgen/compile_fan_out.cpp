// Totals over joins that repeat rows. Joining a table to the rows that
// reference it (a client to their complaints) repeats each row before the
// join once per match, and a sum or an average over the repeated rows is a
// wrong number stated with confidence. Grouped by the repeated side ("sales
// per category" of films in several categories) each group still sees a row
// once, which is what such a breakdown means; used only to keep some rows
// ("bills of clients with a billing complaint") the condition is a question
// of existence, written as one; anything else is not compiled.
#include <algorithm>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::compiling {

namespace {

// The tables brought in by step `at` and by the steps hanging from it.
std::vector<std::string> repeated_side(const join_tree& tree, size_t at) {
  std::vector<std::string> side{tree.steps[at].to_table};
  for (bool grew = true; grew;) {
    grew = false;
    for (auto& s : tree.steps)
      if (std::find(side.begin(), side.end(), s.from_table) != side.end()
          && std::find(side.begin(), side.end(), s.to_table) == side.end()) {
        side.push_back(s.to_table);
        grew = true;
      }
  }
  return side;
}

// Whether the way from the root to step `at` first goes up to a row the
// root's rows share (a bill's client) before coming down again to that
// row's other rows (the client's complaints): two unrelated lists of one
// parent.
bool reached_through_a_parent(const indexed_model& model, const join_tree& tree, size_t at,
                              const std::string& root) {
  auto table = tree.steps[at].from_table;
  while (table != root) {
    auto it = std::find_if(tree.steps.begin(), tree.steps.end(),
                           [&](const join_step& s) { return s.to_table == table; });
    if (it == tree.steps.end())
      return false;
    if (!multiplies_rows(model, *it))
      return true;
    table = it->from_table;
  }
  return false;
}

bool on_side(const std::vector<std::string>& side, const std::string& table) {
  return std::find(side.begin(), side.end(), table) != side.end();
}

} // namespace

std::optional<size_t> repeating_step(const indexed_model& model, const query& q,
                                     const join_tree& tree, const std::vector<std::string>& summed) {
  auto root = tree.steps.empty() ? std::string() : tree.steps.front().from_table;
  for (size_t i = 0; i < tree.steps.size(); ++i) {
    if (!multiplies_rows(model, tree.steps[i]))
      continue;
    auto side = repeated_side(tree, i);
    // Rows on the repeated side are each there once (an order's lines
    // joined from the order): only the totals of rows before it repeat.
    if (std::all_of(summed.begin(), summed.end(), [&](const std::string& t) { return on_side(side, t); }))
      continue;
    bool grouped_there = std::any_of(q.dimensions.begin(), q.dimensions.end(),
                                     [&](const dimension& d) { return on_side(side, d.column.table); });
    if (!grouped_there)
      return i;
    // Groups reached through rows of their own (an order's lines, each
    // with its product's category): an order with two lines in one
    // category is summed twice there, and its whole total is put in every
    // category it touches. Grouped by those rows' own column (a business's
    // categories, one row each), or through a table that merely links (a
    // film's categories), each group holds a row once.
    auto* through = table_of(model, tree.steps[i].to_table);
    bool beyond = std::any_of(q.dimensions.begin(), q.dimensions.end(), [&](const dimension& d) {
      return on_side(side, d.column.table) && d.column.table != tree.steps[i].to_table;
    });
    // (An average is left to weigh each such row as often as it is met,
    // which is how such averages are commonly read.)
    bool totals = std::any_of(q.measures.begin(), q.measures.end(), [&](const measure& m) {
      return m.agg == aggregate::sum && !on_side(side, m.column.table);
    });
    // Grouped by a column of those rows themselves, when they are events
    // of their own with an amount or a date (a sale's payments by
    // method): a sale paid in two parts by card is summed twice there.
    // Rows that only sort their parent (a business's categories) hold it once.
    bool events = through && std::any_of(through->columns.begin(), through->columns.end(), [](const column_info& c) {
                    return (c.role == column_role::numeric && !c.primary_key) || c.role == column_role::time;
                  });
    if (through && (beyond || events) && totals && !only_links(model, *through))
      return i;
    // Each group one row of the other list (a client's bills by each of
    // the client's complaints): every group holds all the root's rows again.
    auto* to = table_of(model, tree.steps[i].to_table);
    auto* key = to ? primary_key(*to) : nullptr;
    bool one_row_each = key && std::any_of(q.dimensions.begin(), q.dimensions.end(), [&](const dimension& d) {
                          return d.column == column_ref{to->name, key->name};
                        });
    if (one_row_each && reached_through_a_parent(model, tree, i, root))
      return i;
  }
  return std::nullopt;
}

std::optional<query> conditions_as_existence(const query& q, const join_tree& tree, size_t at) {
  auto side = repeated_side(tree, at);
  auto used_there = [&](const column_ref& c) { return on_side(side, c.table); };
  if (on_side(side, q.entity)
      || std::any_of(q.dimensions.begin(), q.dimensions.end(), [&](const dimension& d) { return used_there(d.column); })
      || std::any_of(q.selected.begin(), q.selected.end(), used_there)
      || std::any_of(q.order.begin(), q.order.end(), [&](const ordering& o) { return used_there(o.column); }))
    return std::nullopt;
  for (auto& m : q.measures) {
    if (used_there(m.column) || used_there(m.per))
      return std::nullopt;
    for (auto& f : m.condition)
      if (used_there(f.column))
        return std::nullopt;
  }
  filter exists;
  exists.op = filter_op::has_related;
  exists.column = {tree.steps[at].from_table, ""};
  exists.related_table = tree.steps[at].to_table;
  query out = q;
  out.filters.clear();
  for (auto& f : q.filters) {
    if (!used_there(f.column)) {
      out.filters.push_back(f);
      continue;
    }
    // Only plain conditions on a value move inside; others say more.
    if (f.measure >= 0 || !f.related_table.empty() || !f.within.empty() || f.op == filter_op::rule)
      return std::nullopt;
    exists.within.push_back(f);
  }
  if (exists.within.empty())
    return std::nullopt;
  out.filters.push_back(exists);
  return out;
}

// A key named for a role its row plays (a club's manager_id, to a coach)
// rather than for the table it points to (club_id, cust_id).
static bool through_a_role(const indexed_model& model, const join_step& s) {
  bool down = multiplies_rows(model, s);
  auto target = split_words(entity_words(down ? s.from_table : s.to_table));
  for (auto& [from_column, to_column] : s.on) {
    auto key = split_words(down ? to_column : from_column);
    bool names_target = std::any_of(key.begin(), key.end(), [&](const std::string& w) {
      return w != "id" && std::any_of(target.begin(), target.end(), [&](const std::string& t) {
               return stem(w) == stem(t) || (w.size() >= 3 && t.compare(0, w.size(), w) == 0);
             });
    });
    if (!names_target && from_column != to_column)
      return true;
  }
  return false;
}

std::optional<std::string> unnamed_common_parent(const indexed_model& model, const join_tree& tree,
                                                 const std::vector<std::string>& named,
                                                 const join_hints& hints) {
  auto hinted = [&](const std::string& table, const std::string& column) {
    return std::any_of(hints.begin(), hints.end(), [&](const auto& h) { return h.first == table && h.second == column; });
  };
  auto named_keys = [&](const join_step& s) {
    return std::any_of(s.on.begin(), s.on.end(), [&](const auto& pair) {
      return hinted(s.from_table, pair.first) || hinted(s.to_table, pair.second);
    });
  };
  for (auto& step : tree.steps)
    if (!on_side(named, step.from_table) && !named_keys(step) && through_a_role(model, step))
      return step.from_table;
  for (auto& down : tree.steps) {
    if (!multiplies_rows(model, down) || on_side(named, down.from_table) || named_keys(down))
      continue;
    // Through a table that only links (a film's categories): the parent's
    // own many-to-many attribute, not another list of it.
    auto* link = table_of(model, down.to_table);
    bool bridge = link && only_links(model, *link)
                  && std::any_of(tree.steps.begin(), tree.steps.end(), [&](const join_step& s) {
                       return s.from_table == down.to_table && !multiplies_rows(model, s);
                     });
    if (bridge)
      continue;
    auto up = std::find_if(tree.steps.begin(), tree.steps.end(),
                           [&](const join_step& s) { return s.to_table == down.from_table; });
    if (up != tree.steps.end() && !multiplies_rows(model, *up) && !named_keys(*up))
      return down.from_table;
  }
  return std::nullopt;
}

} // namespace medha::sqlgen::compiling
