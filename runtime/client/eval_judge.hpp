#pragma once

#include <optional>
#include <string>
#include <vector>

namespace medha::client {

/// A query result as text cells (NULL = nullopt), for judging.
struct result_table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

/// Expands a gold field into every acceptable query: alternatives separated
/// by ';', and for `SELECT {a, b}` (with `GROUP BY {}` repeating the braces)
/// every non-empty subset of a, b.
std::vector<std::string> expand_gold(const std::string& gold);

/// True when the question asks for an order (ordered, sorted, highest, top ...)
/// and the gold SQL has ORDER BY: only then does row order count.
bool order_matters(const std::string& question, const std::string& gold_sql);

/// Execution-accuracy match: every gold column's values appear as a distinct
/// column of the candidate (extra candidate columns allowed), rows compared as
/// multisets, or as sequences when `ordered`. Numbers compare to 1e-6 relative,
/// NULL equals NULL, other values exactly.
bool results_match(const result_table& gold, const result_table& candidate, bool ordered);

} // namespace medha::client
