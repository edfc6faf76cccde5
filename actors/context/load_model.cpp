#include "actors/context/load_model.hpp"

#include <fstream>
#include <sstream>

#include "actors/cache/installed_buckets.hpp"
#include "actors/cache/kv_bucket.hpp"
#include "actors/cache/lookup_counts.hpp"
#include "actors/cache/metadata_cache.hpp"
#include "actors/context/flag_rates.hpp"
#include "actors/context/infer_relationships.hpp"
#include "actors/context/introspect.hpp"
#include "actors/context/line_revenue.hpp"
#include "actors/context/model_file.hpp"
#include "actors/context/void_rows.hpp"
#include "messages/model_json.hpp"
#include "runtime/logging.hpp"

namespace medha {

namespace {

std::string file_text(const std::string& path) {
  if (path.empty())
    return {};
  std::ifstream in{path};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What introspection alone does not give: the model file's terms, and joins
// the descriptions name.
void complete(semantic_model& model, const data_source& src) {
  if (model.description.empty())
    model.description = src.description;
  if (!src.model_file.empty())
    if (auto err = apply_model_file(model, src.model_file))
      log::warn("context", src.name + ": model file ignored: " + err->message);
  // Descriptions (from COMMENT ON or the model file) can name join targets.
  add_described_relationships(model);
  add_line_revenue(model);
  add_flag_rates(model);
  add_void_row_rules(model);
}

} // namespace

model_reply load_model(const data_source& src, bool reuse) {
  auto bucket = cache::installed_bucket(cache::metadata_kind);
  std::string key;
  bool hit = false;
  cached_model_fn cached;
  if (bucket)
    cached = [&](const std::string& structure) -> std::optional<semantic_model> {
      // The file is read as it is now: an edited model file is a new key.
      key = cache::metadata_cache_key(src, file_text(src.model_file), structure);
      if (!reuse)
        return std::nullopt;
      auto text = bucket->get(key);
      auto model = text ? decode_model(*text) : std::nullopt;
      hit = model && model->data_source == src.name;
      cache::count_lookup(cache::metadata_kind, hit);
      return hit ? model : std::nullopt;
    };
  model_reply out;
  auto result = introspect(src, cached);
  if (auto* err = std::get_if<medha_error>(&result)) {
    out.error = *err;
    return out;
  }
  auto model = std::make_shared<semantic_model>(std::move(std::get<semantic_model>(result)));
  if (!hit)
    complete(*model, src);
  if (bucket && !hit && !key.empty()) {
    auto text = encode_model(*model);
    if (text.size() > cache::max_model_bytes || !bucket->put(key, text))
      log::warn("context", src.name + ": the model was not kept in the shared metadata cache");
  }
  model->cache = bucket && !key.empty() ? (hit ? "hit" : "miss") : "";
  out.model = std::move(model);
  return out;
}

} // namespace medha
