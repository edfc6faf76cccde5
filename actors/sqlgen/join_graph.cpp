#include "actors/sqlgen/join_graph.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <string_view>
#include <unordered_map>

#include "actors/sqlgen/model_index.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

namespace {

// One hop of the graph: the relationship, followed forward (from its
// referencing table) or backward. Views into the model: no copies per hop.
struct edge {
  std::string_view to;
  const relationship* rel = nullptr;
  bool forward = true;
};

join_step step_of(const edge& e) {
  auto& r = *e.rel;
  join_step s{e.forward ? r.from_table : r.to_table, e.forward ? r.to_table : r.from_table, {}};
  auto n = std::min(r.from_columns.size(), r.to_columns.size());
  for (size_t i = 0; i < n; ++i)
    s.on.emplace_back(e.forward ? r.from_columns[i] : r.to_columns[i],
                      e.forward ? r.to_columns[i] : r.from_columns[i]);
  return s;
}

bool hinted(const relationship& r, const join_hints& hints) {
  for (auto& [t, c] : hints)
    if (r.from_table == t
        && std::find(r.from_columns.begin(), r.from_columns.end(), c) != r.from_columns.end())
      return true;
  return false;
}

// Calls f(relationship) for each relationship touching `table`, through the
// index: a catalog has too many relationships to scan per step of a search.
template <class F>
void each_edge(const indexed_model& model, const std::string& table, F&& f) {
  for (auto i : model.index.edges(table))
    if (i < model.relationships.size())
      f(model.relationships[i]);
}

std::vector<edge> neighbours(const indexed_model& model, const std::string& table,
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
      // "who coaches that team": the coach's key is named, so the person is
      // reached through it, not through another role (who booked a pitch).
      bool role_named = r.from_columns.size() == 1 && r.to_columns.size() == 1
                        && r.from_columns[0] != r.to_columns[0];
      for (auto& [t, c] : hints)
        each_edge(model, t, [&](const relationship& o) {
          hidden = hidden
                   || (role_named && &o != &r && hinted(o, hints) && o.from_table == t
                       && o.to_table == r.to_table && r.from_table != t && o.from_table != o.to_table);
        });
      if (hidden)
        return;
    }
    if (r.from_table == table && r.to_table != table)
      out.push_back({r.to_table, &r, true});
    else if (r.to_table == table && r.from_table != table)
      out.push_back({r.from_table, &r, false});
  });
  // A row that points to another table (an employee's department) belongs
  // to it; that table pointing back (the department's head) names one
  // special row. Reached from here, the other table is the one we belong to:
  // the link back is dropped, not offered as a rival.
  auto points_back = [&](const edge& back) {
    return !back.forward && std::any_of(out.begin(), out.end(), [&](const edge& e) {
      return e.forward && e.to == back.to;
    });
  };
  // Two links between the same tables, one plain (language_id to the
  // language's language_id) and one named for a role (original_language_id):
  // said without the role, the plain one is meant; the role's word makes
  // it a hint, which hides the plain one above.
  auto plain = [](const edge& e) {
    auto& r = *e.rel;
    return r.from_columns.size() == 1 && r.to_columns.size() == 1 && r.from_columns[0] == r.to_columns[0];
  };
  auto outranked = [&](const edge& e) {
    return !plain(e) && !hinted(*e.rel, hints) && std::any_of(out.begin(), out.end(), [&](const edge& o) {
             return &o != &e && o.to == e.to && o.forward == e.forward && plain(o);
           });
  };
  std::vector<edge> kept;
  for (auto& e : out)
    if (!points_back(e) && !outranked(e))
      kept.push_back(e);
  return kept;
}

join_path search(const indexed_model& model, const std::string& from, const std::string& to,
                 const join_hints& hints);

} // namespace

join_path shortest_path(const indexed_model& model, const std::string& from,
                        const std::string& to, const join_hints& hints) {
  if (!hints.empty())
    return search(model, from, to, hints);
  auto key = from + ">" + to;
  auto it = model.paths.find(key);
  if (it == model.paths.end())
    it = model.paths.emplace(key, search(model, from, to, hints)).first;
  return it->second;
}

namespace {

join_path search(const indexed_model& model, const std::string& from, const std::string& to,
                 const join_hints& hints) {
  join_path result;
  if (from == to) {
    result.found = true;
    return result;
  }
  // Breadth-first, counting shortest paths per table to detect rivals.
  struct node {
    int depth = 0;
    int paths = 1;
    edge via;
  };
  std::unordered_map<std::string_view, node> seen;
  seen.emplace(from, node{});
  std::deque<std::string_view> queue{from};
  std::string name;
  while (!queue.empty()) {
    auto t = queue.front();
    queue.pop_front();
    if (t == to)
      break;
    auto here = seen[t];
    name.assign(t);
    for (auto& e : neighbours(model, name, hints)) {
      auto it = seen.find(e.to);
      if (it == seen.end()) {
        seen.emplace(e.to, node{here.depth + 1, here.paths, e});
        queue.push_back(e.to);
      } else if (it->second.depth == here.depth + 1) {
        it->second.paths = std::min(it->second.paths + here.paths, 1000);
      }
    }
  }
  auto found = seen.find(to);
  if (found == seen.end())
    return result;
  result.found = true;
  result.ambiguous = found->second.paths > 1;
  for (std::string_view t = to; t != from;) {
    auto& e = seen[t].via;
    result.steps.push_back(step_of(e));
    t = e.forward ? std::string_view(e.rel->from_table) : std::string_view(e.rel->to_table);
  }
  std::reverse(result.steps.begin(), result.steps.end());
  return result;
}

} // namespace

namespace {

// Among equally short paths, the one through exactly one named waypoint: when
// a single waypoint gives an unambiguous path of the same length, it wins.
join_path through_waypoint(const indexed_model& model, const std::string& root,
                           const std::string& to, const join_hints& keys,
                           const std::vector<std::string>& waypoints, const join_path& tied) {
  std::vector<join_path> fits;
  for (auto& w : waypoints) {
    if (w == root || w == to)
      continue;
    auto a = shortest_path(model, root, w, keys);
    auto b = shortest_path(model, w, to, keys);
    if (!a.found || !b.found || a.ambiguous || b.ambiguous
        || a.steps.size() + b.steps.size() != tied.steps.size())
      continue;
    join_path p;
    p.found = true;
    p.steps = a.steps;
    p.steps.insert(p.steps.end(), b.steps.begin(), b.steps.end());
    fits.push_back(std::move(p));
  }
  return fits.size() == 1 ? fits.front() : tied;
}

} // namespace

join_tree connect(const indexed_model& model, const std::string& root,
                  const std::vector<std::string>& tables, const join_hints& hints) {
  join_tree tree;
  // A hint with no column names a table the question's words point to: a
  // waypoint that settles a tie, never a link of its own.
  join_hints keys;
  std::vector<std::string> waypoints;
  for (auto& h : hints)
    if (h.second.empty())
      waypoints.push_back(h.first);
    else
      keys.push_back(h);
  std::vector<std::string> joined{root};
  auto is_joined = [&](const std::string& t) {
    return std::find(joined.begin(), joined.end(), t) != joined.end();
  };
  for (auto& t : tables) {
    if (is_joined(t))
      continue;
    auto path = shortest_path(model, root, t, keys);
    if (!path.found) {
      tree.connected = false;
      continue;
    }
    if (path.ambiguous)
      path = through_waypoint(model, root, t, keys, waypoints, path);
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

std::vector<std::string> linked_tables(const indexed_model& model, const std::string& table) {
  std::vector<std::string> out;
  each_edge(model, table, [&](const relationship& r) {
    auto& other = r.from_table == table ? r.to_table : r.from_table;
    if (other != table)
      out.push_back(other);
  });
  return out;
}

std::vector<const relationship*> parallel_links(const indexed_model& model,
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

bool belongs_to(const indexed_model& model, const std::string& from, const std::string& table) {
  std::vector<std::string> seen{from}, queue{from};
  while (!queue.empty()) {
    auto at = queue.back();
    queue.pop_back();
    for (auto& rel : model.relationships)
      if (rel.from_table == at && std::find(seen.begin(), seen.end(), rel.to_table) == seen.end()) {
        if (rel.to_table == table)
          return true;
        seen.push_back(rel.to_table);
        queue.push_back(rel.to_table);
      }
  }
  return false;
}

} // namespace medha::sqlgen
