#include "tests/sqlgen/plan_matchers.hpp"


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

std::string period(const std::string& column, const std::string& from, const std::string& to) {
  return column + " >= '" + from + "' AND " + column + " < '" + to + "'";
}

} // namespace medha::sqlgen::testing
