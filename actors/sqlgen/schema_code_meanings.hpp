#pragma once

#include <optional>
#include <vector>

#include "actors/sqlgen/words.hpp"
#include "messages/sql_plan.hpp"

namespace medha::sqlgen {

class indexed_model;

/// "what are the colour letters on a van for, what do they mean?", "a
/// grade of P, what does that mean?", "the pay band codes on the rota, what
/// do they stand for?": the one
/// column whose codes are asked about, answered with what its description
/// (or its table of codes) says they stand for. Nothing when the question
/// is no such question or names no one column (schema_code_meanings.cpp).
std::optional<sql_plan> answer_code_meanings(const indexed_model& model, const std::vector<token>& tokens);

} // namespace medha::sqlgen
