#include "actors/cache/kv_bucket.hpp"

#include <cctype>

#include <nats/nats.h>

namespace medha::cache {

namespace {

medha_error kv_failure(const std::string& what, natsStatus s) {
  std::string detail = natsStatus_GetText(s);
  if (auto* last = nats_GetLastError(nullptr); last && *last)
    detail += std::string{": "} + last;
  return medha_error{error_code::internal, what + " (" + detail + ")"};
}

using u128 = unsigned __int128;

} // namespace

std::variant<std::shared_ptr<kv_bucket>, medha_error>
kv_bucket::open(natsConnection* conn, const std::string& bucket, std::chrono::seconds ttl) {
  std::shared_ptr<kv_bucket> out{new kv_bucket};
  if (auto s = natsConnection_JetStream(&out->js_, conn, nullptr); s != NATS_OK)
    return kv_failure("JetStream context", s);
  kvConfig cfg;
  kvConfig_Init(&cfg);
  cfg.Bucket = bucket.c_str();
  cfg.History = 1;
  cfg.TTL = std::chrono::duration_cast<std::chrono::nanoseconds>(ttl).count();
  cfg.StorageType = js_FileStorage;
  if (js_CreateKeyValue(&out->kv_, out->js_, &cfg) == NATS_OK)
    return out;
  // Another worker made it first with another TTL: use it as it is.
  if (auto s = js_KeyValue(&out->kv_, out->js_, bucket.c_str()); s != NATS_OK)
    return kv_failure("cannot create the cache bucket " + bucket, s);
  return out;
}

kv_bucket::~kv_bucket() {
  if (kv_)
    kvStore_Destroy(kv_);
  if (js_)
    jsCtx_Destroy(js_);
}

std::optional<std::string> kv_bucket::get(const std::string& key) const {
  kvEntry* entry = nullptr;
  if (kvStore_Get(&entry, kv_, key.c_str()) != NATS_OK)
    return std::nullopt; // NATS_NOT_FOUND, or the server is away
  auto* bytes = static_cast<const char*>(kvEntry_Value(entry));
  std::string value{bytes ? bytes : "", bytes ? static_cast<size_t>(kvEntry_ValueLen(entry)) : 0};
  kvEntry_Destroy(entry);
  return value;
}

bool kv_bucket::put(const std::string& key, const std::string& value) const {
  return kvStore_Put(nullptr, kv_, key.c_str(), value.data(), static_cast<int>(value.size()))
         == NATS_OK;
}

std::string hashed_key(std::initializer_list<std::string_view> parts) {
  u128 h = (u128{0x6c62272e07bb0142ULL} << 64) | 0x62b821756295c58dULL;
  constexpr u128 prime = (u128{1} << 88) | 0x13b;
  auto bytes = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= prime;
    }
  };
  for (auto part : parts) {
    bytes(std::to_string(part.size()));
    bytes(":");
    bytes(part);
  }
  static const char* digits = "0123456789abcdef";
  std::string key(32, '0');
  for (int i = 31; i >= 0; --i) {
    key[static_cast<size_t>(i)] = digits[static_cast<unsigned>(h & 0xf)];
    h >>= 4;
  }
  return key;
}

std::string normalised_question(std::string_view question) {
  std::string out;
  bool gap = false;
  for (unsigned char c : question) {
    if (std::isspace(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap)
      out += ' ';
    gap = false;
    out += static_cast<char>(std::tolower(c));
  }
  while (!out.empty() && (out.back() == '?' || out.back() == '.' || out.back() == '!'
                          || out.back() == ' '))
    out.pop_back();
  return out;
}

} // namespace medha::cache
