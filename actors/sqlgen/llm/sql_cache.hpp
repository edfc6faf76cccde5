#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include <caf/fwd.hpp>

#include "messages/error.hpp"
#include "messages/sql_plan.hpp"

struct __natsConnection;

namespace medha::cache {
class kv_bucket;
}

namespace medha::llm {

/// What the cache keeps of a model's plan: its SQL and the model that wrote it.
struct cached_sql {
  std::string sql;
  std::string model_name;
};

/// The SQL a model wrote, shared by every worker (actors/cache/kv_bucket).
/// Only SQL that ran without error goes in. Every call blocks (a NATS round
/// trip): call it from a detached actor.
class sql_cache {
public:
  static constexpr const char* default_bucket = "MEDHA_CACHE_SQL";

  /// Creates the bucket (or binds to it when it exists). Fails with a clear
  /// message when the server has no JetStream.
  static std::variant<std::shared_ptr<sql_cache>, medha_error>
  open(__natsConnection* conn, std::chrono::seconds ttl, const std::string& bucket = default_bucket);


  /// nullopt: not cached, expired, or the server did not answer.
  std::optional<cached_sql> get(const std::string& key) const;
  /// False when the server did not take it (the next ask is a miss, no more).
  bool put(const std::string& key, const cached_sql& value) const;

private:
  explicit sql_cache(std::shared_ptr<cache::kv_bucket> bucket) : bucket_(std::move(bucket)) {}
  std::shared_ptr<cache::kv_bucket> bucket_;
};

/// The worker's cache (one worker per process), set once at start-up;
/// nullptr (the default) when it is off.
void install_sql_cache(std::shared_ptr<sql_cache> cache);
std::shared_ptr<sql_cache> installed_sql_cache();

/// Keeps a model's plan that ran without error (`plan.cache` "miss" with a
/// key) in the installed cache, on a detached actor: the put blocks.
void remember_sql(caf::actor_system& sys, const sql_plan& plan);

} // namespace medha::llm
