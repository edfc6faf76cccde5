#pragma once

#include <optional>
#include <vector>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

/// "compare", "compared", "versus": the question sets two things side by side.
bool says_compare(const std::vector<token>& tokens);

/// "Compare that with the south" after a question about the north, "... with
/// 2023" after one about 2024: `q` (the follow-up, holding the new
/// side) grouped by the column both sides are values of, kept to the two.
/// Nothing when the previous question held no other value of that column, or
/// the years are not next to each other (a range would take in the years
/// between).
std::optional<query> both_sides(const query& previous, query q);

} // namespace medha::sqlgen
