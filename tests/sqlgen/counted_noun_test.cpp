// "How many X …": the rows named right after "how many" are the ones
// counted, never other rows the question names later.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"

namespace medha::sqlgen {
namespace {

using r = column_role;
using testing::col;

semantic_model depot() {
  semantic_model m;
  m.data_source = "depot";
  auto pickups = testing::table("pallet_pickups", {col("pickup_id", r::identifier, true), col("customer_id", r::identifier),
                                                   col("picked_on", r::time), col("qty", r::numeric)});
  pickups.comment = "Loaded pallets picked from customers' yards.";
  m.tables = {testing::table("customers", {col("customer_id", r::identifier, true),
                                           col("customer_name", r::text, false, {"Ada Stores"})}),
              pickups};
  m.relationships = {{"pallet_pickups", {"customer_id"}, "customers", {"customer_id"}, false}};
  return m;
}

TEST(counted_noun, rows_named_after_how_many_are_not_swapped_for_later_ones) {
  auto model = depot();
  // "loaded" is only in the pickups' description; the customers come later.
  auto plan = generate(model, "How many loaded ones did we pick from customers during 2023?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

TEST(counted_noun, the_rows_named_first_are_counted) {
  auto model = depot();
  auto plan = generate(model, "How many customers do we have?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("FROM \"customers\""), std::string::npos) << plan.sql;
}

TEST(counted_noun, a_value_named_after_how_many_is_of_the_rows_counted) {
  // The kind said first is the rows' own; counting the people who set them
  // up counts what was not asked for.
  semantic_model m;
  m.data_source = "traps";
  m.tables = {testing::table("staff", {col("staff_id", r::identifier, true), col("full_name", r::text, false, {"Ann Lee"})}),
              testing::table("stations", {col("station_id", r::identifier, true),
                                          col("station_type", r::categorical, false, {"Fly trap", "Bait box"}),
                                          col("installed_by", r::identifier)})};
  m.relationships = {{"stations", {"installed_by"}, "staff", {"staff_id"}, false}};
  auto plan = generate(m, "How many fly traps are installed by staff?", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find("FROM \"stations\""), std::string::npos) << plan.sql;
}

TEST(counted_noun, a_value_of_rows_the_counted_ones_lead_to_describes_them) {
  // Hire bookings of boats of a class: "narrowboat bookings" are bookings.
  semantic_model m;
  m.data_source = "hire";
  m.tables = {testing::table("classes", {col("class_id", r::identifier, true),
                                         col("class_desc", r::categorical, false,
                                             {"Narrowboat, 2 berth", "Narrowboat, 6 berth", "Day launch", "Rowing boat", "Canoe"})}),
              testing::table("boats", {col("boat_id", r::identifier, true), col("class_id", r::identifier)}),
              testing::table("bookings", {col("booking_id", r::identifier, true), col("boat_id", r::identifier)})};
  m.relationships = {{"boats", {"class_id"}, "classes", {"class_id"}, false},
                     {"bookings", {"boat_id"}, "boats", {"boat_id"}, false}};
  auto plan = generate(m, "How many narrowboat bookings do we have?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("FROM \"bookings\""), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
