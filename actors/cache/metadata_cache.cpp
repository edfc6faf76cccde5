#include "actors/cache/metadata_cache.hpp"

#include "actors/cache/kv_bucket.hpp"

namespace medha::cache {

// Workers of another build may read a catalog into a different model (a
// column flag added, a role decided otherwise): the format is part of the
// key, so they never share entries. Raise it when introspection changes.
constexpr const char* model_format = "model-2";

std::string metadata_cache_key(const data_source& src, std::string_view model_file_text,
                               std::string_view structure) {
  return hashed_key({"metadata", model_format, src.name, src.description, src.model_file, model_file_text, structure});
}

} // namespace medha::cache
