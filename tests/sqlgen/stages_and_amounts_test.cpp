// What rows went through, and what money came to: a state that is a stage
// the rows reach on a day they keep is not reached while that day is unset;
// "what did ... cost" asks a total; a code's meaning said without who did
// it, or in brackets, still names the code; a verb only a date's
// description uses is that date; a sort word is the rows' own sort, not
// that of the people linked to them; "at the moment" keeps rows flagged
// active; a month said without a year is the latest one; a question that
// only narrows another narrows nothing when that one was not answered.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/value_legend.hpp"
#include "tests/sqlgen/model_builders.hpp"

namespace medha::sqlgen {
namespace {

using r = column_role;
using testing::col;
using testing::dated;

// A repair shop: repairs pass through inspection (a code and its day),
// technicians log them, parts are bought, customers may be inactive.
semantic_model workshop() {
  semantic_model m;
  m.data_source = "workshop";
  auto repair = testing::table("repair", {col("rep_id", r::identifier, true), col("rep_ref", r::text),
                                          dated("opened_dt"), dated("inspected_dt"), dated("dt_done"),
                                          col("sts", r::categorical, false, {"N", "I", "F", "X"}),
                                          col("logged_by", r::identifier), col("cust_id", r::identifier)});
  repair.columns[4].comment = "day the bench work was wrapped up";
  repair.columns[5].comment = "N new (not yet inspected), I inspected, F fixed, X = scrapped by us";
  auto tech = testing::table("technician", {col("tech_id", r::identifier, true), col("given_name", r::text),
                                            col("family_name", r::text),
                                            col("tech_type", r::categorical, false, {"Bench", "Field"})});
  auto customer = testing::table("customer", {col("cust_id", r::identifier, true), col("cust_name", r::text),
                                              col("is_active", r::boolean)});
  customer.columns[2].type = "boolean";
  auto part = testing::table("part", {col("part_id", r::identifier, true), col("part_nm", r::text),
                                      dated("bought_dt"), col("cost_amt", r::numeric)});
  m.tables = {repair, tech, customer, part};
  m.relationships = {{"repair", {"logged_by"}, "technician", {"tech_id"}, false},
                     {"repair", {"cust_id"}, "customer", {"cust_id"}, false}};
  return m;
}

TEST(stages, a_stage_not_yet_reached_is_its_day_unset_however_the_negation_is_said) {
  for (auto* asked : {"which repairs haven't been inspected yet?", "list the repairs that have not been inspected"}) {
    auto plan = generate(workshop(), asked, "");
    ASSERT_EQ(plan.outcome, plan_outcome::answer) << asked << ": " << plan.understood;
    EXPECT_NE(plan.sql.find("\"inspected_dt\" IS NULL"), std::string::npos) << asked << ": " << plan.sql;
    EXPECT_EQ(plan.sql.find("'I'"), std::string::npos) << asked << ": " << plan.sql;
  }
}

TEST(amounts, what_money_came_to_in_the_past_is_a_total) {
  auto plan = generate(workshop(), "What did the parts cost us in 2023?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("SUM(\"part\".\"cost_amt\")"), std::string::npos) << plan.sql;
  plan = generate(workshop(), "what have the parts cost us in 2023?", "");
  EXPECT_NE(plan.sql.find("SUM(\"part\".\"cost_amt\")"), std::string::npos) << plan.sql;
  plan = generate(workshop(), "what did the parts bring in during 2023?", "");
  EXPECT_NE(plan.sql.find("SUM(\"part\".\"cost_amt\")"), std::string::npos) << plan.sql;
  // Which things were bought is no amount.
  plan = generate(workshop(), "What parts did we order during 2023?", "");
  EXPECT_EQ(plan.sql.find("SUM("), std::string::npos) << plan.sql;
}

TEST(code_meanings, a_bracketed_meaning_and_a_meaning_said_without_its_agent_name_the_code) {
  auto legend = value_legend("O = open, R = ran (completed), C = cancelled by us");
  auto has = [&](const char* code, const char* meaning) {
    return std::find(legend.begin(), legend.end(), std::pair<std::string, std::string>{code, meaning}) != legend.end();
  };
  EXPECT_TRUE(has("R", "ran"));
  EXPECT_TRUE(has("R", "completed"));
  EXPECT_TRUE(has("C", "cancelled by us"));
  // A note after a dash is not part of the meaning.
  legend = value_legend("K=kept, B=binned - must be logged with the council");
  EXPECT_TRUE(has("B", "binned"));
  auto plan = generate(workshop(), "How many repairs were scrapped?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"sts\" = 'X'"), std::string::npos) << plan.sql;
}

TEST(code_meanings, a_word_two_meanings_begin_with_is_asked_not_dropped) {
  auto m = workshop();
  m.tables[0].columns[5].comment = "N new, X = scrapped by us, Y = scrapped by owner";
  m.tables[0].columns[5].values = {"N", "X", "Y"};
  auto plan = generate(m, "How many repairs were scrapped?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
}

TEST(event_days, a_verb_only_a_dates_description_uses_is_that_date) {
  auto plan = generate(workshop(), "how many repairs were wrapped up in 2024?", "");
  auto said = plan.sql + plan.understood;
  EXPECT_NE(said.find("dt done"), std::string::npos) << said;
  EXPECT_EQ(said.find("opened"), std::string::npos) << said;
}

TEST(event_days, done_finished_and_completed_are_one_event) {
  semantic_model m;
  m.data_source = "crews";
  m.tables = {testing::table("job", {col("job_id", r::identifier, true), dated("booked_dt"), dated("dt_compl")})};
  for (auto* asked : {"how many jobs got done in 2024?", "how many jobs were finished in 2024?"}) {
    auto plan = generate(m, asked, "");
    ASSERT_EQ(plan.outcome, plan_outcome::answer) << asked << ": " << plan.understood;
    EXPECT_NE(plan.sql.find("\"dt_compl\" >= '2024-01-01'"), std::string::npos) << asked << ": " << plan.sql;
  }
}

TEST(event_days, periods_of_an_event_said_as_a_noun_are_of_its_day) {
  semantic_model m;
  m.data_source = "clubs";
  m.tables = {testing::table("mbr", {col("mbr_id", r::identifier, true), dated("joined_dt"), dated("cxl_dt"),
                                     col("stat", r::categorical, false, {"A", "C"})})};
  m.tables[0].columns[3].comment = "A = active, C = cancelled";
  auto plan = generate(m, "cancellations by year", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("EXTRACT(YEAR FROM \"mbr\".\"cxl_dt\")"), std::string::npos) << plan.sql;
  // The state stays a condition: rows never cancelled make no group.
  EXPECT_NE(plan.sql.find("\"stat\" = 'C'"), std::string::npos) << plan.sql;
}

TEST(sorts, a_sort_word_is_the_rows_own_not_their_peoples) {
  auto plan = generate(workshop(), "break our repairs down by type", "");
  EXPECT_EQ(plan.outcome, plan_outcome::clarify) << plan.sql;
  plan = generate(workshop(), "repairs by technician type", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"tech_type\""), std::string::npos) << plan.sql;
}

TEST(live_rows, at_the_moment_keeps_rows_flagged_active) {
  auto plan = generate(workshop(), "how many customers at the moment?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("\"is_active\" = true"), std::string::npos) << plan.sql;
  plan = generate(workshop(), "count the customers", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_EQ(plan.sql.find("is_active"), std::string::npos) << plan.sql;
}

TEST(months, a_month_said_without_a_year_is_the_latest_one_the_rows_reach) {
  auto plan = generate(workshop(), "What did the parts cost us in August?", "");
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_NE(plan.sql.find("EXTRACT(MONTH FROM \"part\".\"bought_dt\") = 8 AND EXTRACT(YEAR FROM \"part\".\"bought_dt\") = "
                          "(SELECT MAX(EXTRACT(YEAR FROM \"latest\".\"bought_dt\")) FROM \"part\" AS \"latest\" WHERE "
                          "EXTRACT(MONTH FROM \"latest\".\"bought_dt\") = 8 AND \"latest\".\"bought_dt\" <= CURRENT_DATE)"),
            std::string::npos)
    << plan.sql;
  EXPECT_NE(plan.explanation.find("latest August"), std::string::npos) << plan.explanation;
  // Said with a year, it is that year's August.
  plan = generate(workshop(), "What did the parts cost us in August 2023?", "");
  EXPECT_NE(plan.sql.find("'2023-08-01'"), std::string::npos) << plan.sql;
  auto year = generate(workshop(), "What did the parts cost us in 2023?", "");
  ASSERT_EQ(year.outcome, plan_outcome::answer) << year.understood;
  plan = generate(workshop(), "and in August?", year.query_json);
  ASSERT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  EXPECT_EQ(plan.sql.find("latest"), std::string::npos) << plan.sql;
  EXPECT_NE(plan.sql.find("'2023-08-01'"), std::string::npos) << plan.sql;
  // A month kept beside a period of the same column is that period's.
  query q;
  filter in_year, in_august;
  in_year.op = filter_op::year;
  in_year.column = in_august.column = {"part", "bought_dt"};
  in_year.values = {"2023"};
  in_august.op = filter_op::month;
  in_august.values = {"", "8"};
  q.filters = {in_year, in_august};
  EXPECT_EQ(months_in_periods(q).filters[1].values.size(), 3u);
  // So beside a month of a year ("the August ones" after August 2023).
  auto august_2023 = in_august;
  august_2023.values = {"2023", "8"};
  q.filters = {august_2023, in_august};
  EXPECT_EQ(months_in_periods(q).filters[1].values.size(), 3u);
  q.filters = {in_august};
  EXPECT_EQ(months_in_periods(q).filters[0].values.size(), 2u);
  // "every August" is August of each year.
  plan = generate(workshop(), "What did the parts cost us every August?", "");
  EXPECT_NE(plan.sql.find("EXTRACT(MONTH FROM"), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.sql.find("latest"), std::string::npos) << plan.sql;
}

TEST(narrowing, how_many_of_each_counts_each_kind_just_listed) {
  semantic_model m;
  m.data_source = "gifts";
  m.tables = {testing::table("card", {col("card_id", r::identifier, true), col("card_no", r::text),
                                      col("card_kind", r::categorical, false, {"GIFT", "PROMO"}),
                                      col("card_sts", r::categorical, false, {"ISS", "USED"})})};
  m.tables[0].columns[3].comment = "ISS issued, USED spent in full";
  auto kinds = generate(m, "list the different card kinds", "");
  ASSERT_EQ(kinds.outcome, plan_outcome::answer) << kinds.understood;
  auto each = generate(m, "and how many of each were used?", kinds.query_json);
  ASSERT_EQ(each.outcome, plan_outcome::answer) << each.understood;
  EXPECT_NE(each.sql.find("GROUP BY \"card\".\"card_kind\""), std::string::npos) << each.sql;
}

TEST(narrowing, a_narrowing_after_no_answer_is_asked_back) {
  auto first = generate(workshop(), "count the customers", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer) << first.understood;
  auto narrowed = generate(workshop(), "and for active ones?", first.query_json);
  ASSERT_EQ(narrowed.outcome, plan_outcome::answer) << narrowed.understood;
  EXPECT_NE(narrowed.sql.find("COUNT("), std::string::npos) << narrowed.sql;
  // The question before asked back: the narrowing has nothing to narrow.
  auto unread = generate(workshop(), "how glorious were the customers?", "");
  ASSERT_EQ(unread.outcome, plan_outcome::clarify) << unread.sql;
  auto after = generate(workshop(), "for active customers?", unread.query_json);
  EXPECT_EQ(after.outcome, plan_outcome::clarify) << after.sql;
  // As the first question it is a question of its own.
  after = generate(workshop(), "just the active customers", "");
  EXPECT_EQ(after.outcome, plan_outcome::answer) << after.understood;
}

} // namespace
} // namespace medha::sqlgen
