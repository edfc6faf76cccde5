#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <caf/actor_control_block.hpp>

#include "messages/result_set.hpp"
#include "messages/semantic_model.hpp"
#include "messages/stage_replies.hpp"

namespace medha {

/// An earlier turn of the conversation, for a model's prompt.
struct prior_turn {
  std::string question;
  std::string sql; // "" when the turn ended without SQL
};

/// SQL of this turn that failed, and why (self-correction feeds it back).
struct failed_attempt {
  std::string sql;
  std::string error; // the guard's refusal or PostgreSQL's message
};

/// What the SQL stage gets for one question.
struct sql_request {
  model_ptr model;
  std::string question;
  std::string previous_query_json; // the last answered query structure ("" for none)
  std::string data_source;
  /// The conversation's choice of language model ("" = the configured default).
  std::string llm_provider;
  std::string llm_model;
  std::vector<prior_turn> history; // oldest first
  /// Verified examples of this user and data source (their thumbs-up and
  /// what operators approved for everyone): the engine reuses one that
  /// matches the question; a model gets the closest ones.
  std::vector<verified_example> examples;
  /// The last answer's rows (capped); a model sees them only when the data
  /// source's config sets allow_llm_to_see_data.
  std::optional<result_set> last_rows;
  /// Non-empty: this is a correction; the model gets these back and the
  /// embedded engine is not asked again.
  std::vector<failed_attempt> failed;
  /// Receives (progress_atom, progress_tag, data JSON) while the SQL is written
  /// (the conversation actor, which publishes `sql` progress events); may be null.
  caf::strong_actor_ptr progress;
  uint64_t progress_tag = 0;
};

} // namespace medha
