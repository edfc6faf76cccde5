#pragma once

#include <string>
#include <utility>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

class indexed_model;

/// One join: bring `to_table` in, ON to_table.first = from_table.second pairs.
struct join_step {
  std::string from_table;
  std::string to_table;
  std::vector<std::pair<std::string, std::string>> on; // (from column, to column)
};

struct join_path {
  bool found = false;
  bool ambiguous = false; // another path of the same length exists
  std::vector<join_step> steps;
};

/// Foreign-key columns the user named ("departure airport"): between two
/// tables linked more than once, only the named link is used.
using join_hints = std::vector<std::pair<std::string, std::string>>; // (table, column)

/// Shortest path over the relationship graph (foreign keys, either direction),
/// by breadth-first search; ties are flagged, the first declared edge wins.
join_path shortest_path(const indexed_model& model, const std::string& from,
                        const std::string& to, const join_hints& hints = {});

/// Joins that connect every table in `tables` to `root`: the union of the
/// shortest paths. `ambiguous` is set when any of them had a rival.
struct join_tree {
  bool connected = true;
  bool ambiguous = false;
  std::vector<join_step> steps;
  std::vector<std::string> ambiguous_tables;
};
join_tree connect(const indexed_model& model, const std::string& root,
                  const std::vector<std::string>& tables, const join_hints& hints = {});

/// Tables one relationship away from `table`, in declaration order.
std::vector<std::string> linked_tables(const indexed_model& model, const std::string& table);

/// Whether `table` is reached from `from` by following keys to what they
/// reference, and theirs in turn: each row of `from` belongs to one row of
/// `table` (an order line to its order, and to the order's customer).
bool belongs_to(const indexed_model& model, const std::string& from, const std::string& table);

/// Relationships that link the same two tables as another one does (an
/// order's billing and shipping address): the links a join can be ambiguous on.
std::vector<const relationship*> parallel_links(const indexed_model& model,
                                                const std::string& table);

} // namespace medha::sqlgen
