#include "actors/visualization/visualization_actor.hpp"

#include <caf/actor_system.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/visualization/chart_picker.hpp"

namespace medha {

namespace {

visualization_actor::behavior_type visualization_behavior(visualization_actor::pointer) {
  return {
    [](visualize_atom, const result_set& rows, const sql_plan& plan) {
      return pick_chart(rows, plan);
    },
  };
}

} // namespace

visualization_actor spawn_visualization_actor(caf::actor_system& sys) {
  return sys.spawn(visualization_behavior);
}

} // namespace medha
