#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/sqlgen/llm/provider.hpp"
#include "messages/result_set.hpp"
#include "messages/semantic_model.hpp"
#include "messages/sql_request.hpp"

namespace medha::llm {

/// Approximate tokens of a text: characters / 4, rounded up. Real tokenizers
/// give about 3.5–4.5 characters a token on English and SQL; the budget is a
/// bound on cost and context size, not an exact count, so one rule for every
/// provider keeps the prompt builder free of tokenizers.
size_t approx_tokens(std::string_view text);

/// What a prompt may use.
struct prompt_input {
  const semantic_model* model = nullptr; // already pruned to the question's tables
  std::string question;
  std::vector<prior_turn> history;     // oldest first
  std::vector<failed_attempt> failed;  // this turn's SQL that failed, oldest first
  /// The data source's allow_llm_to_see_data: column values and the last
  /// answer's rows go into the prompt only when set.
  bool allow_data = false;
  const result_set* last_rows = nullptr;
  /// Verified examples retrieved for this question (the user's and the
  /// operators'), closest first; shown before the model file's.
  std::vector<verified_example> examples;
  size_t token_budget = 8000;
  size_t max_history = 3;  // turns
  size_t max_examples = 5; // verified examples of the model
  size_t max_rows = 5;     // of the last answer, when allowed
};

struct built_prompt {
  chat_prompt chat;
  size_t tokens = 0; // approx_tokens of every text sent
  size_t budget = 0;
  bool fits = false; // false: even the smallest prompt is over budget (not to be sent)
  std::vector<std::string> trimmed; // what was left out to fit, in words
  bool data_shared = false;         // column values or rows are in the prompt
};

/// The instructions: PostgreSQL dialect rules and the reply format.
const std::string& dialect_rules();

/// The model's tables as compact DDL: columns with types, keys, references
/// and comments (and sampled values when `with_values`).
std::string schema_ddl(const semantic_model& model, bool with_comments, bool with_values);

/// Metrics, glossary and rules of the model, as short lines.
std::string business_context(const semantic_model& model);

/// Rows as the prompt shows them: the column names, then at most `max_rows`
/// rows, cells separated by " | " (NULL as NULL), one line each.
std::string rows_table(const result_set& rows, size_t max_rows);

/// Builds the prompt from the schema, business context, verified examples,
/// recent turns with their SQL and the failed attempts, then leaves out, in
/// this order, until it fits the budget: older turns, examples, column
/// values, the last answer's rows, column comments, tables the question and
/// history do not name (last first).
built_prompt build_prompt(const prompt_input& in);

} // namespace medha::llm
