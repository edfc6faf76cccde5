#pragma once

#include <string>
#include <string_view>

#include "actors/sqlgen/query.hpp"
#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

class indexed_model;

/// "name" with embedded quotes doubled.
std::string quote_identifier(std::string_view name);
/// "table"."column"
std::string qualified(const column_ref& c);
/// "table", or "schema"."table" outside the public schema.
std::string table_reference(const indexed_model& model, const std::string& table);
/// 'text' with embedded quotes doubled.
std::string string_literal(std::string_view text);
/// True for an integer or decimal literal (optionally negative).
bool is_number(std::string_view text);

/// Rewrites a model SQL expression (a metric or a rule) so that every column it
/// names is table-qualified and quoted; keywords, functions and literals stay.
std::string qualify_expression(const indexed_model& model, std::string_view expression,
                               const std::string& default_table);

/// Splits "SUM(inner)" into its function and argument; false when the
/// expression is not a single outer call.
bool split_outer_call(std::string_view expression, std::string& function,
                      std::string& argument);

} // namespace medha::sqlgen
