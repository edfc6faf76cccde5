#include "actors/sqlgen/llm/llm_worker.hpp"

#include <caf/actor_cast.hpp>
#include <caf/actor_system.hpp>
#include <caf/send.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/sqlgen/llm/llm_strategy.hpp"

namespace medha::llm {

namespace {

llm_worker_actor::behavior_type worker(llm_worker_actor::pointer self,
                                       std::shared_ptr<const llm_setup> setup) {
  return {
    [self, setup](generate_atom, const sql_request& req, const sql_plan& engine,
                  const std::string& reason) {
      progress_fn progress;
      if (req.progress) {
        auto to = caf::actor_cast<caf::actor>(req.progress);
        auto tag = req.progress_tag;
        progress = [to, tag](const std::string& data) {
          caf::anon_send(to, progress_atom_v, tag, data);
        };
      }
      bool allow = setup->sources_sharing_data.count(req.data_source) > 0;
      // A correction has no engine plan to fall back on.
      const sql_plan* fallback = req.failed.empty() ? &engine : nullptr;
      auto& client = setup->pick(req.llm_provider, req.llm_model);
      auto plan = write_sql(client, req, allow, fallback, reason, progress);
      self->quit();
      return plan;
    },
  };
}

} // namespace

const llm_client& llm_setup::pick(const std::string& provider, const std::string& model) const {
  for (auto& c : clients)
    if ((provider.empty() || c->settings().provider == provider)
        && (model.empty() || c->settings().model == model))
      return *c;
  return *clients.front();
}

llm_worker_actor spawn_llm_worker(caf::actor_system& sys, std::shared_ptr<const llm_setup> setup) {
  return sys.spawn<caf::detached>(worker, std::move(setup));
}

} // namespace medha::llm
