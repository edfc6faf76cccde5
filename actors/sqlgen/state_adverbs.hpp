#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

class lexicon;

/// "currently", "still" or "now" said of the rows, and no state said in
/// its own word ("current", "active") (state_adverbs.cpp).
bool says_still(const std::vector<token>& tokens);

/// "moment" of "at the moment" at `i`: the same as "now".
bool at_the_moment(const std::vector<token>& tokens, size_t i);

/// The column among `tables` (root first) whose being unset makes a row
/// current (an end date: left_on, moved_out_on): the only one, or the
/// root's. None when no table keeps one; none and `unsure` when several
/// do and the root does not.
std::optional<column_ref> end_not_yet_set(const lexicon& lex, const std::vector<std::string>& tables,
                                          bool& unsure);

/// "currently", "still", "now" said (says_still) of rows that keep an end:
/// `q` (and `compiled`, its SQL) narrowed to the rows not yet ended, or,
/// asked yes or no of rows named ("is Ann Lee still with us?"), showing
/// that end. Never when it would bring in other tables. False when several
/// of the rows read keep an end and which one is meant is not said.
bool narrow_to_rows_not_ended(const indexed_model& model, const std::vector<token>& tokens, query& q,
                              compiled_query& compiled);

} // namespace medha::sqlgen
