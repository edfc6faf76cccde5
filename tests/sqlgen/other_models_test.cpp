// The engine on databases it was not written around: an HR schema with no
// model file (schema-qualified, booleans, integer years, a self-reference),
// and a flights schema where one table is linked twice.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/hr_model.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

void run(const semantic_model& model, const std::vector<sql_row>& rows) {
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question;
  }
}

TEST(hr, questions) {
  auto salary = q("employees.salary");
  run(testing::hr_model(), {
    {"How many employees are there?", {"SELECT COUNT(*) AS \"employee_count\" FROM \"hr\".\"employees\""}},
    {"Average salary by department", {"AVG(" + salary + ")", "GROUP BY " + q("departments.department_name"),
                                      "JOIN \"hr\".\"departments\" ON"}},
    {"Which department has the most employees?", {"ORDER BY \"employee_count\" DESC LIMIT 1"}},
    {"Who has the highest salary?", {"SELECT " + q("employees.first_name") + ", " + q("employees.last_name") + ", " + q("employees.employee_id") + ", " + salary, "ORDER BY " + salary + " DESC LIMIT 1"}},
    {"How many active employees?", {"WHERE " + q("employees.is_active") + " = true"}},
    // A flag of the rows names them: they are counted.
    {"How many are active?", {"COUNT(*) AS \"employee_count\"", q("employees.is_active") + " = true"}},
    // A person is named by their names, never by their job title.
    {"List the employees", {q("employees.first_name") + ", " + q("employees.last_name")}, {"job_title"}},
    {"Which department has the most employees?", {q("departments.department_name") + " IS NOT NULL"}},
    {"Employees who are not active", {q("employees.is_active") + " = false"}},
    {"List employees hired in 2022", {testing::period(q("employees.hire_date"), "2022-01-01", "2023-01-01")}},
    {"Average score in 2023", {q("performance_reviews.review_year") + " = 2023"}},
    {"Average review score by year", {"GROUP BY " + q("performance_reviews.review_year")}},
    {"Number of employees by country", {"GROUP BY " + q("locations.country")}},
    {"Departments with no employees", {"NOT EXISTS (SELECT 1 FROM \"hr\".\"employees\" AS \"x1\""}},
    {"Monthly hires", {"TO_CHAR(" + q("employees.hire_date") + ", 'YYYY-MM')", "COUNT(*)"}},
    {"How many managers?", {q("employees.job_title") + " = 'Manager'", "COUNT(*)"}},
    {"What is the average salary in the Engineering department?", {q("departments.department_name") + " = 'Engineering'"}},
    {"Employee 'Alice'", {q("employees.first_name") + " = 'Alice'"}},
    {"Number of reviews with score at least 4", {q("performance_reviews.score") + " >= 4", "COUNT(*)"}},
  });
}

semantic_model flights_model() {
  semantic_model m;
  table_info airports;
  airports.name = "airports";
  airports.columns = {{"airport_id", "integer", column_role::identifier, false, true, "", {}},
                      {"name", "text", column_role::text, true, false, "", {}},
                      {"city", "text", column_role::categorical, true, false, "", {"Oslo", "Lima"}}};
  table_info flights;
  flights.name = "flights";
  flights.columns = {{"flight_id", "integer", column_role::identifier, false, true, "", {}},
                     {"departure_airport_id", "integer", column_role::identifier, true, false, "", {}},
                     {"arrival_airport_id", "integer", column_role::identifier, true, false, "", {}},
                     {"departure_time", "timestamp", column_role::time, true, false, "", {}},
                     {"seats", "integer", column_role::numeric, true, false, "", {}},
                     {"status", "text", column_role::categorical, false, false, "", {"Arrived", "Cancelled"}}};
  m.tables = {airports, flights};
  m.relationships = {{"flights", {"departure_airport_id"}, "airports", {"airport_id"}, false},
                     {"flights", {"arrival_airport_id"}, "airports", {"airport_id"}, false}};
  return m;
}

TEST(flights, a_table_linked_twice_asks_which_link_and_the_reply_resolves_it) {
  auto model = flights_model();
  // No word says which of the two airports: asked.
  auto via_oslo = generate(model, "Flights with Oslo", "");
  EXPECT_EQ(via_oslo.outcome, plan_outcome::clarify) << via_oslo.sql;
  auto plan = generate(model, "Number of flights by airport", "");
  ASSERT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  ASSERT_EQ(plan.choices.size(), 2u);
  for (auto& choice : plan.choices) {
    auto next = generate(model, choice.reply, plan.query_json);
    ASSERT_EQ(next.outcome, plan_outcome::answer) << choice.reply << ": " << next.understood;
    EXPECT_NE(next.sql.find("GROUP BY " + q("airports.name")), std::string::npos) << next.sql;
  }
}

// "from" and "to" say which key: each value on its own key, so both
// airports are named in one question without a choice of link.
TEST(flights, from_and_to_name_the_roles_of_two_keys) {
  auto model = flights_model();
  run(model, {
    {"Flights from Lima to Oslo",
     {q("flights.departure_airport_id") + " IN (SELECT " + q("airports.airport_id") + " FROM \"airports\" WHERE "
        + q("airports.city") + " = 'Lima')",
      q("flights.arrival_airport_id") + " IN (SELECT " + q("airports.airport_id") + " FROM \"airports\" WHERE "
        + q("airports.city") + " = 'Oslo')"},
     {"'Lima', 'Oslo'"}},
    {"How many flights to Lima?", {q("flights.arrival_airport_id") + " IN (", "'Lima'"}, {"departure_airport_id"}},
  });
  // "arrive in" says where, in a timetable's present; "arrived" is also the status.
  run(model, {
    {"Count the flights that arrive in Lima", {q("flights.arrival_airport_id") + " IN ("}, {"'Arrived'"}},
    {"Count the flights that arrived in Lima", {q("flights.arrival_airport_id") + " IN (", "'Arrived'"}},
  });
  // Without a role for one of the values, nothing is guessed.
  EXPECT_EQ(generate(model, "Flights from Oslo or Lima", "").outcome, plan_outcome::clarify);
}

TEST(flights, a_named_link_needs_no_question) {
  auto model = flights_model();
  run(model, {
    {"Flights by departure airport",
     {"JOIN \"airports\" ON " + q("airports.airport_id") + " = " + q("flights.departure_airport_id"),
      "GROUP BY " + q("airports.name")}},
    {"Total seats by arrival airport", {q("flights.arrival_airport_id"), "SUM(" + q("flights.seats") + ")"}},
  });
}

} // namespace
} // namespace medha::sqlgen
