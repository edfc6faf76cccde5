#include "actors/sqlgen/llm/sql_cache.hpp"

#include <mutex>

#include <boost/json.hpp>
#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>

#include "actors/cache/kv_bucket.hpp"

namespace medha::llm {

namespace json = boost::json;

namespace {

std::mutex installed_mx;
std::shared_ptr<sql_cache> installed;

} // namespace

std::variant<std::shared_ptr<sql_cache>, medha_error>
sql_cache::open(__natsConnection* conn, std::chrono::seconds ttl, const std::string& bucket) {
  auto opened = cache::kv_bucket::open(conn, bucket, ttl);
  if (auto* err = std::get_if<medha_error>(&opened))
    return *err;
  return std::shared_ptr<sql_cache>{new sql_cache{std::get<0>(std::move(opened))}};
}

std::optional<cached_sql> sql_cache::get(const std::string& key) const {
  auto text = bucket_->get(key);
  if (!text)
    return std::nullopt; // not there, or the server is away: ask the model
  json::error_code ec;
  auto v = json::parse(*text, ec);
  auto* o = ec ? nullptr : v.if_object();
  auto* sql = o ? o->if_contains("sql") : nullptr;
  auto* model = o ? o->if_contains("model") : nullptr;
  if (!sql || !sql->is_string() || sql->as_string().empty() || !model || !model->is_string())
    return std::nullopt; // not ours (an old format): the model writes it again
  return cached_sql{std::string{sql->as_string()}, std::string{model->as_string()}};
}

bool sql_cache::put(const std::string& key, const cached_sql& value) const {
  return bucket_->put(key, json::serialize(json::object{{"sql", value.sql}, {"model", value.model_name}}));
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
