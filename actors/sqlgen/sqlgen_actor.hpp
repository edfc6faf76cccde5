#pragma once

#include <caf/fwd.hpp>

#include "actors/actors.hpp"

namespace medha {

/// The SQL stage, embedded strategy: CPU-bound in well under a millisecond,
/// so it runs on the scheduler like any other actor.
sqlgen_actor spawn_sqlgen_actor(caf::actor_system& sys);

} // namespace medha
