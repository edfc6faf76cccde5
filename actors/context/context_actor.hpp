#pragma once

#include <chrono>
#include <vector>

#include <caf/fwd.hpp>

#include "actors/actors.hpp"
#include "messages/data_source.hpp"

namespace medha {

/// The context stage: semantic models per data source, introspected in
/// detached actors (libpqxx blocks) and cached until refreshed. Every model
/// it loads is also handed to discovery, so the catalog knows every source.
/// Sources with a saved model (from the persisted catalog) start from it;
/// the others are introspected at once. Every `refresh_interval` all sources
/// are re-introspected in the background; a changed schema replaces the model.
context_actor spawn_context_actor(caf::actor_system& sys, std::vector<data_source> sources,
                                  discovery_actor discovery, std::vector<model_ptr> saved,
                                  std::chrono::seconds refresh_interval);

} // namespace medha
