#include "actors/sqlgen/join_graph.hpp"

#include <algorithm>
#include <deque>
#include <map>

namespace medha::sqlgen {

namespace {

struct edge {
  std::string to;
  join_step step;
};

std::vector<edge> neighbours(const semantic_model& model, const std::string& table) {
  std::vector<edge> out;
  for (auto& r : model.relationships) {
    auto n = std::min(r.from_columns.size(), r.to_columns.size());
    if (r.from_table == table && r.to_table != table) {
      join_step s{table, r.to_table, {}};
      for (size_t i = 0; i < n; ++i)
        s.on.emplace_back(r.from_columns[i], r.to_columns[i]);
      out.push_back({r.to_table, std::move(s)});
    } else if (r.to_table == table && r.from_table != table) {
      join_step s{table, r.from_table, {}};
      for (size_t i = 0; i < n; ++i)
        s.on.emplace_back(r.to_columns[i], r.from_columns[i]);
      out.push_back({r.from_table, std::move(s)});
    }
  }
  return out;
}

} // namespace

join_path shortest_path(const semantic_model& model, const std::string& from,
                        const std::string& to) {
  join_path result;
  if (from == to) {
    result.found = true;
    return result;
  }
  // Breadth-first, counting shortest paths per table to detect rivals.
  std::map<std::string, int> depth{{from, 0}};
  std::map<std::string, int> paths{{from, 1}};
  std::map<std::string, join_step> via;
  std::deque<std::string> queue{from};
  while (!queue.empty()) {
    auto t = queue.front();
    queue.pop_front();
    if (t == to)
      break;
    for (auto& e : neighbours(model, t)) {
      auto it = depth.find(e.to);
      if (it == depth.end()) {
        depth[e.to] = depth[t] + 1;
        paths[e.to] = paths[t];
        via[e.to] = e.step;
        queue.push_back(e.to);
      } else if (it->second == depth[t] + 1) {
        paths[e.to] = std::min(paths[e.to] + paths[t], 1000);
      }
    }
  }
  if (!depth.count(to))
    return result;
  result.found = true;
  result.ambiguous = paths[to] > 1;
  for (auto t = to; t != from; t = via[t].from_table)
    result.steps.push_back(via[t]);
  std::reverse(result.steps.begin(), result.steps.end());
  return result;
}

join_tree connect(const semantic_model& model, const std::string& root,
                  const std::vector<std::string>& tables) {
  join_tree tree;
  std::vector<std::string> joined{root};
  auto is_joined = [&](const std::string& t) {
    return std::find(joined.begin(), joined.end(), t) != joined.end();
  };
  for (auto& t : tables) {
    if (is_joined(t))
      continue;
    auto path = shortest_path(model, root, t);
    if (!path.found) {
      tree.connected = false;
      continue;
    }
    if (path.ambiguous) {
      tree.ambiguous = true;
      tree.ambiguous_tables.push_back(t);
    }
    for (auto& s : path.steps)
      if (!is_joined(s.to_table)) {
        joined.push_back(s.to_table);
        tree.steps.push_back(s);
      }
  }
  return tree;
}

} // namespace medha::sqlgen
