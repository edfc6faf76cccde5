#pragma once

#include <vector>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

class indexed_model;

/// "the 5 best products": a ranking said and a number of rows kept, but the
/// query (the follow-up's, once applied) ranks by no number or date: its
/// first rows would be the first names in the alphabet.
bool ranked_by_nothing(const indexed_model& model, const std::vector<token>& tokens, const query& q);

} // namespace medha::sqlgen
