// People who have left, and spans of the calendar said in words: "staff
// who have left" keeps the rows whose leaving day is set; "between April
// and August 2026" and a year's second half are one span of days; two
// months of one date that no day is in at once are asked about, never
// answered with nothing.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"

namespace medha::sqlgen {
namespace {

using r = column_role;
using testing::col;

using testing::dated;

// A kennel's staff, who may have a leaving day, and the pens they clean.
semantic_model kennel() {
  semantic_model m;
  m.data_source = "kennel";
  auto staff = testing::table("staff", {col("staff_id", r::identifier, true), col("full_name", r::text),
                                        dated("joined_on"), dated("ended_on")});
  auto pens = testing::table("pens", {col("pen_id", r::identifier, true), col("pen_name", r::text),
                                      dated("built_on")});
  auto cleans = testing::table("cleans", {col("clean_id", r::identifier, true), col("pen_id", r::identifier),
                                          col("staff_id", r::identifier), dated("cleaned_on"), col("mins", r::numeric)});
  m.tables = {staff, pens, cleans};
  m.relationships = {{"cleans", {"pen_id"}, "pens", {"pen_id"}, false},
                     {"cleans", {"staff_id"}, "staff", {"staff_id"}, false}};
  return m;
}

TEST(leavers, staff_who_have_left_keep_a_leaving_day) {
  auto model = kennel();
  for (auto* asked : {"Name each staff member who has left us", "Do we know which of our staff had left?",
                      "Count the staff that have left the firm",
                      "List the former staff"}) {
    auto plan = generate(model, asked, "");
    ASSERT_EQ(plan.outcome, plan_outcome::answer) << asked << ": " << plan.understood;
    EXPECT_NE(plan.sql.find("\"ended_on\" IS NOT NULL"), std::string::npos) << asked << ": " << plan.sql;
  }
}

TEST(leavers, a_period_of_leaving_is_on_the_leaving_day) {
  auto model = kennel();
  auto plan = generate(model, "Count the kennel staff who left us in 2023", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"ended_on\" >= '2023-01-01'"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("joined_on"), std::string::npos) << plan.sql;
  // A verb of another date says which: the joining day.
  plan = generate(model, "Which staff joined in 2024 and have left?", "");
  if (plan.outcome == plan_outcome::answer) {
    EXPECT_NE(plan.sql.find("\"joined_on\" >= '2024-01-01'"), std::string::npos) << plan.sql;
  }
}

// A person is shown by both their names, however the columns spell them.
TEST(leavers, a_leaver_is_named_by_both_names) {
  auto model = kennel();
  model.tables[0].columns[1] = col("fname", r::text);
  model.tables[0].columns.push_back(col("sname", r::text));
  auto plan = generate(model, "Name each staff member who has left us", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"fname\""), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("\"sname\""), std::string::npos) << plan.sql;
}

TEST(leavers, what_is_left_is_no_leaver) {
  auto model = kennel();
  // "left" alone is also what remains: never the staff's leaving day.
  auto plan = generate(model, "How many pens are left?", "");
  EXPECT_EQ(plan.sql.find("ended_on"), std::string::npos) << plan.sql;
  // Rows that keep no leaving day of their own are not the staff's leavers.
  plan = generate(model, "How many cleans have left?", "");
  EXPECT_EQ(plan.sql.find("ended_on"), std::string::npos) << plan.sql;
}

TEST(spans, a_verb_is_said_of_the_rows_before_it) {
  auto model = kennel();
  // A clean belongs to the staff member who did it: "joined" is the staff's
  // event, not the cleans'.
  auto plan = generate(model, "How many cleans joined in 2024?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // A date of rows below them is something that happened to them.
  plan = generate(model, "How many pens cleaned in 2024?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"cleaned_on\" >= '2024-01-01'"), std::string::npos) << plan.sql;
}

TEST(spans, months_of_one_year_said_once) {
  auto model = kennel();
  auto plan = generate(model, "How many cleans were there between April and August 2026?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find(">= '2026-04-01'"), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("< '2026-09-01'"), std::string::npos) << plan.sql;
}

TEST(spans, halves_of_a_named_year) {
  auto model = kennel();
  auto plan = generate(model, "How many cleans were there in the second half of 2024?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find(">= '2024-07-01'"), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("< '2025-01-01'"), std::string::npos) << plan.sql;
  plan = generate(model, "Cleans in the 1st half of 2027: how many?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("< '2027-07-01'"), std::string::npos) << plan.sql;
}

TEST(spans, two_months_no_day_is_in_are_asked) {
  auto model = kennel();
  // Read apart, "April" and "August 2026" keep no row at all.
  auto plan = generate(model, "How many cleans were there between April and August?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

// A copy of data that ends before today: whole calendar periods count from
// its last day, and the answer says so; windows still from today.
TEST(spans, a_copy_of_the_data_counts_from_its_last_day) {
  auto model = kennel();
  auto plan = generate(model, "Count the cleans of the previous year", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("CURRENT_DATE"), std::string::npos) << plan.sql;
  model.data_ends = "2022-09-30";
  plan = generate(model, "Count the cleans of the previous year", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_EQ(plan.sql.find("CURRENT_DATE"), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("DATE '2022-09-30'"), std::string::npos) << plan.sql;
  EXPECT_NE(plan.explanation.find("2022-09-30"), std::string::npos) << plan.explanation;
  // A window is said from today, whatever day the data ends.
  plan = generate(model, "Count the cleans of the last 30 days", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("CURRENT_DATE"), std::string::npos) << plan.sql;
  // Anything but a day never reaches the SQL.
  model.data_ends = "2022-09-30'; DROP TABLE cleans; --";
  plan = generate(model, "Count the cleans of the previous year", "");
  EXPECT_EQ(plan.sql.find("DROP"), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
