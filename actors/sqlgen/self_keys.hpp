#pragma once

#include <string>
#include <vector>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

class indexed_model;

/// A word of the question that names a key of a table pointing at its own
/// rows ("manager", "manages" for staff.manager_id), when the query does not
/// go through that key: the relation was said and not read, so the rows
/// listed would be the people themselves, not their managers. Empty when
/// every such word is read.
std::string self_key_left_out(const indexed_model& model, const std::vector<token>& tokens, const query& q);

} // namespace medha::sqlgen
