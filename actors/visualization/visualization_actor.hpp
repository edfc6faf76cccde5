#pragma once

#include <caf/fwd.hpp>

#include "actors/actors.hpp"

namespace medha {

/// Picks charts; pure computation on the scheduler.
visualization_actor spawn_visualization_actor(caf::actor_system& sys);

} // namespace medha
