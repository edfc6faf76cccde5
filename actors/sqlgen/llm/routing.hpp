#pragma once

#include <string>

#include "messages/sql_plan.hpp"
#include "messages/sql_request.hpp"

namespace medha::llm {

/// Which path answers a question, and why (the answer event carries both).
struct route {
  enum class path {
    embedded, // the engine's plan stands: an answer, or a clarify without a model to ask
    ask_user, // the engine found a genuine ambiguity between model elements
    model,    // the engine abstained: the language model writes the SQL
  };
  path to = path::embedded;
  std::string reason;
};

/// Hybrid routing: the embedded engine first; the model only when the engine
/// abstains (words it could not place, a reading too weak to trust, nothing
/// to compute — even when it offers starting points as choices). A genuine
/// ambiguity between model elements (plan.ambiguous: two columns, two join
/// paths) is the user's to settle, and an answer never goes to the model.
/// `after_model_sql`: the conversation's last answer is SQL without a query
/// structure (the model's); the engine then read a follow-up ("what are
/// their names?") without what it points back to, so its readings are
/// guesses, not a genuine ambiguity, and the model — which sees that SQL —
/// writes it (or asks the user itself).
route decide_route(const sql_plan& embedded, bool model_configured, bool after_model_sql = false);

/// True when the request follows an answer whose SQL the engine has no
/// structure for: a previous turn with SQL and no previous query structure.
bool follows_model_sql(const sql_request& req);

} // namespace medha::llm
