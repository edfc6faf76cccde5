#include "actors/sqlgen/sql_text.hpp"

#include <cctype>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

size_t read_identifier(std::string_view s, size_t i) {
  while (i < s.size() && ident_char(s[i]))
    ++i;
  return i;
}

} // namespace

std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

std::string qualified(const column_ref& c) {
  return quote_identifier(c.table) + "." + quote_identifier(c.column);
}

std::string table_reference(const indexed_model& model, const std::string& table) {
  auto* t = table_of(model, table);
  if (!t || t->schema.empty() || t->schema == "public")
    return quote_identifier(table);
  return quote_identifier(t->schema) + "." + quote_identifier(table);
}

std::string string_literal(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += '\'';
    out += c;
  }
  return out + "'";
}

bool is_number(std::string_view s) {
  if (!s.empty() && s[0] == '-')
    s.remove_prefix(1);
  bool digits = false, dot = false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      digits = true;
    else if (c == '.' && !dot)
      dot = true;
    else
      return false;
  }
  return digits;
}

std::string qualify_expression(const indexed_model& model, std::string_view e,
                               const std::string& default_table) {
  auto* home = table_of(model, default_table);
  std::string out;
  size_t i = 0;
  while (i < e.size()) {
    char c = e[i];
    if (c == '\'' || c == '"') { // literal or quoted identifier: copy verbatim
      size_t j = i + 1;
      while (j < e.size() && !(e[j] == c && (j + 1 >= e.size() || e[j + 1] != c)))
        j += (e[j] == c) ? 2 : 1;
      out.append(e.substr(i, j + 1 - i));
      i = j + 1;
      continue;
    }
    if (!ident_start(c) || (i > 0 && (ident_char(e[i - 1]) || e[i - 1] == '.'))) {
      out += c;
      ++i;
      continue;
    }
    size_t end = read_identifier(e, i);
    std::string first(e.substr(i, end - i));
    if (end + 1 < e.size() && e[end] == '.' && ident_start(e[end + 1])) {
      size_t end2 = read_identifier(e, end + 1);
      std::string second(e.substr(end + 1, end2 - end - 1));
      auto* t = table_of(model, first);
      if (t && t->find_column(second)) {
        out += qualified({first, second});
      } else {
        out.append(e.substr(i, end2 - i));
      }
      i = end2;
      continue;
    }
    size_t k = end;
    while (k < e.size() && e[k] == ' ')
      ++k;
    bool is_call = k < e.size() && e[k] == '(';
    if (home && !is_call && home->find_column(first))
      out += qualified({default_table, first});
    else
      out += first;
    i = end;
  }
  return out;
}

bool split_outer_call(std::string_view e, std::string& function, std::string& argument) {
  while (!e.empty() && e.front() == ' ')
    e.remove_prefix(1);
  while (!e.empty() && e.back() == ' ')
    e.remove_suffix(1);
  size_t name_end = read_identifier(e, 0);
  if (name_end == 0 || name_end >= e.size() || e[name_end] != '(' || e.back() != ')')
    return false;
  int level = 0;
  bool in_string = false;
  for (size_t i = name_end; i < e.size(); ++i) {
    char c = e[i];
    if (c == '\'')
      in_string = !in_string;
    if (in_string)
      continue;
    if (c == '(')
      ++level;
    else if (c == ')' && --level == 0 && i + 1 != e.size())
      return false; // "SUM(a) / SUM(b)": not one call
  }
  function = std::string(e.substr(0, name_end));
  argument = std::string(e.substr(name_end + 1, e.size() - name_end - 2));
  return true;
}

} // namespace medha::sqlgen
