#pragma once

#include <string>
#include <vector>

#include "actors/sqlgen/query.hpp"
#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

namespace medha::sqlgen {

class indexed_model;

enum class compile_status {
  ok,
  unknown_reference, // a table, column or metric the model does not have
  not_connected,     // no join path between the tables the query needs
  ambiguous_join,    // two shortest join paths: the user must pick
  unsupported,       // e.g. a percentage of a metric that is not one aggregate
};

struct compiled_query {
  compile_status status = compile_status::ok;
  std::string sql;
  std::vector<output_column> columns;
  std::vector<std::string> tables; // every table used, root first
  std::string detail;              // what went wrong, in words
  std::vector<std::string> ambiguous_tables; // reached by two equally short paths
};

/// The query structure as one PostgreSQL SELECT: identifiers quoted, columns
/// table-qualified, joins along foreign keys, the model's rules applied to
/// every table used. Deterministic: the same structure gives the same text.
compiled_query compile(const indexed_model& model, const query& q);

/// The table a query starts from: its first measure's table, else its entity.
std::string root_table(const indexed_model& model, const query& q);

/// The table a measure's rows come from.
std::string measure_table(const indexed_model& model, const measure& m);

/// The name a measure's column gets in the result.
std::string measure_alias(const indexed_model& model, const measure& m);

} // namespace medha::sqlgen
