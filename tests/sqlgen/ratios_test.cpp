// Ratios between two readings of the question ("A to B"), dates by day of
// week, and numbers that a column already keeps, each over a small schema of
// coffee shops written for these tests.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

column_info col(std::string name, column_role role, std::vector<std::string> values = {}) {
  column_info c;
  c.name = std::move(name);
  c.type = role == column_role::numeric ? "integer" : role == column_role::time ? "date" : "text";
  c.role = role;
  c.values = std::move(values);
  return c;
}

semantic_model coffee_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "coffee";
  table_info shops;
  shops.name = "shops";
  shops.columns = {col("shop_id", r::identifier), col("name", r::text),
                   col("town", r::categorical, {"Lima", "Quito"}), col("stars", r::numeric),
                   col("seats", r::numeric), col("baristas", r::numeric),
                   col("num_awards", r::numeric), col("is_open", r::numeric),
                   col("rent_usd", r::numeric), col("head_count", r::numeric),
                   col("roast_type", r::categorical, {"Dark", "Light"}),
                   col("has_wifi", r::boolean)};
  shops.columns[0].primary_key = true;
  shops.columns[7].comment = "Whether the shop still trades (1 for open, 0 for closed)";
  shops.columns[10].comment = "The type of roast brewed at the shop";
  table_info visits;
  visits.name = "visits";
  visits.columns = {col("visit_id", r::identifier), col("shop_id", r::identifier),
                    col("visit_date", r::time), col("spent", r::numeric)};
  visits.columns[0].primary_key = true;
  visits.columns[3].comment = "Money spent during the visit, as the till logged it";
  // Tallies: how many people came in on each day of the week.
  table_info checkins;
  checkins.name = "checkins";
  checkins.columns = {col("checkin_id", r::identifier), col("shop_id", r::identifier),
                      col("day", r::categorical,
                          {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                           "Sunday"}),
                      col("count", r::numeric)};
  checkins.columns[0].primary_key = true;
  // Coffee beans, keyed by a code, each named in a column called like the table.
  table_info beans;
  beans.name = "beans";
  beans.columns = {col("bcode", r::identifier), col("bean", r::text),
                   col("origin", r::categorical, {"Peru", "Kenya"})};
  beans.columns[0].primary_key = true;
  m.tables = {shops, visits, checkins, beans};
  m.relationships = {{"visits", {"shop_id"}, "shops", {"shop_id"}, true},
                     {"checkins", {"shop_id"}, "shops", {"shop_id"}, true}};
  return m;
}

void run(const std::vector<sql_row>& rows) {
  auto model = coffee_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question << " / " << plan.understood;
  }
}

TEST(ratios, rows_meeting_one_condition_over_rows_meeting_another) {
  run({
    {"What is the ratio of shops with stars above 4 to shops with stars below 3?",
     {"CAST(COUNT(*) FILTER (WHERE " + q("shops.stars") + " > 4) AS FLOAT)",
      "NULLIF(COUNT(*) FILTER (WHERE " + q("shops.stars") + " < 3), 0)"}},
    // A condition only the second side names, on another column: both sides.
    {"ratio of shops with stars above 4 to shops with stars below 3 in Lima",
     {"WHERE " + q("shops.town") + " = 'Lima'", "FILTER (WHERE " + q("shops.stars") + " < 3)"}},
    {"What is the proportion of shops with seats above 20 out of all shops?",
     {"FILTER (WHERE " + q("shops.seats") + " > 20)", "NULLIF(COUNT(*), 0)"}},
  });
}

TEST(ratios, two_columns_of_a_row_divided_per_row) {
  run({
    {"Give the ratio of seats to baristas for each shop",
     {"CAST(SUM(" + q("shops.seats") + ") AS FLOAT) / NULLIF(SUM(" + q("shops.baristas") + "), 0)",
      "GROUP BY"}},
    {"ratio of seats per barista for every shop name",
     {"NULLIF(SUM(" + q("shops.baristas") + "), 0)"}},
  });
}

TEST(ratios, an_average_ratio_divides_each_row_first) {
  run({
    {"What is the average ratio of seats to baristas by town?",
     {"AVG(CAST(" + q("shops.seats") + " AS FLOAT) / NULLIF(" + q("shops.baristas") + ", 0))",
      "GROUP BY " + q("shops.town")}},
  });
}

TEST(ratios, rows_counted_by_how_many_related_rows_they_have) {
  // Each side counts shops, each kept by its number of visits; "belong to"
  // holds the word "to" without splitting there.
  run({
    {"What is the ratio of shops with more than 2 visits to shops with 1 visit?",
     {"COUNT(*) FILTER (WHERE NULLIF((SELECT COUNT(*) FROM " + q("visits") + " AS " + q("x1")
        + " WHERE " + q("x1.shop_id") + " = " + q("shops.shop_id") + "), 0) > 2)",
      "), 0) = 1), 0)", "FROM " + q("shops")}},
    {"ratio of visits that belong to shops with stars above 4 to visits",
     {"COUNT(*) FILTER (WHERE " + q("shops.stars") + " > 4", "NULLIF(COUNT(*), 0)"}},
  });
}

TEST(ratios, codes_named_by_their_meaning_in_the_description) {
  run({
    {"What is the ratio of open shops to closed shops in Lima?",
     {"FILTER (WHERE " + q("shops.is_open") + " = 1)",
      "FILTER (WHERE " + q("shops.is_open") + " = 0)", q("shops.town") + " = 'Lima'"}},
  });
}

TEST(ratios, columns_named_with_a_unit_or_as_one_word) {
  run({
    {"ratio of rent to headcount for each shop",
     {"SUM(" + q("shops.rent_usd") + ")", "SUM(" + q("shops.head_count") + ")"}},
  });
}

TEST(values, matched_in_any_case_when_asked) {
  // "brewing" is a verb of the column's description only; "dark roast" names
  // roast_type's value and its thing.
  run({
    {"How many shops brewing dark roast in Lima? Match roast_type case insensitively",
     {"LOWER(" + q("shops.roast_type") + ") = LOWER('Dark')", q("shops.town") + " = 'Lima'"}},
    {"How many shops brewing dark roast in Lima? Match strings case-insensitively",
     {"LOWER(" + q("shops.town") + ") = LOWER('Lima')"}},
    // "with wildcards" is how a containment compares already.
    {"How many shops brewing dark roast in Lima (match with wildcards case-insensitively)?",
     {"LOWER(" + q("shops.town") + ") = LOWER('Lima')"}},
    {"What is the ratio of shops with dark roast to shops with light roast? Match strings exactly",
     {"FILTER (WHERE " + q("shops.roast_type") + " = 'Dark')"}, {"LOWER("}},
  });
}

TEST(verbs, that_only_relate_what_the_question_names) {
  run({
    // "logged" is a word of one description only: it names nothing.
    {"How many visits logged at shops in Lima?",
     {"COUNT(*)", q("shops.town") + " = 'Lima'"}},
    // The verb of a count condition: "have hosted 2 or more visits".
    {"How many shops have hosted 2 or more visits?", {"HAVING COUNT(*) >= 2"}},
    // A present-tense verb that only relates: "visits that involve shops".
    {"How many visits involve shops in Lima?", {"COUNT(*)", q("shops.town") + " = 'Lima'"}},
    // ... also after a condition on its subject.
    {"How many visits at shops in Lima (match case-insensitively) involve shops brewing dark roast?",
     {"COUNT(*)"}},
  });
}

TEST(ordering, by_the_number_asked_for) {
  run({
    {"How many visits are there for each shop, ordered by the number of visits? Give the names "
     "of the shops",
     {"ORDER BY " + q("visit_count")}},
  });
}

TEST(ratios, each_group_over_the_total_of_all_groups) {
  run({
    {"ratio of the number of shops in each town to the total number of shops",
     {"SUM(COUNT(*)) OVER ()", "GROUP BY " + q("shops.town")}},
  });
}

TEST(ratios, counts_of_two_tables_without_groups_are_separate_queries) {
  run({
    {"What is the ratio of visits to shops?",
     {"NULLIF((SELECT COUNT(*)", "FROM " + q("shops")}},
  });
}

TEST(ratios, counts_of_two_tables_per_group_are_separate_queries) {
  // One join would drop the towns without visits; each side counts its own
  // rows per town, and every town either side has is a row.
  run({
    {"ratio of visits to shops by town",
     {"WITH " + q("d") + " AS (SELECT " + q("shops.town") + " AS " + q("town") + ", COUNT(*) AS "
        + q("value") + " FROM " + q("shops"),
      "FROM (SELECT " + q("town") + " FROM " + q("d") + " UNION SELECT " + q("town") + " FROM "
        + q("n") + ")",
      "COALESCE(" + q("n.value") + ", 0)", q("n.town") + " IS NOT DISTINCT FROM " + q("g.town")}},
    // The sides' own numbers beside the ratio.
    {"What is the ratio of visits to shops by town? Show the numbers of visits and shops as well.",
     {"COALESCE(" + q("n.value") + ", 0) AS " + q("visit_count"),
      "COALESCE(" + q("d.value") + ", 0) AS " + q("shop_count")}},
  });
}

TEST(dates, weekends_and_weekdays_are_days_of_the_week) {
  run({
    {"How many visits on weekends?",
     {"EXTRACT(DOW FROM " + q("visits.visit_date") + ") IN (0, 6)"}},
    {"total spent during weekdays",
     {"EXTRACT(DOW FROM " + q("visits.visit_date") + ") IN (1, 2, 3, 4, 5)"}},
  });
}

TEST(dates, weekends_where_rows_keep_the_day_name) {
  // Rows that carry a count are tallies: summed, not counted.
  run({
    {"How many checkins at shops in Lima?",
     {"SUM(" + q("checkins.count") + ")", q("shops.town") + " = 'Lima'"}},
    {"How many checkins on weekends?",
     {"SUM(" + q("checkins.count") + ")", q("checkins.day") + " IN ('Saturday', 'Sunday')"}},
    {"What is the ratio of checkins on weekends to checkins on weekdays?",
     {"SUM(" + q("checkins.count") + ") FILTER (WHERE " + q("checkins.day")
        + " IN ('Saturday', 'Sunday'))",
      "IN ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday')"}},
  });
}

TEST(flags, with_and_without) {
  run({
    {"How many shops without wifi?", {q("shops.has_wifi") + " = false"}},
    {"What is the ratio of shops with wifi to shops without wifi?",
     {"FILTER (WHERE " + q("shops.has_wifi") + " = true)",
      "FILTER (WHERE " + q("shops.has_wifi") + " = false)"}},
  });
}

TEST(names, a_table_and_its_own_column_and_its_key) {
  run({
    // "beans": the table, not its bean column.
    {"How many beans are there?", {"COUNT(*)", "FROM " + q("beans")}},
    // "bean ID": the table's key, whatever its name.
    {"How many beans per origin? Show the bean IDs too",
     {"GROUP BY " + q("beans.origin")}},
    {"list the bean ids", {"SELECT DISTINCT " + q("beans.bcode")}},
  });
}

TEST(ratios, group_words_after_the_sides) {
  // "within each", and a last sentence that only names the groups.
  run({
    {"What is the ratio of visits to checkins within each shop ID? Show all shop IDs.",
     {"GROUP BY " + q("visits.shop_id"), "UNION SELECT " + q("shop_id")}},
  });
}

TEST(numbers, a_row_with_a_number_has_it_above_zero) {
  run({
    {"How many shops with awards?", {q("shops.num_awards") + " > 0"}},
  });
}

TEST(numbers, the_number_a_column_keeps_is_its_value) {
  // "number of awards" names num_awards: its value, not its distinct values.
  run({
    {"What is the number of awards of each shop?",
     {q("shops.num_awards") + " AS"}, {"COUNT(DISTINCT", "GROUP BY"}},
  });
}

} // namespace
} // namespace medha::sqlgen
