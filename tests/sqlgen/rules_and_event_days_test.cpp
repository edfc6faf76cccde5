// A default rule stands aside when the question asks about the rows it
// leaves out; a state kept as a code puts a period on the day of that state;
// what rows are said to be is theirs, not what hangs below them; "each"
// with nothing after it that can be read is not dropped.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"

namespace medha::sqlgen {
namespace {

using r = column_role;
using testing::col;
using testing::dated;

// Invoices that may be voided (a status and the day it happened), as a
// rule from the context leaves them out.
semantic_model invoices() {
  semantic_model m;
  m.data_source = "billing";
  m.tables = {testing::table("invoices", {col("invoice_id", r::identifier, true), col("invoice_no", r::text),
                                          col("inv_status", r::categorical, false, {"PAID", "OPEN", "VOID"}),
                                          dated("issued_on"), dated("voided_on"), col("total", r::numeric)})};
  m.rules = {{"invoices", "voided_on IS NULL", "leaves out voided invoices"}};
  return m;
}

TEST(rules, apply_to_questions_that_do_not_touch_their_rows) {
  auto plan = generate(invoices(), "Total invoiced amount for 2023", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("voided_on\" IS NULL"), std::string::npos) << plan.sql;
  EXPECT_NE(plan.explanation.find("leaves out voided invoices"), std::string::npos) << plan.explanation;
}

TEST(rules, stand_aside_for_the_rows_they_leave_out) {
  // The status that names the rule's column keeps the very rows it drops.
  auto plan = generate(invoices(), "Count invoices whose status is VOID", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("'VOID'"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("voided_on"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.explanation.find("leaves out"), std::string::npos) << plan.explanation;
  // So does a breakdown by that status: the voided are one of its groups.
  plan = generate(invoices(), "Invoice count per status", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_EQ(plan.sql.find("voided_on"), std::string::npos) << plan.sql;
  // And a breakdown by the rule's own column.
  auto flagged = invoices();
  flagged.tables[0].columns.push_back(col("void_flg", r::categorical, false, {"Y", "N"}));
  flagged.rules = {{"invoices", "void_flg IS DISTINCT FROM 'Y'", "leaves out voided invoices"}};
  plan = generate(flagged, "Count of invoices by void flag", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("GROUP BY"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("IS DISTINCT FROM"), std::string::npos) << plan.sql;
}

// Tool hires whose state is a code, described in a table of codes, and
// which keep the day each was taken out and the day it was suspended.
semantic_model hires() {
  semantic_model m;
  m.data_source = "toolhire";
  m.tables = {testing::table("hire_state", {col("state_cd", r::identifier, true),
                                            col("state_desc", r::categorical, false, {"Open", "Suspended", "Returned"})}),
              testing::table("hire", {col("hire_id", r::identifier, true), col("hire_ref", r::text),
                                      col("state_cd", r::identifier), dated("out_dt"), dated("suspended_dt"),
                                      col("charge", r::numeric)})};
  m.relationships = {{"hire", {"state_cd"}, "hire_state", {"state_cd"}, false}};
  return m;
}

TEST(event_days, a_coded_state_said_with_a_period_is_on_the_day_of_that_state) {
  for (auto* asked : {"Count the hires suspended during 2023", "Show hires that got suspended in March 2024"}) {
    auto plan = generate(hires(), asked, "");
    ASSERT_EQ(plan.outcome, plan_outcome::answer) << asked << ": " << plan.understood;
    EXPECT_NE(plan.sql.find("\"suspended_dt\" >="), std::string::npos) << asked << ": " << plan.sql;
    EXPECT_EQ(plan.sql.find("out_dt"), std::string::npos) << asked << ": " << plan.sql;
  }
  // Said of the rows, not of the period, the state stays a state.
  auto plan = generate(hires(), "How many suspended hires did we have in 2022?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("'Suspended'"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("suspended_dt"), std::string::npos) << plan.sql;
}

TEST(event_days, a_breakdown_by_the_periods_of_a_state_is_on_that_states_day) {
  auto plan = generate(hires(), "Number of suspended hires by the year they were suspended", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("EXTRACT(YEAR FROM \"hire\".\"suspended_dt\")"), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("'Suspended'"), std::string::npos) << plan.sql;
}

TEST(event_days, a_day_named_in_a_usual_short_form_is_that_events_day) {
  // `cxl_dt`: the day of cancelling, as booking systems shorten it.
  auto model = hires();
  model.tables[0].columns[1].values = {"Open", "Cancelled", "Returned"};
  model.tables[1].columns[4].name = "cxl_dt";
  auto plan = generate(model, "Count the hires cancelled during 2023", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"cxl_dt\" >= '2023-01-01'"), std::string::npos) << plan.sql;
}

TEST(event_days, a_state_of_the_rows_own_is_on_its_described_day) {
  // The state on the rows themselves; its day named short and described.
  semantic_model m;
  m.data_source = "lending";
  auto day = dated("susp_dt");
  day.comment = "Date suspended; null while the loan runs";
  m.tables = {testing::table("loan", {col("loan_id", r::identifier, true), col("loan_ref", r::text),
                                      col("loan_state", r::categorical, false, {"running", "suspended", "repaid"}),
                                      dated("opened_dt"), day})};
  auto plan = generate(m, "How many loans were suspended since 2022?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"susp_dt\" >= '2022-01-01'"), std::string::npos) << plan.sql;
}

TEST(event_days, an_event_named_as_a_noun_is_on_its_day) {
  semantic_model m;
  m.data_source = "deeds";
  m.tables = {testing::table("transfer", {col("xfer_id", r::identifier, true), col("xfer_ref", r::text),
                                          col("xfer_state", r::categorical, false, {"drafted", "completed", "cancelled"}),
                                          dated("opened_dt"), dated("compl_dt"), dated("cxl_dt")})};
  auto plan = generate(m, "How many completions did we record in 2022?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"compl_dt\" >= '2022-01-01'"), std::string::npos) << plan.sql;
  plan = generate(m, "How many cancellations were there in 2023?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"cxl_dt\" >= '2023-01-01'"), std::string::npos) << plan.sql;
}

TEST(event_days, when_asked_beside_the_rows_is_a_date_shown) {
  auto plan = generate(hires(), "Which hires went out in May 2024, and when?", "");
  if (plan.outcome == plan_outcome::answer) {
    auto select = plan.sql.substr(0, plan.sql.find(" FROM "));
    EXPECT_NE(select.find("out_dt"), std::string::npos) << plan.sql;
  }
  // Without "when", the hires alone answer it.
  plan = generate(hires(), "Which hires went out in May 2024?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

// Repair jobs on customers' bikes, the parts fitted in each, and the stage
// each job is at (a code), beside the day it was checked in.
semantic_model workshop() {
  semantic_model m;
  m.data_source = "workshop";
  m.tables = {testing::table("stage", {col("stage_cd", r::identifier, true),
                                       col("stage_desc", r::categorical, false, {"Checked in", "On the bench", "Ready"})}),
              testing::table("bike", {col("bike_id", r::identifier, true), col("model_nm", r::text),
                                      col("frame_size", r::categorical, false, {"S", "M", "L"})}),
              testing::table("job", {col("job_no", r::identifier, true), col("bike_id", r::identifier),
                                     col("stage_cd", r::identifier), dated("checked_dt"), col("labour", r::numeric)}),
              testing::table("part", {col("sku", r::identifier, true), col("part_nm", r::text),
                                      col("part_cat", r::categorical, false, {"EBIKE", "ROAD", "TOOLS"})}),
              testing::table("job_part", {col("job_no", r::identifier), col("sku", r::identifier), col("qty", r::numeric)}),
              testing::table("tag", {col("tag_id", r::identifier, true),
                                     col("tag_nm", r::categorical, false, {"urgent", "warranty"})}),
              testing::table("job_tag", {col("job_no", r::identifier), col("tag_id", r::identifier)})};
  m.relationships = {{"job", {"stage_cd"}, "stage", {"stage_cd"}, false},
                     {"job", {"bike_id"}, "bike", {"bike_id"}, false},
                     {"job_part", {"job_no"}, "job", {"job_no"}, false},
                     {"job_part", {"sku"}, "part", {"sku"}, false},
                     {"job_tag", {"job_no"}, "job", {"job_no"}, false},
                     {"job_tag", {"tag_id"}, "tag", {"tag_id"}, false}};
  return m;
}

TEST(event_days, checking_in_said_with_a_period_is_the_day_checked_not_the_stage) {
  auto plan = generate(workshop(), "Count the jobs we checked in during 2023", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"checked_dt\" >= '2023-01-01'"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("Checked in"), std::string::npos) << plan.sql;
}

TEST(said_of, what_rows_are_is_not_found_below_them) {
  // A category of the parts fitted is not what the job was.
  auto plan = generate(workshop(), "Count the jobs that were road", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Through a table of key pairs, a kind is the job's own.
  plan = generate(workshop(), "Count the jobs that were urgent", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("'urgent'"), std::string::npos) << plan.sql;
  // A value of a row the job belongs to is.
  plan = generate(workshop(), "Count the jobs that were L", "");
  if (plan.outcome == plan_outcome::answer) {
    EXPECT_NE(plan.sql.find("\"frame_size\" = 'L'"), std::string::npos) << plan.sql;
  }
}

TEST(groups, each_with_nothing_read_after_it_is_asked) {
  // "make" names nothing here: the count of every bike would drop "each".
  auto plan = generate(workshop(), "What is the count of bikes for each make?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Said of a column, it groups.
  plan = generate(workshop(), "Count the bikes for each frame size", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("GROUP BY"), std::string::npos) << plan.sql;
}

TEST(groups, values_given_as_examples_ask_for_their_column) {
  semantic_model m;
  m.data_source = "tickets";
  m.tables = {testing::table("sale", {col("sale_id", r::identifier, true),
                                      col("channel", r::categorical, false, {"KIOSK", "APP", "COUNTER"}),
                                      dated("sold_on"), col("price", r::numeric)})};
  auto plan = generate(m, "Count sales each year, kiosk, app and so on", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("GROUP BY"), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("\"channel\""), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("'KIOSK'"), std::string::npos) << plan.sql;
  // Named alone, they are the values kept.
  plan = generate(m, "Count sales each year, kiosk and app only", "");
  if (plan.outcome == plan_outcome::answer) {
    EXPECT_NE(plan.sql.find("'KIOSK'"), std::string::npos) << plan.sql;
  }
}

// Orders keeping a net and a gross amount, and the payments against them.
semantic_model takings(bool kiosk = true) {
  semantic_model m;
  m.data_source = "orders";
  m.tables = {testing::table("orders", {col("ord_id", r::identifier, true), col("amt_net", r::numeric),
                                        col("amt_gross", r::numeric), dated("ord_dt")}),
              testing::table("payment", {col("pmt_id", r::identifier, true), col("ord_id", r::identifier),
                                         col("amt", r::numeric), dated("pmt_dt")}),
              testing::table("kiosk_sale", {col("ks_id", r::identifier, true), col("amt_gross", r::numeric),
                                            dated("sold_ts")})};
  m.relationships = {{"payment", {"ord_id"}, "orders", {"ord_id"}, false}};
  if (!kiosk)
    m.tables.pop_back();
  return m;
}

TEST(money, sales_between_orders_and_their_payments_is_asked) {
  // The orders' own amounts are money taken as much as the payments are.
  auto plan = generate(takings(false), "What was our revenue in 2023?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

TEST(money, sales_counted_without_a_count_said_is_asked) {
  auto plan = generate(takings(), "kiosk sales for each month please", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  plan = generate(takings(), "How many kiosk sales were there each month?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("COUNT(*)"), std::string::npos) << plan.sql;
}

// Clients flagged as key accounts with a 'Y'/'N' kept as text, read as a
// boolean at introspection.
semantic_model clients() {
  semantic_model m;
  m.data_source = "agency";
  auto flag = col("key_acct", r::boolean);
  flag.type = "character(1)";
  flag.values = {"N", "Y"};
  m.tables = {testing::table("client", {col("client_no", r::identifier, true), col("given_nm", r::text),
                                        col("family_nm", r::text), flag, dated("since_dt")})};
  return m;
}

TEST(flags, a_yes_no_flag_kept_as_text_compares_with_its_own_values) {
  auto plan = generate(clients(), "How many key account clients do we have?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"key_acct\" = 'Y'"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("= true"), std::string::npos) << plan.sql;
}

TEST(flags, a_flag_said_as_the_noun_lists_the_rows_it_is_set_on) {
  auto plan = generate(clients(), "Which key accounts are there?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"key_acct\" = 'Y'"), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("FROM \"client\""), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
