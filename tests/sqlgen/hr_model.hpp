#pragma once

#include "messages/semantic_model.hpp"

namespace medha::sqlgen::testing {

/// A second, unrelated database with no model file (no metrics, no glossary),
/// as introspection alone would describe it: the engine must not depend on
/// the sales vocabulary.
semantic_model hr_model();

} // namespace medha::sqlgen::testing
