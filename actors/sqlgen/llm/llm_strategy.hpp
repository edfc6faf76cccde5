#pragma once

#include <functional>
#include <string>

#include "actors/sqlgen/llm/llm_client.hpp"
#include "messages/sql_plan.hpp"
#include "messages/sql_request.hpp"

namespace medha::llm {

/// Receives a progress event's data (JSON) while the model works: the
/// prompt's size, retries, and the reply's text in pieces.
using progress_fn = std::function<void(const std::string& data_json)>;

/// One call's tokens (as the provider reported them; none without `reply`)
/// at the configured prices.
llm_usage usage_of(const llm_settings& settings, const completion* reply);

/// The `llm` strategy for one request: builds the prompt (within the budget),
/// calls the model, reads its reply. A failure of the model (network, budget,
/// nothing usable) returns `fallback` — the engine's own plan — with the
/// failure named, or a clarify when there is none. Blocking.
sql_plan write_sql(const llm_client& client, const sql_request& req, bool allow_data,
                   const sql_plan* fallback, const std::string& route_reason,
                   const progress_fn& progress = {});

} // namespace medha::llm
