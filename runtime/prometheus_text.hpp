#pragma once

#include <string>

#include "runtime/turn_stats.hpp"

namespace medha {

/// A worker's counters in the Prometheus text exposition format (0.0.4):
/// turns and their outcomes, errors by code, conversations in memory, and a
/// latency histogram per step (seconds, as Prometheus expects). `worker`
/// labels nothing: Prometheus adds the scraped instance itself.
std::string prometheus_text(const turn_stats::totals& totals);

} // namespace medha
