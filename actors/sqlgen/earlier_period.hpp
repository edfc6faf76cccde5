#pragma once

#include <optional>
#include <string>

#include "actors/sqlgen/query.hpp"

namespace medha::sqlgen {

/// "a year earlier?": `q` with its one calendar period moved back by
/// one `unit` ("year", "quarter", "month"). Nothing when `q` has no single
/// year, quarter or month of a known year to move, or the unit is finer
/// than the period ("the month before" 2024).
std::optional<query> one_period_earlier(query q, const std::string& unit);

} // namespace medha::sqlgen
