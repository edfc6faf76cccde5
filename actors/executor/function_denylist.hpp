#pragma once

#include <string_view>

namespace medha {

/// The guard's second line of defence behind the allowlist
/// (function_families.hpp): a name here is refused even if it were ever added
/// to a safe family, and a test checks that no family holds one.
/// True when a function must never run from a generated query: it sleeps,
/// touches the server's files, opens other connections, changes settings,
/// signals backends, takes locks, or runs SQL given as a string (which would
/// escape the guard). `name` is the unqualified function name, any case; a
/// schema qualification (pg_catalog.pg_sleep) is stripped by the caller so it
/// cannot be used to get around the list.
bool is_denied_function(std::string_view name);

} // namespace medha
