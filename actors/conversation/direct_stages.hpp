#pragma once

#include <functional>
#include <optional>

#include "actors/actors.hpp"

namespace medha {

/// Stages that are computation only, which the conversation actor calls
/// itself instead of asking their actors: a turn of the embedded engine then
/// crosses no actor boundary, nor possibly a thread, for them. Blocking work
/// (the store, the executor's libpqxx, a model's HTTP) stays with the detached
/// actors. Each call is optional; without it (unit tests with stand-in
/// stages) the stage's actor is asked.
struct direct_stages {
  /// The SQL stage (sqlgen_actor.hpp, make_sqlgen_call): nullopt asks the
  /// sqlgen actor (a model's turn, a correction, an engine failure).
  std::function<std::optional<sql_plan>(const sql_request&)> sql;
  /// The visualization stage (chart_picker.hpp).
  std::function<chart(const result_set&, const sql_plan&)> visualize;
};

} // namespace medha
