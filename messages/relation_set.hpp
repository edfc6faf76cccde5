#pragma once

#include <set>
#include <string>

#include "messages/semantic_model.hpp"

namespace medha {

/// The relations a data source's queries may read: "schema.table" for each
/// table of its semantic model, names as PostgreSQL stores them (no case
/// folding). The conversation sends it with every query to the executor
/// (`execute_atom, source, sql, relations`), whose guard refuses any other
/// relation; a bare name in the SQL is allowed when one of these tables has
/// that name. std::set<std::string> is one of CAF's built-in message types,
/// so the message needs no new type ID.
using relation_set = std::set<std::string>;

/// Every table of `model`, schema-qualified. Taken from the whole model, not a
/// pruned one, so a follow-up may reach any table of the source.
relation_set relations_of(const semantic_model& model);

} // namespace medha
