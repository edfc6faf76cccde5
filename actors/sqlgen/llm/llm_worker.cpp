#include "actors/sqlgen/llm/llm_worker.hpp"

#include <caf/actor_cast.hpp>
#include <caf/actor_system.hpp>
#include <caf/send.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/sqlgen/llm/cache_key.hpp"
#include "actors/sqlgen/llm/llm_strategy.hpp"
#include "actors/sqlgen/llm/sql_cache.hpp"

namespace medha::llm {

namespace {

// A cached plan: the SQL a model wrote for the same question, data source,
// schema and conversation context, without calling it again.
sql_plan from_cache(const cached_sql& hit, const std::string& reason) {
  sql_plan plan;
  plan.strategy = "llm";
  plan.strategy_reason = reason;
  plan.model_name = hit.model_name;
  plan.sql = hit.sql;
  plan.attempt = 1;
  plan.confidence = 0.5; // as unproven as when the model wrote it
  plan.explanation = "SQL written by the language model " + hit.model_name
                     + " for the same question before (from the cache).";
  plan.cache = "hit";
  return plan;
}

std::string cache_key_of(const sql_request& req, const llm_client& client) {
  sql_cache_inputs in;
  in.question = req.question;
  in.data_source = req.data_source;
  in.schema_version = req.model ? req.model->schema_version : 0;
  in.previous_query_json = req.previous_query_json;
  auto model = client.settings().provider + "/" + client.settings().model;
  in.model = model;
  std::string examples;
  for (auto& e : req.examples)
    examples += e.question + '\x1f' + e.sql + '\x1e';
  in.examples = examples;
  return sql_cache_key(in);
}

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
      // Blocking NATS calls: this actor is detached, as for the HTTP call.
      auto cache = installed_sql_cache();
      std::string key = cache ? cache_key_of(req, client) : std::string{};
      if (cache && req.failed.empty())
        if (auto hit = cache->get(key)) {
          self->quit();
          return from_cache(*hit, reason);
        }
      auto plan = write_sql(client, req, allow, fallback, reason, progress);
      if (cache && plan.strategy == "llm" && plan.outcome == plan_outcome::answer) {
        plan.cache = "miss";
        plan.cache_key = key; // stored once it has run without error
      }
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

std::shared_ptr<const llm_setup> make_llm_setup(const llm_settings& llm,
                                                const std::vector<llm_settings>& others,
                                                const std::map<std::string, std::string>& keys_by_env,
                                                const std::string& api_key,
                                                std::set<std::string> sources_sharing_data) {
  if (!llm.enabled())
    return nullptr;
  auto s = std::make_shared<llm_setup>();
  for (auto& offer : offered_models(llm, others)) {
    auto key = keys_by_env.find(offer.api_key_env);
    auto offer_key = key != keys_by_env.end()              ? key->second
                     : offer.api_key_env == llm.api_key_env ? api_key
                                                            : std::string{};
    s->clients.push_back(std::make_shared<llm_client>(offer, offer_key));
  }
  s->sources_sharing_data = std::move(sources_sharing_data);
  return s;
}

llm_worker_actor spawn_llm_worker(caf::actor_system& sys, std::shared_ptr<const llm_setup> setup) {
  return sys.spawn<caf::detached>(worker, std::move(setup));
}

} // namespace medha::llm
