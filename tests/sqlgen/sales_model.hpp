#pragma once

#include "messages/semantic_model.hpp"

namespace medha::sqlgen::testing {

/// The sample `sales` database as the context stage would describe it:
/// introspected tables, foreign keys, low-cardinality values, plus a model
/// file's metrics and glossary.
semantic_model sales_model();

} // namespace medha::sqlgen::testing
