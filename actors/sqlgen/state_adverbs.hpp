#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

class lexicon;

/// "currently", "still" or "now" said of the rows, and no state said in
/// its own word ("current", "active") (state_adverbs.cpp).
bool says_still(const std::vector<token>& tokens);

/// The column among `tables` (root first) whose being unset makes a row
/// current (an end date: left_on, moved_out_on): the only one, or the
/// root's. None when no table keeps one; none and `unsure` when several
/// do and the root does not.
std::optional<column_ref> end_not_yet_set(const lexicon& lex, const std::vector<std::string>& tables,
                                          bool& unsure);

} // namespace medha::sqlgen
