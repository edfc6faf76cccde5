#pragma once

// Semantic models shared by every worker: what introspection built of a data
// source (tables, columns, values, joins, the model file applied), kept in
// the JetStream bucket MEDHA_CACHE_METADATA for its TTL (12 h by default), so
// another worker, or this one after a restart, does not introspect again.

#include <string>
#include <string_view>

#include "messages/data_source.hpp"

namespace medha::cache {

constexpr const char* metadata_kind = "metadata";
constexpr const char* metadata_bucket = "MEDHA_CACHE_METADATA";
/// Larger models are not kept: NATS takes at most 1 MiB a message.
constexpr size_t max_model_bytes = 900 * 1024;

/// The key of a model: the data source as configured (name, description,
/// the model file's text) and the structure introspection read from the
/// database it connected to (introspect.hpp), so a changed schema, comment or
/// model file, or another database, is never served an old model.
std::string metadata_cache_key(const data_source& src, std::string_view model_file_text,
                               std::string_view structure);

} // namespace medha::cache
