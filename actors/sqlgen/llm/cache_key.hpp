#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "actors/cache/kv_bucket.hpp"

namespace medha::llm {

/// What decides the SQL a model writes for a question: equal parts, equal
/// SQL. The conversation enters through the query structure it carries (a
/// follow-up means something else after another question).
struct sql_cache_inputs {
  std::string_view question;
  std::string_view data_source;
  uint64_t schema_version = 0;
  std::string_view previous_query_json; // "" for a first question
  std::string_view model;               // "provider/model": another model writes other SQL
  /// The user's verified examples the prompt shows, flattened: a user who
  /// taught the model gets SQL written with those examples, not another's.
  std::string_view examples;
};

using cache::normalised_question;

/// A key-value key (32 hex digits, FNV-1a 128 of the normalised parts).
std::string sql_cache_key(const sql_cache_inputs& in);

} // namespace medha::llm
