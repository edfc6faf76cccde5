// Every word read stays in the answer, or the engine asks: rows that never
// did something are rows with none of those things (and a period said after
// them is theirs); a period to group a list by is not dropped; "by a ..." is
// who did it, never a grouping; a column a word linked is in the query; a
// flag named for the opposite of what was said is unset; a plural that
// names a table and a value is asked; "on the books" names nothing; "where
// do we record ..." names a table; a breakdown lists numbers, not kinds; "the
// customer" after one row is that row's; a code's meanings split by " / ";
// "what would ..." is not in the data; "where" asks a place.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/value_legend.hpp"
#include "tests/sqlgen/model_builders.hpp"

namespace medha::sqlgen {
namespace {

using r = column_role;
using testing::col;
using testing::dated;

// A bakery: customers (one may have introduced another), orders placed on a
// day every order has and paid on a day some lack, their lines, products,
// and tasting sessions.
semantic_model bakery() {
  semantic_model m;
  m.data_source = "bakery";
  auto customer = testing::table("customer", {col("cust_id", r::identifier, true), col("given_name", r::text),
                                              col("family_name", r::text), dated("created_dt"),
                                              col("intro_by", r::identifier)});
  customer.columns[4].comment = "Existing customer who recommended them";
  auto orders = testing::table("orders", {col("ord_id", r::identifier, true), col("cust_id", r::identifier),
                                          dated("placed_ts"), dated("paid_dt"), col("total_amt", r::numeric)});
  orders.columns[2].nullable = false;
  auto line = testing::table("order_line", {col("line_id", r::identifier, true), col("ord_id", r::identifier),
                                            col("prod_id", r::identifier), col("qty", r::numeric),
                                            col("not_collected", r::boolean)});
  line.columns[4].type = "boolean";
  auto product = testing::table("product", {col("prod_id", r::identifier, true), col("prod_nm", r::text),
                                            col("kind", r::categorical, false, {"Bread", "Cake", "Tasting"}),
                                            col("unit_price", r::numeric)});
  auto tasting = testing::table("visit_log", {col("visit_id", r::identifier, true), col("cust_id", r::identifier),
                                        dated("held_dt")});
  tasting.comment = "Tastings held for customers";
  m.tables = {customer, orders, line, product, tasting};
  m.relationships = {{"orders", {"cust_id"}, "customer", {"cust_id"}, false},
                     {"order_line", {"ord_id"}, "orders", {"ord_id"}, false},
                     {"order_line", {"prod_id"}, "product", {"prod_id"}, false},
                     {"visit_log", {"cust_id"}, "customer", {"cust_id"}, false},
                     {"customer", {"intro_by"}, "customer", {"cust_id"}, false}};
  return m;
}

TEST(words_kept, rows_that_never_did_something_have_none_of_it_and_a_period_after_is_of_those) {
  auto plan = generate(bakery(), "which customers have not ordered this year?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("NOT EXISTS (SELECT 1 FROM \"orders\""), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("\"x1\".\"placed_ts\" >="), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("\"created_dt\""), std::string::npos) << plan.sql;
  // Said by the verb its day is named for, the same.
  auto m = bakery();
  m.tables.push_back(testing::table("reservation", {col("res_id", r::identifier, true), col("cust_id", r::identifier),
                                                    dated("booked_on")}));
  m.tables.back().columns[2].nullable = false;
  m.relationships.push_back({"reservation", {"cust_id"}, "customer", {"cust_id"}, false});
  plan = generate(m, "which customers haven't booked yet?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("NOT EXISTS (SELECT 1 FROM \"reservation\""), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("IS NULL"), std::string::npos) << plan.sql;
  // A day only some orders have is a stage of the orders there are.
  plan = generate(bakery(), "which customers haven't paid their orders?", "");
  EXPECT_EQ(plan.sql.find("NOT EXISTS"), std::string::npos) << plan.sql;
}

TEST(words_kept, a_period_to_group_a_list_by_is_asked_not_dropped) {
  auto plan = generate(bakery(), "what was the unit price each year?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  EXPECT_NE(plan.understood.find("by year"), std::string::npos) << plan.understood;
}

TEST(words_kept, by_a_single_thing_is_who_did_it_not_a_group) {
  auto plan = generate(bakery(), "count the orders placed by a customer", "");
  EXPECT_EQ(plan.sql.find("GROUP BY"), std::string::npos) << plan.sql;
  plan = generate(bakery(), "count orders by customer", "");
  EXPECT_NE(plan.sql.find("GROUP BY"), std::string::npos) << plan.sql;
}

TEST(words_kept, a_verb_only_a_link_to_the_same_table_is_described_by_is_asked) {
  auto plan = generate(bakery(), "how many customers were recommended?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  plan = generate(bakery(), "count our customers", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

TEST(words_kept, a_flag_named_for_the_opposite_is_unset) {
  auto plan = generate(bakery(), "count order lines that were collected", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"not_collected\" = false"), std::string::npos) << plan.sql;
  plan = generate(bakery(), "count order lines that were not collected", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"not_collected\" = true"), std::string::npos) << plan.sql;
}

TEST(words_kept, a_plural_naming_a_table_and_a_value_is_asked) {
  auto plan = generate(bakery(), "how many tastings were there in 2024?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  EXPECT_NE(plan.understood.find("tasting"), std::string::npos) << plan.understood;
}

TEST(words_kept, on_the_books_names_nothing) {
  auto plan = generate(bakery(), "count the customers on the books", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_EQ(plan.sql.find("orders"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("visit_log"), std::string::npos) << plan.sql;
}

TEST(words_kept, where_something_is_recorded_names_its_table) {
  auto plan = generate(bakery(), "where do order lines get recorded?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("'order_line'"), std::string::npos) << plan.sql;
}

TEST(words_kept, a_breakdown_asks_for_numbers_not_a_list_of_kinds) {
  auto plan = generate(bakery(), "a breakdown of products please", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
}

TEST(words_kept, the_customer_after_one_row_is_that_rows) {
  auto one = generate(bakery(), "show order 17", "");
  ASSERT_EQ(one.outcome, plan_outcome::answer) << one.understood;
  auto plan = generate(bakery(), "who's the customer?", one.query_json);
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"ord_id\" = 17"), std::string::npos) << plan.sql;
  plan = generate(bakery(), "who's the customer?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
}

TEST(words_kept, what_would_be_is_not_in_the_data) {
  auto plan = generate(bakery(), "what would total amount of orders be in 2024?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  EXPECT_NE(plan.understood.find("would be"), std::string::npos) << plan.understood;
  plan = generate(bakery(), "total amount of orders in 2024", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  plan = generate(bakery(), "would you list the products?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

TEST(words_kept, where_asks_a_place_not_the_rows_names) {
  auto plan = generate(bakery(), "where did this year's orders come from?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  plan = generate(bakery(), "list this year's orders", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

TEST(words_kept, what_actually_happened_over_rows_that_may_be_cancelled_is_asked) {
  auto m = bakery();
  m.tables[1].columns.push_back(testing::col("sts", r::categorical, false, {"P", "D", "X"}));
  m.tables[1].columns.back().comment = "P placed, D delivered, X cancelled by customer";
  auto plan = generate(m, "count orders we actually got in 2024", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  EXPECT_NE(plan.understood.find("cancelled"), std::string::npos) << plan.understood;
  plan = generate(m, "count orders we got in 2024", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

TEST(words_kept, now_of_rows_whose_state_is_a_code_is_asked) {
  auto m = bakery();
  m.tables[3].columns.push_back(testing::col("sts", r::categorical, false, {"S", "W"}));
  m.tables[3].columns.back().comment = "S on sale, W withdrawn";
  auto plan = generate(m, "count products at the moment", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  plan = generate(m, "count products", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  // A state said outright ("still unpaid": the paying day unset) settles it.
  m.tables[1].columns.push_back(testing::col("sts", r::categorical, false, {"O", "C"}));
  m.tables[1].columns.back().comment = "O open, C closed";
  plan = generate(m, "count orders still unpaid", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

TEST(words_kept, how_many_came_from_with_no_noun_counts_the_rows_talked_about_or_asks) {
  auto first = generate(bakery(), "how many order lines are there?", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer) << first.understood;
  auto plan = generate(bakery(), "how many came from customers called Smith?", first.query_json);
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  EXPECT_NE(plan.understood.find("which rows you count"), std::string::npos) << plan.understood;
}

TEST(words_kept, reporting_to_nobody_named_is_asked) {
  auto m = bakery();
  m.tables.push_back(testing::table("staff", {col("staff_id", r::identifier, true), col("given_name", r::text),
                                              col("family_name", r::text), col("reports_to", r::identifier)}));
  m.relationships.push_back({"staff", {"reports_to"}, "staff", {"staff_id"}, false});
  auto plan = generate(m, "list the staff and who they report to", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
}

TEST(words_kept, rows_with_none_of_a_thing_shown_by_it_are_asked) {
  auto first = generate(bakery(), "how many orders are there per customer?", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer) << first.understood;
  auto plan = generate(bakery(), "and how many orders have no customer set at all?", first.query_json);
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
}

TEST(words_kept, where_kept_and_what_it_records_describes_the_table) {
  auto plan = generate(bakery(), "where are order lines stored and what details do they have?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"column_name\""), std::string::npos) << plan.sql;
}

TEST(words_kept, the_newest_one_after_one_row_still_ranks_them_all) {
  auto one = generate(bakery(), "show order 17", "");
  auto plan = generate(bakery(), "who's the newest customer?", one.query_json);
  EXPECT_EQ(plan.sql.find("= 17"), std::string::npos) << plan.sql;
}

TEST(words_kept, one_value_of_a_thing_named_that_keeps_none_is_asked) {
  auto m = bakery();
  m.tables.push_back(testing::table("shop", {col("shop_id", r::identifier, true), col("town", r::text, false, {"Leeds", "York"})}));
  m.tables[0].columns.push_back(col("home_shop", r::identifier));
  m.tables[0].columns.push_back(col("email", r::text));
  m.relationships.push_back({"customer", {"home_shop"}, "shop", {"shop_id"}, false});
  auto plan = generate(m, "email of the York shop?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  plan = generate(m, "list emails of customers of the York shop", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

TEST(words_kept, people_are_named_by_their_names_in_short_forms_never_by_their_title) {
  semantic_model m;
  m.data_source = "surgery";
  m.tables = {testing::table("patient", {col("pat_id", r::identifier, true), col("title", r::text),
                                         col("given_nm", r::text), col("family_nm", r::text)})};
  auto plan = generate(m, "list the patients", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"given_nm\""), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("\"family_nm\""), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("\"title\""), std::string::npos) << plan.sql;
  m.tables = {testing::table("patient", {col("pat_id", r::identifier, true), col("title", r::text),
                                         col("full_name", r::text)})};
  plan = generate(m, "list the patients", "");
  EXPECT_NE(plan.sql.find("\"full_name\""), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("\"title\""), std::string::npos) << plan.sql;
}

TEST(words_kept, a_codes_meanings_split_by_a_spaced_slash_are_both_its) {
  auto legend = value_legend("A in work, L lame / resting, R retired from work");
  auto has = [&](const std::string& code, const std::string& meaning) {
    return std::find(legend.begin(), legend.end(), std::make_pair(code, meaning)) != legend.end();
  };
  EXPECT_TRUE(has("L", "lame"));
  EXPECT_TRUE(has("L", "resting"));
  EXPECT_TRUE(has("R", "retired from work"));
}

} // namespace
} // namespace medha::sqlgen
