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

// A role said where rows are grouped or pointed at ("by courier"): the key
// of the rows named for it, not the job title of that name.
TEST(self_keys, a_role_after_by_is_the_key_not_the_job_title) {
  using r = column_role;
  semantic_model m;
  m.data_source = "parcels";
  m.tables = {testing::table("staff", {col("staff_id", r::identifier, true),
                                       col("full_name", r::text, false, {"Ann Lee", "Bo Park"}),
                                       col("job_role", r::categorical, false, {"Courier", "Clerk"})}),
              testing::table("drops", {col("drop_id", r::identifier, true), col("courier_id", r::identifier),
                                       col("drop_state", r::categorical, false, {"failed", "done"})}),
              testing::table("pickups", {col("pickup_id", r::identifier, true), col("courier_id", r::identifier)})};
  m.relationships = {{"drops", {"courier_id"}, "staff", {"staff_id"}, false},
                     {"pickups", {"courier_id"}, "staff", {"staff_id"}, false}};
  auto plan = generate(m, "How many failed drops by courier?", "");
  EXPECT_NE(plan.sql.find("GROUP BY " + q("staff.full_name")), std::string::npos) << plan.sql << plan.understood;
  EXPECT_NE(plan.sql.find(q("drops.courier_id")), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("'Courier'"), std::string::npos) << plan.sql;
  // Said as a kind of person, it is the job title.
  plan = generate(m, "How many couriers are there?", "");
  EXPECT_NE(plan.sql.find(q("staff.job_role") + " = 'Courier'"), std::string::npos) << plan.sql << plan.understood;
}

// "how many mixes": after a quantifier the word is a noun, never the verb of
// the key of the people who do it (mixer_id).
TEST(self_keys, a_noun_after_how_many_is_no_verb_of_a_key) {
  using r = column_role;
  semantic_model m;
  m.data_source = "bakehouse";
  m.tables = {testing::table("staff", {col("staff_id", r::identifier, true),
                                       col("full_name", r::text, false, {"Ann Lee", "Bo Park"})}),
              testing::table("dough_runs", {col("run_id", r::identifier, true), col("mixer_id", r::identifier),
                                            col("mixed_on", r::time)})};
  m.relationships = {{"dough_runs", {"mixer_id"}, "staff", {"staff_id"}, false}};
  auto plan = generate(m, "How many mixes were there in 2024?", "");
  EXPECT_EQ(plan.sql.find("FROM " + q("staff")), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("COUNT(DISTINCT " + q("staff.staff_id")), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
