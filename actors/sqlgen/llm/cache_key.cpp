#include "actors/sqlgen/llm/cache_key.hpp"

#include "actors/cache/kv_bucket.hpp"

namespace medha::llm {

std::string sql_cache_key(const sql_cache_inputs& in) {
  auto question = normalised_question(in.question);
  auto version = std::to_string(in.schema_version);
  return cache::hashed_key(
    {question, in.data_source, version, in.previous_query_json, in.model, in.examples});
}

} // namespace medha::llm
