#pragma once

#include <string>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha {

enum class plan_outcome {
  answer,  // sql is ready to run
  clarify, // ambiguous or not understood: ask the user, offer choices
};

/// A column of the planned result and how it is used (drives the chart).
struct output_column {
  std::string name;
  column_role role = column_role::text;
};

/// One choice of a clarify event: what to show, and the text that picks it.
struct clarify_choice {
  std::string label;
  std::string reply; // sending this as the next turn resolves the question
};

/// The SQL stage's output for one question.
struct sql_plan {
  plan_outcome outcome = plan_outcome::answer;
  std::string sql;
  std::string explanation; // what the SQL does, in plain language
  double confidence = 0;   // 0..1
  std::string strategy = "embedded"; // "embedded", "llm" or "refine"
  std::string strategy_reason;       // why this strategy answered (hybrid routing)
  std::vector<output_column> columns;
  /// The query structure, serialized JSON that only sqlgen reads; carried to
  /// the next turn so follow-ups edit it, and stored with the conversation.
  std::string query_json;
  std::string chart_hint; // "", "kpi", "bar", "line", "table": the user asked for one
  /// What a listing's rows are, in words ("products", "tables"); empty when
  /// the rows are measures. The answer sentence names them with it.
  std::string subject;
  // -- clarify --
  std::string understood; // what the engine did understand, in words
  std::vector<clarify_choice> choices;
  /// A genuine ambiguity: the choices are readings between model elements
  /// (two columns, two join paths), which the user settles — never a model.
  /// A clarify without it is the engine abstaining (its choices, if any, are
  /// only starting points).
  bool ambiguous = false;
  std::string question_to_user; // a clarify's own question (the model's), shown as is
  // -- llm (strategy "llm") --
  size_t prompt_tokens = 0; // the prompt's approximate tokens (characters / 4)
  size_t prompt_budget = 0;
  int attempt = 0;          // 1 for the first SQL of the turn, 2.. for corrections
  bool data_shared = false; // result rows or column values went to the model
  std::string model_name;   // the provider's model that wrote it
  std::string failure;      // the model could not be used (network, budget): why
};

} // namespace medha
