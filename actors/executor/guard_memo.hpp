#pragma once

#include <string_view>

#include "messages/relation_set.hpp"

namespace medha {

/// Statements the guard passed lately in this process, each with the
/// relations it was checked against. A turn's SQL is checked twice, by the
/// conversation (its own visible step) and again by the executor (defense in
/// depth); the guard is a pure function of (sql, relations), so the second
/// check of the same text and relations finds the first verdict here instead
/// of parsing the SQL again. Only passes are kept; text and relations are
/// compared in full, never by hash alone. Thread-safe; bounded (a few hundred
/// entries, the older ones replaced).
bool guard_passed_before(std::string_view sql, const relation_set* relations);

/// Records that the guard passed `sql` against `relations` (nullptr: none).
void remember_guard_pass(std::string_view sql, const relation_set* relations);

} // namespace medha
