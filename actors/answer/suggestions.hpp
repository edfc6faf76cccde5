#pragma once

#include <string>
#include <vector>

#include "actors/answer/result_shape.hpp"

namespace medha::answer {

/// Two or three follow-ups phrased the way the embedded SQL engine reads them
/// ("by segment", "only 2024", "monthly trend", "top 5", "average instead"),
/// never one that the query already applies. `model` may be null.
std::vector<std::string> suggest_follow_ups(const sql_plan& plan, const result_set& rows,
                                            const result_shape& shape,
                                            const semantic_model* model);

} // namespace medha::answer
