#pragma once

#include <vector>

#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

/// Marks the words of idioms that only say the rows are ours ("on the
/// books", "on file", "on record"): they name nothing in the data, and
/// read word by word they would ("books" for bookings).
void take_idioms(const std::vector<token>& tokens, std::vector<bool>& taken);

} // namespace medha::sqlgen
