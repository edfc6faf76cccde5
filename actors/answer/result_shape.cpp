#include "actors/answer/result_shape.hpp"

#include <cctype>

namespace medha::answer {

namespace {

bool ends_with(const std::string& s, const char* suffix) {
  std::string::size_type n = std::char_traits<char>::length(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

} // namespace

result_shape shape_of(const result_set& rows, const sql_plan& plan) {
  result_shape shape;
  for (size_t c = 0; c < rows.columns.size(); ++c) {
    const auto& col = rows.columns[c];
    const output_column* planned = nullptr;
    for (const auto& p : plan.columns)
      if (p.name == col.name)
        planned = &p;
    // The plan knows a numeric "year" is a time bucket and an integer key is
    // not a measure; the type decides for SQL the plan does not describe.
    if (planned ? planned->role == column_role::time : is_time_type(col.type))
      shape.times.push_back(c);
    else if (planned ? planned->role == column_role::numeric : is_numeric_type(col.type))
      shape.numerics.push_back(c);
    else
      shape.categories.push_back(c);
  }
  return shape;
}

std::vector<std::string> sql_words(const std::string& sql) {
  std::vector<std::string> words;
  std::string cur;
  for (char ch : sql) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '_') {
      cur += static_cast<char>(std::tolower(c));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty())
    words.push_back(std::move(cur));
  return words;
}

std::string title_of(const std::string& column) {
  std::string t = column;
  for (auto& c : t)
    if (c == '_')
      c = ' ';
  if (!t.empty())
    t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

std::string singular(const std::string& noun) {
  if (ends_with(noun, "ies") && noun.size() > 4)
    return noun.substr(0, noun.size() - 3) + "y";
  if (ends_with(noun, "sses") || ends_with(noun, "xes") || ends_with(noun, "ches")
      || ends_with(noun, "shes"))
    return noun.substr(0, noun.size() - 2);
  if (ends_with(noun, "s") && !ends_with(noun, "ss") && !ends_with(noun, "us")
      && noun.size() > 3)
    return noun.substr(0, noun.size() - 1);
  return noun;
}

std::string plural(const std::string& noun) {
  if (noun.empty())
    return noun;
  if (ends_with(noun, "y") && noun.size() > 1
      && std::string("aeiou").find(noun[noun.size() - 2]) == std::string::npos)
    return noun.substr(0, noun.size() - 1) + "ies";
  if (ends_with(noun, "s") || ends_with(noun, "x") || ends_with(noun, "ch")
      || ends_with(noun, "sh"))
    return noun + "es";
  return noun + "s";
}

} // namespace medha::answer
