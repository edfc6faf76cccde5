#include "actors/cache/installed_buckets.hpp"

#include <map>
#include <mutex>

namespace medha::cache {

namespace {

std::mutex buckets_mutex;
std::map<std::string, std::shared_ptr<kv_bucket>> buckets;

} // namespace

void install_bucket(const std::string& kind, std::shared_ptr<kv_bucket> bucket) {
  std::lock_guard<std::mutex> guard{buckets_mutex};
  buckets[kind] = std::move(bucket);
}

std::shared_ptr<kv_bucket> installed_bucket(const std::string& kind) {
  std::lock_guard<std::mutex> guard{buckets_mutex};
  auto found = buckets.find(kind);
  return found == buckets.end() ? nullptr : found->second;
}

} // namespace medha::cache
