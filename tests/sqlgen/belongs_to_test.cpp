// Two tables that point at each other (an employee's department, a
// department's head): reached from the employees, the department is the one
// each employee belongs to, not the one they head.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "tests/sqlgen/hr_model.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;

semantic_model with_department_heads() {
  auto m = testing::hr_model();
  for (auto& t : m.tables)
    if (t.name == "departments") {
      column_info head;
      head.name = "head_id";
      head.type = "integer";
      head.role = column_role::identifier;
      t.columns.push_back(head);
    }
  m.relationships.push_back({"departments", {"head_id"}, "employees", {"employee_id"}, false});
  return m;
}

TEST(belongs_to, grouping_rows_by_the_table_they_point_to_uses_their_own_key) {
  auto model = with_department_heads();
  std::string join = "ON " + q("departments.department_id") + " = " + q("employees.department_id");
  for (auto question : {"average salary by department", "number of employees per department",
                        "employees in the Sales department"}) {
    auto plan = generate(model, question, "");
    EXPECT_EQ(testing::check(plan, {question, {join}, {"head_id"}}), "") << question;
  }
}

TEST(belongs_to, each_side_follows_its_own_key) {
  // From a department, the employee it points to is its head.
  auto given = with_department_heads();
  const indexed_model model(given);
  auto down = shortest_path(model, "employees", "departments");
  ASSERT_TRUE(down.found);
  EXPECT_FALSE(down.ambiguous);
  ASSERT_EQ(down.steps.size(), 1u);
  EXPECT_EQ(down.steps[0].on.front().first, "department_id");
  auto up = shortest_path(model, "departments", "employees");
  ASSERT_TRUE(up.found);
  EXPECT_FALSE(up.ambiguous);
  ASSERT_EQ(up.steps.size(), 1u);
  EXPECT_EQ(up.steps[0].on.front().first, "head_id");
}

} // namespace
} // namespace medha::sqlgen
