// Mechanisms that keep the engine from answering a question it misread: a
// name compared to a column of codes, a column whose name starts with a
// superlative, a noun said twice, a total of an entity's own counter. Each
// over a small national-parks schema written for these tests.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

column_info col(std::string name, column_role role, std::vector<std::string> values = {},
                std::string comment = "") {
  column_info c;
  c.comment = std::move(comment);
  c.name = std::move(name);
  c.type = role == column_role::numeric ? "integer" : "text";
  c.role = role;
  c.values = std::move(values);
  return c;
}

using medha::sqlgen::testing::link_of;
using medha::sqlgen::testing::table;

semantic_model parks_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "parks";
  m.tables = {
    table("park", {col("park_id", r::identifier), col("park_name", r::text),
                   col("region", r::categorical, {"NE", "NW", "SE"}),
                   col("biome", r::categorical, {"Desert", "Forest", "Tundra"})}),
    table("extremes", {col("park_name", r::text), col("highest_summit", r::text),
                       col("deepest_lake", r::text)}),
    table("ranger", {col("ranger_id", r::identifier), col("park_id", r::identifier),
                     col("surname", r::text), col("total_hours", r::numeric, {}, "Hours the ranger has logged"),
                     col("hired_on", r::time), col("retired_on", r::time)}),
    table("trail", {col("trail_id", r::identifier), col("park_id", r::identifier),
                    col("trail_name", r::text), col("scenery_score", r::numeric),
                    col("length_km", r::numeric),
                    col("surface", r::categorical, {"Gravel", "Paved"})}),
    table("hike", {col("hike_id", r::identifier), col("trail_id", r::identifier),
                   col("ranger_id", r::identifier), col("score", r::numeric), col("hike_date", r::time),
                   col("hours", r::categorical, {"1-2", "2-4", "4+"}, "Length of the logged hike")}),
  };
  m.relationships = {link_of("extremes", "park_name", "park", "park_name"),
                     link_of("ranger", "park_id", "park", "park_id"),
                     link_of("trail", "park_id", "park", "park_id"),
                     link_of("hike", "trail_id", "trail", "trail_id"),
                     link_of("hike", "ranger_id", "ranger", "ranger_id")};
  return m;
}

void run(const std::vector<sql_row>& rows) {
  auto model = parks_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question << " / " << plan.understood;
  }
}

void abstains(const std::string& question) {
  auto model = parks_model();
  auto plan = generate(model, question, "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << question << " / " << plan.sql;
}

TEST(precision, a_spelled_out_name_on_a_column_of_codes_is_asked_about) {
  // region stores "NW": "Northwest" would match no row.
  abstains("How many parks are in the region \"Northwest\"?");
  run({
    {"How many parks are in the region \"NW\"?", {q("park.region") + " = 'NW'"}},
    // A column of words, not codes: the name is compared as given.
    {"How many parks are in the biome \"Grassland\"?", {q("park.biome") + " = 'Grassland'"}},
  });
}

TEST(precision, a_column_named_with_a_superlative_is_listed_not_ranked) {
  run({
    {"What is the highest summit of each park?",
     {q("extremes.highest_summit"), q("park.park_name")}, {"MAX("}},
  });
}

TEST(precision, a_listing_per_group_shows_the_group) {
  run({
    {"Show the deepest lake for each park",
     {"SELECT DISTINCT " + q("park.park_name") + ", " + q("extremes.deepest_lake")}},
  });
}

TEST(precision, a_noun_said_twice_names_the_same_column) {
  // "scores" alone would name hike.score; here it repeats "scenery scores".
  run({
    {"What are the scenery scores of trails in the biome \"Forest\"? Show both trails and scores.",
     {q("trail.scenery_score"), q("trail.trail_name")}, {q("hike.score")}},
  });
}

TEST(precision, a_total_an_entity_keeps_is_summed_rather_than_counted) {
  // hike.hours holds ranges; ranger.total_hours keeps each ranger's total.
  run({
    {"What is the total number of hours logged by rangers in each park?",
     {"SUM(" + q("ranger.total_hours") + ")", "GROUP BY " + q("park.park_name")},
     {"COUNT(", q("ranger.surname"), q("hike.hours")}},
    // Without another grouping, "by rangers" still groups.
    {"What is the total number of hours logged by rangers?",
     {"SUM(" + q("ranger.total_hours") + ")", "GROUP BY " + q("ranger.surname")}},
  });
}

TEST(precision, which_entities_and_how_many_rows_groups_the_count_by_them) {
  run({
    {"Which rangers have hikes on gravel trails and how many hikes do they have?",
     {q("ranger.surname"), "COUNT(*)", "GROUP BY " + q("ranger.surname"),
      q("trail.surface") + " = 'Gravel'"},
     {"EXISTS"}},
  });
}

TEST(precision, an_average_of_parents_over_a_childs_column_is_asked_about) {
  // Each hike has a score; "of trails": over all hikes, or per trail first?
  abstains("What is the average score of trails on gravel?");
  run({
    {"What is the average score of hikes?", {"AVG(" + q("hike.score") + ")"}},
    {"What is the average score for each trail?",
     {"AVG(" + q("hike.score") + ")", "GROUP BY " + q("trail.trail_name")}},
  });
}

TEST(precision, days_since_the_latest_or_earliest_date_of_a_table) {
  run({
    {"How long has it been since the most recent hike?",
     {"CURRENT_DATE - MAX(" + q("hike.hike_date") + ")::date"}},
    // Two dates: the verb of the question names one.
    {"How many days since the first ranger was hired? Give the answer as an integer.",
     {"CURRENT_DATE - MIN(" + q("ranger.hired_on") + ")::date"}, {"retired_on"}},
    {"How long has it been in days since the last hike of each ranger?",
     {"CURRENT_DATE - MAX(" + q("hike.hike_date") + ")::date", "GROUP BY " + q("ranger.surname")}},
  });
  // Two dates and nothing to choose between them: ask.
  abstains("How long has it been since the last ranger?");
}

TEST(precision, days_between_two_dates_of_a_row_are_aggregated) {
  run({
    {"What is the average number of days between the hired on date and the retired on date of rangers?",
     {"AVG(" + q("ranger.retired_on") + "::date - " + q("ranger.hired_on") + "::date)"}},
    {"What is the maximum time between hired on and retired on for each park?",
     {"MAX(" + q("ranger.retired_on") + "::date - " + q("ranger.hired_on") + "::date)",
      "GROUP BY " + q("park.park_name")}},
    // Not dates: "between" compares as usual.
    {"How many trails have a length km between 3 and 5?", {"BETWEEN 3 AND 5"}},
  });
  // Which ranger has the longest: a ranking of rows, not an aggregate.
  abstains("Which ranger has the longest time between hired on and retired on?");
}

// "trails containing 'ridge'": the text search is on the table said right
// before it, not on the thing counted.
TEST(precision, a_containment_on_the_table_before_it) {
  run({{"How many hikes on trails containing 'ridge'?",
        {q("trail.trail_name") + " ILIKE '%ridge%'", "COUNT(*)"}}});
}

} // namespace
} // namespace medha::sqlgen
