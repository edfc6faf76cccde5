#include "actors/sqlgen/sqlgen_actor.hpp"

#include <caf/actor_system.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/sqlgen/embedded_engine.hpp"

namespace medha {

namespace {

sqlgen_actor::behavior_type sqlgen_behavior(sqlgen_actor::pointer) {
  return {
    [](generate_atom, const model_ptr& model, const std::string& question,
       const std::string& previous) {
      return sqlgen::generate(*model, question, previous);
    },
  };
}

} // namespace

sqlgen_actor spawn_sqlgen_actor(caf::actor_system& sys) {
  return sys.spawn(sqlgen_behavior);
}

sqlgen_actor spawn_sqlgen_pool(caf::actor_system& sys, size_t size) {
  return spawn_sqlgen_pool(sys, size, sqlgen_behavior);
}

} // namespace medha
