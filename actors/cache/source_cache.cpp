#include "actors/cache/source_cache.hpp"

#include <boost/json.hpp>

#include "actors/cache/kv_bucket.hpp"
#include "messages/discovery_json.hpp"

namespace medha::cache {

namespace json = boost::json;

std::string source_fingerprint(const semantic_model& m) {
  // One text of everything ranked on, fields and records separated by
  // control characters no identifier holds.
  std::string all = m.data_source + '\x1f' + std::to_string(m.schema_version) + '\x1f' + m.description;
  for (auto& t : m.tables) {
    all += '\x1e' + t.schema + '\x1f' + t.name + '\x1f' + t.comment;
    for (auto& c : t.columns)
      all += '\x1d' + c.name + '\x1f' + c.comment;
  }
  for (auto& x : m.metrics) {
    all += '\x1e' + x.name + '\x1f' + x.table + '\x1f' + x.description;
    for (auto& s : x.synonyms)
      all += '\x1d' + s;
  }
  for (auto& g : m.glossary) {
    all += '\x1e' + g.term + '\x1f' + g.target;
    for (auto& s : g.synonyms)
      all += '\x1d' + s;
  }
  return hashed_key({"source", all});
}

std::string source_cache_key(std::string_view question, const std::vector<std::string>& fingerprints) {
  std::string sources;
  for (auto& f : fingerprints)
    sources += f + ',';
  return hashed_key({"sources", normalised_question(question), sources});
}

std::string encode_ranking(const discovery_result& ranking) {
  return json::serialize(json::object{{"sources", sources_to_json(ranking.sources)},
                                      {"clear_winner", ranking.clear_winner}});
}

std::optional<discovery_result> decode_ranking(std::string_view text) {
  json::error_code ec;
  auto v = json::parse(text, ec);
  auto* o = ec ? nullptr : v.if_object();
  auto* winner = o ? o->if_contains("clear_winner") : nullptr;
  auto* sources = o ? o->if_contains("sources") : nullptr;
  if (!winner || !winner->is_bool() || !sources)
    return std::nullopt;
  auto ranked = sources_from_json(*sources);
  if (!ranked)
    return std::nullopt;
  discovery_result out;
  out.sources = std::move(*ranked);
  out.clear_winner = winner->get_bool();
  return out;
}

} // namespace medha::cache
