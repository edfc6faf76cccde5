#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace medha {

/// What a conversation carries from one turn to the next; stored as the
/// conversation record's state_json so it survives restarts.
struct carried_context {
  std::string last_query_json; // the last answered query structure (sqlgen's)
  std::string last_sql;
  std::string last_question;
  /// The schema version the last query was built on: a new schema drops it.
  uint64_t schema_version = 0;
  /// Set when discovery asked the user to choose a data source: the
  /// candidates and the question to answer once they chose.
  std::vector<std::string> source_choices;
  std::string pending_question;
  /// The last answered turns (question, SQL), oldest first, at most
  /// max_recent_turns: a language model's prompt shows them.
  std::vector<std::pair<std::string, std::string>> recent_turns;
  static constexpr size_t max_recent_turns = 3;
  /// The conversation's choice of language model ("" = the configured default).
  std::string llm_provider;
  std::string llm_model;
};

std::string encode_carried_context(const carried_context& ctx);
carried_context decode_carried_context(const std::string& json); // lenient: "" → empty

} // namespace medha
