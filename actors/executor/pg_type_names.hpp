#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace medha {

/// The format_type() name of a built-in PostgreSQL type OID ("bigint",
/// "timestamp without time zone", "text[]", ...), or nullopt for OIDs this
/// table does not know (user types, rare built-ins): the query runner looks
/// those up in pg_type once per connection. Built-in OIDs never change across
/// servers, so the common case needs no round trip.
std::optional<std::string> builtin_type_name(uint32_t oid);

} // namespace medha
