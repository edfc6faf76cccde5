#pragma once

// Hits and misses of the caches asked outside a turn's final event (the data
// source selection, metadata): counted where they are asked, read by `stats`.

#include <cstdint>
#include <map>
#include <string>

namespace medha::cache {

struct hit_counts {
  uint64_t hits = 0;
  uint64_t misses = 0;
};

/// Thread-safe; `kind` names the cache in `stats` ("sources", "metadata").
void count_lookup(const std::string& kind, bool hit);

/// Every kind counted since the process started.
std::map<std::string, hit_counts> lookup_counts();

} // namespace medha::cache
