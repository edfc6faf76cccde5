#include "actors/context/prune.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <set>

namespace medha {

namespace {

using adjacency = std::map<std::string, std::set<std::string>>;

adjacency join_graph(const semantic_model& model) {
  adjacency g;
  for (auto& r : model.relationships) {
    g[r.from_table].insert(r.to_table);
    g[r.to_table].insert(r.from_table);
  }
  return g;
}

// Tables on a shortest path from `from` to `to` (inclusive), or empty.
std::vector<std::string> shortest_path(const adjacency& g, const std::string& from,
                                       const std::string& to) {
  std::map<std::string, std::string> parent{{from, from}};
  std::deque<std::string> queue{from};
  while (!queue.empty()) {
    auto at = queue.front();
    queue.pop_front();
    if (at == to)
      break;
    auto i = g.find(at);
    if (i == g.end())
      continue;
    for (auto& next : i->second)
      if (!parent.count(next)) {
        parent[next] = at;
        queue.push_back(next);
      }
  }
  if (!parent.count(to))
    return {};
  std::vector<std::string> path{to};
  for (auto at = to; at != from; at = parent[at])
    path.push_back(parent[at]);
  return path;
}

} // namespace

semantic_model prune_model(const semantic_model& model, const std::vector<std::string>& keep) {
  std::set<std::string> wanted;
  for (auto& k : keep)
    if (model.find_table(k))
      wanted.insert(k);
  if (wanted.empty())
    return model;
  // Connect every kept table to the first one along shortest join paths.
  auto g = join_graph(model);
  std::vector<std::string> seeds(wanted.begin(), wanted.end());
  for (size_t i = 1; i < seeds.size(); ++i)
    for (auto& t : shortest_path(g, seeds[0], seeds[i]))
      wanted.insert(t);
  semantic_model out;
  out.data_source = model.data_source;
  out.description = model.description;
  out.schema_version = model.schema_version;
  out.glossary = model.glossary;
  for (auto& t : model.tables)
    if (wanted.count(t.name))
      out.tables.push_back(t);
  for (auto& r : model.relationships)
    if (wanted.count(r.from_table) && wanted.count(r.to_table))
      out.relationships.push_back(r);
  for (auto& m : model.metrics)
    if (m.table.empty() || wanted.count(m.table))
      out.metrics.push_back(m);
  for (auto& r : model.rules)
    if (wanted.count(r.table))
      out.rules.push_back(r);
  out.examples = model.examples;
  return out;
}

std::vector<std::string> tables_in_sql(const semantic_model& model, const std::string& sql) {
  std::set<std::string> words;
  std::string cur;
  for (char c : sql) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      if (!cur.empty())
        words.insert(cur);
      cur.clear();
    }
  }
  if (!cur.empty())
    words.insert(cur);
  std::vector<std::string> out;
  for (auto& t : model.tables) {
    auto lower = t.name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (words.count(lower))
      out.push_back(t.name);
  }
  return out;
}

} // namespace medha
