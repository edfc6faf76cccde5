// Groups and rankings on a schema described the way model files describe
// columns: kept counts ("award_num"), rows that keep their own tally, words a
// description uses for a column the question names anyway, size adjectives.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/words.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

column_info col(std::string name, column_role role, std::string comment = "", bool pk = false,
                std::vector<std::string> values = {}) {
  column_info c;
  c.name = std::move(name);
  c.type = role == column_role::numeric ? "integer" : role == column_role::time ? "date" : "text";
  c.role = role;
  c.primary_key = pk;
  c.comment = std::move(comment);
  c.values = std::move(values);
  return c;
}

column_info required(column_info c) {
  c.nullable = false;
  return c;
}

semantic_model atlas_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "atlas";
  m.tables = {
    testing::table("rivers", {col("river_id", r::identifier, "", true), col("river_name", r::text),
                              col("length", r::numeric, "Length of the river in kilometers"),
                              col("country", r::categorical, "Country the river flows through", false,
                                  {"Peru", "Chile"}),
                              col("permit_required", r::categorical, "", false, {"Yes", "No"})}),
    testing::table("districts", {col("district_id", r::identifier, "", true), col("district_name", r::text),
                                 col("population", r::numeric),
                                 col("density", r::numeric, "Population per square kilometer"),
                                 col("area", r::numeric, "Area in square kilometers")}),
    testing::table("mountains", {col("mountain_id", r::identifier, "", true), col("mountain_name", r::text),
                                 col("altitude", r::numeric, "Height in meters")}),
    testing::table("airports", {col("airport_id", r::identifier, "", true), col("airport_name", r::text),
                                col("minimum_connect_time", r::numeric, "Shortest time to change planes"),
                                col("wind_speed", r::numeric, "Average wind speed in miles per hour"),
                                col("is_hub", r::boolean)}),
    testing::table("books", {col("book_id", r::identifier, "", true), col("title", r::text),
                             col("genre", r::categorical, "", false, {"Fantasy", "Poetry"}),
                             col("award_num", r::numeric, "Awards the book has won"),
                             col("sale_count", r::numeric),
                             col("release_date", r::time)}),
    testing::table("shops", {col("shop_id", r::identifier, "", true), col("shop_name", r::text)}),
    // No declared key, as many loaded databases: student_id is still its own.
    testing::table("student", {required(col("student_id", r::identifier)),
                               col("lastname", r::categorical, "", false, {"Smith", "Doe"}),
                               col("total_credit", r::numeric)}),
    testing::table("course", {col("course_id", r::identifier, "", true), col("name", r::text),
                              col("department", r::categorical, "", false, {"Math", "Art"}),
                              col("num_enrolled", r::numeric)}),
    testing::table("course_offering", {col("offering_id", r::identifier), col("course_id", r::identifier),
                                       col("semester", r::numeric)}),
    testing::table("authors", {col("author_id", r::identifier, "", true), col("name", r::text)}),
    testing::table("writes", {col("author_id", r::identifier), col("book_id", r::identifier)}),
    testing::table("student_record", {col("student_id", r::identifier), col("course_id", r::identifier)}),
    testing::table("visits", {col("visit_id", r::identifier, "", true), col("shop_id", r::identifier),
                              col("day", r::categorical, "", false, {"Monday", "Friday"}),
                              col("count", r::numeric, "Visitors that day"),
                              col("duration", r::numeric)}),
  };
  m.relationships = {testing::link_of("visits", "shop_id", "shops", "shop_id"),
                     testing::link_of("student_record", "student_id", "student", "student_id"),
                     testing::link_of("student_record", "course_id", "course", "course_id"),
                     testing::link_of("course_offering", "course_id", "course", "course_id"),
                     testing::link_of("writes", "author_id", "authors", "author_id"),
                     testing::link_of("writes", "book_id", "books", "book_id")};
  return m;
}

void run(const std::vector<sql_row>& rows) {
  auto model = atlas_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question;
  }
}

void asks(const std::vector<std::string>& questions) {
  auto model = atlas_model();
  for (auto& question : questions) {
    auto plan = generate(model, question, "");
    EXPECT_EQ(plan.outcome, plan_outcome::clarify) << question << " → " << plan.sql;
  }
}

TEST(grouping, a_plural_ing_noun_stems_like_its_singular) {
  EXPECT_EQ(stem("ratings"), stem("rating"));
  EXPECT_EQ(stem("bookings"), stem("booking"));
  EXPECT_EQ(stem("things"), "thing");
}

TEST(grouping, a_kept_count_is_named_by_what_it_counts) {
  auto awards = q("books.award_num");
  run({
    // Rows ranked by a number of their own are rows: nothing merged.
    {"What are the top 3 books with the highest number of awards?",
     {"SELECT " + q("books.title"), "ORDER BY " + awards + " DESC LIMIT 3"}, {"DISTINCT"}},
    {"What is the average number of awards of books in each genre?",
     {"AVG(" + awards + ")", "GROUP BY " + q("books.genre")}},
    // "by books" names who received them: the month groups, not the books.
    {"What is the average number of awards received by books in each month?",
     {"AVG(" + awards + ")", "TO_CHAR(" + q("books.release_date") + ", 'YYYY-MM')"},
     {"GROUP BY " + q("books.title")}},
  });
}

TEST(grouping, rows_that_keep_their_own_tally_are_summed) {
  run({
    {"What is the total count of visits for each shop?",
     {"SUM(" + q("visits.count") + ")", "GROUP BY " + q("shops.shop_name")}},
    {"How many visits are there for each shop?", {"SUM(" + q("visits.count") + ")", "GROUP BY " + q("shops.shop_name")}},
  });
}

TEST(grouping, a_description_word_for_a_named_column_restates_it) {
  run({
    {"Which districts have the largest areas in square kilometers, ordered from largest to smallest?",
     {"ORDER BY " + q("districts.area") + " DESC"}},
    {"How many rivers flow through each country?",
     {"COUNT(*)", "GROUP BY " + q("rivers.country")}},
    {"What are the longest rivers in kilometers, ordered from longest to shortest?",
     {"ORDER BY " + q("rivers.length") + " DESC"}},
  });
}

// Two numbers side by side: the first qualifies the second when the second's
// description says so; otherwise either could be meant.
TEST(grouping, the_last_of_two_numbers_side_by_side_is_the_head_noun_when_described_so) {
  run({
    {"Which districts have the highest population density, ordered from highest to lowest?",
     {"ORDER BY " + q("districts.density") + " DESC"}, {"ORDER BY " + q("districts.population")}},
  });
  asks({"What is the average population area of the districts?"});
}

TEST(grouping, size_adjectives_rank_the_entity_by_its_number) {
  run({
    {"What are the highest mountains, ordered from highest to lowest altitude?",
     {"ORDER BY " + q("mountains.altitude") + " DESC"}, {"COUNT("}},
    {"Which mountains are the tallest?", {"ORDER BY " + q("mountains.altitude") + " DESC"}},
    // A column whose name starts with "minimum" is named, not aggregated.
    {"Which airports have the shortest minimum connect time?",
     {"ORDER BY " + q("airports.minimum_connect_time") + " LIMIT"}, {"MIN("}},
  });
}

TEST(grouping, what_the_reading_cannot_place_is_asked_about) {
  asks({
    // "do not" with nothing to negate
    "How many rivers have a permit required and how many do not?",
    "How many rivers flow through Peru and how many do not?",
  });
}

TEST(grouping, the_rows_counted_named_with_a_kept_count_use_it) {
  run({
    // "students enrolled": the count each course keeps, not the records joined.
    {"What is the total number of students enrolled in each course?",
     {q("course.num_enrolled") + " AS"}, {"COUNT(", "student_record"}},
    // Not grouped by the table keeping the count: "enrolled" is only the
    // students' verb.
    {"How many students are enrolled?", {"COUNT(*)"}, {"num_enrolled"}},
  });
}

TEST(grouping, a_table_grouped_by_its_own_key_lists_its_rows) {
  run({
    // Namesakes stay apart: the key named after the table is grouped too; a
    // group of one row is that row, its total its own.
    {"What is the total credit of each student, ordered from highest to lowest?",
     {"SELECT " + q("student.lastname") + " AS \"lastname\", " + q("student.student_id"),
      q("student.total_credit") + " AS", "DESC"},
     {"GROUP BY", "SUM("}},
  });
}

TEST(grouping, a_verb_that_only_relates_two_named_things_is_explained) {
  run({
    {"Which authors have written the most books?",
     {"GROUP BY " + q("authors.name"), "DESC LIMIT 1"}},
    // A verb only part of a key's name uses ("offer" in offering_id); "does"
    // is no surname "Doe".
    {"How many courses does each department offer?",
     {"GROUP BY " + q("course.department")}, {"offering", "Doe"}},
    // A verb that names a link table: the rows linked through it.
    {"Which books were written by authors?",
     {"EXISTS (SELECT 1 FROM " + q("writes")}, {"GROUP BY"}},
  });
  asks({
    // Said of one thing, with nothing after it: a condition to ask about.
    "How many authors have books that were reviewed?",
  });
}

TEST(grouping, a_measure_after_a_sort_cue_is_the_sort_key) {
  run({
    {"How many books are there in each genre, ordered by the number of books? Give the genres and "
     "their number of books.",
     {"GROUP BY " + q("books.genre"), "ORDER BY \"book_count\""}},
  });
}

TEST(grouping, sorting_by_a_kept_count_or_a_measure) {
  run({
    // The count each book keeps, named twice: one sort key, no count.
    {"What are the top 3 titles of the books that have the highest number of awards, ordered by the "
     "number of awards in descending order?",
     {"ORDER BY " + q("books.award_num") + " DESC LIMIT 3"}, {"COUNT(", ", " + q("books.award_num") + " DESC"}},
    // A superlative after "ordered by" is the direction; the names listed
    // with "their" measure are its groups.
    {"Please provide a list of shop names and their number of visits ordered by the highest number "
     "of visits first.",
     {"GROUP BY " + q("shops.shop_name"), "DESC"}, {"LIMIT 1"}},
  });
}

TEST(grouping, the_unit_of_a_compared_number_as_the_description_gives_it) {
  run({
    {"Which airports have a wind speed of over 20 mph?", {q("airports.wind_speed") + " > 20"}},
  });
  asks({"Which airports have a wind speed of over 20 knots?",
        // no length to rank the names by
        "Which shops have the longest names?"});
}

TEST(grouping, a_ranking_by_a_number_each_row_keeps) {
  run({
    // "sale count" names sale_count whole, though "count" is a cue word.
    {"What are the top 3 books in terms of sale count?",
     {"ORDER BY " + q("books.sale_count") + " DESC LIMIT 3"}, {"GROUP BY"}},
    {"What are the top 3 books by sale count?", {"ORDER BY " + q("books.sale_count") + " DESC LIMIT 3"}},
  });
}

TEST(grouping, an_average_over_the_measures_own_rows_is_not_per_row) {
  run({
    {"What is the average number of awards per book in each genre?",
     {"AVG(" + q("books.award_num") + ")", "GROUP BY " + q("books.genre") + " ORDER"},
     {"GROUP BY " + q("books.title")}},
  });
  // A number of other rows ranking the entity: by its average or total?
  asks({"What are the top 3 shops by duration?"});
}

TEST(grouping, the_most_of_a_listed_value_counts_the_different_ones) {
  run({
    {"Which authors have written books in the most genres?",
     {"COUNT(DISTINCT " + q("books.genre") + ")", "GROUP BY " + q("authors.name"), "DESC LIMIT"}},
  });
}

TEST(grouping, both_sides_of_a_flag_are_counted_as_groups) {
  run({
    {"How many airports are hubs and how many are not?",
     {"GROUP BY " + q("airports.is_hub")}, {"WHERE"}},
  });
}

TEST(grouping, related_rows_negated_are_missing) {
  run({
    {"Which authors have not written any books?", {"NOT EXISTS"}},
  });
}

TEST(grouping, a_direction_spoken_around_the_sort_key) {
  run({
    {"List the books starting from the most awards to the least",
     {"ORDER BY " + q("books.award_num") + " DESC"}, {"LIMIT"}},
  });
}

} // namespace
} // namespace medha::sqlgen
