#include "actors/cache/result_cache.hpp"

#include <atomic>

#include <boost/json.hpp>
#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>

#include "actors/cache/kv_bucket.hpp"
#include "messages/stage_replies.hpp"
#include "messages/type_ids.hpp"

namespace medha::cache {

namespace json = boost::json;

namespace {

std::shared_ptr<result_cache> installed; // read and set atomically

const json::array* array_at(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v ? v->if_array() : nullptr;
}

} // namespace

std::string result_cache_key(std::string_view sql, std::string_view data_source,
                             uint64_t schema_version) {
  auto version = std::to_string(schema_version);
  return hashed_key({"result", sql, data_source, version});
}

std::string encode_result(const result_set& rows) {
  json::array columns;
  for (auto& c : rows.columns)
    columns.push_back(json::array{json::string{c.name}, json::string{c.type}});
  json::array data;
  for (auto& row : rows.rows) {
    json::array cells;
    for (auto& cell : row)
      cells.push_back(cell ? json::value(json::string{*cell}) : json::value(nullptr));
    data.push_back(std::move(cells));
  }
  return json::serialize(json::object{{"columns", std::move(columns)},
                                      {"rows", std::move(data)},
                                      {"row_count", rows.row_count},
                                      {"truncated", rows.truncated}});
}

std::optional<result_set> decode_result(std::string_view text) {
  json::error_code ec;
  auto v = json::parse(text, ec);
  auto* o = ec ? nullptr : v.if_object();
  auto* columns = o ? array_at(*o, "columns") : nullptr;
  auto* data = o ? array_at(*o, "rows") : nullptr;
  auto* count = o ? o->if_contains("row_count") : nullptr;
  auto* truncated = o ? o->if_contains("truncated") : nullptr;
  if (!columns || !data || !count || !count->is_number() || !truncated || !truncated->is_bool())
    return std::nullopt;
  result_set out;
  for (auto& c : *columns) {
    auto* pair = c.if_array();
    if (!pair || pair->size() != 2 || !(*pair)[0].is_string() || !(*pair)[1].is_string())
      return std::nullopt;
    out.columns.push_back({std::string{(*pair)[0].as_string()}, std::string{(*pair)[1].as_string()}});
  }
  for (auto& r : *data) {
    auto* cells = r.if_array();
    if (!cells || cells->size() != out.columns.size())
      return std::nullopt;
    std::vector<std::optional<std::string>> row;
    for (auto& cell : *cells) {
      if (cell.is_null())
        row.emplace_back(std::nullopt);
      else if (cell.is_string())
        row.emplace_back(std::string{cell.as_string()});
      else
        return std::nullopt;
    }
    out.rows.push_back(std::move(row));
  }
  out.row_count = count->to_number<uint64_t>();
  out.truncated = truncated->as_bool();
  return out;
}

std::variant<std::shared_ptr<result_cache>, medha_error>
result_cache::open(__natsConnection* conn, std::chrono::seconds ttl, const std::string& bucket) {
  auto opened = kv_bucket::open(conn, bucket, ttl);
  if (auto* err = std::get_if<medha_error>(&opened))
    return *err;
  return std::shared_ptr<result_cache>{new result_cache{std::get<0>(std::move(opened))}};
}

std::optional<result_set> result_cache::get(const std::string& key) const {
  auto text = bucket_->get(key);
  return text ? decode_result(*text) : std::nullopt;
}

bool result_cache::put(const std::string& key, const result_set& rows) const {
  auto text = encode_result(rows);
  return text.size() <= max_value_bytes && bucket_->put(key, text);
}

void install_result_cache(std::shared_ptr<result_cache> cache) {
  std::atomic_store(&installed, std::move(cache));
}

std::shared_ptr<result_cache> installed_result_cache() {
  return std::atomic_load(&installed);
}

caf::actor spawn_result_lookup(caf::actor_system& sys, std::shared_ptr<result_cache> cache) {
  return sys.spawn<caf::detached>([cache](caf::event_based_actor* self) -> caf::behavior {
    return {
      [self, cache](execute_atom, const std::string& key) {
        auto start = std::chrono::steady_clock::now();
        execute_reply reply;
        reply.rows = cache->get(key);
        if (reply.rows) // the time this answer took: the lookup, no query ran
          reply.rows->elapsed_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        self->quit();
        return reply;
      },
    };
  });
}

void remember_result(caf::actor_system& sys, const std::string& key, const result_set& rows) {
  auto cache = installed_result_cache();
  if (!cache || key.empty())
    return;
  sys.spawn<caf::detached>([cache, key, rows] { cache->put(key, rows); });
}

} // namespace medha::cache
