#pragma once

// The data source selection shared by every worker: discovery's ranking of
// the data sources and tables for a question, kept in the JetStream bucket
// MEDHA_CACHE_SOURCES for its TTL (1 day by default). The key holds the
// normalised question and every registered source as it ranks (a new
// source, schema or business term starts afresh).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "messages/discovery_result.hpp"
#include "messages/semantic_model.hpp"

namespace medha::cache {

constexpr const char* sources_kind = "sources";
constexpr const char* sources_bucket = "MEDHA_CACHE_SOURCES";

/// What ranking reads of a source besides its sampled values (which change
/// with the data, not the schema): name, schema version, description,
/// comments and business terms. 32 hex digits.
std::string source_fingerprint(const semantic_model& model);

/// The key of a ranking: the normalised question and the fingerprints of
/// every registered source, in name order.
std::string source_cache_key(std::string_view question, const std::vector<std::string>& fingerprints);

/// A ranking as the bucket keeps it and back; nullopt for a value that is
/// not one (another format: a miss). `cache` and `elapsed_ms` are not kept.
std::string encode_ranking(const discovery_result& ranking);
std::optional<discovery_result> decode_ranking(std::string_view text);

} // namespace medha::cache
