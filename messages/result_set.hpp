#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace medha {

struct result_column {
  std::string name;
  std::string type; // PostgreSQL type name: "numeric", "bigint", "text", "date", ...
};

/// Rows of one query, values as PostgreSQL prints them (NULL = nullopt).
struct result_set {
  std::vector<result_column> columns;
  std::vector<std::vector<std::optional<std::string>>> rows; // capped
  uint64_t row_count = 0;  // rows read; when truncated, a lower bound of the whole result
  bool truncated = false;  // a row or byte cap stopped reading: there are more rows
  double elapsed_ms = 0;   // the executor's whole transaction
  double server_ms = 0;    // of that, the FETCH round trips: PostgreSQL running the query
};

/// True for PostgreSQL numeric types (int*, numeric, real, double precision, ...).
bool is_numeric_type(const std::string& pg_type);
/// True for character types (text, varchar, char, citext, names).
bool is_text_type(const std::string& pg_type);
/// True for date / timestamp types.
bool is_time_type(const std::string& pg_type);

} // namespace medha
