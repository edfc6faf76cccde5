// Questions about the data itself: each rule of the catalog grammar with the
// questions it answers, and questions it must leave to the reader.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/schema_questions.hpp"
#include "tests/sqlgen/conversation_rows.hpp"
#include "tests/sqlgen/hr_model.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

void run(const std::vector<sql_row>& rows) {
  auto model = testing::sales_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question;
  }
}

TEST(schema_questions, tables_of_the_data_source) {
  run({
    {"What tables are there?", {"'categories'", "'regions'", "AS catalog(", "\"table_name\""}},
    {"which tables do we have", {"'order_items'", "\"table_name\""}},
    {"What tables are in the sales database?", {"'customers'", "\"table_name\""}},
    {"list all tables", {"'products'"}},
    {"How many tables are there?", {"SELECT 6 AS \"tables\""}},
    {"which tables have we got in here?", {"'order_items'", "\"table_name\""}},
    {"what tables are kept in the system?", {"'order_items'", "\"table_name\""}},
  });
}

// A van hire's system: statuses kept as codes its descriptions explain,
// one kept in a table of codes.
semantic_model van_hire() {
  semantic_model m;
  m.data_source = "vanhire";
  auto hire = testing::table("hire", {testing::col("hire_id", column_role::identifier, true),
                                      testing::col("sts_cd", column_role::categorical, false, {"B", "O", "R"}),
                                      testing::col("dmg_cd", column_role::categorical, false, {"N", "M", "S"}),
                                      testing::col("reason_cd", column_role::identifier)});
  hire.columns[1].comment = "B=booked, O=out on hire, R=returned";
  hire.columns[2].comment = "N none, M minor, S severe";
  auto reasons = testing::table("hire_reason", {testing::col("reason_cd", column_role::identifier, true),
                                                testing::col("reason_desc", column_role::text)});
  auto van = testing::table("van", {testing::col("van_id", column_role::identifier, true),
                                    testing::col("sts_cd", column_role::categorical, false, {"A", "W"})});
  van.columns[1].comment = "A=available, W=in the workshop";
  m.tables = {hire, reasons, van};
  m.relationships = {{"hire", {"reason_cd"}, "hire_reason", {"reason_cd"}, false}};
  return m;
}

TEST(schema_questions, what_a_columns_codes_stand_for) {
  auto meaning = [](const std::string& asked) { return generate(van_hire(), asked, ""); };
  // Named by its words, short forms read in full, with the table said.
  auto plan = meaning("on a hire, the status codes: what do they mean?");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("'B=booked, O=out on hire, R=returned'"), std::string::npos) << plan.sql;
  plan = meaning("what do the damage letters stand for?");
  EXPECT_NE(plan.sql.find("'N none, M minor, S severe'"), std::string::npos) << plan.sql;
  // By one of its codes.
  plan = meaning("what does a van status of W mean?");
  EXPECT_NE(plan.sql.find("'A=available, W=in the workshop'"), std::string::npos) << plan.sql;
  // Kept in a table of codes: its rows.
  plan = meaning("what do the reason codes mean?");
  EXPECT_NE(plan.sql.find("SELECT * FROM \"hire_reason\""), std::string::npos) << plan.sql;
  // Two columns said alike are not guessed; an average is no meaning.
  EXPECT_EQ(meaning("status codes - what do they mean?").sql.find("'B=booked"), std::string::npos);
  EXPECT_EQ(meaning("what is the mean damage?").sql.find("'N none"), std::string::npos);
}

TEST(schema_questions, what_a_table_holds) {
  run({
    {"What columns does the orders table have?", {"'order_date'", "'date'", "\"column_name\""}, {"'unit_price'"}},
    {"describe the customers table", {"'segment'", "'signup_date'"}, {"'order_date'"}},
    {"what fields are in order items", {"'quantity'", "'discount'"}, {"'signup_date'"}},
    {"what information is kept on each customer?", {"'segment'", "'signup_date'"}, {"'order_date'"}},
    {"what do we track about a customer?", {"'segment'", "'signup_date'"}, {"'order_date'"}},
  });
}

TEST(schema_questions, a_table_in_short_forms_is_named_by_its_comment) {
  using r = column_role;
  semantic_model m;
  m.data_source = "club";
  auto members = testing::table("club_mbr", {testing::col("mbr_no", r::identifier, true), testing::col("first_nm", r::text),
                                             testing::column("joined_dt", r::time)});
  members.comment = "Club members, one row each";
  auto events = testing::table("club_evt", {testing::col("evt_no", r::identifier, true), testing::column("held_dt", r::time)});
  events.comment = "Club events";
  m.tables = {members, events};
  testing::converse(m, {{"what details are held about club members?", {"'first_nm'", "'joined_dt'"}}});
}

TEST(schema_questions, the_table_described_is_what_comes_next_is_about) {
  testing::converse(testing::sales_model(), {{"describe the customers table", {"'segment'"}},
                                             {"how many rows does it have?", {"COUNT(*)", "FROM \"customers\""}}});
}

TEST(schema_questions, another_table_said_short_after_columns_is_the_same_question) {
  testing::converse(testing::sales_model(), {{"describe the customers table", {"'segment'"}},
                                             {"and about orders?", {"'order_date'", "\"column_name\""}, {"'segment'"}}});
  testing::converse(testing::sales_model(), {{"what do we track about a customer?", {"'segment'"}},
                                             {"what about the products?", {"\"column_name\""}, {"'segment'"}}});
  // After the tables, "which one" is a table.
  testing::converse(testing::sales_model(), {{"What tables are there?", {"'categories'"}},
                                             {"which one keeps the regions?", {"'regions'", "\"table_name\""}, {"'categories'"}}});
  testing::converse(testing::sales_model(), {{"which table keeps the regions?", {"'regions'", "\"table_name\""}, {"'categories'"}}});
  // After their number too, and with the rows said as "records".
  testing::converse(testing::sales_model(), {{"how many tables do we have?", {"AS \"tables\""}},
                                             {"which one has the region records?", {"'regions'", "\"table_name\""}, {"LIMIT"}}});
  // After rows, the rows of the other table.
  testing::converse(testing::sales_model(), {{"list the customers", {"FROM"}},
                                             {"and about orders?", {"FROM \"orders\""}, {"\"column_name\""}}});
}

TEST(schema_questions, sample_rows_and_counts) {
  run({
    {"show me 3 rows of customers", {"FROM \"customers\"", "LIMIT 3", q("customers.signup_date")}},
    {"give me a sample of the products table", {"FROM \"products\"", "LIMIT 5"}},
    {"How many rows does each table have?",
     {"SELECT 'categories' AS \"table_name\", COUNT(*) AS \"row_count\" FROM \"categories\" UNION ALL",
      "ORDER BY \"row_count\" DESC"}},
  });
}

TEST(schema_questions, views_are_not_tables) {
  auto model = testing::sales_model();
  auto view = model.tables.front();
  view.name = "revenue_by_month";
  view.derived = true;
  model.tables.push_back(view);
  auto listed = generate(model, "What tables are there?", "");
  ASSERT_EQ(listed.outcome, plan_outcome::answer);
  EXPECT_EQ(listed.sql.find("'revenue_by_month'"), std::string::npos) << listed.sql;
  EXPECT_NE(listed.sql.find("'regions'"), std::string::npos) << listed.sql;
  auto counted = generate(model, "How many tables are there?", "");
  EXPECT_NE(counted.sql.find("SELECT 6 AS"), std::string::npos) << counted.sql;
}

TEST(schema_questions, rows_of_one_table) {
  run({
    {"how many rows are in the orders table?", {"SELECT COUNT(*) AS \"row_count\" FROM \"orders\""}},
    {"number of rows in customers", {"COUNT(*) AS \"row_count\" FROM \"customers\""}},
  });
}

TEST(schema_questions, values_and_profiles) {
  run({
    {"most common values of segment",
     {"SELECT \"segment\", COUNT(*) AS \"rows\" FROM \"customers\" GROUP BY \"segment\"", "LIMIT 10"}},
    {"profile the unit price of products",
     {"COUNT(*) - COUNT(\"unit_price\") AS \"missing\"", "MIN(\"unit_price\")::text", "FROM \"products\""}},
    {"profile the regions table", {"SELECT 'region_id' AS \"column_name\"", "UNION ALL SELECT 'name'"}},
  });
}

// Every word must be explained by the rule: anything more is a question for
// the reader, which reads filters and measures.
TEST(schema_questions, other_words_go_to_the_reader) {
  auto model = testing::sales_model();
  for (auto* question : {"show me the rows of orders from 2024", "How many customers are there?",
                         "what is the total revenue by region", "list the customers in the West",
                         "how many rows of orders are cancelled"})
    EXPECT_FALSE(answer_schema_question(model, question).has_value()) << question;
}

TEST(schema_questions, a_table_not_named_is_asked) {
  auto plan = generate(testing::sales_model(), "what columns are there?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::clarify);
  EXPECT_FALSE(plan.choices.empty());
}

// How the data is kept, asked in words the catalog grammar cannot place:
// asked back, never answered with rows of the data.
TEST(schema_questions, how_the_data_is_kept_is_never_answered_with_rows) {
  auto model = testing::sales_model();
  for (auto* question : {"Do we record the customer who placed each order?",
                         "Do we track which region each customer sits in?",
                         "In which table do the amounts customers owe live?"}) {
    auto plan = generate(model, question, "");
    EXPECT_EQ(plan.outcome, plan_outcome::clarify) << question << ": " << plan.sql;
  }
  // Where the model itself has tables (a restaurant's), they are data.
  model.tables[0].name = "tables";
  EXPECT_FALSE(unanswered_schema_question(model, "count the free tables").has_value());
}

// A database of one table: "the table" is that one.
TEST(schema_questions, the_only_table_needs_no_name) {
  auto model = testing::sales_model();
  model.tables.resize(1);
  model.relationships.clear();
  auto& only = model.tables.front().name;
  auto plan = generate(model, "Which fields does the table hold?", "");
  EXPECT_EQ(testing::check(plan, {"", {"\"column_name\""}}), "");
  plan = generate(model, "show me 4 rows", "");
  EXPECT_EQ(testing::check(plan, {"", {"FROM \"" + only + "\"", "LIMIT 4"}}), "");
}

// A sample is a listing: the next turn can filter it.
TEST(schema_questions, a_sample_can_be_filtered_next) {
  auto model = testing::sales_model();
  auto sample = generate(model, "show me 3 rows of customers", "");
  ASSERT_EQ(sample.outcome, plan_outcome::answer);
  auto only = generate(model, "only in the West", sample.query_json);
  EXPECT_EQ(testing::check(only, {"", {"= 'West'", "LIMIT 3"}}), "");
}

} // namespace
} // namespace medha::sqlgen
