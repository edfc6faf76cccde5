#pragma once

#include <string>

#include "messages/sql_plan.hpp"

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
route decide_route(const sql_plan& embedded, bool model_configured);

} // namespace medha::llm
