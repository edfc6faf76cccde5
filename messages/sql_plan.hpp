#pragma once

#include <cstdint>
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

/// What calls to a language model cost: tokens as the provider counted them
/// (0 when it did not say) and the price of them from the config.
struct llm_usage {
  int64_t calls = 0;
  int64_t input_tokens = 0;
  int64_t output_tokens = 0;
  double cost = 0;     // input and output tokens at the configured prices
  bool priced = false; // a price is configured: `cost` means something

  llm_usage& operator+=(const llm_usage& o) {
    calls += o.calls;
    input_tokens += o.input_tokens;
    output_tokens += o.output_tokens;
    cost += o.cost;
    priced = priced || o.priced;
    return *this;
  }
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
  /// The model calls of this plan; the conversation sums them over the turn.
  llm_usage usage;
  /// The shared SQL cache: "hit" (no model call), "miss" (asked the model),
  /// "" (the cache is off or not asked). A miss keeps its key, under which
  /// the SQL is stored once it has run without error.
  std::string cache;
  std::string cache_key;
  /// The shared result cache: "hit" (the rows came from it, no query ran),
  /// "miss" (PostgreSQL ran it), "" (the cache is off).
  std::string result_cache;
  /// Who wrote the answer's sentence: "engine", or "model" (a data source that
  /// shares its data, with a model configured); why not the model when its
  /// call failed (the engine's sentence stands).
  std::string answer_by = "engine";
  std::string answer_failure;
};

} // namespace medha
