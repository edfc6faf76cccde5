#pragma once

#include <caf/fwd.hpp>

#include "actors/actors.hpp"

namespace medha {

/// Holds the catalog of every data source; ranking is in-memory and fast.
discovery_actor spawn_discovery_actor(caf::actor_system& sys);

} // namespace medha
