#include "actors/context/schema_version.hpp"

#include <algorithm>
#include <string>

namespace medha {

namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (auto& p : parts)
    out += (out.empty() ? "" : ",") + p;
  return out;
}

} // namespace

uint64_t compute_schema_version(const std::vector<table_info>& tables,
                                const std::vector<relationship>& relationships) {
  // '\x1f' separates fields: it cannot appear in an identifier by accident.
  const char sep = '\x1f';
  std::vector<std::string> lines;
  for (auto& t : tables) {
    lines.push_back("t" + std::string(1, sep) + t.schema + sep + t.name);
    for (auto& c : t.columns)
      lines.push_back("c" + std::string(1, sep) + t.schema + sep + t.name + sep + c.name + sep + c.type
                      + sep + (c.nullable ? "null" : "not null") + sep + (c.primary_key ? "pk" : ""));
  }
  for (auto& r : relationships)
    if (!r.inferred)
      lines.push_back("f" + std::string(1, sep) + r.from_table + sep + join(r.from_columns) + sep
                      + r.to_table + sep + join(r.to_columns));
  std::sort(lines.begin(), lines.end());
  uint64_t hash = 14695981039346656037ull; // FNV-1a 64 offset basis
  for (auto& line : lines) {
    for (unsigned char ch : line + '\n') {
      hash ^= ch;
      hash *= 1099511628211ull; // FNV-1a 64 prime
    }
  }
  return hash;
}

} // namespace medha
