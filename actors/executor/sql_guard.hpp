#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "messages/error.hpp"
#include "messages/relation_set.hpp"

namespace medha {

/// Why the guard refused a statement.
struct guard_refusal {
  error_code code = error_code::unsafe_sql; // query_failed for a syntax error
  std::string rule;    // stable id: not_select, function_not_allowed:pg_sleep, ...
  std::string message; // for a person, naming what to change
};

/// Decides whether SQL may run, before it reaches PostgreSQL. An allowlist:
/// parses `sql` with PostgreSQL's own parser (libpg_query), so comments,
/// quoting and nesting hide nothing, and accepts only
///  - exactly one SELECT (WITH ... SELECT, UNION, VALUES, TABLE);
///  - parse nodes of plain queries (no XMLTABLE, TABLESAMPLE, XML ...);
///  - functions of the safe families (function_families.hpp), bare or
///    pg_catalog-qualified; in FROM only the allowed set-returning ones;
///  - operators and cast types of those families;
///  - relations of `relations` (schema-qualified; a bare name matches a table
///    of that name in any of them; CTE names in scope are allowed too). With
///    no set (offline checks), any relation outside the system schemas;
///  - generate_series over at most a million rows when its bounds are literal.
/// Rules (the `rule` of the refusal): empty, nul_character, syntax_error,
/// multiple_statements, not_select, data_modifying_cte, select_into,
/// locking_clause, syntax_not_allowed:<node>, function_not_allowed:<name>,
/// operator_not_allowed:<op>, cast_not_allowed:<type>,
/// relation_not_allowed:<name>, set_returning_bound, value_size_bound:<fn>,
/// too_deep. Never throws.
std::optional<guard_refusal> inspect_sql(std::string_view sql,
                                         const relation_set* relations = nullptr);

/// inspect_sql as an error: code unsafe_sql (query_failed for a syntax error),
/// the message ending in "(rule: <id>)".
std::optional<medha_error> check_sql(std::string_view sql, const relation_set* relations = nullptr);

} // namespace medha
