// How verbs and prepositions relate the tables a question names: a verb that
// names a link table or a key, "from X to Y" on a movement's two ends, a
// value that describes a related table's rows, a state's name for its code,
// a row's own tally. Each over a small school-and-travel schema written for
// these tests.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/words.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

column_info col(std::string name, column_role role, std::vector<std::string> values = {},
                std::string comment = "") {
  column_info c;
  c.name = std::move(name);
  c.type = role == column_role::numeric ? "integer" : "text";
  c.role = role;
  c.values = std::move(values);
  c.comment = std::move(comment);
  return c;
}

using medha::sqlgen::testing::link_of;
using medha::sqlgen::testing::table;

semantic_model school_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "school";
  m.tables = {
    table("program", {col("program_id", r::identifier), col("name", r::categorical, {"Physics", "History"})}),
    table("pupil", {col("pupil_id", r::identifier), col("lastname", r::text, {"Doe", "Roe"}),
                    col("program_id", r::identifier),
                    col("declare_major", r::text, {}, "The major the pupil declared"),
                    col("minor", r::text)}),
    table("course", {col("course_id", r::identifier), col("title", r::text),
                     col("department", r::categorical, {"Physics", "History"},
                         "The department offering the course"),
                     col("has_lab", r::boolean), col("has_exam", r::boolean)}),
    table("program_course", {col("program_id", r::identifier), col("course_id", r::identifier)}),
    table("course_offering", {col("offering_id", r::identifier, {}, "Unique identifier for each course offering"),
                       col("course_id", r::identifier), col("room", r::text)}),
    table("attends", {col("pupil_id", r::identifier), col("course_id", r::identifier)}),
    table("result", {col("pupil_id", r::identifier),
                     col("grade", r::categorical, {"A", "B", "C"}), col("how", r::categorical, {"online", "in-person"})}),
    table("mentor", {col("mentor_id", r::identifier), col("mentor_name", r::text)}),
    table("guides", {col("mentor_id", r::identifier), col("pupil_id", r::identifier)}),
  };
  m.relationships = {link_of("pupil", "program_id", "program", "program_id"),
                     link_of("program_course", "program_id", "program", "program_id"),
                     link_of("program_course", "course_id", "course", "course_id"),
                     link_of("course_offering", "course_id", "course", "course_id"),
                     link_of("attends", "pupil_id", "pupil", "pupil_id"),
                     link_of("attends", "course_id", "course", "course_id"),
                     link_of("result", "pupil_id", "pupil", "pupil_id"),
                     link_of("guides", "mentor_id", "mentor", "mentor_id"),
                     link_of("guides", "pupil_id", "pupil", "pupil_id")};
  return m;
}

semantic_model travel_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "travel";
  m.tables = {
    table("carrier", {col("carrier_code", r::categorical, {"AA", "BB"}), col("carrier_name", r::text)}),
    table("leg", {col("leg_id", r::identifier), col("carrier_code", r::categorical, {"AA", "BB"}),
                  col("from_city", r::categorical, {"Oslo", "Rome"}),
                  col("to_city", r::categorical, {"Oslo", "Rome"})}),
    table("shop", {col("shop_id", r::identifier), col("shop_name", r::text),
                   col("state", r::categorical, {"CA", "NY"}),
                   col("cuisine", r::categorical, {"Italian", "Mexican"}, "Kind of food the shop serves")}),
    table("visit", {col("visit_id", r::identifier), col("shop_id", r::identifier),
                    col("day", r::categorical, {"Monday", "Tuesday"}, "Day the visits occurred"),
                    col("count", r::numeric)}),
  };
  m.tables.push_back(table("address", {col("shop_id", r::identifier),
                                       col("street", r::categorical, {"Main St", "High St"}),
                                       col("city", r::categorical, {"Oslo", "Rome"})}));
  m.tables[2].columns.push_back(col("city", r::categorical, {"Oslo", "Rome"}));
  m.tables.push_back(table("region", {col("region_name", r::text),
                                      col("area", r::numeric, {}, "Area in square kilometers")}));
  m.tables.push_back(table("lake", {col("lake_name", r::text), col("region_name", r::text),
                                    col("area", r::numeric, {}, "Area in square kilometers")}));
  m.relationships = {link_of("leg", "carrier_code", "carrier", "carrier_code"),
                     link_of("visit", "shop_id", "shop", "shop_id"),
                     link_of("address", "shop_id", "shop", "shop_id"),
                     link_of("lake", "region_name", "region", "region_name")};
  return m;
}

void run(const semantic_model& model, const std::vector<sql_row>& rows) {
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question << " / " << plan.understood;
  }
}

TEST(links, a_past_verb_naming_a_link_table_relates_the_tables_it_joins) {
  // guides holds only keys: "guided" (and "wrote", "written" for writes)
  // is how mentors and pupils relate, not a thing counted or listed.
  run(school_model(), {
    {"How many mentors guided pupils in the History program?",
     {"COUNT(", q("program.name") + " = 'History'", q("guides")}, {"guides_count"}},
  });
}

TEST(links, irregular_past_forms_meet_their_verb) {
  EXPECT_EQ(stem("wrote"), stem("write"));
  EXPECT_EQ(stem("written"), stem("writes"));
  EXPECT_EQ(stem("taught"), stem("teach"));
}

TEST(links, a_participle_on_a_key_names_the_link) {
  // "offered" only partly names offering_id in two tables: it relates.
  run(school_model(), {
    {"What are the titles of the courses offered by the department of Physics?",
     {q("course.title"), q("course.department") + " = 'Physics'"}, {"offering"}},
  });
}

TEST(links, a_plural_after_by_in_a_listing_is_who_did_it) {
  // "students in the History program": the pupils' program, inside their
  // EXISTS, not the courses' own programs.
  run(school_model(), {
    {"Which courses have been attended by pupils in the History program?",
     {"EXISTS (SELECT 1 FROM", "\"x3\".\"name\" = 'History'"}, {"GROUP BY", q("program_course")}},
  });
}

TEST(links, a_lone_function_word_is_no_value) {
  // "does" is not the surname "Doe".
  run(school_model(), {
    {"How many courses does each department have?", {"GROUP BY " + q("course.department")}, {"Doe"}},
  });
}

TEST(links, from_and_to_pick_the_ends_of_a_movement) {
  run(travel_model(), {
    {"Which carriers offer legs from Oslo to Rome?",
     {q("leg.from_city") + " = 'Oslo'", q("leg.to_city") + " = 'Rome'"}},
    {"Which carriers offer legs from Rome to Oslo?",
     {q("leg.from_city") + " = 'Rome'", q("leg.to_city") + " = 'Oslo'"}},
  });
}

TEST(links, a_state_name_finds_its_postal_code) {
  run(travel_model(), {
    {"List the shops in California", {q("shop.state") + " = 'CA'"}},
  });
}

TEST(links, rows_that_keep_a_tally_are_counted_by_summing_it) {
  run(travel_model(), {
    {"How many visits occurred on Monday at shops in the state of New York?",
     {"SUM(" + q("visit.count") + ")", q("visit.day") + " = 'Monday'", q("shop.state") + " = 'NY'"}},
  });
}

TEST(links, a_loose_word_beside_a_value_of_its_column_is_no_guess) {
  // "food" is only in cuisine's description; "Italian" is one of its values.
  run(travel_model(), {
    {"What are the names of the shops that serve Italian food?", {q("shop.cuisine") + " = 'Italian'"}},
  });
}

TEST(links, the_words_naming_a_literal_are_not_the_literal) {
  run(travel_model(), {
    {"How many shops have names that start with the letter \"B\"?", {"ILIKE 'B%'"}},
  });
}

TEST(links, a_count_named_after_ordered_by_orders_the_groups) {
  // The sentence after the question names columns; the order stays on the count.
  run(school_model(), {
    {"How many courses are in each department, ordered by the number of courses in descending order? "
     "Give the departments and their number of courses.",
     {"ORDER BY \"course_count\" DESC, " + q("course.department")}},
  });
}

TEST(links, he_or_she_is_no_word_to_link) {
  run(school_model(), {
    {"Which mentor guided the most pupils and how many pupils did he/she guide?",
     {"COUNT(", "LIMIT 1"}},
  });
}

TEST(links, values_said_together_describe_one_row) {
  // "Rome" is a city of shops and of addresses: beside "Main St", the address's.
  run(travel_model(), {
    {"What are the names of the shops located on Main St in Rome?",
     {q("address.street") + " = 'Main St'", q("address.city") + " = 'Rome'"}, {q("shop.city")}},
  });
}

TEST(links, a_column_word_after_having_belongs_to_the_table_before_it) {
  // "name" and "area" are each in lake and region; units after numbers go.
  run(travel_model(), {
    {"Which lakes have a name that starts with \"Big\"? They should be located in regions with an "
     "area greater than 1000 square kilometers.",
     {q("lake.lake_name") + " ILIKE 'Big%'", q("region.area") + " > 1000"}},
  });
}

TEST(links, rows_compared_with_each_other_are_asked_about) {
  auto model = travel_model();
  auto plan = generate(model, "Which cities have more than one shop with the same name?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

TEST(links, a_name_restated_in_brackets_is_meant_by_its_code) {
  // "Oslo (OSL)": the code is what the legs store; "from" reaches past the name.
  auto model = travel_model();
  model.tables[1].columns[2].values = {"OSL", "FCO"};
  model.tables[1].columns[3].values = {"OSL", "FCO"};
  run(model, {
    {"Which carriers offer legs from Oslo (OSL) to Rome (FCO)?",
     {q("leg.from_city") + " = 'OSL'", q("leg.to_city") + " = 'FCO'"}},
  });
}

TEST(links, a_negation_before_a_related_table_means_none) {
  run(school_model(), {
    {"Which pupils are not part of any program?", {"NOT EXISTS"}},
    {"Which pupils are not in any program?", {"NOT EXISTS"}},
  });
}

TEST(links, conditions_joined_by_or_hold_one_or_the_other) {
  run(school_model(), {
    {"How many courses have a lab or exam?",
     {"(" + q("course.has_lab") + " = true OR " + q("course.has_exam") + " = true)"}},
  });
}

TEST(links, counted_rows_multiplied_by_joins_are_counted_once) {
  // No declared key: pupil_id is the key other tables reference.
  run(school_model(), {
    {"How many pupils attended courses in the Physics department?",
     {"COUNT(DISTINCT " + q("pupil.pupil_id") + ")", q("course.department") + " = 'Physics'"}},
  });
}

TEST(links, a_small_word_beside_a_sibling_value_is_a_value) {
  // "A" is an article, and here a grade like "C"; the IDs say whose rows are listed.
  run(school_model(), {
    {"Return the pupil IDs who have an online result and have gotten a grade of A or C.",
     {q("pupil.pupil_id"), q("result.grade") + " IN ('A', 'C')", q("result.how") + " = 'online'"}},
  });
}

TEST(links, a_literal_in_its_name_is_contained_in_the_label_before) {
  run(travel_model(), {
    {"How many legs does the carrier with \"Air\" in its name have?",
     {q("carrier.carrier_name") + " ILIKE '%Air%'"}},
  });
}

TEST(links, a_described_verb_before_a_column_introduces_it) {
  // "declared" is only in declare_major's description; "minor" is named.
  run(school_model(), {
    {"Which pupils have declared a minor?", {q("pupil.minor") + " IS NOT NULL"}, {"declare_major"}},
  });
}

TEST(links, a_link_table_between_the_tables_it_links_is_their_verb) {
  // "guide" names guides, which only links mentors and pupils; the negation
  // then applies to the pupils.
  run(school_model(), {
    {"Which mentors do not guide any pupils?", {"NOT EXISTS", q("pupil")}, {"AND EXISTS"}},
  });
}

TEST(links, a_small_word_closing_a_phrase_after_its_column_is_a_value) {
  run(school_model(), {
    {"How many pupils have a result with a grade of A?", {q("result.grade") + " = 'A'"}},
  });
}

// Run-together names with a shared tag ("tfrprice", "xtjoindate"): the words
// after the tag name the column; a noun value is also asked for by its
// adjective ("successful" for 'success').
TEST(links, tagged_run_together_names_and_adjective_values) {
  using r = column_role;
  semantic_model m;
  m.data_source = "tagged";
  auto date = [](std::string name) {
    column_info c;
    c.name = std::move(name);
    c.type = "date";
    c.role = column_role::time;
    return c;
  };
  m.tables = {
    table("xtcustomer", {col("cusid", r::identifier), col("cusname", r::text), date("cusjoindate")}),
    table("xttransfer", {col("tfrid", r::identifier), col("tfrcustid", r::identifier), col("tfrprice", r::numeric),
                      col("tfrstatus", r::categorical, {"success", "fail"}), date("tfrdatetime")}),
  };
  m.relationships = {link_of("xttransfer", "tfrcustid", "xtcustomer", "cusid")};
  run(m, {
    {"What is the average transfer price?", {"AVG(" + q("xttransfer.tfrprice") + ")"}},
    {"What is the average price of successful transfers?",
     {"AVG(" + q("xttransfer.tfrprice") + ")", q("xttransfer.tfrstatus") + " = 'success'"}},
    {"How many customers joined in 2023?", {testing::period(q("xtcustomer.cusjoindate"), "2023-01-01", "2024-01-01")}},
  });
}

// A column called by a common verb ("make") is named in a list of its
// table's columns or as "the make of" its table; a flag's value may be said.
TEST(links, a_column_called_by_a_common_word_and_a_flag_said_true_or_false) {
  using r = column_role;
  semantic_model m;
  m.data_source = "fleet";
  m.tables = {table("vehicle", {col("vehicle_id", r::identifier), col("make", r::text), col("model", r::text),
                                col("year", r::numeric), col("in_service", r::boolean)})};
  run(m, {
    {"Return the vehicle id, make, model and year", {q("vehicle.make"), q("vehicle.model")}},
    {"Return the make of the vehicles", {q("vehicle.make")}},
    {"How many vehicles where in_service is False?", {q("vehicle.in_service") + " = false"}},
    {"How many vehicles where in_service is true?", {q("vehicle.in_service") + " = true"}},
    // A definition that is the reading already made only confirms it.
    {"How many vehicles are in service? Vehicles are considered to be in service if in_service is True.",
     {q("vehicle.in_service") + " = true", "COUNT(*)"}},
  });
  // One that says something else is asked about.
  for (auto* question : {"How many vehicles are in service? Vehicles are considered in service if in_service is False.",
                         "How many vehicles are in service? Vehicles are considered in service if year is 2020."}) {
    auto plan = generate(m, question, "");
    EXPECT_NE(plan.outcome, plan_outcome::answer) << question << " / " << plan.sql;
  }
}

} // namespace
} // namespace medha::sqlgen

namespace medha::sqlgen {
namespace {

// A course reaches its terms two ways: through its offerings and through the
// records of the pupils who took it.
semantic_model terms_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "terms";
  m.tables = {
    table("course", {col("course_id", r::identifier), col("title", r::text)}),
    table("term", {col("term_id", r::identifier), col("term_name", r::categorical, {"Fall", "Spring"})}),
    table("course_offering", {col("offering_id", r::identifier), col("course_id", r::identifier),
                              col("term_id", r::identifier)}),
    table("pupil_record", {col("pupil_id", r::identifier), col("course_id", r::identifier),
                           col("term_id", r::identifier), col("grade", r::categorical, {"A", "B"})}),
  };
  m.relationships = {link_of("course_offering", "course_id", "course", "course_id"),
                     link_of("course_offering", "term_id", "term", "term_id"),
                     link_of("pupil_record", "course_id", "course", "course_id"),
                     link_of("pupil_record", "term_id", "term", "term_id")};
  return m;
}

TEST(links, a_verb_naming_one_of_two_tied_link_tables_picks_that_path) {
  // "offered": the offerings are the way from courses to terms.
  run(terms_model(), {
    {"How many courses are offered in each term?", {q("course_offering"), "GROUP BY"}, {q("pupil_record")}},
  });
  // Nothing names either way: asked.
  auto plan = generate(terms_model(), "How many courses are there in each term?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
}

TEST(links, the_column_named_before_of_holds_the_value) {
  // "New York" is a city here and, by its postal code, a state too.
  using r = column_role;
  semantic_model m;
  m.data_source = "shops";
  m.tables = {table("store", {col("store_id", r::identifier), col("store_name", r::text),
                              col("city", r::categorical, {"New York", "Los Angeles"}),
                              col("state", r::categorical, {"NY", "CA"})})};
  run(m, {
    {"How many stores are in the state of New York?", {q("store.state") + " = 'NY'"}, {q("store.city")}},
    {"How many stores are in New York?", {q("store.city") + " = 'New York'"}, {q("store.state")}},
    {"How many stores are in the city of New York?", {q("store.city") + " = 'New York'"}, {q("store.state")}},
  });
}

TEST(links, a_ment_noun_restates_its_verbs_column) {
  // "enrollment" is the noun of "enrolled" (num_enrolled); "settlement" names nothing here.
  using r = column_role;
  semantic_model m;
  m.data_source = "classes";
  m.tables = {table("class", {col("class_id", r::identifier), col("title", r::text),
                              col("num_enrolled", r::numeric)})};
  run(m, {
    {"Which class has the highest number enrolled, and what is the enrollment number?",
     {q("class.num_enrolled"), "DESC", "LIMIT 1"}},
  });
  auto plan = generate(m, "Which class has the highest number enrolled, and what is the settlement number?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
}

TEST(links, the_table_named_before_spells_its_own_id) {
  // Two other tables have a column called "id"; the shop's own is shop_id.
  using r = column_role;
  semantic_model m;
  m.data_source = "shops";
  m.tables = {table("shop", {col("shop_id", r::categorical, {"s1", "s2"}), col("shop_name", r::text)}),
              table("tag", {col("id", r::identifier), col("shop_id", r::categorical, {"s1", "s2"}),
                            col("label", r::text)}),
              table("area", {col("id", r::identifier), col("shop_id", r::categorical, {"s1", "s2"}),
                             col("area_name", r::text)}),
              table("visit", {col("shop_id", r::categorical, {"s1", "s2"}), col("visits", r::numeric)})};
  m.relationships = {link_of("tag", "shop_id", "shop", "shop_id"), link_of("area", "shop_id", "shop", "shop_id"),
                     link_of("visit", "shop_id", "shop", "shop_id")};
  run(m, {
    {"What is the name of the shop with ID 'x9'?", {q("shop.shop_id") + " = 'x9'"}, {q("tag"), q("area")}},
  });
}

} // namespace
} // namespace medha::sqlgen

namespace medha::sqlgen {
namespace {

// Articles citing articles: one table, two keys named for the verb's sides.
semantic_model citations_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "refs";
  m.tables = {table("article", {col("article_id", r::identifier), col("headline", r::text)}),
              table("cite", {col("citing_article_id", r::identifier),
                                  col("cited_article_id", r::identifier)})};
  m.relationships = {link_of("cite", "citing_article_id", "article", "article_id"),
                     link_of("cite", "cited_article_id", "article", "article_id")};
  return m;
}

TEST(links, the_verbs_grammar_picks_which_side_of_a_self_link_is_grouped) {
  auto referred = q("article.article_id") + " = " + q("cite.cited_article_id");
  auto referring = q("article.article_id") + " = " + q("cite.citing_article_id"); // the other side
  run(citations_model(), {
    {"How many articles cite each article?", {referred}, {referring}},
  });
}

} // namespace
} // namespace medha::sqlgen

namespace medha::sqlgen {
namespace {

TEST(links, a_column_described_as_the_number_of_a_thing_is_that_count) {
  // course_tally.helpful is "Number of pupils who found the teacher helpful":
  // "the number of pupils who found the teacher helpful" is that column.
  using r = column_role;
  semantic_model m;
  m.data_source = "tally";
  m.tables = {table("pupil", {col("pupil_id", r::identifier), col("lastname", r::text)}),
              table("teacher", {col("teacher_id", r::identifier), col("teacher_name", r::text)}),
              table("course", {col("course_id", r::identifier), col("title", r::text)}),
              table("attends", {col("pupil_id", r::identifier), col("course_id", r::identifier)}),
              table("course_tally", {col("course_id", r::identifier),
                                     col("helpful", r::numeric, {}, "Number of pupils who found the teacher helpful.")})};
  m.relationships = {link_of("attends", "pupil_id", "pupil", "pupil_id"),
                     link_of("attends", "course_id", "course", "course_id"),
                     link_of("course_tally", "course_id", "course", "course_id")};
  run(m, {
    {"What is the total number of pupils who found the teacher helpful per course id?",
     {"SUM(" + q("course_tally.helpful") + ")", "GROUP BY"}, {"COUNT(", q("pupil"), q("teacher")}},
    // Without "total": the column named bare is the count asked for.
    {"What is the number of pupils who found the teacher helpful?",
     {"SUM(" + q("course_tally.helpful") + ")"}, {"COUNT(", q("pupil"), q("teacher")}},
  });
}

} // namespace
} // namespace medha::sqlgen
