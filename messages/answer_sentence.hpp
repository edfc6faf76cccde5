#pragma once

#include <string>

#include "messages/sql_plan.hpp"

namespace medha {

/// The answer's sentence as a language model wrote it, or why the engine's
/// own stands.
struct answer_sentence {
  std::string text;          // "" : the engine's sentence stands
  std::string by = "engine"; // "model" when `text` is the model's
  std::string failure;       // the model was asked and failed: why
  llm_usage usage;           // the call's, when one was made
};

} // namespace medha
