#pragma once

// Small builders for the hand-made schemas of the engine's tests.

#include <string>
#include <utility>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha::sqlgen::testing {

inline table_info table(std::string name, std::vector<column_info> columns) {
  table_info t;
  t.name = std::move(name);
  t.columns = std::move(columns);
  return t;
}

/// A column of a role, with a type that fits it; `key` makes it the primary key.
inline column_info column(std::string name, column_role role, bool key = false) {
  column_info c;
  c.name = std::move(name);
  c.type = role == column_role::numeric      ? "numeric"
           : role == column_role::time       ? "date"
           : role == column_role::identifier ? "integer"
                                             : "text";
  c.role = role;
  c.primary_key = key;
  return c;
}

/// A column of a role that may be null; a categorical one takes `values`
/// as its sampled values, any other as values looked up in the data.
inline column_info col(std::string name, column_role role, bool key = false, std::vector<std::string> values = {}) {
  auto c = column(std::move(name), role, key);
  c.nullable = !key;
  if (role == column_role::categorical)
    c.values = std::move(values);
  else
    c.lookup_values = std::move(values);
  return c;
}

/// A nullable date column.
inline column_info dated(std::string name) {
  auto c = col(std::move(name), column_role::time);
  c.type = "date";
  return c;
}

/// An inferred join edge from.from_col → to.to_col, as databases without
/// declared keys get them.
inline relationship link_of(std::string from, std::string from_col, std::string to,
                            std::string to_col) {
  return {std::move(from), {std::move(from_col)}, std::move(to), {std::move(to_col)}, true};
}

} // namespace medha::sqlgen::testing
