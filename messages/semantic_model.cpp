#include "messages/semantic_model.hpp"

#include <cctype>

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

namespace {

std::string lowered(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

} // namespace

bool rule::names_column(const std::string& column) const {
  auto f = lowered(filter), c = lowered(column);
  if (c.empty())
    return false;
  auto word = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; };
  for (size_t at = f.find(c); at != std::string::npos; at = f.find(c, at + 1))
    if ((at == 0 || !word(f[at - 1])) && (at + c.size() >= f.size() || !word(f[at + c.size()])))
      return true;
  return false;
}

std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> out(1);
  for (char ch : name) {
    if (std::isalpha(static_cast<unsigned char>(ch)))
      out.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    else if (!out.back().empty())
      out.emplace_back();
  }
  if (out.back().empty())
    out.pop_back();
  return out;
}

bool says_yes(const std::string& value) {
  auto v = lowered(value);
  return v == "y" || v == "yes" || v == "t" || v == "true" || v == "1";
}

bool says_no(const std::string& value) {
  auto v = lowered(value);
  return v == "n" || v == "no" || v == "f" || v == "false" || v == "0";
}

std::string flag_value(const column_info& column, bool yes) {
  for (auto& v : column.values)
    if (yes ? says_yes(v) : says_no(v))
      return v;
  return "";
}

} // namespace medha
