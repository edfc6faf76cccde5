#include "actors/sqlgen/llm/cache_key.hpp"

#include <cctype>

#include "actors/cache/kv_bucket.hpp"

namespace medha::llm {


std::string normalised_question(std::string_view question) {
  std::string out;
  bool gap = false;
  for (unsigned char c : question) {
    if (std::isspace(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap)
      out += ' ';
    gap = false;
    out += static_cast<char>(std::tolower(c));
  }
  while (!out.empty() && (out.back() == '?' || out.back() == '.' || out.back() == '!'
                          || out.back() == ' '))
    out.pop_back();
  return out;
}

std::string sql_cache_key(const sql_cache_inputs& in) {
  auto question = normalised_question(in.question);
  auto version = std::to_string(in.schema_version);
  return cache::hashed_key(
    {question, in.data_source, version, in.previous_query_json, in.model, in.examples});
}

} // namespace medha::llm
