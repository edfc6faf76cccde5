#pragma once

#include <optional>

#include "actors/sqlgen/query.hpp"

namespace medha::sqlgen {

/// A new question that points back ("how many loans has she taken?", "what
/// is its population?") asks about the rows the previous answer was about:
/// `fresh` with the previous query's conditions carried over. nullopt when
/// those rows cannot be named by conditions alone (a ranked top N, a reading
/// the user has not confirmed): then the engine asks which ones are meant.
std::optional<query> about_previous_rows(const query& previous, query fresh);

} // namespace medha::sqlgen
