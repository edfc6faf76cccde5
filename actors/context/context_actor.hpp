#pragma once

#include <vector>

#include <caf/fwd.hpp>

#include "actors/actors.hpp"
#include "messages/data_source.hpp"

namespace medha {

/// The context stage: semantic models per data source, introspected in
/// detached actors (libpqxx blocks) and cached until refreshed. Every model
/// it loads is also handed to discovery, so the catalog knows every source.
/// It starts introspecting all sources at once, so the first question
/// usually finds its model ready.
context_actor spawn_context_actor(caf::actor_system& sys, std::vector<data_source> sources,
                                  discovery_actor discovery);

} // namespace medha
