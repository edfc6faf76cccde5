#pragma once

#include <string>

namespace medha {

/// A chart for a result: its kind and a Vega-Lite v5 spec with the data inline.
struct chart {
  std::string kind;      // "kpi", "bar", "line", "scatter", "table"
  std::string spec_json; // Vega-Lite v5 JSON ("{}" for kpi/table without a spec)
};

} // namespace medha
