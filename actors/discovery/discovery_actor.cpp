#include "actors/discovery/discovery_actor.hpp"

#include <caf/actor_system.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/discovery/catalog.hpp"

namespace medha {

namespace {

struct discovery_state {
  discovery::catalog catalog;
  static inline const char* name = "discovery";
};

discovery_actor::behavior_type
discovery_behavior(discovery_actor::stateful_pointer<discovery_state> self) {
  return {
    [self](rank_atom, const std::string& question) {
      return self->state.catalog.rank(question);
    },
    [self](add_atom, const model_ptr& model) {
      self->state.catalog.add(model);
    },
  };
}

} // namespace

discovery_actor spawn_discovery_actor(caf::actor_system& sys) {
  return sys.spawn(discovery_behavior);
}

} // namespace medha
