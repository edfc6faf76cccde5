#include "actors/context/infer_relationships.hpp"

#include <algorithm>

namespace medha {

namespace {

// Types that join without a cast count as one family.
std::string type_family(const std::string& type) {
  std::string base = type.substr(0, type.find('('));
  if (base == "smallint" || base == "integer" || base == "bigint")
    return "integer";
  if (base == "text" || base == "character varying" || base == "character")
    return "text";
  return base;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "customer_id" -> "customer"; "" when the name has no key suffix.
std::string key_prefix(const std::string& column) {
  for (const char* suffix : {"_id", "_key", "_code"})
    if (ends_with(column, suffix))
      return column.substr(0, column.size() - std::char_traits<char>::length(suffix));
  return {};
}

bool names_prefix(const std::string& table, const std::string& prefix) {
  if (prefix.empty())
    return false;
  if (table == prefix || table == prefix + "s" || table == prefix + "es")
    return true;
  return ends_with(prefix, "y") && table == prefix.substr(0, prefix.size() - 1) + "ies";
}

bool in_declared(const std::vector<relationship>& declared, const std::string& table,
                 const std::string& column) {
  for (auto& r : declared)
    if (r.from_table == table
        && std::find(r.from_columns.begin(), r.from_columns.end(), column) != r.from_columns.end())
      return true;
  return false;
}

// The table's single-column key, if it has exactly one.
const column_info* single_key(const table_info& table, const unique_columns& unique) {
  const column_info* found = nullptr;
  for (auto& c : table.columns)
    if (c.primary_key && unique.count({table.name, c.name})) {
      if (found)
        return nullptr;
      found = &c;
    }
  return found;
}

struct candidate {
  const table_info* table;
  const column_info* column;
  int score; // 2 when the table matches the column's prefix, else 1
};

} // namespace

std::vector<relationship> infer_relationships(const std::vector<table_info>& tables,
                                              const std::vector<relationship>& declared,
                                              const unique_columns& unique) {
  std::vector<relationship> out;
  for (auto& from : tables) {
    for (auto& column : from.columns) {
      if (in_declared(declared, from.name, column.name))
        continue;
      bool own_key = unique.count({from.name, column.name}) > 0;
      std::string prefix = key_prefix(column.name);
      std::vector<candidate> found;
      for (auto& to : tables) {
        if (&to == &from)
          continue;
        bool prefix_match = names_prefix(to.name, prefix);
        // Same name, unique on the other side.
        if (column.name != "id" && unique.count({to.name, column.name})) {
          auto* target = to.find_column(column.name);
          if (target && type_family(target->type) == type_family(column.type))
            found.push_back({&to, target, prefix_match ? 2 : 1});
          continue;
        }
        // Prefix names the table; join to its key, whatever it is called.
        if (prefix_match) {
          auto* target = single_key(to, unique);
          if (target && type_family(target->type) == type_family(column.type))
            found.push_back({&to, target, 2});
        }
      }
      if (own_key)
        found.erase(std::remove_if(found.begin(), found.end(), [](auto& c) { return c.score < 2; }),
                    found.end());
      if (found.empty())
        continue;
      int best = 0;
      for (auto& c : found)
        best = std::max(best, c.score);
      const candidate* pick = nullptr;
      int ties = 0;
      for (auto& c : found)
        if (c.score == best) {
          pick = &c;
          ++ties;
        }
      if (ties != 1)
        continue;
      out.push_back({from.name, {column.name}, pick->table->name, {pick->column->name}, true});
    }
  }
  return out;
}

} // namespace medha
