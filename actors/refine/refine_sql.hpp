#pragma once

// Refinement of the last query: a structured edit of a SELECT's parse tree.
//
// The API `medha.api.<user>.refine` carries one operation as a JSON object. The
// keys "v" and "conversation" belong to the API envelope: parse_refinement
// ignores them. Every other key must be one the operation names below; unknown
// keys, missing keys and wrong types are `bad_request` errors.
//
//   {"op":"add_filter","column":"regions.name","operator":"=","value":"West"}
//       column    identifier (see below)
//       operator  "=", "<>", "<", "<=", ">", ">=", "like", "ilike", "in",
//                 "is_null", "is_not_null"
//       value     a string, number or boolean for the comparisons; a string for
//                 like/ilike; a non-empty array of strings/numbers/booleans for
//                 "in"; absent for is_null/is_not_null. JSON null is refused
//                 (use is_null). Values always become SQL constants, never SQL
//                 text: "x'; DROP TABLE t; --" stays the string 'x''; DROP ...'.
//     The condition is ANDed to the outermost SELECT's WHERE clause. When
//     `column` is a single name that names an output column of that SELECT (its
//     alias, or the implicit name of a plain column or function call), the
//     condition is put on that output column's expression: in HAVING when the
//     expression contains an aggregate (count, sum, ...), else in WHERE. An
//     output column computed by a window function cannot be filtered. A UNION /
//     INTERSECT / EXCEPT at the top level is refused (its arms may name columns
//     differently: refine one arm's query instead).
//
//   {"op":"change_limit","limit":10}
//       limit     an integer from 1 to 2147483647, or null to remove the LIMIT.
//                 OFFSET is kept; FETCH FIRST ... WITH TIES stays WITH TIES.
//
//   {"op":"add_columns","columns":["customers.city","region"]}
//       columns   a non-empty array (at most 32) of distinct identifiers.
//     Each column is appended to the outermost select list (a column already
//     in the list, as the same reference, is not added again). When the query
//     has a GROUP BY, the new columns are appended to it too; when it has no
//     GROUP BY but aggregates in its select list, a GROUP BY of the new columns
//     is created (the total becomes a breakdown). Refused on a top-level UNION.
//
//   {"op":"change_sort","column":"revenue","direction":"desc"}
//       column    identifier: an output column name or an input column.
//       direction "asc" or "desc"; optional, default "asc".
//     Replaces the whole ORDER BY. On a UNION the column must be one name.
//
//   {"op":"simplify"}
//     Drops ORDER BY, LIMIT/OFFSET and every WHERE and HAVING condition of the
//     outermost SELECT (of every arm, on a UNION), keeping the select list,
//     FROM/JOINs, GROUP BY, DISTINCT and WITH.
//
// Identifiers: one to three dot-separated parts (column, table.column,
// schema.table.column). A part is either unquoted, [A-Za-z_][A-Za-z0-9_$]*
// (non-ASCII letters allowed), folded to lower case as PostgreSQL does, or
// double-quoted, taken verbatim with "" for a quote inside. At most 63 bytes a
// part, no spaces around the dots, no "*".
//
// The SQL to refine must be exactly one SELECT (WITH ... SELECT included: the
// outer SELECT is edited, the CTEs are kept). VALUES, SELECT INTO, other
// statements and several statements are refused with `bad_request`. The new SQL
// is PostgreSQL's deparsed text of the edited tree (libpg_query), so it is
// normalised (keywords upper case, identifiers quoted only where needed).
// Nothing here throws.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "messages/error.hpp"

namespace medha {

enum class refine_op { add_filter, change_limit, add_columns, change_sort, simplify };

enum class filter_operator { eq, ne, lt, le, gt, ge, like, ilike, in, is_null, is_not_null };

/// A column reference: its parts unquoted and case-folded (["regions", "name"]).
struct column_name {
  std::vector<std::string> parts;
};

/// A number as SQL literal text, produced from a JSON number (never user text):
/// "42", "-7", "1.5", "1e+20".
struct numeric_literal {
  std::string text;
};

using filter_value = std::variant<std::string, numeric_literal, bool>;

struct refinement {
  refine_op op = refine_op::simplify;
  // add_filter
  column_name column; // also change_sort
  filter_operator oper = filter_operator::eq;
  std::vector<filter_value> values; // one; several for `in`; none for is_null / is_not_null
  // change_limit: nothing removes the LIMIT
  std::optional<int64_t> limit;
  // add_columns
  std::vector<column_name> columns;
  // change_sort
  bool descending = false;
};

/// Parses and validates a refine request body (see the format above).
std::variant<refinement, medha_error> parse_refinement(std::string_view body_json);

/// Applies `r` to `sql` and returns the new SQL, or a `bad_request` error saying
/// why the query cannot be refined that way (`internal` only for a library failure).
std::variant<std::string, medha_error> refine_sql(std::string_view sql, const refinement& r);

/// The wire names: "add_filter", ..., and "=", "like", "is_null", ...
const char* to_string(refine_op op);
const char* to_string(filter_operator op);

/// Parses an identifier as described above; nullopt when it is not one.
std::optional<column_name> parse_column_name(std::string_view text);

} // namespace medha
