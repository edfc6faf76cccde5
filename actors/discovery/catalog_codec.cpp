// Persistence of a catalog: the models as JSON. The index is not stored: it
// rebuilds from the models in well under the time introspection takes, and a
// stored index would tie the file format to the index layout.

#include <boost/json.hpp>

#include "actors/discovery/catalog.hpp"
#include "messages/model_json.hpp"

namespace medha::discovery {

namespace json = boost::json;

namespace {

constexpr std::string_view format_name = "medha.discovery.catalog";
constexpr int64_t format_version = 1;

} // namespace

std::string catalog::save() const {
  json::array sources;
  sources.reserve(sources_.size());
  for (auto& s : sources_)
    sources.emplace_back(model_to_json(s->model()));
  json::object root;
  root["format"] = format_name;
  root["v"] = format_version;
  root["sources"] = std::move(sources);
  return json::serialize(root);
}

std::optional<catalog> catalog::load(std::string_view saved) {
  json::error_code ec;
  auto value = json::parse(saved, ec);
  if (ec || !value.is_object())
    return std::nullopt;
  const auto& root = value.get_object();
  auto format = root.if_contains("format");
  auto version = root.if_contains("v");
  if (!format || !format->is_string() || format->get_string() != format_name || !version
      || !version->is_int64() || version->get_int64() != format_version)
    return std::nullopt;
  static const json::array none;
  auto* sources = root.if_contains("sources");
  if (sources && !sources->is_array())
    return std::nullopt;
  std::vector<semantic_model> models;
  for (auto& v : sources ? sources->get_array() : none) {
    auto m = v.is_object() ? model_from_json(v.get_object()) : std::nullopt;
    if (!m)
      return std::nullopt;
    models.push_back(std::move(*m));
  }
  catalog result;
  for (auto& m : models)
    result.add(std::make_shared<const semantic_model>(std::move(m)));
  return result;
}

} // namespace medha::discovery
