#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <caf/fwd.hpp>

#include "actors/actors.hpp"
#include "messages/llm_settings.hpp"

namespace medha {

/// How the SQL stage may use a language model (none by default).
struct sqlgen_settings {
  llm_settings llm;    // provider "" = embedded only, no network call ever
  std::string api_key; // read from the environment variable llm.api_key_env
  /// More providers a conversation may choose, and their keys by the name of
  /// the environment variable each reads.
  std::vector<llm_settings> other_llms;
  std::map<std::string, std::string> keys_by_env;
  std::set<std::string> sources_sharing_data; // data sources with allow_llm_to_see_data
};

/// The SQL stage as a call, for the conversation actor to make itself (no
/// hand-off to a generator and back): the embedded engine's plan, or nullopt
/// when the question goes to a model, a correction is asked of one, or the
/// engine failed. Then the pool is asked, as before; it generates again.
/// Thread-safe (each call reads only its request and immutable setup).
using sqlgen_call = std::function<std::optional<sql_plan>(const sql_request&)>;
sqlgen_call make_sqlgen_call(const sqlgen_settings& settings);

/// One generator of the SQL stage. The embedded strategy is CPU-bound and
/// fast, so it runs on the scheduler; with a model configured (hybrid
/// routing, actors/sqlgen/llm/routing.hpp) the questions the engine abstains
/// on go to a detached worker per call that talks HTTP.
sqlgen_actor spawn_sqlgen_actor(caf::actor_system& sys, sqlgen_settings settings = {});

/// What one generator of a pool runs (the embedded engine in production).
using sqlgen_behavior_fn = std::function<sqlgen_actor::behavior_type(sqlgen_actor::pointer)>;

/// A pool of `size` generators behind one handle: each request goes to an idle
/// generator (or waits for the first one free), so turns of different
/// conversations are generated in parallel, up to one per core.
sqlgen_actor spawn_sqlgen_pool(caf::actor_system& sys, size_t size, sqlgen_behavior_fn worker);

/// The pool of generators the worker uses (embedded, hybrid with a model).
/// A generator whose question went to a model holds its slot until the model
/// answers.
sqlgen_actor spawn_sqlgen_pool(caf::actor_system& sys, size_t size, sqlgen_settings settings = {});

} // namespace medha
