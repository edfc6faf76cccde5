#pragma once

// Ranked data sources as JSON: the discovery event shows them, the shared
// data source selection cache keeps them, in this one shape.

#include <optional>
#include <vector>

#include <boost/json/fwd.hpp>

#include "messages/discovery_result.hpp"

namespace medha {

/// [{"data_source","description","score","why":[{"word","hit"}],
///   "tables":[{"table","score","why"}]}], best first.
boost::json::array sources_to_json(const std::vector<source_match>& sources);

/// nullopt when `v` is not that shape.
std::optional<std::vector<source_match>> sources_from_json(const boost::json::value& v);

} // namespace medha
