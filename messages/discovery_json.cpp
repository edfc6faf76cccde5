#include "messages/discovery_json.hpp"

#include <boost/json.hpp>

namespace medha {

namespace json = boost::json;

namespace {

json::array reasons_to_json(const std::vector<match_reason>& why) {
  json::array out;
  for (auto& r : why)
    out.push_back(json::object{{"word", r.word}, {"hit", r.hit}});
  return out;
}

// Reads fields strictly: any missing or mistyped one fails the whole read.
struct reader {
  bool ok = true;

  const json::array& array(const json::object& o, const char* key) {
    static const json::array none;
    auto* v = o.if_contains(key);
    ok = ok && v && v->is_array();
    return ok ? v->get_array() : none;
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
  const json::object& object(const json::value& v) {
    static const json::object none;
    ok = ok && v.is_object();
    return ok ? v.get_object() : none;
  }
  std::vector<match_reason> reasons(const json::object& o) {
    std::vector<match_reason> out;
    for (auto& r : array(o, "why")) {
      auto& ro = object(r);
      out.push_back({text(ro, "word"), text(ro, "hit")});
    }
    return out;
  }
};

} // namespace

json::array sources_to_json(const std::vector<source_match>& sources) {
  json::array out;
  for (auto& s : sources) {
    json::array tables;
    for (auto& t : s.tables)
      tables.push_back(json::object{{"table", t.table}, {"score", t.score}, {"why", reasons_to_json(t.why)}});
    out.push_back(json::object{{"data_source", s.data_source},
                               {"description", s.description},
                               {"score", s.score},
                               {"why", reasons_to_json(s.why)},
                               {"tables", std::move(tables)}});
  }
  return out;
}

std::optional<std::vector<source_match>> sources_from_json(const json::value& v) {
  if (!v.is_array())
    return std::nullopt;
  reader r;
  std::vector<source_match> out;
  for (auto& sv : v.get_array()) {
    auto& so = r.object(sv);
    source_match s{r.text(so, "data_source"), r.text(so, "description"), r.number(so, "score"),
                   r.reasons(so), {}};
    for (auto& tv : r.array(so, "tables")) {
      auto& to = r.object(tv);
      s.tables.push_back({r.text(to, "table"), r.number(to, "score"), r.reasons(to)});
    }
    if (!r.ok)
      return std::nullopt;
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace medha
