// The red-team corpus (tests/executor/redteam.sql): every statement refused,
// by a rule of the guard rather than by a syntax error, with and without a
// model's relations.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "actors/executor/sql_guard.hpp"

namespace medha {
namespace {

std::vector<std::string> corpus() {
  const char* dir = std::getenv("MEDHA_SOURCE_DIR");
  std::string path = std::string(dir ? dir : ".") + "/tests/executor/redteam.sql";
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line.rfind("--", 0) != 0)
      out.push_back(line);
  return out;
}

void expect_all_refused(const relation_set* relations) {
  auto statements = corpus();
  ASSERT_GE(statements.size(), 300u) << "the corpus is missing or too small (MEDHA_SOURCE_DIR)";
  std::map<std::string, int> by_rule;
  size_t refused = 0;
  for (auto& sql : statements) {
    auto refusal = inspect_sql(sql, relations);
    if (!refusal) {
      ADD_FAILURE() << "accepted: " << sql;
      continue;
    }
    EXPECT_EQ(refusal->code, error_code::unsafe_sql)
      << sql << "\n  refused as " << refusal->rule << ": " << refusal->message;
    ++refused;
    ++by_rule[refusal->rule.substr(0, refusal->rule.find(':'))];
  }
  EXPECT_EQ(refused, statements.size());
  std::string summary;
  for (auto& [rule, n] : by_rule)
    summary += " " + rule + "=" + std::to_string(n);
  std::printf("refused %zu of %zu:%s\n", refused, statements.size(), summary.c_str());
}

TEST(redteam, every_statement_is_refused_offline) { expect_all_refused(nullptr); }

TEST(redteam, every_statement_is_refused_with_a_models_tables) {
  const relation_set model{"public.orders", "public.customers"};
  expect_all_refused(&model);
}

} // namespace
} // namespace medha
