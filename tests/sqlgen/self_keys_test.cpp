// A table whose key points at its own rows (staff.manager_id): the relation
// is read through the key, or asked about; never dropped to list the people
// themselves.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::col;
using testing::q;

semantic_model practice() {
  using r = column_role;
  semantic_model m;
  m.data_source = "practice";
  m.tables = {testing::table("offices", {col("office_id", r::identifier, true),
                                         col("office_name", r::text, false, {"Harbourside", "Old Town"})}),
              testing::table("staff", {col("staff_id", r::identifier, true),
                                       col("full_name", r::text, false, {"Omar Diallo", "Ines Varga"}),
                                       col("office_id", r::identifier), col("manager_id", r::identifier)})};
  m.relationships = {{"staff", {"office_id"}, "offices", {"office_id"}, false},
                     {"staff", {"manager_id"}, "staff", {"staff_id"}, false}};
  return m;
}

TEST(self_keys, the_verb_of_the_key_is_read_through_it) {
  auto plan = generate(practice(), "Who manages Omar Diallo?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("SELECT " + q("staff.manager_id")), std::string::npos) << plan.sql;
}

TEST(self_keys, a_relation_said_and_not_read_is_asked) {
  // The office has no manager key: "manager" is not who works there.
  auto plan = generate(practice(), "Who is the manager of Harbourside?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  EXPECT_NE(plan.understood.find("\"manager\""), std::string::npos) << plan.understood;
}

} // namespace
} // namespace medha::sqlgen
