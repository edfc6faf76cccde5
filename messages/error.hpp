#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace medha {

/// Stable error codes: clients react to these, so names never change.
enum class error_code {
  bad_request,            // malformed JSON, wrong field type, bad subject token
  payload_too_large,      // message over the configured size bound
  not_found,              // unknown conversation (or another user's), data source
  busy,                   // too many turns waiting for one conversation
  datasource_unavailable, // PostgreSQL down or refusing connections
  query_timeout,          // statement_timeout hit
  query_failed,           // PostgreSQL rejected the SQL
  unsafe_sql,             // the guard refused the SQL before it ran
  no_data_source,         // no data source registered or selected
  cancelled,              // the user cancelled the turn
  internal,               // a bug: the message says what failed
  store_failed,           // the turn could not be stored: not answered
  forbidden,              // a data source the user is not granted
  rate_limited,           // over the user's turns per minute or concurrent turns
  llm_not_offered,        // a language model the configuration does not offer
  too_many_attempts,      // a turn delivered turn_max_deliveries times without ending
};

/// The wire name of a code ("bad_request", ...).
const char* to_string(error_code code);

/// Parses a wire name back; returns false for unknown names.
bool from_string(std::string_view name, error_code& out);

/// An expected failure, carried as a value (DuckDB style), never thrown across actors.
struct medha_error {
  error_code code = error_code::internal;
  std::string message; // a sentence a person can act on
  int64_t retry_after_ms = 0; // rate_limited: when a new turn may succeed
};

/// `rate_limited` past a user's turns per minute; a turn may start in `wait_ms`.
medha_error too_many_per_minute(int per_minute, int64_t wait_ms);

/// `rate_limited` past a user's concurrent turns.
medha_error too_many_at_once(int concurrent);

} // namespace medha
