#include "actors/sqlgen/sqlgen_actor.hpp"

#include <caf/actor_system.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/llm/llm_worker.hpp"
#include "actors/sqlgen/llm/routing.hpp"

namespace medha {

namespace {

sqlgen_actor::behavior_type sqlgen_behavior(sqlgen_actor::pointer self,
                                            std::shared_ptr<const llm::llm_setup> setup) {
  return {
    [self, setup](generate_atom, sql_request& req) -> caf::result<sql_plan> {
      // A correction goes back to the model that wrote the failed SQL.
      if (!req.failed.empty() && setup)
        return self->delegate(llm::spawn_llm_worker(self->system(), setup), generate_atom_v,
                              std::move(req), sql_plan{}, std::string{});
      auto plan = sqlgen::generate(*req.model, req.question, req.previous_query_json);
      auto route = llm::decide_route(plan, setup != nullptr);
      if (route.to != llm::route::path::model) {
        plan.strategy_reason = route.reason;
        return plan;
      }
      return self->delegate(llm::spawn_llm_worker(self->system(), setup), generate_atom_v,
                            std::move(req), std::move(plan), std::move(route.reason));
    },
  };
}

std::shared_ptr<const llm::llm_setup> setup_of(sqlgen_settings settings) {
  if (!settings.llm.enabled())
    return nullptr;
  auto s = std::make_shared<llm::llm_setup>();
  s->client = std::make_shared<llm::llm_client>(settings.llm, settings.api_key);
  s->sources_sharing_data = std::move(settings.sources_sharing_data);
  return s;
}

} // namespace

sqlgen_actor spawn_sqlgen_actor(caf::actor_system& sys, sqlgen_settings settings) {
  return sys.spawn(sqlgen_behavior, setup_of(std::move(settings)));
}

sqlgen_actor spawn_sqlgen_pool(caf::actor_system& sys, size_t size, sqlgen_settings settings) {
  auto setup = setup_of(std::move(settings));
  return spawn_sqlgen_pool(sys, size, [setup](sqlgen_actor::pointer self) {
    return sqlgen_behavior(self, setup);
  });
}

} // namespace medha
