// Numbers spelled with scale words, and a number said before the quantity
// it bounds ("fewer than a hundred thousand people").
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/number_words.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

TEST(number_words, scale_words_become_digits) {
  EXPECT_EQ(spell_out_numbers("fewer than a hundred thousand people"), "fewer than 100000 people");
  EXPECT_EQ(spell_out_numbers("over two million"), "over 2000000");
  EXPECT_EQ(spell_out_numbers("above 1.5 million dollars"), "above 1500000 dollars");
  EXPECT_EQ(spell_out_numbers("three hundred and fifty"), "350");
  // Small numbers alone stay words: "more than one" is often no count.
  EXPECT_EQ(spell_out_numbers("more than one restaurant"), "more than one restaurant");
  EXPECT_EQ(spell_out_numbers("a thousand"), "1000");
}

TEST(number_words, a_number_before_the_people_it_counts_bounds_the_population) {
  using r = column_role;
  auto col = [](std::string name, column_role role) {
    column_info c;
    c.name = std::move(name);
    c.type = role == r::numeric ? "integer" : "text";
    c.role = role;
    return c;
  };
  semantic_model m;
  m.data_source = "towns";
  m.tables = {testing::table("town", {col("town_name", r::text), col("population", r::numeric)})};
  auto plan = generate(m, "Which towns have fewer than ten thousand people?", "");
  EXPECT_EQ(testing::check(plan, {"", {testing::q("town.population") + " < 10000"}}), "") << plan.understood;
}

} // namespace
} // namespace medha::sqlgen
