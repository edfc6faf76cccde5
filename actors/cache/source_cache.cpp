#include "actors/cache/source_cache.hpp"

#include <boost/json.hpp>

#include "actors/cache/kv_bucket.hpp"

namespace medha::cache {

namespace json = boost::json;

namespace {

json::array reasons_json(const std::vector<match_reason>& why) {
  json::array out;
  for (auto& r : why)
    out.push_back(json::array{json::string{r.word}, json::string{r.hit}});
  return out;
}

// Reads fields leniently about absence, strictly about types.
struct reader {
  bool ok = true;

  const json::array& array(const json::object& o, const char* key) {
    static const json::array none;
    auto* v = o.if_contains(key);
    if (v && v->is_array())
      return v->get_array();
    ok = ok && !v;
    return none;
  }
  std::string text(const json::object& o, const char* key) {
    auto* v = o.if_contains(key);
    ok = ok && v && v->is_string();
    return ok ? std::string{v->get_string()} : std::string{};
  }
  double number(const json::object& o, const char* key) {
    auto* v = o.if_contains(key);
    ok = ok && v && v->is_number();
    return ok ? v->to_number<double>() : 0;
  }
  std::vector<match_reason> reasons(const json::object& o) {
    std::vector<match_reason> out;
    for (auto& r : array(o, "why")) {
      auto* pair = r.if_array();
      if (!pair || pair->size() != 2 || !(*pair)[0].is_string() || !(*pair)[1].is_string()) {
        ok = false;
        return out;
      }
      out.push_back({std::string{(*pair)[0].get_string()}, std::string{(*pair)[1].get_string()}});
    }
    return out;
  }
};

} // namespace

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
  json::array sources;
  for (auto& s : ranking.sources) {
    json::array tables;
    for (auto& t : s.tables)
      tables.push_back(json::object{{"table", t.table}, {"score", t.score}, {"why", reasons_json(t.why)}});
    sources.push_back(json::object{{"data_source", s.data_source},
                                   {"description", s.description},
                                   {"score", s.score},
                                   {"why", reasons_json(s.why)},
                                   {"tables", std::move(tables)}});
  }
  return json::serialize(
    json::object{{"sources", std::move(sources)}, {"clear_winner", ranking.clear_winner}});
}

std::optional<discovery_result> decode_ranking(std::string_view text) {
  json::error_code ec;
  auto v = json::parse(text, ec);
  auto* o = ec ? nullptr : v.if_object();
  auto* winner = o ? o->if_contains("clear_winner") : nullptr;
  if (!winner || !winner->is_bool() || !o->contains("sources"))
    return std::nullopt;
  reader r;
  discovery_result out;
  out.clear_winner = winner->get_bool();
  for (auto& sv : r.array(*o, "sources")) {
    auto* so = sv.if_object();
    if (!so)
      return std::nullopt;
    source_match s{r.text(*so, "data_source"), r.text(*so, "description"), r.number(*so, "score"),
                   r.reasons(*so), {}};
    for (auto& tv : r.array(*so, "tables")) {
      auto* to = tv.if_object();
      if (!to)
        return std::nullopt;
      s.tables.push_back({r.text(*to, "table"), r.number(*to, "score"), r.reasons(*to)});
    }
    out.sources.push_back(std::move(s));
  }
  if (!r.ok)
    return std::nullopt;
  return out;
}

} // namespace medha::cache
