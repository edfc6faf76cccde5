#include "tests/sqlgen/hr_model.hpp"

namespace medha::sqlgen::testing {

namespace {

column_info col(std::string name, std::string type, column_role role, bool pk = false,
                std::vector<std::string> values = {}) {
  column_info c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.role = role;
  c.primary_key = pk;
  c.values = std::move(values);
  return c;
}

} // namespace

semantic_model hr_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "hr";
  table_info locations;
  locations.schema = "hr";
  locations.name = "locations";
  locations.columns = {col("location_id", "integer", r::identifier, true),
                       col("city", "text", r::categorical, false, {"London", "Paris", "Toronto"}),
                       col("country", "text", r::categorical, false, {"UK", "France", "Canada"})};
  table_info departments;
  departments.schema = "hr";
  departments.name = "departments";
  departments.columns = {col("department_id", "integer", r::identifier, true),
                         col("department_name", "text", r::categorical, false,
                             {"Engineering", "Sales", "Finance", "Human Resources"}),
                         col("location_id", "integer", r::identifier)};
  table_info employees;
  employees.schema = "hr";
  employees.name = "employees";
  employees.columns = {col("employee_id", "integer", r::identifier, true),
                       col("first_name", "text", r::text),
                       col("last_name", "text", r::text),
                       col("email", "text", r::text),
                       col("hire_date", "date", r::time),
                       col("job_title", "text", r::categorical, false,
                           {"Engineer", "Manager", "Analyst", "Accountant"}),
                       col("salary", "numeric", r::numeric),
                       col("is_active", "boolean", r::boolean),
                       col("department_id", "integer", r::identifier),
                       col("manager_id", "integer", r::identifier)};
  table_info reviews;
  reviews.schema = "hr";
  reviews.name = "performance_reviews";
  reviews.columns = {col("review_id", "integer", r::identifier, true),
                     col("employee_id", "integer", r::identifier),
                     col("review_year", "integer", r::numeric),
                     col("score", "integer", r::numeric)};
  m.tables = {locations, departments, employees, reviews};
  m.relationships = {
    {"departments", {"location_id"}, "locations", {"location_id"}, false},
    {"employees", {"department_id"}, "departments", {"department_id"}, false},
    {"employees", {"manager_id"}, "employees", {"employee_id"}, false},
    {"performance_reviews", {"employee_id"}, "employees", {"employee_id"}, false},
  };
  return m;
}

} // namespace medha::sqlgen::testing
