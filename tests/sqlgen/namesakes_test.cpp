// Rows grouped by a name from a short list keep their key too when there are
// fewer names than rows: two agents called the same are two agents.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;

semantic_model helpdesk(int64_t agents) {
  auto id = [](std::string name, bool pk) {
    column_info c;
    c.name = std::move(name);
    c.type = "integer";
    c.role = column_role::identifier;
    c.primary_key = pk;
    return c;
  };
  column_info name;
  name.name = "name";
  name.type = "text";
  name.role = column_role::categorical;
  name.values = {"Ann Lee", "Bo Chan"};
  semantic_model m;
  m.data_source = "helpdesk";
  auto staff = testing::table("agents", {id("agent_id", true), name});
  staff.row_estimate = agents;
  m.tables = {staff, testing::table("tickets", {id("ticket_id", true), id("agent_id", false)})};
  m.relationships = {{"tickets", {"agent_id"}, "agents", {"agent_id"}, false}};
  return m;
}

TEST(namesakes, fewer_names_than_rows_groups_by_the_key_too) {
  auto plan = generate(helpdesk(3), "Which agent has the most tickets?", "");
  EXPECT_EQ(testing::check(plan, {"", {"GROUP BY " + q("agents.name") + ", " + q("agents.agent_id")}}), "");
}

TEST(namesakes, one_name_per_row_groups_by_the_name) {
  auto plan = generate(helpdesk(2), "Which agent has the most tickets?", "");
  EXPECT_EQ(testing::check(plan, {"", {"GROUP BY " + q("agents.name")}, {"GROUP BY " + q("agents.name") + ", "}}), "");
}

} // namespace
} // namespace medha::sqlgen
