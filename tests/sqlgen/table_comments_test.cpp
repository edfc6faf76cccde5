// A table's comment that opens with its other names in brackets
// ("Employees (staff, people): ...") lets the user call the rows so.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/hr_model.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;

semantic_model commented(std::string comment) {
  auto m = testing::hr_model();
  m.data_source = "hr_commented_" + std::to_string(comment.size()); // its own cached index
  for (auto& t : m.tables)
    if (t.name == "employees")
      t.comment = std::move(comment);
  return m;
}

TEST(table_comments, bracketed_other_names_name_the_table) {
  auto model = commented("Employees (staff, people, headcount): everyone who works here.");
  for (auto question : {"How many people work in each department?", "staff per department"}) {
    auto plan = generate(model, question, "");
    EXPECT_EQ(testing::check(plan, {question, {"COUNT(*)", "AS \"employee_count\"",
                                               "GROUP BY " + q("departments.department_name")}}),
              "")
      << question;
  }
}

TEST(table_comments, the_words_before_the_brackets_name_the_table_too) {
  // "customer accounts" style: the opening words are the rows' full name.
  auto model = commented("Staff members (people): everyone who works here.");
  auto plan = generate(model, "How many staff members are in each department?", "");
  EXPECT_EQ(testing::check(plan, {"", {"COUNT(*)", "AS \"employee_count\"",
                                       "GROUP BY " + q("departments.department_name")}}),
            "");
}

TEST(table_comments, brackets_later_in_a_comment_are_no_names) {
  // ("people" alone names the one table of people: a word of no such
  // meaning shows what the brackets do.)
  auto model = commented("Everyone who works or worked for the company (hands who left too).");
  auto plan = generate(model, "How many hands are there in each department?", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_EQ(plan.sql.find("COUNT(*)"), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
