#pragma once

#include <memory>

#include <caf/fwd.hpp>

#include "actors/actors.hpp"

namespace medha {

class conversation_store;

/// Spawns the actor that owns the store, detached: synced writes block.
store_actor spawn_store_actor(caf::actor_system& sys, std::shared_ptr<conversation_store> store);

} // namespace medha
