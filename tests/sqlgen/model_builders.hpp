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

/// An inferred join edge from.from_col → to.to_col, as databases without
/// declared keys get them.
inline relationship link_of(std::string from, std::string from_col, std::string to,
                            std::string to_col) {
  return {std::move(from), {std::move(from_col)}, std::move(to), {std::move(to_col)}, true};
}

} // namespace medha::sqlgen::testing
