#pragma once

#include <vector>

namespace medha {

/// Nearest-rank percentile (`q` in 0..1) of unsorted values; 0 when empty.
double percentile(std::vector<double> values, double q);

} // namespace medha
