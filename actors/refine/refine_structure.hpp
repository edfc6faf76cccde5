#pragma once

// Refinement of a query the embedded engine built: the edit is applied to the
// engine's query structure and compiled again, so the structure stays the
// truth about the last query and a later follow-up in words ("only 2024",
// "top 5") edits the refined query rather than starting over. SQL the engine
// did not build (a verified example, a model's) is refined through its parse
// tree instead (refine_sql.hpp).

#include <optional>
#include <string>
#include <string_view>

#include "actors/refine/refine_sql.hpp"
#include "messages/semantic_model.hpp"

namespace medha {

struct structured_refinement {
  std::string sql;
  std::string query_json; // the edited structure, to carry to the next turn
  std::string explanation;
};

/// Applies `r` to the structure in `query_json`, which must compile to
/// `last_sql` (the query being refined). nullopt when the structure is not
/// that query's or cannot say the edit (a LIKE pattern, a column the model
/// does not have, a name that fits several columns): the caller then edits
/// the SQL.
std::optional<structured_refinement> refine_structure(const semantic_model& model,
                                                      std::string_view query_json,
                                                      std::string_view last_sql,
                                                      const refinement& r);

} // namespace medha
