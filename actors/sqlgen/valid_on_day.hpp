#pragma once

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/query.hpp"

namespace medha::sqlgen {

/// "what was her salary on 1 March 2021?" of rows that keep when they
/// began and when they ended (from_date, to_date): the row in force that
/// day, not one that began on it. The query as compiled; what the user said
/// stays in the query carried to the next turn (valid_on_day.cpp).
query valid_on_the_day(const indexed_model& model, query q);

} // namespace medha::sqlgen
