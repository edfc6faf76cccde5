// How often something was done, said with its verb: the number of rows the
// verb names, compared.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

TEST(times_said, how_often_a_verb_was_done_is_a_number_of_its_rows) {
  auto model = testing::sales_model();
  for (auto& [question, having] : std::vector<std::pair<std::string, std::string>>{
         {"How many customers have ordered more than once?", "HAVING COUNT(*) > 1"},
         {"How many customers ordered more than twice?", "HAVING COUNT(*) > 2"},
         {"Which customers ordered at least 4 times?", "HAVING COUNT(*) >= 4"}}) {
    auto plan = generate(model, question, "");
    EXPECT_NE(plan.sql.find(having), std::string::npos) << question << " / " << plan.understood << plan.sql;
  }
}

} // namespace
} // namespace medha::sqlgen
