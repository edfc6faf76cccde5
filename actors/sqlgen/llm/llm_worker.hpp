#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/sqlgen/llm/llm_client.hpp"
#include "messages/type_ids.hpp"

namespace medha::llm {

/// What every model call of a worker shares.
struct llm_setup {
  /// One client per offered (provider, model), the default first.
  std::vector<std::shared_ptr<const llm_client>> clients;
  std::set<std::string> sources_sharing_data; // data sources with allow_llm_to_see_data

  /// The conversation's choice ("" = the default); the default when the
  /// choice is no longer offered (the configuration changed since).
  const llm_client& pick(const std::string& provider, const std::string& model) const;
};

/// The clients of every offered (provider, model) — keys from `keys_by_env`
/// by each one's api_key_env, else `api_key` for the default's — and the
/// sources that share data; nullptr when no provider is configured.
std::shared_ptr<const llm_setup> make_llm_setup(const llm_settings& llm,
                                                const std::vector<llm_settings>& others,
                                                const std::map<std::string, std::string>& keys_by_env,
                                                const std::string& api_key,
                                                std::set<std::string> sources_sharing_data);

/// One model call: a detached actor (its own thread: libcurl blocks) that
/// answers one request and quits, so calls of different conversations run
/// side by side and never hold a scheduler thread.
using llm_worker_actor = caf::typed_actor<
  // Request + the engine's plan (the fallback; outcome clarify) + why the
  // model was routed to ("" for a correction) → the model's plan.
  caf::replies_to<generate_atom, sql_request, sql_plan, std::string>::with<sql_plan>>;

llm_worker_actor spawn_llm_worker(caf::actor_system& sys, std::shared_ptr<const llm_setup> setup);

} // namespace medha::llm
