#pragma once

#include <caf/fwd.hpp>

#include "actors/actors.hpp"
#include "actors/discovery/catalog.hpp"

namespace medha {

/// The store key of the saved catalog.
constexpr const char* catalog_blob_key = "discovery/catalog";

/// Holds the catalog of every data source; ranking is in-memory and fast.
/// Detached: saving a catalog of thousands of tables takes a while, and
/// must not hold up the scheduler's threads. Saves go to the store a moment
/// after a change, so a restart starts from the saved catalog.
discovery_actor spawn_discovery_actor(caf::actor_system& sys, discovery::catalog initial,
                                      store_actor store);

} // namespace medha
