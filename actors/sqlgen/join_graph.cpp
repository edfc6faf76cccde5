#include "actors/sqlgen/join_graph.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <unordered_map>

#include "actors/sqlgen/model_index.hpp"

namespace medha::sqlgen {

namespace {

struct edge {
  std::string to;
  join_step step;
};

bool hinted(const relationship& r, const join_hints& hints) {
  for (auto& [t, c] : hints)
    if (r.from_table == t
        && std::find(r.from_columns.begin(), r.from_columns.end(), c) != r.from_columns.end())
      return true;
  return false;
}

// Calls f(relationship) for each relationship touching `table`: through the
// index in scope when there is one, else by scanning them all.
template <class F>
void each_edge(const semantic_model& model, const std::string& table, F&& f) {
  if (auto* index = active_index(model)) {
    for (auto i : index->edges(table))
      if (i < model.relationships.size())
        f(model.relationships[i]);
    return;
  }
  for (auto& r : model.relationships)
    if (r.from_table == table || r.to_table == table)
      f(r);
}

std::vector<edge> neighbours(const semantic_model& model, const std::string& table,
                             const join_hints& hints) {
  std::vector<edge> out;
  auto same_pair = [](const relationship& a, const relationship& b) {
    return (a.from_table == b.from_table && a.to_table == b.to_table)
           || (a.from_table == b.to_table && a.to_table == b.from_table);
  };
  each_edge(model, table, [&](const relationship& r) {
    // A named link between two tables hides the other links between them.
    if (!hints.empty() && !hinted(r, hints)) {
      bool hidden = false;
      each_edge(model, table, [&](const relationship& o) {
        hidden = hidden || (&o != &r && same_pair(o, r) && hinted(o, hints));
      });
      if (hidden)
        return;
    }
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
  });
  return out;
}

join_path search(const semantic_model& model, const std::string& from, const std::string& to,
                 const join_hints& hints);

} // namespace

join_path shortest_path(const semantic_model& model, const std::string& from,
                        const std::string& to, const join_hints& hints) {
  auto* memo = hints.empty() ? path_memo(model) : nullptr;
  if (!memo)
    return search(model, from, to, hints);
  auto key = from + ">" + to;
  auto it = memo->find(key);
  if (it == memo->end())
    it = memo->emplace(key, search(model, from, to, hints)).first;
  return it->second;
}

namespace {

join_path search(const semantic_model& model, const std::string& from, const std::string& to,
                 const join_hints& hints) {
  join_path result;
  if (from == to) {
    result.found = true;
    return result;
  }
  // Breadth-first, counting shortest paths per table to detect rivals.
  std::unordered_map<std::string, int> depth{{from, 0}};
  std::unordered_map<std::string, int> paths{{from, 1}};
  std::unordered_map<std::string, join_step> via;
  std::deque<std::string> queue{from};
  while (!queue.empty()) {
    auto t = queue.front();
    queue.pop_front();
    if (t == to)
      break;
    for (auto& e : neighbours(model, t, hints)) {
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

} // namespace

join_tree connect(const semantic_model& model, const std::string& root,
                  const std::vector<std::string>& tables, const join_hints& hints) {
  join_tree tree;
  std::vector<std::string> joined{root};
  auto is_joined = [&](const std::string& t) {
    return std::find(joined.begin(), joined.end(), t) != joined.end();
  };
  for (auto& t : tables) {
    if (is_joined(t))
      continue;
    auto path = shortest_path(model, root, t, hints);
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

std::vector<std::string> linked_tables(const semantic_model& model, const std::string& table) {
  std::vector<std::string> out;
  each_edge(model, table, [&](const relationship& r) {
    auto& other = r.from_table == table ? r.to_table : r.from_table;
    if (other != table)
      out.push_back(other);
  });
  return out;
}

std::vector<const relationship*> parallel_links(const semantic_model& model,
                                                const std::string& table) {
  std::vector<const relationship*> out;
  for (auto& a : model.relationships) {
    if (a.from_table != table && a.to_table != table)
      continue;
    for (auto& b : model.relationships)
      if (&a != &b && a.from_table == b.from_table && a.to_table == b.to_table) {
        out.push_back(&a);
        break;
      }
  }
  return out;
}

} // namespace medha::sqlgen
