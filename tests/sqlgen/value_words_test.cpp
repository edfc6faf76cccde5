// A word of some of a column's values said alone: the rows whose value
// contains it. A bakery whose product lines are 'Sourdough loaf, large',
// 'Sourdough loaf, small', 'Rye loaf' and 'Almond croissant'; its shops are
// named 'Sourdough Corner', 'High Street Bakery' and 'Market Hall Kiosk'.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::col;
using testing::q;
using testing::sql_row;

semantic_model bakery() {
  using r = column_role;
  semantic_model m;
  m.data_source = "bakery";
  m.tables = {
    testing::table("product_lines",
                   {col("line_cd", r::identifier, true),
                    col("line_desc", r::categorical, false,
                        {"Sourdough loaf, large", "Sourdough loaf, small", "Rye loaf", "Almond croissant"})}),
    testing::table("shops", {col("shop_id", r::identifier, true),
                             col("shop_name", r::text, false, {"Sourdough Corner", "High Street Bakery", "Market Hall Kiosk"})}),
    testing::table("sales", {col("sale_id", r::identifier, true), col("line_cd", r::identifier),
                             col("shop_id", r::identifier), col("sold_on", r::time), col("amount", r::numeric)}),
  };
  m.relationships = {{"sales", {"line_cd"}, "product_lines", {"line_cd"}, false},
                     {"sales", {"shop_id"}, "shops", {"shop_id"}, false}};
  return m;
}

TEST(value_words, a_word_several_values_share_picks_out_those_rows) {
  auto model = bakery();
  sql_row row{"How many sourdough sales were there?",
              {q("product_lines.line_desc") + " ILIKE '%sourdough%'", "COUNT(*)"}};
  auto plan = generate(model, row.question, "");
  EXPECT_EQ(testing::check(plan, row), "") << plan.understood;
}

TEST(value_words, words_in_a_row_of_a_value_are_sure_and_each_run_is_a_condition) {
  auto model = bakery();
  sql_row row{"What is the total amount of sourdough loaf sales?",
              {q("product_lines.line_desc") + " ILIKE '%sourdough loaf%'", "SUM(" + q("sales.amount") + ")"},
              {" IN ("}};
  auto plan = generate(model, row.question, "");
  EXPECT_EQ(testing::check(plan, row), "") << plan.understood;
}

TEST(value_words, a_whole_value_still_wins_and_one_values_word_is_asked) {
  auto model = bakery();
  sql_row whole{"How many Rye loaf sales were there?", {q("product_lines.line_desc") + " = 'Rye loaf'"}, {"ILIKE"}};
  auto plan = generate(model, whole.question, "");
  EXPECT_EQ(testing::check(plan, whole), "") << plan.understood;
  // "croissant" is one value's word: offered, not answered.
  plan = generate(model, "How many croissant sales were there?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  EXPECT_NE(plan.understood.find("containing \"croissant\""), std::string::npos) << plan.understood;
}

TEST(value_words, a_family_of_a_category_beats_one_name_that_has_the_word) {
  // 'Sourdough Corner' is a shop: one name with the word, weaker than the
  // product lines' family, so the question is not asked back.
  auto model = bakery();
  auto plan = generate(model, "Total sourdough sales in 2024", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find(q("product_lines.line_desc") + " ILIKE '%sourdough%'"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("shop_name"), std::string::npos) << plan.sql;
}

TEST(value_words, a_name_is_found_by_words_in_a_row_never_by_one_word) {
  auto model = bakery();
  sql_row row{"Total sales at Market Hall in 2024", {q("shops.shop_name") + " ILIKE '%market hall%'"}};
  auto plan = generate(model, row.question, "");
  EXPECT_EQ(testing::check(plan, row), "") << plan.understood;
  // One word of one of many names is no name.
  plan = generate(model, "How many sales did the kiosk make?", "");
  EXPECT_EQ(plan.sql.find("kiosk"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.understood.find("containing \"kiosk"), std::string::npos) << plan.understood;
}

TEST(value_words, words_named_otherwise_or_in_most_values_are_no_value_words) {
  using r = column_role;
  semantic_model m;
  m.data_source = "exams";
  m.tables = {testing::table("venues", {col("venue_id", r::identifier, true),
                                        col("venue_nm", r::text, false,
                                            {"Leeds Theory Exam Centre", "York Civic Hall", "Hull Civic Hall", "Wick Civic Hall",
                                             "Selby Annexe"})}),
              testing::table("exams", {col("exam_id", r::identifier, true), col("venue_id", r::identifier),
                                       col("exam_kind", r::categorical, false, {"theory", "practical"})})};
  m.relationships = {{"exams", {"venue_id"}, "venues", {"venue_id"}, false}};
  // "theory exams": the kind 'theory' and the exams, not the words of a venue's name.
  auto plan = generate(m, "How many theory exams were there?", "");
  EXPECT_NE(plan.sql.find(q("exams.exam_kind") + " = 'theory'"), std::string::npos) << plan.understood;
  EXPECT_EQ(plan.sql.find("ILIKE"), std::string::npos) << plan.sql;
  // "civic hall" is in most venues' names: what they are, not some of them.
  plan = generate(m, "How many exams were held at a civic hall?", "");
  EXPECT_EQ(plan.understood.find("containing \"civic hall"), std::string::npos) << plan.understood;
}

TEST(value_words, a_word_of_the_values_is_no_spelling_to_correct_towards) {
  // A word one letter from a value's word may be a word of its own
  // ("member" beside a show called 'Embers'): never read as that value.
  auto model = bakery();
  auto plan = generate(model, "How many sourdogh sales were there?", "");
  EXPECT_EQ(plan.sql.find("sourdough"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.understood.find("containing"), std::string::npos) << plan.understood;
}

TEST(value_words, a_run_said_whole_beats_its_words_as_values_elsewhere) {
  // "sourdough loaf" of the product lines, though "loaf" is also a shop's
  // whole kind elsewhere.
  auto model = bakery();
  model.tables[1].columns.push_back(col("shop_kind", column_role::categorical, false, {"loaf", "cafe"}));
  auto plan = generate(model, "How many sourdough loaf sales were there?", "");
  EXPECT_NE(plan.sql.find("ILIKE '%sourdough loaf%'"), std::string::npos) << plan.understood << plan.sql;
  EXPECT_EQ(plan.sql.find("shop_kind"), std::string::npos) << plan.sql;
}

TEST(value_words, two_words_said_are_no_value_word_run_together) {
  // "sourdough" is a value word; "sour dough" is no spelling of it.
  auto model = bakery();
  auto plan = generate(model, "How many sales were sour dough?", "");
  EXPECT_EQ(plan.understood.find("containing"), std::string::npos) << plan.understood;
  EXPECT_EQ(plan.sql.find("ILIKE"), std::string::npos) << plan.sql;
}

TEST(value_words, a_value_word_is_never_negated) {
  // No condition says a value lacks a word: asked, not answered without it.
  auto model = bakery();
  auto plan = generate(model, "How many sales were not sourdough?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // A whole value is: the rows whose value is another.
  plan = generate(model, "How many sales were not Rye loaf?", "");
  EXPECT_NE(plan.sql.find(q("product_lines.line_desc") + " <> 'Rye loaf'"), std::string::npos) << plan.understood;
}

TEST(value_words, a_word_of_a_column_name_is_not_a_value_word) {
  // With a column named for it, "sourdough" says that column, never the
  // loaves' lines.
  auto model = bakery();
  model.tables[0].columns.push_back(col("sourdough_price", column_role::numeric));
  auto plan = generate(model, "How many sourdough sales were there?", "");
  EXPECT_EQ(plan.sql.find("ILIKE '%sourdough%'"), std::string::npos) << plan.sql;
  model = bakery();
  plan = generate(model, "How many sourdough sales were there?", "");
  EXPECT_NE(plan.sql.find("ILIKE '%sourdough%'"), std::string::npos) << plan.understood;
}

TEST(value_words, how_many_with_only_a_value_word_is_asked) {
  // The product lines that have the word, or the sales of them: not said.
  auto model = bakery();
  auto plan = generate(model, "How many were sourdough?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

// Countries by their people's adjective or a short name.
semantic_model suppliers() {
  using r = column_role;
  semantic_model m;
  m.data_source = "trade";
  m.tables = {testing::table("suppliers", {col("supplier_id", r::identifier, true), col("supplier_name", r::text),
                                           col("country", r::categorical, false, {"Netherlands", "UK", "France"})})};
  return m;
}

TEST(value_words, a_country_is_said_by_its_adjective_or_short_name) {
  auto model = suppliers();
  for (auto& [question, kept] : std::vector<std::pair<std::string, std::string>>{
         {"Count our Dutch suppliers", "= 'Netherlands'"},
         {"Count the suppliers based in the United Kingdom", "= 'UK'"},
         {"How many British suppliers do we have?", "= 'UK'"},
         {"Count the suppliers outside France", "<> 'France'"}}) {
    auto plan = generate(model, question, "");
    EXPECT_NE(plan.sql.find(q("suppliers.country") + " " + kept), std::string::npos) << question << " / " << plan.understood;
  }
}

// A state said by its verb's noun: "failures" of jobs kept as 'failed'.
semantic_model print_room() {
  using r = column_role;
  semantic_model m;
  m.data_source = "printroom";
  m.tables = {testing::table("presses", {col("press_id", r::identifier, true), col("press_name", r::text)}),
              testing::table("jobs", {col("job_id", r::identifier, true), col("press_id", r::identifier),
                                      col("job_state", r::categorical, false,
                                          {"failed", "completed", "rejected", "running"})})};
  m.relationships = {{"jobs", {"press_id"}, "presses", {"press_id"}, false}};
  return m;
}

TEST(value_words, a_state_is_said_by_the_noun_of_its_verb) {
  auto model = print_room();
  for (auto& [question, kept] : std::vector<std::pair<std::string, std::string>>{
         {"How many failures were there?", "'failed'"},
         {"Which press had the most rejections?", "'rejected'"},
         {"Count the completions", "'completed'"}}) {
    auto plan = generate(model, question, "");
    EXPECT_NE(plan.sql.find(q("jobs.job_state") + " = " + kept), std::string::npos) << question << " / " << plan.understood;
  }
}

TEST(value_words, words_said_for_what_they_mean_are_no_value_words) {
  // Loaves priced 'Under 2 pounds' / 'Under 5 pounds': "under" in a question
  // is a comparison. 'Members loaf' beside a members table, and 'Regulars
  // box' where the comments speak of regulars: those words name the rows
  // they describe, not the values they are part of.
  using r = column_role;
  auto model = bakery();
  model.data_source = "bakery_words";
  model.tables[0].columns[1].values = {"Under 2 pounds", "Under 5 pounds", "Members loaf", "Members roll",
                                       "Regulars box", "Regulars tin", "Rye loaf"};
  model.tables.push_back(testing::table("memberships", {col("membership_id", r::identifier, true)}));
  model.tables[1].comment = "Shops our regulars visit.";
  for (auto& question : {"How many sales are under way?", "How many members are there?", "How many regulars are there?"}) {
    auto plan = generate(model, question, "");
    EXPECT_EQ((plan.sql + plan.understood).find("line desc containing"), std::string::npos)
      << question << " / " << plan.sql << plan.understood;
  }
}

// A column's description may list its codes each followed by its meaning,
// with no sign between ("K kept, L lent/out"): the meanings name the codes.
TEST(value_words, codes_listed_with_their_meanings_name_them) {
  using r = column_role;
  semantic_model m;
  m.data_source = "lockers";
  auto lockers = testing::table("lockers", {col("locker_id", r::identifier, true), col("site", r::text),
                                            col("st", r::categorical, false, {"K", "L", "X"})});
  lockers.columns[2].comment = "K kept free, L lent/out, X scrapped (never reuse)";
  m.tables = {lockers};
  auto plan = generate(m, "How many lockers have we scrapped?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("= 'X'"), std::string::npos) << plan.sql;
  // Each of two meanings a "/" parts names the code.
  plan = generate(m, "How many lent lockers are there?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("= 'L'"), std::string::npos) << plan.sql;
}

// A stored state said as the word itself names it, though the word also
// serves as a function word (the town people live in).
TEST(value_words, a_state_said_as_stored_is_a_condition_though_a_function_word) {
  using r = column_role;
  semantic_model m;
  m.data_source = "jobs";
  auto states = testing::table("job_state", {col("st_cd", r::identifier, true),
                                             col("st_desc", r::categorical, false, {"Quoted", "Live", "Closed"})});
  states.row_estimate = 3;
  m.tables = {states, testing::table("jobs", {col("job_id", r::identifier, true), col("st_cd", r::identifier),
                                              col("fee", r::numeric)})};
  m.relationships = {{"jobs", {"st_cd"}, "job_state", {"st_cd"}, false}};
  auto plan = generate(m, "Total fee of the live jobs", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("= 'Live'"), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
