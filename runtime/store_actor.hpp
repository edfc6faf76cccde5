#pragma once

#include <memory>

#include <caf/fwd.hpp>

#include "actors/actors.hpp"

namespace medha {

class conversation_store;

/// Spawns the actor that owns the store: a front on the scheduler that only
/// routes, and detached writers (the store's calls block). `only_writer`: no
/// other worker writes this store (RocksDB), so the front keeps the verified
/// examples every turn reads, and forgets them at each write of one.
store_actor spawn_store_actor(caf::actor_system& sys, std::shared_ptr<conversation_store> store,
                              bool only_writer = false);

} // namespace medha
