#pragma once

// The answer's sentence written by a model, for data sources that let a
// model see their data (allow_llm_to_see_data). Everywhere else, and when the
// call fails, the engine's own sentence stands: this never fails a turn.

#include <memory>

#include <caf/fwd.hpp>

namespace medha::llm {

struct llm_setup;

/// Answers (answer_atom, sql_request, std::string sql, result_set rows) with
/// an answer_sentence. A source that does not share its data gets the
/// engine's at once, with no call and no rows leaving the worker; a source
/// that does gets a detached actor per call (libcurl blocks), with the
/// conversation's chosen model.
caf::actor spawn_sentence_writer(caf::actor_system& sys, std::shared_ptr<const llm_setup> setup);

} // namespace medha::llm
