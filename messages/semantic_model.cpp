#include "messages/semantic_model.hpp"

namespace medha {

const char* to_string(column_role role) {
  switch (role) {
    case column_role::time: return "time";
    case column_role::categorical: return "categorical";
    case column_role::numeric: return "numeric";
    case column_role::identifier: return "identifier";
    case column_role::text: return "text";
    case column_role::boolean: return "boolean";
  }
  return "text";
}

const column_info* table_info::find_column(const std::string& column) const {
  for (auto& c : columns)
    if (c.name == column)
      return &c;
  return nullptr;
}

const table_info* semantic_model::find_table(const std::string& table) const {
  for (auto& t : tables)
    if (t.name == table)
      return &t;
  return nullptr;
}

} // namespace medha
