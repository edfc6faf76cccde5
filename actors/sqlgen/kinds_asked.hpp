#pragma once

// Kinds of rows, asked for or counted: "what kinds of complaint" asks for a
// category, "how many of each" for counts, and "how many card payments"
// counts the rows of that kind, not the one row of a table of kinds that is
// named Card.

#include <optional>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/reading.hpp"
#include "messages/sql_plan.hpp"

namespace medha::sqlgen {

class indexed_model;

/// A question back when the answer would show rows' keys for the kinds asked
/// for, list rows for "how many", or count the one row of a table of kinds
/// that a value names.
std::optional<sql_plan> ask_which_kind(const indexed_model& model, const reading& r, const query& q);

} // namespace medha::sqlgen
