// Sorting words without a named key: "ordered alphabetically", "ordered from
// highest to lowest", "order the results by ...". Over a small zoo schema
// written for these tests.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

column_info col(std::string name, column_role role, bool key = false) {
  column_info c;
  c.name = std::move(name);
  c.type = role == column_role::numeric ? "integer" : "text";
  c.role = role;
  c.primary_key = key;
  return c;
}

semantic_model zoo_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "zoo";
  table_info animals;
  animals.name = "animals";
  animals.columns = {col("animal_id", r::identifier, true), col("nickname", r::text),
                     col("species", r::categorical), col("weight_kg", r::numeric),
                     col("num_visitors", r::numeric), col("habitat_name", r::categorical)};
  m.tables = {animals};
  return m;
}

void run(const std::vector<sql_row>& rows) {
  auto model = zoo_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question << " / " << plan.understood;
  }
}

TEST(ordering, ordered_followed_by_a_direction_is_a_sort) {
  run({
    {"What are the nicknames of all animals, ordered alphabetically?",
     {"ORDER BY " + q("animals.nickname")}, {"DESC"}},
    {"Show the species of animals, ordered in descending order", {"ORDER BY " + q("animals.species")}},
  });
}

TEST(ordering, a_direction_without_a_key_sorts_a_listing_by_the_number_shown) {
  run({
    {"List the nicknames of animals and their weight kg, ordered from highest to lowest",
     {"ORDER BY " + q("animals.weight_kg") + " DESC"}},
  });
}

TEST(ordering, a_direction_without_a_key_sorts_groups_by_their_measure_or_name) {
  run({
    {"How many animals are there for each species, ordered from highest to lowest?",
     {"GROUP BY " + q("animals.species"), "DESC"}, {"ORDER BY " + q("animals.species")}},
    {"Number of animals per species, sorted alphabetically",
     {"GROUP BY " + q("animals.species"), "ORDER BY " + q("animals.species")}, {"DESC"}},
  });
}

TEST(ordering, order_the_results_by_names_the_key) {
  run({
    {"What is the average weight kg of animals for each species? Order the results by the species.",
     {"AVG(" + q("animals.weight_kg") + ")", "ORDER BY " + q("animals.species")}},
  });
}

TEST(ordering, a_name_column_is_asked_for_by_its_thing) {
  // No habitats table: "each habitat" groups by habitat_name.
  run({
    {"How many animals live in each habitat?", {"COUNT(*)", "GROUP BY " + q("animals.habitat_name")}},
    {"What is the average weight kg of animals per habitat, from highest to lowest?",
     {"GROUP BY " + q("animals.habitat_name"), "DESC"}},
  });
}

TEST(ordering, the_highest_number_of_a_kept_count_ranks_rows_by_it) {
  // num_visitors is kept per animal: ranked, not summed per animal.
  run({
    {"Which 3 animals have the highest number of visitors?",
     {"ORDER BY " + q("animals.num_visitors") + " DESC", "LIMIT 3"}, {"SUM("}},
  });
}

} // namespace
} // namespace medha::sqlgen

namespace medha::sqlgen {
namespace {

TEST(ordering, the_length_of_a_name_orders_by_its_characters) {
  run({
    {"List the nicknames of the animals, ordered by the length of the nickname from shortest to longest",
     {"LENGTH(" + q("animals.nickname") + ")", "ORDER BY \"nickname_length\""}, {"DESC"}},
    {"List the nicknames of the animals, ordered by the length of the nickname from longest to shortest",
     {"LENGTH(" + q("animals.nickname") + ")", "ORDER BY \"nickname_length\" DESC"}},
  });
}

// "the 5 best": a ranking and a number of rows, with nothing to rank them
// by, is asked; never the first names of the alphabet.
TEST(ordering, a_ranking_by_nothing_is_asked) {
  auto model = testing::sales_model();
  for (auto* asked : {"Name the 4 best products we have", "Our top 3 products, please"}) {
    auto plan = generate(model, asked, "");
    EXPECT_NE(plan.outcome, plan_outcome::answer) << asked << ": " << plan.sql;
  }
  // Ranked by a number of the rows: read.
  auto plan = generate(model, "the 3 most expensive products", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("LIMIT 3"), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
