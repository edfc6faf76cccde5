#pragma once

// A shared cache bucket as the NATS server holds it, read straight from the
// server (not through the worker).

#include <cstddef>
#include <optional>

#include <nats/nats.h>

#include "tests/support/servers.hpp"

namespace medha::testing {

/// How many keys the bucket holds; nullopt when it does not exist (or the
/// server cannot be reached).
inline std::optional<size_t> bucket_keys(const nats_server& nats, const char* bucket) {
  natsConnection* conn = nullptr;
  if (natsConnection_ConnectTo(&conn, nats.service_url().c_str()) != NATS_OK)
    return std::nullopt;
  jsCtx* js = nullptr;
  kvStore* kv = nullptr;
  std::optional<size_t> n;
  if (natsConnection_JetStream(&js, conn, nullptr) == NATS_OK
      && js_KeyValue(&kv, js, bucket) == NATS_OK) {
    n = 0;
    kvKeysList keys{};
    if (kvStore_Keys(&keys, kv, nullptr) == NATS_OK) {
      n = static_cast<size_t>(keys.Count);
      kvKeysList_Destroy(&keys);
    }
  }
  if (kv)
    kvStore_Destroy(kv);
  if (js)
    jsCtx_Destroy(js);
  natsConnection_Destroy(conn);
  return n;
}

} // namespace medha::testing
