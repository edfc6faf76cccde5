#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "actors/sqlgen/model_index.hpp"
#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

namespace medha::sqlgen {

class indexed_model;

/// A verified example asked the same way as the question: the same content
/// words in the same order (roles kept: "from A to B" is not "from B to A").
/// The user's own (`own`: their thumbs-up, operators' approvals) come first,
/// then the model file's; nullptr when none.
const verified_example* asked_alike(const indexed_model& model, std::string_view question,
                                    const std::vector<verified_example>& own);

/// A user's example the engine reads as the same query as the question's
/// answered `plan` (same measures, groups, filters): worded differently,
/// meant alike. `read` is the engine's reading of a question.
const verified_example* read_alike(const sql_plan& plan, const std::vector<verified_example>& own,
                                   const std::function<sql_plan(std::string_view)>& read);

} // namespace medha::sqlgen
