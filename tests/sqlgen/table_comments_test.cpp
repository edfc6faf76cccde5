// A table's comment that opens with its other names in brackets
// ("Employees (staff, people): ...") lets the user call the rows so.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/hr_model.hpp"
#include "tests/sqlgen/model_builders.hpp"
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

TEST(table_comments, a_comment_opening_with_every_row_names_the_rows) {
  // "Every hire made, ...": each row is a hire.
  auto model = commented("Every hire made, permanent or temporary.");
  auto plan = generate(model, "How many hires are there in each department?", "");
  EXPECT_EQ(testing::check(plan, {"", {"COUNT(*)", "AS \"employee_count\"",
                                       "GROUP BY " + q("departments.department_name")}}),
            "");
}

// A word the schema's comments use is spelt right: never corrected towards
// a column it is two letters away from.
TEST(table_comments, a_word_the_comments_use_is_not_a_misspelling) {
  using r = column_role;
  using testing::col;
  semantic_model m;
  m.data_source = "pantry";
  auto shifts = testing::table("shifts", {col("shift_id", r::identifier, true), col("hrs", r::numeric)});
  auto stock = testing::table("stock", {col("item_id", r::identifier, true), col("qty", r::numeric)});
  stock.comment = "Food parcels and donations on the shelves.";
  m.tables = {shifts, stock};
  auto plan = generate(m, "What is the total duration of shifts?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  plan = generate(m, "What is the total donations of shifts?", "");
  EXPECT_EQ(plan.sql.find("hrs"), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
