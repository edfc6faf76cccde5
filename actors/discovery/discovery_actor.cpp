#include "actors/discovery/discovery_actor.hpp"

#include <chrono>

#include <caf/actor_system.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

namespace medha {

namespace {

struct discovery_state {
  discovery::catalog catalog;
  store_actor store;
  bool save_scheduled = false;
  static inline const char* name = "discovery";
};

discovery_actor::behavior_type
discovery_behavior(discovery_actor::stateful_pointer<discovery_state> self,
                   std::shared_ptr<discovery::catalog> initial, store_actor store) {
  self->state.catalog = std::move(*initial);
  self->state.store = std::move(store);
  return {
    [self](rank_atom, const std::string& question) {
      return self->state.catalog.rank(question); // times itself: elapsed_ms
    },
    [self](add_atom, const model_ptr& model) {
      self->state.catalog.add(model);
      // Several sources load together at start: one save after they settle.
      if (!self->state.save_scheduled) {
        self->state.save_scheduled = true;
        self->delayed_send(self, std::chrono::seconds(2), save_atom_v);
      }
    },
    [self](save_atom) {
      self->state.save_scheduled = false;
      if (self->state.store)
        self->send(self->state.store, put_blob_atom_v, std::string{catalog_blob_key},
                   self->state.catalog.save());
    },
  };
}

} // namespace

discovery_actor spawn_discovery_actor(caf::actor_system& sys, discovery::catalog initial,
                                      store_actor store) {
  // The catalog is move-only; a shared_ptr carries it into the spawn.
  auto boxed = std::make_shared<discovery::catalog>(std::move(initial));
  return sys.spawn<caf::detached>(discovery_behavior, std::move(boxed), std::move(store));
}

} // namespace medha
