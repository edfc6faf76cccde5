#include "actors/sqlgen/sqlgen_actor.hpp"

#include <caf/actor_system.hpp>
#include <caf/typed_event_based_actor.hpp>

#include <algorithm>
#include <set>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/model_index.hpp"
#include "actors/sqlgen/llm/llm_worker.hpp"
#include "actors/sqlgen/llm/routing.hpp"

namespace medha {

namespace {

// The examples a model sees, closest to the question first: by the content
// words they share (stems, so "orders" meets "ordered"); ties keep the
// newer first. Only the closest few go into the prompt.
void closest_first(std::vector<verified_example>& examples, std::string_view question) {
  auto words = sqlgen::example_signature(question);
  std::set<std::string> asked(words.begin(), words.end());
  std::vector<std::pair<size_t, verified_example>> scored;
  for (auto it = examples.rbegin(); it != examples.rend(); ++it) {
    size_t shared = 0;
    for (auto& w : sqlgen::example_signature(it->question))
      shared += asked.count(w);
    scored.emplace_back(shared, std::move(*it));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  examples.clear();
  for (auto& [shared, e] : scored)
    if (shared > 0)
      examples.push_back(std::move(e));
}

// The engine's plan for a request, and whether a model takes it from there
// (then `reason` says why).
struct engine_outcome {
  sql_plan plan;
  bool to_model = false;
  std::string reason;
};

engine_outcome run_engine(const llm::llm_setup* setup, const sql_request& req) {
  engine_outcome out;
  out.plan = sqlgen::generate(*req.model, req.question, req.previous_query_json, req.examples);
  auto route = llm::decide_route(out.plan, setup != nullptr, llm::follows_model_sql(req));
  out.to_model = route.to == llm::route::path::model;
  if (!out.to_model && out.plan.strategy_reason.empty()) // a verified example says so itself
    out.plan.strategy_reason = route.reason;
  if (out.to_model)
    out.reason = std::move(route.reason);
  return out;
}

sqlgen_actor::behavior_type sqlgen_behavior(sqlgen_actor::pointer self,
                                            std::shared_ptr<const llm::llm_setup> setup) {
  return {
    [self, setup](generate_atom, sql_request& req) -> caf::result<sql_plan> {
      // A correction goes back to the model that wrote the failed SQL.
      if (!req.failed.empty() && setup) {
        closest_first(req.examples, req.question);
        return self->delegate(llm::spawn_llm_worker(self->system(), setup), generate_atom_v,
                              std::move(req), sql_plan{}, std::string{});
      }
      auto out = run_engine(setup.get(), req);
      if (!out.to_model)
        return std::move(out.plan);
      closest_first(req.examples, req.question);
      return self->delegate(llm::spawn_llm_worker(self->system(), setup), generate_atom_v,
                            std::move(req), std::move(out.plan), std::move(out.reason));
    },
  };
}

std::shared_ptr<const llm::llm_setup> setup_of(sqlgen_settings settings) {
  return llm::make_llm_setup(settings.llm, settings.other_llms, settings.keys_by_env,
                             settings.api_key, std::move(settings.sources_sharing_data));
}

} // namespace

sqlgen_call make_sqlgen_call(const sqlgen_settings& settings) {
  auto setup = setup_of(settings);
  return [setup](const sql_request& req) -> std::optional<sql_plan> {
    if (!req.failed.empty() && setup)
      return std::nullopt;
    try {
      auto out = run_engine(setup.get(), req);
      if (out.to_model)
        return std::nullopt;
      return std::move(out.plan);
    } catch (const std::exception&) {
      // The pool's generator meets it again and fails the request alone.
      return std::nullopt;
    }
  };
}

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
