#include "tests/sqlgen/plan_matchers.hpp"

#include <cstdio>

namespace medha::sqlgen::testing {

std::string q(const std::string& dotted) {
  auto dot = dotted.find('.');
  if (dot == std::string::npos)
    return "\"" + dotted + "\"";
  return "\"" + dotted.substr(0, dot) + "\".\"" + dotted.substr(dot + 1) + "\"";
}

std::string check(const sql_plan& plan, const sql_row& row) {
  if (plan.outcome != plan_outcome::answer)
    return "clarify instead of an answer: " + plan.understood;
  std::string problems;
  for (auto& f : row.contains)
    if (plan.sql.find(f) == std::string::npos)
      problems += "\n  missing: " + f;
  for (auto& f : row.excludes)
    if (plan.sql.find(f) != std::string::npos)
      problems += "\n  unexpected: " + f;
  return problems.empty() ? "" : problems + "\n  in: " + plan.sql;
}

std::string period(const std::string& column, int year, int month, int months) {
  auto date = [](int y, int m) {
    y += (m - 1) / 12;
    m = (m - 1) % 12 + 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "'%04d-%02d-01'", y, m);
    return std::string(buf);
  };
  return column + " >= " + date(year, month) + " AND " + column + " < " + date(year, month + months);
}

} // namespace medha::sqlgen::testing
