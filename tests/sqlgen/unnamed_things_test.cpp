// A thing with no name column is shown by its first descriptive columns
// beside its key (a car: make and model); an event keeps its number alone.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;

// Categorical descriptions every row has; other columns may be missing.
column_info col(std::string name, column_role role, bool key = false) {
  auto c = testing::column(std::move(name), role, key);
  c.nullable = !key && role != column_role::categorical;
  return c;
}

semantic_model garage_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "garage";
  m.tables = {
    testing::table("vans", {col("van_id", r::identifier, true), col("make", r::categorical),
                            col("model", r::categorical), col("created_at", r::time)}),
    testing::table("hires", {col("hire_id", r::identifier, true), col("van_id", r::identifier),
                             col("hired_on", r::time), col("fee", r::numeric)}),
  };
  m.relationships = {{"hires", {"van_id"}, "vans", {"van_id"}, false}};
  return m;
}

TEST(unnamed_things, a_thing_is_shown_by_what_describes_it) {
  auto plan = generate(garage_model(), "Which van was hired for the highest fee?", "");
  EXPECT_EQ(testing::check(plan, {"", {q("vans.make") + ", " + q("vans.model") + ", " + q("vans.van_id"),
                                       "ORDER BY " + q("hires.fee") + " DESC LIMIT 1"}}),
            "");
}

TEST(unnamed_things, an_event_is_known_by_its_number) {
  auto plan = generate(garage_model(), "Which hire had the highest fee?", "");
  EXPECT_EQ(testing::check(plan, {"", {"SELECT " + q("hires.hire_id") + ", "}, {"make"}}), "");
}

} // namespace
} // namespace medha::sqlgen
