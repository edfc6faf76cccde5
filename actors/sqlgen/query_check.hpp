#pragma once

#include <string>

#include "actors/sqlgen/query.hpp"
#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

class indexed_model;

/// What a column holds, as far as comparing and aggregating goes.
enum class value_kind { number, date, boolean, text };

/// From the column's PostgreSQL type when known, else from its role.
value_kind kind_of(const indexed_model& model, const column_ref& c);

/// Checks that every value fits its column and every operator applies to it
/// (no 'abc' against an integer, no ILIKE on a date, no average of dates),
/// so that a query that would fail in the database becomes a question to the
/// user instead. Empty when the query is sound, else what is wrong, in words.
std::string check_types(const indexed_model& model, const query& q);

} // namespace medha::sqlgen
