#pragma once

#include "messages/semantic_model.hpp"

namespace medha::sqlgen::testing {

/// A garden-supply wholesaler with a small film library for its shop
/// screens: the schema the everyday-phrasing tests read. Its tables name
/// things indirectly (role-named keys, abbreviated columns, dates that state
/// a row's state), as real schemas do.
semantic_model garden_model();

} // namespace medha::sqlgen::testing
