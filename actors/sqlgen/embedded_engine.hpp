#pragma once

#include <string_view>

#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

namespace medha::sqlgen {

/// The embedded strategy: a deterministic semantic parser. Reads the question
/// against the semantic model (and the previous turn's query structure, so a
/// follow-up edits it), and returns SQL with a confidence and an explanation,
/// or a clarify plan with choices when it cannot answer with confidence.
/// previous_query_json: the query_json of the conversation's last answered
/// turn ("" when none).
sql_plan generate(const semantic_model& model, std::string_view question,
                  std::string_view previous_query_json);

} // namespace medha::sqlgen
