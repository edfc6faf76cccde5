#pragma once

// The shared caches a worker opened at start-up, by kind ("sources",
// "metadata"): actors far from main() find them here. A kind not installed
// (TTL 0, no JetStream) is off: its lookups are skipped, nothing is kept.

#include <memory>
#include <string>

namespace medha::cache {

class kv_bucket;

/// Thread-safe; installing again replaces the kind's bucket.
void install_bucket(const std::string& kind, std::shared_ptr<kv_bucket> bucket);

/// nullptr when the kind is off.
std::shared_ptr<kv_bucket> installed_bucket(const std::string& kind);

} // namespace medha::cache
