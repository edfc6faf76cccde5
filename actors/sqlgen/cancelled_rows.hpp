#pragma once

// Totals of sales that may or may not leave out the cancelled ones.

#include <string>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/reading.hpp"

namespace medha::sqlgen {

class indexed_model;

/// Sales counted or money added up over rows that carry a cancelled state
/// (on the rows, or on the row each one belongs to: a ticket's booking),
/// with nothing said of that state: whether the cancelled ones count is a
/// choice the data does not make. The rows' words ("bookings") when so,
/// else "" (cancelled_rows.cpp).
std::string cancelled_rows_unsaid(const indexed_model& model, const reading& r, const query& q);

} // namespace medha::sqlgen
