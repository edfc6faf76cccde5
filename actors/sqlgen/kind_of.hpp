#pragma once

#include <vector>

#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

class lexicon;

/// "which kind of repair", "what type of boats": said as the name the data
/// has for it ("repair type", "boat type") when it has one; unchanged
/// otherwise (kind_of.cpp).
std::vector<token> say_kind_of(const lexicon& lex, std::vector<token> tokens);

} // namespace medha::sqlgen
