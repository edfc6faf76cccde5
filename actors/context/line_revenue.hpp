#pragma once

#include "messages/semantic_model.hpp"

namespace medha {

/// A database that keeps its sales as lines (a quantity and a unit price per
/// row, as order lines and invoice items do) and defines no revenue metric:
/// adds "revenue" on that table, SUM(quantity * unit price), less a discount
/// kept as a fraction on the same line. Only when exactly one table looks
/// like that, so "revenue" never has to guess between two. True when added.
bool add_line_revenue(semantic_model& model);

} // namespace medha
