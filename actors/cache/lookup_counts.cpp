#include "actors/cache/lookup_counts.hpp"

#include <mutex>

namespace medha::cache {

namespace {

std::mutex counts_mutex;
std::map<std::string, hit_counts> counts;

} // namespace

void count_lookup(const std::string& kind, bool hit) {
  std::lock_guard<std::mutex> guard{counts_mutex};
  auto& c = counts[kind];
  (hit ? c.hits : c.misses) += 1;
}

std::map<std::string, hit_counts> lookup_counts() {
  std::lock_guard<std::mutex> guard{counts_mutex};
  return counts;
}

} // namespace medha::cache
