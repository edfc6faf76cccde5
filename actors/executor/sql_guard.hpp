#pragma once

#include <optional>
#include <string_view>

#include "messages/error.hpp"

namespace medha {

/// Decides whether generated SQL may run, before it reaches PostgreSQL.
///
/// Parses `sql` with PostgreSQL's own parser (libpg_query) so that comments,
/// quoting and nesting cannot hide anything, then allows exactly one SELECT
/// (WITH ... SELECT, UNION, VALUES and TABLE included). Returns nothing when
/// the SQL may run, otherwise:
///  - `unsafe_sql`: several statements, anything but SELECT, a data-modifying
///    statement nested in a WITH clause, SELECT INTO, a locking clause
///    (FOR UPDATE / SHARE / ...), or a call to a denied function (see
///    function_denylist.hpp) anywhere in the tree, schema-qualified or not;
///  - `query_failed`: a syntax error, with the parser's message and position.
/// Never throws.
std::optional<medha_error> check_sql(std::string_view sql);

} // namespace medha
