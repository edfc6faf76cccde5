#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "actors/sqlgen/query.hpp"

namespace medha::sqlgen {

/// The query structure as JSON: stored with the conversation, read back next turn.
std::string to_json(const query& q);

/// nullopt when `json` is empty or not a query this engine wrote.
std::optional<query> query_from_json(std::string_view json);

} // namespace medha::sqlgen
