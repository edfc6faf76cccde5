#pragma once

#include <vector>

#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

class lexicon;

/// "members who have borrowed more than once", "rented at least 3 times":
/// said as the number of the rows the verb names ("have more than 1
/// booking"), when the verb names one table; unchanged otherwise
/// (times_said.cpp).
std::vector<token> say_times_as_rows(const lexicon& lex, std::vector<token> tokens);

} // namespace medha::sqlgen
