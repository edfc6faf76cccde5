#pragma once

#include <string>
#include <utility>
#include <vector>

namespace medha::sqlgen {

/// The codes a column's description spells out ("1 for open, 0 for
/// closed", "Y = yes"), as (code, what it means) pairs; empty when it has none.
std::vector<std::pair<std::string, std::string>> value_legend(const std::string& description);

} // namespace medha::sqlgen
