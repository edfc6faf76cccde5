// Each word of a question names one thing, and the answer is about the
// things named: the rows a count's phrase names, the rows "of them" points
// back to, the rows a ranking's size is said of, the kind a "kind of" asks
// for, the one row "that X" names. Read otherwise, the engine asks.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/conversation_rows.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using r = column_role;
using testing::col;
using testing::q;

using testing::dated;

// Regular pledges, the gifts they bring in, and how each gift was paid.
semantic_model giving() {
  semantic_model m;
  m.data_source = "giving";
  auto pledges = testing::table("pledges", {col("pledge_id", r::identifier, true),
                                           col("state", r::categorical, false, {"Active", "Stopped"})});
  pledges.comment = "Regular giving pledges";
  auto pay_types = testing::table("pay_types", {col("pay_cd", r::identifier, true),
                                                col("pay_desc", r::categorical, false, {"Card", "Standing Order", "Cash"})});
  pay_types.row_estimate = 3; // every row's description is among the values
  pay_types.columns[1].nullable = false;
  m.tables = {pledges, pay_types,
              testing::table("gifts", {col("gift_id", r::identifier, true), col("pledge_id", r::identifier),
                                       col("pay_cd", r::identifier), col("amt", r::numeric), dated("given_on")})};
  m.relationships = {{"gifts", {"pledge_id"}, "pledges", {"pledge_id"}, false},
                     {"gifts", {"pay_cd"}, "pay_types", {"pay_cd"}, false}};
  return m;
}

TEST(named_once, every_name_of_a_counted_phrase_is_of_the_rows_counted) {
  auto model = giving();
  // "standing order" is how gifts were paid; counting pledges through their
  // gifts counts other rows than the ones named.
  auto plan = generate(model, "How many active standing orders are there?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Nor are the rows counted the one kind named: that is one row.
  plan = generate(model, "How many standing orders are there?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Each name of the phrase is of the gifts: answered.
  plan = generate(model, "How many standing order gifts were there?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("FROM \"gifts\""), std::string::npos) << plan.sql;
}

// Repairs booked in, and the tasks each one needs.
semantic_model workshop() {
  semantic_model m;
  m.data_source = "workshop";
  m.tables = {testing::table("repairs", {col("repair_id", r::identifier, true), col("express", r::boolean),
                                         dated("booked_on")}),
              testing::table("tasks", {col("task_id", r::identifier, true), col("repair_id", r::identifier),
                                       col("task_state", r::categorical, false, {"DONE", "OPEN"})})};
  m.relationships = {{"tasks", {"repair_id"}, "repairs", {"repair_id"}, false}};
  return m;
}

TEST(named_once, how_many_of_them_counts_the_rows_of_the_answer_before) {
  auto model = workshop();
  testing::converse(model, {{"How many repairs were booked in 2023?", {"COUNT(*)", "FROM \"repairs\""}},
                            {"How many of them were express tasks?", {}}});
  testing::converse(model, {{"How many repairs were booked in 2023?", {"COUNT(*)", "FROM \"repairs\""}},
                            {"How many of them were express?", {"FROM \"repairs\"", q("repairs.express")}}});
  // After a ranking by a count, "them" may be the rows counted.
  auto first = generate(model, "Which repair has the most tasks?", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer) << first.understood;
  auto plan = generate(model, "How many of them are OPEN?", first.query_json);
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find(q("tasks.task_state") + " = 'OPEN'"), std::string::npos) << plan.sql;
}

// Clients and what they were invoiced.
semantic_model billing() {
  semantic_model m;
  m.data_source = "billing";
  m.tables = {testing::table("clients", {col("client_id", r::identifier, true),
                                         col("client_nm", r::text, false, {"Acme Ltd", "Borg plc"}), dated("created_dt")}),
              testing::table("invoices", {col("inv_id", r::identifier, true), col("inv_no", r::identifier),
                                          col("client_id", r::identifier), dated("inv_dt"), col("net_amt", r::numeric),
                                          col("gross_amt", r::numeric)})};
  m.relationships = {{"invoices", {"client_id"}, "clients", {"client_id"}, false}};
  return m;
}

TEST(named_once, the_rows_after_a_rankings_size_are_the_rows_ranked) {
  auto model = billing();
  auto plan = generate(model, "List the top 4 clients by invoices", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find("GROUP BY \"clients\""), std::string::npos) << plan.sql;
  plan = generate(model, "List the top 4 clients by net amt", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find(q("clients.client_nm")), std::string::npos) << plan.sql;
}

TEST(named_once, an_amount_with_the_tax_included_is_not_the_tax) {
  auto model = billing();
  model.tables[1].columns.push_back(col("vat_amt", r::numeric));
  auto plan = generate(model, "The 2023 invoices in total, VAT included", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_EQ(plan.sql.find("SUM(" + q("invoices.vat_amt") + ")"), std::string::npos) << plan.sql;
  plan = generate(model, "Sum of the VAT amt for 2023", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("SUM(" + q("invoices.vat_amt") + ")"), std::string::npos) << plan.sql;
}

TEST(named_once, our_own_says_some_rows_are_not_ours) {
  semantic_model m;
  m.data_source = "stage";
  m.tables = {testing::table("productions", {col("prod_id", r::identifier, true),
                                             col("title", r::text, false, {"Hamlet", "Oliver"}),
                                             col("budget", r::numeric)})};
  auto plan = generate(m, "Show our own productions and budgets", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  plan = generate(m, "Show our productions and budgets", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

TEST(named_once, a_word_beside_a_column_shown_is_shown_too) {
  semantic_model m;
  m.data_source = "sites";
  auto sites = testing::table("premises", {col("prem_id", r::identifier, true),
                                           col("site_nm", r::text, false, {"Ash House", "Elm Court"}),
                                           col("addr_line1", r::text), col("postcode", r::text)});
  sites.comment = "Customer premises and their address";
  m.tables = {sites};
  auto plan = generate(m, "Give the address and postcode for Ash House", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find(q("premises.addr_line1")), std::string::npos) << plan.sql;
  plan = generate(m, "Give the postcode for Ash House", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find(q("premises.postcode")), std::string::npos) << plan.sql;
}

TEST(named_once, the_states_are_not_what_is_counted) {
  semantic_model m;
  m.data_source = "desks";
  auto states = testing::table("mship_stat", {col("stat_cd", r::identifier, true),
                                              col("stat_desc", r::categorical, false, {"Active", "Ended"})});
  states.row_estimate = 2;
  states.columns[1].nullable = false;
  m.tables = {states, testing::table("membership", {col("mship_id", r::identifier, true), col("stat_cd", r::identifier),
                                                    dated("signed_dt"), dated("end_dt")})};
  m.relationships = {{"membership", {"stat_cd"}, "mship_stat", {"stat_cd"}, false}};
  auto first = generate(m, "How many memberships were signed each month in 2023?", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer) << first.understood;
  auto plan = generate(m, "and how many ended each month?", first.query_json);
  if (plan.outcome == plan_outcome::answer)
    EXPECT_EQ(plan.sql.find("COUNT(DISTINCT " + q("mship_stat.stat_cd")), std::string::npos) << plan.sql;
}

TEST(named_once, a_kind_of_rows_is_never_their_keys) {
  semantic_model m;
  m.data_source = "care";
  m.tables = {testing::table("grievances", {col("grv_id", r::identifier, true), dated("logged_on"), dated("closed_on")})};
  auto plan = generate(m, "What kinds of grievances are still open?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // A kind kept in a column of its own is shown, or asked about.
  m.tables[0].columns.push_back(col("grv_type", r::categorical, false, {"Noise", "Damage", "Billing"}));
  plan = generate(m, "What kinds of grievances do we get?", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find(q("grievances.grv_type")), std::string::npos) << plan.sql;
}

TEST(named_once, how_many_is_never_a_list) {
  semantic_model m;
  m.data_source = "store";
  auto units = testing::table("stor_unit", {col("unit_id", r::identifier, true),
                                           col("unit_size", r::categorical, false, {"Small", "Large"})});
  units.comment = "Wooden storage containers in the warehouse";
  m.tables = {units};
  auto plan = generate(m, "which sizes are the containers in, and how many of each size are there?", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find("COUNT("), std::string::npos) << plan.sql;
}

TEST(named_once, a_work_is_named_by_its_title) {
  semantic_model m;
  m.data_source = "gallery";
  m.tables = {testing::table("shows", {col("show_id", r::identifier, true),
                                       col("show_title", r::categorical, false, {"Deep Time", "Paper Worlds"}),
                                       col("room", r::categorical, false, {"East", "West"}), dated("opened_on")}),
              testing::table("staff", {col("staff_id", r::identifier, true), col("first_nm", r::text),
                                       col("last_nm", r::text), col("job_title", r::categorical, false, {"Curator"})})};
  auto plan = generate(m, "Which shows opened in 2024?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find(q("shows.show_title")), std::string::npos) << plan.sql;
  // A person is still named by their name, not their job title.
  plan = generate(m, "List the staff", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_EQ(plan.sql.find(q("staff.job_title")), std::string::npos) << plan.sql;
}

TEST(named_once, a_period_said_twice_is_one_breakdown) {
  auto model = giving();
  model.tables[0].columns.push_back(col("cadence", r::categorical, false, {"Monthly", "Yearly"}));
  testing::converse(model, {{"Total gift amt for 2023", {"SUM(" + q("gifts.amt") + ")"}},
                            {"Show me 2023 month by month", {"'YYYY-MM'"}, {"'Monthly'"}}});
}

TEST(named_once, a_small_word_joined_by_a_hyphen_says_something) {
  semantic_model m;
  m.data_source = "calls";
  m.tables = {testing::table("sites", {col("site_id", r::identifier, true), col("site_nm", r::text, false, {"Mill Lane"})}),
              testing::table("visits", {col("visit_id", r::identifier, true), col("site_id", r::identifier),
                                        dated("visit_dt")})};
  m.relationships = {{"visits", {"site_id"}, "sites", {"site_id"}, false}};
  auto plan = generate(m, "How many on-site visits were there in 2023?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  plan = generate(m, "How many visits were there in 2023?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

TEST(named_once, one_of_the_kinds_a_description_lists_picks_rows_out) {
  auto model = giving();
  model.tables[2].comment = "Every gift received, one-off and regular";
  // Nothing here is "one-off": asked, not averaged over every gift.
  auto plan = generate(model, "What's the average one-off gift amt?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // A value that says it is read.
  model.tables[2].columns.push_back(col("gift_kind", r::categorical, false, {"One-off", "Regular"}));
  plan = generate(model, "What's the average one-off gift amt?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("'One-off'"), std::string::npos) << plan.sql;
}

// Collection rounds, and the lifts each one made.
semantic_model rounds() {
  semantic_model m;
  m.data_source = "bins";
  m.tables = {testing::table("staff", {col("staff_id", r::identifier, true), col("first_nm", r::text, false, {"Ann"}),
                                       col("last_nm", r::text, false, {"Lee"})}),
              testing::table("coll_rounds", {col("round_id", r::identifier, true),
                                             col("round_cd", r::categorical, false, {"N-MON", "S-TUE"}),
                                             col("driver_id", r::identifier)}),
              testing::table("lifts", {col("lift_id", r::identifier, true), col("round_id", r::identifier),
                                       dated("lift_dt")})};
  m.relationships = {{"coll_rounds", {"driver_id"}, "staff", {"staff_id"}, false},
                     {"lifts", {"round_id"}, "coll_rounds", {"round_id"}, false}};
  return m;
}

TEST(named_once, that_with_no_answer_before_points_at_nothing) {
  auto model = workshop();
  model.tables[1].columns.push_back(col("cost", r::numeric));
  auto plan = generate(model, "And how much did that cost?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // (A table named in a short form: "customer" is read as cust.)
  model.tables.push_back(testing::table("cust", {col("cust_id", r::identifier, true),
                                                 col("full_name", r::text, false, {"Ann Lee"})}));
  model.tables[0].columns.push_back(col("cust_id", r::identifier));
  model.relationships.push_back({"repairs", {"cust_id"}, "cust", {"cust_id"}, false});
  plan = generate(model, "has that customer had any tasks since?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Nor after a question that was asked back.
  auto asked = generate(model, "What's the colour of the repairs?", "");
  ASSERT_NE(asked.outcome, plan_outcome::answer) << asked.sql;
  plan = generate(model, "has that customer had any tasks since?", asked.query_json);
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Said earlier in the same question, "that customer" is that one.
  plan = generate(model, "for each customer, how many tasks did that customer have?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  plan = generate(model, "What did the tasks cost us in total?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

TEST(named_once, just_the_x_narrows_the_rows_before) {
  auto model = workshop();
  model.tables[0].columns.push_back(col("repair_kind", r::categorical, false, {"Brakes", "Tyres"}));
  testing::converse(model, {{"How many repairs were booked in each month?", {"COUNT(*)", "'YYYY-MM'"}},
                            {"Just the express ones", {q("repairs.express"), "'YYYY-MM'"}}});
  testing::converse(model, {{"How many repairs were booked in each month?", {"COUNT(*)", "'YYYY-MM'"}},
                            {"Just the repair kinds", {}}});
}

TEST(named_once, that_x_names_one_row) {
  auto model = rounds();
  testing::converse(model, {{"Who drives the N-MON round?", {q("staff.first_nm"), "'N-MON'"}},
                            {"For that round, how many lifts were there in May 2023?", {}}});
}

// Customers, the call-outs they asked for, and invoices of several kinds.
semantic_model service() {
  semantic_model m;
  m.data_source = "nursery";
  m.tables = {testing::table("cust", {col("cust_id", r::identifier, true), col("first_name", r::text, false, {"Ann"}),
                                      col("last_name", r::text, false, {"Lee", "Moss"})}),
              testing::table("sites", {col("site_id", r::identifier, true),
                                       col("site_name", r::categorical, false, {"Oakwood", "Elmfield"})}),
              testing::table("callouts", {col("callout_id", r::identifier, true), col("cust_id", r::identifier),
                                          col("site_id", r::identifier), dated("called_on")}),
              testing::table("move_jobs", {col("job_id", r::identifier, true), col("cust_id", r::identifier),
                                           dated("move_dt")}),
              testing::table("bills", {col("bill_id", r::identifier, true), col("job_id", r::identifier),
                                       col("bill_type", r::categorical, false, {"MOVE", "STORE"}), dated("bill_dt"),
                                       col("net_amt", r::numeric), col("vat_amt", r::numeric)})};
  m.relationships = {{"callouts", {"cust_id"}, "cust", {"cust_id"}, false},
                     {"callouts", {"site_id"}, "sites", {"site_id"}, false},
                     {"move_jobs", {"cust_id"}, "cust", {"cust_id"}, false},
                     {"bills", {"job_id"}, "move_jobs", {"job_id"}, false}};
  return m;
}

TEST(named_once, that_customer_is_the_one_named_before) {
  auto model = service();
  auto first = generate(model, "List customers named Moss", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer) << first.understood;
  auto plan = generate(model, "Did that customer need any callouts afterwards?", first.query_json);
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find("'Moss'"), std::string::npos) << plan.sql;
}

TEST(named_once, the_business_name_after_each_is_one_of_its_places) {
  auto plan = generate(service(), "how many callouts at each nursery in 2024?", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find("GROUP BY"), std::string::npos) << plan.sql;
  plan = generate(service(), "how many callouts at each site in 2024?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("GROUP BY " + q("sites.site_name")), std::string::npos) << plan.sql;
}

TEST(named_once, a_noun_that_is_a_kind_and_a_table_is_asked) {
  auto plan = generate(service(), "Number of moves made in 2023?", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find("FROM \"move_jobs\""), std::string::npos) << plan.sql;
}

TEST(named_once, people_with_us_are_the_ones_still_here) {
  semantic_model m;
  m.data_source = "desks";
  m.tables = {testing::table("company", {col("co_id", r::identifier, true),
                                         col("co_name", r::categorical, false, {"Acme", "Borg"})}),
              testing::table("member", {col("member_id", r::identifier, true), col("full_name", r::text),
                                        col("co_id", r::identifier), dated("joined_dt"), dated("left_dt")})};
  m.relationships = {{"member", {"co_id"}, "company", {"co_id"}, false}};
  auto plan = generate(m, "List the 4 companies with the most members with us", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find(q("member.left_dt") + " IS NULL"), std::string::npos) << plan.sql;
}

TEST(named_once, who_the_top_one_is_names_someone) {
  semantic_model m;
  m.data_source = "crews";
  m.tables = {testing::table("staff", {col("staff_id", r::identifier, true), col("first_nm", r::text, false, {"Ann"}),
                                       col("last_nm", r::text, false, {"Lee"})}),
              testing::table("crew_assign", {col("assign_id", r::identifier, true), col("staff_id", r::identifier),
                                             col("crew_role", r::categorical, false, {"PORTER", "DRIVER"})})};
  m.relationships = {{"crew_assign", {"staff_id"}, "staff", {"staff_id"}, false}};
  auto first = generate(m, "Count staff per crew role", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer) << first.understood;
  auto plan = generate(m, "Who's the top porter?", first.query_json);
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find(q("staff.first_nm")), std::string::npos) << plan.sql;
}

// "hours on jobs" where an hour may be logged to no job: the rows
// named are those linked to one; an answer over every hour is asked.
TEST(named_once, rows_said_to_be_linked_are_not_all_rows) {
  semantic_model m;
  m.data_source = "studio";
  m.tables = {testing::table("jobs", {col("job_id", r::identifier, true), col("job_name", r::text)}),
              testing::table("hour_logs", {col("log_id", r::identifier, true), col("job_id", r::identifier),
                                           col("hrs", r::numeric), dated("logged_on")})};
  m.relationships = {{"hour_logs", {"job_id"}, "jobs", {"job_id"}, false}};
  auto plan = generate(m, "What are the total hrs on jobs?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  plan = generate(m, "What are the total hrs?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

// "invoicing per quarter": the activity is measured in money as much as in
// rows; a count of the invoices is asked, the invoices counted when named.
TEST(named_once, an_activity_named_by_its_ing_form_is_not_just_counted) {
  semantic_model m;
  m.data_source = "practice";
  m.tables = {testing::table("invoice", {col("inv_id", r::identifier, true), col("net_amt", r::numeric), dated("issued_on")})};
  auto plan = generate(m, "invoicing per quarter in 2023", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  plan = generate(m, "number of invoices per quarter in 2023", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

} // namespace
} // namespace medha::sqlgen
