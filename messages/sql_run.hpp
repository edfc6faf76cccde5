#pragma once

#include <string>
#include <string_view>

#include "messages/protocol.hpp"
#include "messages/result_set.hpp"

namespace medha {

/// The body of `medha.api.<user>.sql.run`: a user's own SELECT on a data
/// source, run through the worker's guard and executor.
struct sql_run_request {
  std::string data_source;
  std::string sql;
};

/// The longest statement `sql.run` takes; longer ones are `bad_request`.
constexpr size_t max_sql_run_bytes = 16384;

/// Strict: `data_source` a token, `sql` a non-blank string of at most
/// max_sql_run_bytes, no other keys but "v"; anything else is `bad_request`.
parsed<sql_run_request> decode_sql_run(std::string_view body_json);

/// The reply body: `{"data_source","columns","rows","row_count","truncated","query_ms"}`.
std::string sql_run_reply(const std::string& data_source, const result_set& rows);

} // namespace medha
