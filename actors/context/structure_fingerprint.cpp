#include "actors/context/structure_fingerprint.hpp"

#include "actors/context/schema_version.hpp"

namespace medha {

std::string structure_fingerprint(const std::string& connection, const std::vector<table_info>& tables,
                                  const std::vector<relationship>& declared, const unique_columns& unique,
                                  const std::map<int64_t, std::vector<std::string>>& enum_labels) {
  // Fields end with '\x1f', records with '\x1e': no identifier holds them.
  std::string out = connection + '\x1e' + std::to_string(compute_schema_version(tables, declared)) + '\x1e';
  for (auto& t : tables) {
    out += t.schema + '\x1f' + t.name + '\x1f' + (t.derived ? "view" : "table") + '\x1f' + t.comment + '\x1e';
    for (auto& c : t.columns)
      out += c.name + '\x1f' + c.comment + '\x1e';
  }
  for (auto& [table, column] : unique)
    out += "unique\x1f" + table + '\x1f' + column + '\x1e';
  for (auto& [type, labels] : enum_labels) {
    out += "enum\x1f" + std::to_string(type);
    for (auto& l : labels)
      out += '\x1f' + l;
    out += '\x1e';
  }
  return out;
}

} // namespace medha
