#include "actors/sqlgen/llm/reply_parser.hpp"

#include <cctype>
#include <optional>

namespace medha::llm {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out{s};
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One statement: surrounding space and trailing semicolons go.
std::string statement(std::string_view s) {
  s = trim(s);
  while (!s.empty() && s.back() == ';')
    s = trim(s.substr(0, s.size() - 1));
  return std::string{s};
}

// The body of the first fenced block whose label reads as SQL.
std::optional<std::string> fenced_sql(std::string_view text) {
  size_t at = 0;
  while ((at = text.find("```", at)) != std::string_view::npos) {
    auto label_end = text.find('\n', at + 3);
    if (label_end == std::string_view::npos)
      return std::nullopt;
    auto label = lower(trim(text.substr(at + 3, label_end - at - 3)));
    auto close = text.find("```", label_end + 1);
    auto body = text.substr(label_end + 1, close == std::string_view::npos
                                               ? std::string_view::npos
                                               : close - label_end - 1);
    if (label.empty() || label == "sql" || label == "postgresql" || label == "postgres"
        || label == "pgsql" || label == "psql")
      return statement(body);
    if (close == std::string_view::npos)
      return std::nullopt;
    at = close + 3;
  }
  return std::nullopt;
}

bool starts_like_sql(std::string_view s) {
  auto l = lower(s.substr(0, 12));
  for (const char* kw : {"select", "with", "values", "table", "("})
    if (l.rfind(kw, 0) == 0)
      return true;
  return false;
}

} // namespace

parsed_reply parse_reply(std::string_view text) {
  parsed_reply out;
  if (auto sql = fenced_sql(text)) {
    if (!sql->empty()) {
      out.what = parsed_reply::kind::sql;
      out.sql = std::move(*sql);
    }
    return out;
  }
  auto body = trim(text);
  if (body.empty())
    return out;
  bool one_line = body.find('\n') == std::string_view::npos;
  if (one_line && body.back() == '?' && !starts_like_sql(body)) {
    out.what = parsed_reply::kind::clarify;
    out.question = std::string{body};
    return out;
  }
  out.what = parsed_reply::kind::sql;
  out.sql = statement(body);
  return out;
}

} // namespace medha::llm
