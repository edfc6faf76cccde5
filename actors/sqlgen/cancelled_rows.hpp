#pragma once

#include "actors/sqlgen/query.hpp"

namespace medha::sqlgen {

class indexed_model;

/// Totals and averages leave out rows kept in a cancelled state: an order
/// cancelled is no sale, a booking cancelled no hire. The rows summed, or
/// the rows they belong to (an order's lines), are those whose state is not
/// cancelled (or void), unless the question itself says something of that
/// state. The condition is part of the query, so the answer's explanation
/// says it and a follow-up can take it back.
query without_cancelled_rows(const indexed_model& model, query q);

} // namespace medha::sqlgen
