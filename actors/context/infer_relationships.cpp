#include "actors/context/infer_relationships.hpp"

#include <algorithm>
#include <unordered_map>

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

// The table names a key prefix can stand for, reversed: every p with
// names_prefix(table, p), i.e. the name itself and its singular forms.
std::vector<std::string> prefixes_naming(const std::string& table) {
  std::vector<std::string> out{table};
  if (ends_with(table, "s"))
    out.push_back(table.substr(0, table.size() - 1));
  if (ends_with(table, "es"))
    out.push_back(table.substr(0, table.size() - 2));
  if (ends_with(table, "ies"))
    out.push_back(table.substr(0, table.size() - 3) + "y");
  return out;
}

} // namespace

// Indexed, so a catalog of thousands of tables costs one hash lookup per
// column rather than a scan of every table: tables by unique column name,
// tables by the prefixes that name them, declared foreign key columns.
std::vector<relationship> infer_relationships(const std::vector<table_info>& tables,
                                              const std::vector<relationship>& declared,
                                              const unique_columns& unique) {
  std::unordered_map<std::string, size_t> index_of;
  for (size_t i = 0; i < tables.size(); ++i)
    index_of.emplace(tables[i].name, i);
  std::unordered_map<std::string, std::vector<size_t>> unique_by_column;
  for (auto& [table, column] : unique)
    if (auto it = index_of.find(table); it != index_of.end())
      unique_by_column[column].push_back(it->second);
  std::unordered_map<std::string, std::vector<size_t>> by_prefix;
  for (size_t i = 0; i < tables.size(); ++i) {
    auto names = prefixes_naming(tables[i].name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (auto& p : names)
      if (names_prefix(tables[i].name, p))
        by_prefix[p].push_back(i);
  }
  std::set<std::pair<std::string, std::string>> in_foreign_key;
  for (auto& r : declared)
    for (auto& c : r.from_columns)
      in_foreign_key.emplace(r.from_table, c);
  std::vector<const column_info*> keys(tables.size(), nullptr);
  for (size_t i = 0; i < tables.size(); ++i)
    keys[i] = single_key(tables[i], unique);

  static const std::vector<size_t> none;
  std::vector<relationship> out;
  std::vector<candidate> found;
  for (size_t f = 0; f < tables.size(); ++f) {
    const auto& from = tables[f];
    for (auto& column : from.columns) {
      if (in_foreign_key.count({from.name, column.name}))
        continue;
      bool own_key = unique.count({from.name, column.name}) > 0;
      std::string prefix = key_prefix(column.name);
      found.clear();
      const std::vector<size_t>* same_name = &none;
      if (column.name != "id")
        if (auto it = unique_by_column.find(column.name); it != unique_by_column.end())
          same_name = &it->second;
      const std::vector<size_t>* named = &none;
      if (!prefix.empty())
        if (auto it = by_prefix.find(prefix); it != by_prefix.end())
          named = &it->second;
      // Same name, unique on the other side.
      for (auto t : *same_name) {
        if (t == f)
          continue;
        auto& to = tables[t];
        auto* target = to.find_column(column.name);
        if (target && type_family(target->type) == type_family(column.type))
          found.push_back({&to, target, std::count(named->begin(), named->end(), t) ? 2 : 1});
      }
      // Prefix names the table; join to its key, whatever it is called. A
      // table already considered by its unique same-name column is not again.
      for (auto t : *named) {
        if (t == f || std::count(same_name->begin(), same_name->end(), t))
          continue;
        auto* target = keys[t];
        if (target && type_family(target->type) == type_family(column.type))
          found.push_back({&tables[t], target, 2});
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
