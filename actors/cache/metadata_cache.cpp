#include "actors/cache/metadata_cache.hpp"

#include "actors/cache/kv_bucket.hpp"

namespace medha::cache {

std::string metadata_cache_key(const data_source& src, std::string_view model_file_text,
                               std::string_view structure) {
  return hashed_key({"metadata", src.name, src.description, src.model_file, model_file_text, structure});
}

} // namespace medha::cache
