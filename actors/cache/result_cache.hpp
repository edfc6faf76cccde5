#pragma once

// Query results shared by every worker: the rows a query gave, kept in the
// JetStream bucket MEDHA_CACHE_RESULTS for its TTL (1 h by default), so the
// same SQL on the same data source and schema is not run again meanwhile.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <caf/fwd.hpp>

#include "messages/error.hpp"
#include "messages/result_set.hpp"

struct __natsConnection;

namespace medha::cache {

class kv_bucket;

/// The key of a result: the SQL run (as written), the data source and its
/// schema version (a new schema starts afresh).
std::string result_cache_key(std::string_view sql, std::string_view data_source,
                             uint64_t schema_version);

/// Rows as the bucket keeps them (cells as text, NULL as null) and back;
/// nullopt for a value that is not one (another format: a miss).
std::string encode_result(const result_set& rows);
std::optional<result_set> decode_result(std::string_view text);

/// Every call blocks (a NATS round trip): call it from a detached actor.
class result_cache {
public:
  static constexpr const char* default_bucket = "MEDHA_CACHE_RESULTS";
  /// Larger results are not kept: NATS takes at most 1 MiB a message.
  static constexpr size_t max_value_bytes = 512 * 1024;

  static std::variant<std::shared_ptr<result_cache>, medha_error>
  open(__natsConnection* conn, std::chrono::seconds ttl, const std::string& bucket = default_bucket);

  std::optional<result_set> get(const std::string& key) const;
  /// False when not kept (too large, or the server did not take it).
  bool put(const std::string& key, const result_set& rows) const;

private:
  explicit result_cache(std::shared_ptr<kv_bucket> bucket) : bucket_(std::move(bucket)) {}
  std::shared_ptr<kv_bucket> bucket_;
};

/// The worker's cache, set once at start-up; nullptr (the default) when off.
void install_result_cache(std::shared_ptr<result_cache> cache);
std::shared_ptr<result_cache> installed_result_cache();

/// A detached actor that answers one (execute_atom, key) with an
/// execute_reply holding the cached rows, or no rows on a miss, and quits.
caf::actor spawn_result_lookup(caf::actor_system& sys, std::shared_ptr<result_cache> cache);

/// Keeps rows under `key` in the installed cache, on a detached actor.
void remember_result(caf::actor_system& sys, const std::string& key, const result_set& rows);

} // namespace medha::cache
