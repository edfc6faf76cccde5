#include "actors/sqlgen/llm/sql_cache.hpp"

#include <mutex>

#include <boost/json.hpp>
#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <nats/nats.h>

namespace medha::llm {

namespace json = boost::json;

namespace {

medha_error kv_failure(const std::string& what, natsStatus s) {
  std::string detail = natsStatus_GetText(s);
  if (auto* last = nats_GetLastError(nullptr); last && *last)
    detail += std::string{": "} + last;
  return medha_error{error_code::internal, what + " (" + detail + ")"};
}

std::mutex installed_mx;
std::shared_ptr<sql_cache> installed;

} // namespace

std::variant<std::shared_ptr<sql_cache>, medha_error>
sql_cache::open(natsConnection* conn, std::chrono::seconds ttl, const std::string& bucket) {
  std::shared_ptr<sql_cache> out{new sql_cache};
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
    return kv_failure("cannot create the SQL cache bucket " + bucket, s);
  return out;
}

sql_cache::~sql_cache() {
  if (kv_)
    kvStore_Destroy(kv_);
  if (js_)
    jsCtx_Destroy(js_);
}

std::optional<cached_sql> sql_cache::get(const std::string& key) const {
  kvEntry* entry = nullptr;
  if (kvStore_Get(&entry, kv_, key.c_str()) != NATS_OK)
    return std::nullopt; // NATS_NOT_FOUND, or the server is away: ask the model
  std::string text{kvEntry_ValueString(entry) ? kvEntry_ValueString(entry) : ""};
  kvEntry_Destroy(entry);
  json::error_code ec;
  auto v = json::parse(text, ec);
  auto* o = ec ? nullptr : v.if_object();
  auto* sql = o ? o->if_contains("sql") : nullptr;
  auto* model = o ? o->if_contains("model") : nullptr;
  if (!sql || !sql->is_string() || sql->as_string().empty() || !model || !model->is_string())
    return std::nullopt; // not ours (an old format): the model writes it again
  return cached_sql{std::string{sql->as_string()}, std::string{model->as_string()}};
}

bool sql_cache::put(const std::string& key, const cached_sql& value) const {
  auto text = json::serialize(json::object{{"sql", value.sql}, {"model", value.model_name}});
  return kvStore_PutString(nullptr, kv_, key.c_str(), text.c_str()) == NATS_OK;
}

void install_sql_cache(std::shared_ptr<sql_cache> cache) {
  std::lock_guard<std::mutex> guard(installed_mx);
  installed = std::move(cache);
}

std::shared_ptr<sql_cache> installed_sql_cache() {
  std::lock_guard<std::mutex> guard(installed_mx);
  return installed;
}

void remember_sql(caf::actor_system& sys, const sql_plan& plan) {
  if (plan.cache != "miss" || plan.cache_key.empty() || plan.sql.empty())
    return;
  auto cache = installed_sql_cache();
  if (!cache)
    return;
  sys.spawn<caf::detached>([cache, key = plan.cache_key,
                            value = cached_sql{plan.sql, plan.model_name}] { cache->put(key, value); });
}

} // namespace medha::llm
