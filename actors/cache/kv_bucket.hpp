#pragma once

// A cache shared by every worker: a JetStream key-value bucket whose max age
// is the TTL, so entries expire on the server. One bucket per kind of cache
// (the model's SQL, query results), each with its own TTL.

#include <chrono>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "messages/error.hpp"

struct __natsConnection;
struct __jsCtx;
struct __kvStore;

namespace medha::cache {

/// Every call blocks (a NATS round trip): call it from a detached actor.
class kv_bucket {
public:
  /// Creates the bucket (or binds to it when another worker made it first,
  /// with whatever TTL it has). Fails with a clear message when the server
  /// has no JetStream.
  static std::variant<std::shared_ptr<kv_bucket>, medha_error>
  open(__natsConnection* conn, const std::string& bucket, std::chrono::seconds ttl);

  ~kv_bucket();
  kv_bucket(const kv_bucket&) = delete;
  kv_bucket& operator=(const kv_bucket&) = delete;

  /// nullopt: not there, expired, or the server did not answer (a miss).
  std::optional<std::string> get(const std::string& key) const;
  /// False when the server did not take it (the next ask is a miss, no more).
  bool put(const std::string& key, const std::string& value) const;

private:
  kv_bucket() = default;
  __jsCtx* js_ = nullptr;
  __kvStore* kv_ = nullptr;
};

/// A key-value key: 32 hex digits of FNV-1a 128 over the parts, each with its
/// length first (("ab","c") and ("a","bc") differ). Stable across builds and
/// machines, which a cache shared by workers needs (std::hash is not).
std::string hashed_key(std::initializer_list<std::string_view> parts);

/// The question as a cache compares it: lower case, words separated by one
/// space, no trailing punctuation ("Top customers?" = "top  customers").
std::string normalised_question(std::string_view question);

} // namespace medha::cache
