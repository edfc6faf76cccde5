// Readings that used to be answered with confidence and were wrong: tables
// related through a row nobody named, "the top 3" with nothing to rank by,
// "who" answered with a count, a value that replaces another of the same
// column, "18+" taken as a number of rows. Each is asked about or answered
// rightly; beside them, the everyday words that read the same data well.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/conversation_rows.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

using testing::col;

// A column of timestamps (the builders' dates have no time of day).
column_info stamp(const std::string& name) {
  auto c = col(name, column_role::time);
  c.type = "timestamp without time zone";
  return c;
}

// A rowing club network: clubs with coaches and members, fees (some refunded),
// gifts from members, and what the clubs spend.
semantic_model rowing_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "rowing";
  m.tables = {
    testing::table("clubs", {col("club_id", r::identifier, true), col("club_name", r::text, false, {"Isis", "Tyne"}),
                             col("city", r::categorical, false, {"Oxford", "Newcastle"}),
                             col("manager_id", r::identifier), col("annual_fee", r::numeric)}),
    testing::table("coaches", {col("coach_id", r::identifier, true), col("full_name", r::text),
                               col("club_id", r::identifier),
                               col("grade", r::categorical, false, {"senior", "assistant"})}),
    testing::table("members", {col("member_id", r::identifier, true),
                               col("full_name", r::text, false, {"Ann Lee", "Raj Patel"}), col("club_id", r::identifier),
                               col("member_type", r::categorical, false, {"child", "adult", "veteran"}),
                               col("joined_on", r::time), col("status", r::categorical, false, {"active", "ended"}),
                               col("ends_on", r::time), col("email", r::text)}),
    testing::table("fees", {col("fee_id", r::identifier, true), col("member_id", r::identifier),
                            col("total_amt", r::numeric), col("waived_amt", r::numeric), col("paid_on", r::time),
                            col("promo_code", r::categorical, false, {"SPRING10", "ALUMNI"})}),
    testing::table("refunds", {col("refund_id", r::identifier, true), col("fee_id", r::identifier),
                               col("amount", r::numeric), stamp("refunded_at")}),
    testing::table("donations", {col("donation_id", r::identifier, true), col("member_id", r::identifier),
                                 col("amount", r::numeric), col("given_on", r::time)}),
    testing::table("boats", {col("boat_id", r::identifier, true), col("boat_name", r::text, false, {"Osprey", "Heron"})}),
    testing::table("member_boats", {col("member_id", r::identifier), col("boat_id", r::identifier)}),
    testing::table("maint_jobs", {col("job_id", r::identifier, true), col("club_id", r::identifier),
                                  col("cost", r::numeric)}),
    testing::table("expenses", {col("expense_id", r::identifier, true), col("club_id", r::identifier),
                                col("amount", r::numeric), col("spent_on", r::time),
                                col("approved_by", r::identifier)}),
  };
  m.relationships = {
    {"coaches", {"club_id"}, "clubs", {"club_id"}, false},
    {"members", {"club_id"}, "clubs", {"club_id"}, false},
    {"fees", {"member_id"}, "members", {"member_id"}, false},
    {"refunds", {"fee_id"}, "fees", {"fee_id"}, false},
    {"donations", {"member_id"}, "members", {"member_id"}, false},
    {"expenses", {"club_id"}, "clubs", {"club_id"}, false},
    {"maint_jobs", {"club_id"}, "clubs", {"club_id"}, false},
    {"member_boats", {"member_id"}, "members", {"member_id"}, false},
    {"member_boats", {"boat_id"}, "boats", {"boat_id"}, false},
    {"expenses", {"approved_by"}, "coaches", {"coach_id"}, false},
    {"clubs", {"manager_id"}, "coaches", {"coach_id"}, false},
  };
  return m;
}

// Turns of one conversation; an empty `contains` means the engine must ask.
void converse(const std::vector<sql_row>& turns) {
  testing::converse(rowing_model(), turns);
}

TEST(no_guessing, tables_related_only_through_a_row_nobody_named_are_asked) {
  // Members and coaches both hang from a club: "members who are seniors"
  // is no question about the coaches of their club.
  converse({{"how many members are assistants?", {}}});
  // Members have no coach of their own: "their" coach would be any coach
  // of their club, a guess at what relates them.
  converse({{"how many members have a senior coach", {}}});
  // Said of the coaches themselves: answered.
  converse({{"how many coaches are assistants?", {"COUNT(*)", q("coaches.grade") + " = 'assistant'"}}});
  // A table that only links (members and their boats) is the member's own
  // attribute, many to many: the boats of the members who gave.
  converse({{"total donations per boat", {"SUM(" + q("donations.amount") + ")", "GROUP BY " + q("boats.boat_name")}}});
  // Through a parent the question names, related rows are what it asks.
  converse({{"how many members does each club have?", {"GROUP BY " + q("clubs.club_name")}}});
}

TEST(no_guessing, a_top_n_with_nothing_to_rank_by_is_asked) {
  converse({{"top 3 members", {}}});
  // With something to rank by: ranked.
  converse({{"top 3 members by total donations",
             {"SUM(" + q("donations.amount") + ")", "DESC", "LIMIT 3"}}});
}

TEST(no_guessing, who_is_answered_with_names_or_asked) {
  auto model = rowing_model();
  auto counted = generate(model, "how many coaches are there by grade?", "");
  ASSERT_EQ(counted.outcome, plan_outcome::answer) << counted.sql;
  auto who = generate(model, "who is the assistant?", counted.query_json);
  if (who.outcome == plan_outcome::answer) {
    EXPECT_NE(who.sql.find(q("coaches.full_name")), std::string::npos) << who.sql;
  }
}

TEST(no_guessing, a_role_named_leads_through_its_own_key) {
  // The manager is reached through the club's manager key, not through
  // the coach who approved each expense.
  converse({{"which club spent the most?", {"LIMIT 1"}},
            {"who manages it?", {q("clubs.manager_id")}, {q("expenses.approved_by")}}});
}

TEST(no_guessing, a_key_to_oneself_named_by_the_verb_hides_no_other_way) {
  // "manages" names the agents' own manager_id as well as the properties'
  // managed_by: the agents are still reached from the properties.
  using r = column_role;
  semantic_model m;
  m.data_source = "agency";
  m.tables = {
    testing::table("agents", {col("agent_id", r::identifier, true), col("full_name", r::text),
                              col("manager_id", r::identifier)}),
    testing::table("properties", {col("prop_id", r::identifier, true), col("managed_by", r::identifier)}),
  };
  m.relationships = {
    {"agents", {"manager_id"}, "agents", {"agent_id"}, false},
    {"properties", {"managed_by"}, "agents", {"agent_id"}, false},
  };
  testing::converse(m, {{"which agent manages the most properties?",
                         {"JOIN " + q("agents") + " ON " + q("agents.agent_id") + " = " + q("properties.managed_by"),
                          "LIMIT 1"}}});
}

TEST(no_guessing, another_value_of_the_same_column_replaces_the_last) {
  converse({{"how many members do we have?", {"COUNT(*)"}},
            {"how many of them are adults?", {q("members.member_type") + " = 'adult'"}},
            {"list the veterans", {q("members.member_type") + " = 'veteran'"}, {"'adult'"}}});
}

TEST(no_guessing, a_number_with_a_plus_is_at_least_that_not_a_row_count) {
  auto model = rowing_model();
  auto plan = generate(model, "list the 18+ members", "");
  EXPECT_EQ(plan.sql.find("LIMIT 18"), std::string::npos) << plan.sql;
}

TEST(no_guessing, amounts_are_those_of_the_rows_named) {
  // A total kept in the fees is their amount; the refunds' amount is of
  // other rows.
  converse({{"what is the total amount of all fees?", {"SUM(" + q("fees.total_amt") + ")"}, {"refunds"}}});
  // "amount waived" for waived_amt: the participle after its noun.
  converse({{"what is the total amount waived?", {"SUM(" + q("fees.waived_amt") + ")"}}});
}

TEST(no_guessing, a_value_of_a_column_ends_its_condition_of_having_none) {
  converse({{"how many fees are unpaid?", {q("fees.paid_on") + " IS NULL"}},
            {"and how many were paid in 2025?", {q("fees.paid_on") + " >= '2025-01-01'"}, {"IS NULL"}}});
}

TEST(no_guessing, a_new_grouping_shows_all_its_groups) {
  converse({{"how many members per club?", {"GROUP BY " + q("clubs.club_name")}},
            {"which 2 clubs have the most?", {"LIMIT 2"}},
            {"now by member type", {"GROUP BY " + q("members.member_type")}, {"LIMIT"}}});
}

TEST(no_guessing, where_is_never_answered_with_one_number) {
  converse({{"where do most of our members come from?", {}}});
}

TEST(no_guessing, days_are_counted_only_when_said) {
  // A date column's own word said as a noun is no count of its days.
  using r = column_role;
  semantic_model m;
  m.data_source = "kiln";
  m.tables = {testing::table("kiln_loads", {col("load_id", r::identifier, true), col("fired_on", r::time),
                                            col("kiln_temp", r::numeric)})};
  testing::converse(m, {{"how many fires were there each year?", {}, {"COUNT(DISTINCT"}}});
}

TEST(no_guessing, money_given_and_money_spent_are_what_records_them) {
  converse({{"how much have we raised?", {"SUM(" + q("donations.amount") + ")"}}});
  converse({{"how much did the clubs spend in 2024?", {"SUM(" + q("expenses.amount") + ")"}}});
  // "money" alone is money taken in, never what was spent.
  converse({{"how much money was there in 2024?", {}}});
}

TEST(no_guessing, everyday_verbs_of_having_and_being) {
  // "used a promo code": the rows that have one.
  converse({{"how many fees used a promo code?", {"COUNT(*)", q("fees.promo_code") + " IS NOT NULL"}}});
  // "have there been": no place pointed back to.
  converse({{"how many refunds have there been?", {"COUNT(*)", "FROM " + q("refunds")}}});
}

TEST(no_guessing, a_share_of_the_number_just_shown) {
  converse({{"how many fees are unpaid?", {q("fees.paid_on") + " IS NULL"}},
            {"what share of all fees is that?",
             {"COUNT(*) FILTER (WHERE " + q("fees.paid_on") + " IS NULL)", "NULLIF(COUNT(*), 0)"},
             {"FROM " + q("fees") + " WHERE"}}});
  // After a number that is no count of some of the rows: a share of what is asked.
  converse({{"how many fees were paid in 2024?", {"COUNT(*)"}}, {"what share of all fees is that?", {}}});
}

TEST(no_guessing, when_is_answered_with_a_date_or_asked) {
  converse({{"when did members of Isis join?", {q("members.joined_on"), q("clubs.club_name") + " = 'Isis'"}}});
  converse({{"when does the Tyne club end?", {}}});
  // A value ("ended") said for a date: listing the rows says no date.
  converse({{"when do Ann Lee's fees end?", {}}});
  converse({{"when were the ended members?", {}}});
}

TEST(no_guessing, a_count_per_row_of_its_own_is_asked) {
  // Grouped by each fee's own key, every count is 1.
  converse({{"how many fees are there for each promo code?", {"GROUP BY " + q("fees.promo_code")}},
            {"what's the total for each?", {}}});
}

TEST(no_guessing, who_did_the_most_is_the_person_the_rows_point_to) {
  converse({{"who has made the most donations?",
             {"GROUP BY " + q("members.full_name"), "COUNT(*)", "DESC LIMIT 1"}}});
  // "which veteran": the people named by a value of theirs, ranked.
  converse({{"which veteran has made the most donations?",
             {"GROUP BY " + q("members.full_name"), q("members.member_type") + " = 'veteran'", "DESC LIMIT 1"}}});
}

TEST(no_guessing, short_forms_in_names_are_said_in_full) {
  converse({{"how many maintenance jobs are there?", {"COUNT(*)", "FROM " + q("maint_jobs")}}});
}

TEST(no_guessing, irregular_plurals_meet_their_singular) {
  converse({{"how many members are children?", {q("members.member_type") + " = 'child'"}}});
}

TEST(no_guessing, a_key_named_for_a_verb_is_what_the_verb_says) {
  // approved_by: "approved" is that key, whichever way it is said.
  converse({{"which coach approved the most expenses?",
             {"GROUP BY " + q("coaches.full_name"), q("expenses.approved_by"), "DESC LIMIT 1"}}});
  converse({{"how many expenses has each coach approved?",
             {"GROUP BY " + q("coaches.full_name"), q("expenses.approved_by")}}});
  // Not done, done by anyone: whether the key is set, not a group.
  converse({{"how many expenses were not approved?", {q("expenses.approved_by") + " IS NULL"}, {"GROUP BY"}}});
  converse({{"how many expenses were never approved by a coach?",
             {q("expenses.approved_by") + " IS NULL"}, {"GROUP BY", "IS NOT NULL"}}});
  converse({{"how many expenses were approved by a coach?",
             {q("expenses.approved_by") + " IS NOT NULL"}, {"GROUP BY"}}});
  // Said of the people it points at: those with none of the rows.
  converse({{"which coaches have not approved any expenses?",
             {"NOT EXISTS", q("approved_by") + " = " + q("coaches.coach_id")}, {"IS NULL"}}});
}

TEST(no_guessing, the_head_noun_of_a_column_said_in_full_is_explained) {
  converse({{"count the members lacking an email address", {q("members.email") + " IS NULL"}}});
}

TEST(no_guessing, hours_of_the_day_and_months_of_the_year_are_groups) {
  converse({{"how many refunds by hour of the day",
             {"EXTRACT(HOUR FROM " + q("refunds.refunded_at") + ")", "GROUP BY"}}});
  converse({{"which month of the year has the most donations?",
             {"EXTRACT(MONTH FROM " + q("donations.given_on") + ")", "DESC LIMIT 1"}}});
  // A date keeps no hour: asked, not answered.
  converse({{"total donations by hour of the day", {}}});
  // "the year 2024" is one year: its months, not the month of every year.
  converse({{"how many donations in each month of the year 2024?", {"2024"}, {"EXTRACT(MONTH"}}});
}

TEST(no_guessing, they_after_a_ranking_are_the_rows_it_showed) {
  // No condition names the top 2: their keys, as the answer showed them.
  converse({{"top 2 members by total donations", {"LIMIT 2"}},
            {"how many fees have they paid?",
             {"COUNT(*)", q("members.member_id") + " IN (SELECT " + q("member_id") + " FROM (SELECT",
              "LIMIT 2) AS shown_rows)"}}});
  converse({{"which club spent the most?", {"LIMIT 1"}},
            {"how many members does it have?", {"COUNT(*)", q("clubs.club_id") + " IN (SELECT"}}});
  // A ranking of months shows no rows of a table: asked.
  converse({{"which quarter had the most donations?", {"LIMIT 1"}}, {"who gave them?", {}}});
}

TEST(no_guessing, stars_are_a_rating) {
  using r = column_role;
  semantic_model m;
  m.data_source = "reviews";
  m.tables = {testing::table("reviews", {col("review_id", r::identifier, true), col("rating", r::numeric),
                                         col("posted_on", r::time)})};
  testing::converse(m, {{"count the 2-star reviews", {q("reviews.rating") + " = 2"}}});
  testing::converse(m, {{"number of reviews with 4 stars", {q("reviews.rating") + " = 4"}}});
}

TEST(no_guessing, which_period_asks_for_one_period) {
  converse({{"which week was the busiest for donations?", {"COUNT(*)", "DESC LIMIT 1"}}});
}

TEST(no_guessing, new_rows_in_a_period_are_the_rows_of_that_period) {
  converse({{"count the new members who joined during 2023", {q("members.joined_on") + " >= '2023-01-01'"}}});
  // Without a period, "new" says something the data does not: asked.
  converse({{"count the new members", {}}});
}

TEST(no_guessing, how_long_a_row_lasted_is_from_its_start_to_its_end) {
  using r = column_role;
  semantic_model m;
  m.data_source = "outings";
  m.tables = {testing::table("outings", {col("outing_id", r::identifier, true), stamp("started_at"),
                                         stamp("ended_at"), col("distance_km", r::numeric)})};
  testing::converse(m, {{"count the outings that lasted longer than 45 minutes",
                         {"EXTRACT(EPOCH FROM (" + q("outings.ended_at") + " - " + q("outings.started_at") + "))) > 2700"}}});
  // No unit: the span is not what "longer" measures; asked.
  testing::converse(m, {{"count the outings longer than 45", {}}});
  // Two ends to choose from: asked.
  m.tables[0].columns.push_back(stamp("closed_at"));
  testing::converse(m, {{"count the outings that lasted longer than 45 minutes", {}}});
}

TEST(no_guessing, a_period_is_not_borrowed_from_rows_that_point_at_the_thing_measured) {
  // Clubs keep no date; members who joined in 2024 do not make a club's
  // fee one of 2024.
  converse({{"total annual fee of the clubs in 2024", {}}});
  // Without the period: answered.
  converse({{"total annual fee of the clubs", {"SUM(" + q("clubs.annual_fee") + ")"}}});
}

TEST(no_guessing, what_has_not_happened_has_no_date) {
  converse({{"how many fees have not been paid?", {q("fees.paid_on") + " IS NULL"}}});
  converse({{"how many fees were not paid yet?", {q("fees.paid_on") + " IS NULL"}}});
  // "paid" is also a money word for the payments' amount: the date of
  // the payment is what is missing, not the amount.
  using r = column_role;
  semantic_model m;
  m.data_source = "rents";
  m.tables = {testing::table("rent_payments", {col("payment_id", r::identifier, true), col("amount", r::numeric),
                                               col("due_dt", r::time), col("paid_dt", r::time)})};
  testing::converse(m, {{"count the rent payments that haven't been paid so far",
                         {q("rent_payments.paid_dt") + " IS NULL"}, {q("rent_payments.amount")}}});
}

TEST(no_guessing, a_state_said_is_the_state_not_the_key_of_its_verb) {
  using r = column_role;
  semantic_model m;
  m.data_source = "parcels";
  m.tables = {
    testing::table("couriers", {col("courier_id", r::identifier, true), col("full_name", r::text)}),
    testing::table("parcels", {col("parcel_id", r::identifier, true),
                               col("status", r::categorical, false, {"delivered", "lost"}),
                               col("delivered_by", r::identifier)}),
  };
  m.relationships = {{"parcels", {"delivered_by"}, "couriers", {"courier_id"}, false}};
  testing::converse(m, {{"how many parcels were delivered?", {q("parcels.status") + " = 'delivered'"},
                         {"delivered_by", "couriers"}}});
  // "for <some of them>" after a measure of the same rows: those rows, same measure.
  // ("express" is a value of the parcels' service, another table)
  m.tables[1].columns.push_back(col("weight_kg", r::numeric));
  m.tables[1].columns.push_back(col("service_id", r::identifier));
  m.tables.push_back(testing::table("services", {col("service_id", r::identifier, true),
                                                 col("service_name", r::categorical, false, {"Express", "Economy"})}));
  m.relationships.push_back({"parcels", {"service_id"}, "services", {"service_id"}, false});
  testing::converse(m, {{"what is the average parcel weight?", {"AVG(" + q("parcels.weight_kg") + ")"}},
                        {"for express parcels?",
                         {"AVG(" + q("parcels.weight_kg") + ")", q("services.service_name") + " = 'Express'"}}});
  // Nothing else named: the state's rows, not the couriers its key points at.
  testing::converse(m, {{"how many were delivered?", {q("parcels.status") + " = 'delivered'"}, {"couriers"}}});
  // Asked who did it, the verb is the key, among two keys to the couriers.
  m.tables[1].columns.push_back(col("collected_by", r::identifier));
  m.relationships.push_back({"parcels", {"collected_by"}, "couriers", {"courier_id"}, false});
  testing::converse(m, {{"who has delivered the largest number of parcels?",
                         {"GROUP BY " + q("couriers.full_name"), q("parcels.delivered_by")}, {"collected_by"}}});
}

TEST(no_guessing, what_a_row_is_names_the_table) {
  // A table named otherwise whose comment says what one row is; the verb
  // whose -ment noun is the table says only that the rows happened.
  using r = column_role;
  semantic_model m;
  m.data_source = "depot";
  auto t = testing::table("consignments", {col("consignment_id", r::identifier, true), col("weight_kg", r::numeric)});
  t.comment = "Each row is a crate sent out from the depot";
  m.tables = {t};
  testing::converse(m, {{"how many crates have we consigned?", {"COUNT(*)", "FROM " + q("consignments")}}});
  testing::converse(m, {{"what is the average crate weight?", {"AVG(" + q("consignments.weight_kg") + ")"}}});
}

TEST(no_guessing, the_most_of_some_rows_counts_them_per_group) {
  for (auto* question : {"name the club with the most veteran members", "name the club with the most veterans"})
    converse({{question, {"GROUP BY " + q("clubs.club_name"), q("members.member_type") + " = 'veteran'",
                          "COUNT(*)", "DESC LIMIT 1"}}});
}

TEST(no_guessing, the_first_word_of_a_table_names_it_beside_its_column) {
  using r = column_role;
  semantic_model m;
  m.data_source = "stables";
  m.tables = {testing::table("feed_purchases", {col("purchase_id", r::identifier, true), col("cost", r::numeric),
                                                col("bought_on", r::time)}),
              testing::table("horses", {col("horse_id", r::identifier, true), col("horse_name", r::text)})};
  testing::converse(m, {{"total feed cost in 2023", {"SUM(" + q("feed_purchases.cost") + ")", "2023-01-01"}}});
}

TEST(no_guessing, contractions_of_have_and_be_are_said_in_full) {
  converse({{"what is the largest donation we've recorded so far?",
             {q("donations.amount"), "DESC LIMIT 1"}}});
}

TEST(no_guessing, a_key_verb_applies_in_a_follow_up_and_who_names_someone) {
  converse({{"which expenses are above 250?", {q("expenses.amount") + " > 250"}},
            {"and those that still haven't been approved?",
             {q("expenses.amount") + " > 250", q("expenses.approved_by") + " IS NULL"}},
            {"who approved them?", {}}});
  converse({{"who approved most of the expenses?", {q("expenses.approved_by"), "LIMIT 1"}, {"LIMIT 10"}}});
}

TEST(no_guessing, an_empty_column_said_to_mean_not_something_is_not_that_thing) {
  // "NULL if not a subscriber": the word "subscribers" is the other side.
  using r = column_role;
  semantic_model m;
  m.data_source = "shop";
  auto tier = col("loyalty_tier", r::categorical, false, {"Bronze", "Gold"});
  tier.comment = "Loyalty scheme tier; NULL if not a subscriber";
  m.tables = {testing::table("shoppers", {col("shopper_id", r::identifier, true), tier})};
  auto plan = generate(m, "count subscribers per tier", "");
  EXPECT_EQ(plan.sql.find("IS NULL"), std::string::npos) << plan.sql;
}

TEST(no_guessing, who_is_not_answered_with_reference_codes) {
  using r = column_role;
  semantic_model m;
  m.data_source = "buying";
  m.tables = {testing::table("buyers", {col("buyer_id", r::identifier, true), col("full_name", r::text)}),
              testing::table("requisitions", {col("req_id", r::identifier, true), col("req_ref", r::text),
                                              col("state", r::categorical, false, {"open", "closed"}),
                                              col("raised_by", r::identifier)})};
  m.relationships = {{"requisitions", {"raised_by"}, "buyers", {"buyer_id"}, false}};
  auto listed = generate(m, "list the open requisitions", "");
  ASSERT_EQ(listed.outcome, plan_outcome::answer) << listed.understood;
  auto who = generate(m, "who raised them?", listed.query_json);
  if (who.outcome == plan_outcome::answer)
    EXPECT_NE(who.sql.find(q("buyers.full_name")), std::string::npos) << who.sql;
}

TEST(no_guessing, who_for_each_group_is_not_a_number_per_group) {
  // A count of coaches per club does not say who runs each club.
  auto plan = generate(rowing_model(), "who manages each club?", "");
  if (plan.outcome == plan_outcome::answer) {
    EXPECT_EQ(plan.sql.find("COUNT("), std::string::npos) << plan.sql;
  }
}

TEST(no_guessing, a_state_of_another_child_of_the_parent_is_asked) {
  using r = column_role;
  semantic_model m;
  m.data_source = "tutoring";
  m.tables = {testing::table("tutors", {col("tutor_id", r::identifier, true), col("full_name", r::text)}),
              testing::table("sessions", {col("session_id", r::identifier, true), col("tutor_id", r::identifier),
                                          col("held_on", r::time), col("minutes", r::numeric)}),
              testing::table("exam_entries", {col("entry_id", r::identifier, true), col("tutor_id", r::identifier),
                                              col("state", r::categorical, false, {"withdrawn", "sat"}),
                                              col("exam_title", r::text, false, {"Grade Five Theory"})})};
  m.relationships = {{"sessions", {"tutor_id"}, "tutors", {"tutor_id"}, false},
                     {"exam_entries", {"tutor_id"}, "tutors", {"tutor_id"}, false}};
  // Sessions keep no state: the exam entries' one describes other rows.
  testing::converse(m, {{"how many sessions did tutors withdraw in 2024?", {}}});
  // Said of the tutors and counted as tutors, it is theirs to have.
  testing::converse(m, {{"how many tutors have withdrawn entries?", {q("exam_entries.state") + " = 'withdrawn'"}}});
  // A name picks out the row it names, whichever way it is reached.
  testing::converse(m, {{"how many sessions did the tutors of Grade Five Theory hold?",
                         {q("exam_entries.exam_title") + " = 'Grade Five Theory'"}}});
  // The other rows named, the reading is said.
  testing::converse(m, {{"how many sessions of tutors with withdrawn exam entries?",
                         {q("exam_entries.state") + " = 'withdrawn'"}}});
}

TEST(no_guessing, each_of_a_table_is_never_one_total) {
  using r = column_role;
  semantic_model m;
  m.data_source = "press";
  auto jobs = testing::table("press_jobs", {col("job_id", r::identifier, true), col("press_id", r::identifier),
                                            col("started_at", r::time)});
  jobs.comment = "One row per run of a job on a press";
  m.tables = {testing::table("presses", {col("press_id", r::identifier, true), col("press_name", r::text)}), jobs};
  m.relationships = {{"press_jobs", {"press_id"}, "presses", {"press_id"}, false}};
  for (auto* question : {"How many jobs has each press done in 2025?", "How many jobs has each press run in 2025?"}) {
    auto plan = generate(m, question, "");
    if (plan.outcome == plan_outcome::answer)
      EXPECT_NE(plan.sql.find("GROUP BY"), std::string::npos) << question << "\n" << plan.sql;
  }
  // "Each month" is a period, whatever table shares its name.
  m.tables.push_back(testing::table("month", {col("month_number", r::identifier, true), col("month_name", r::text)}));
  testing::converse(m, {{"How many press jobs were started each month?", {"GROUP BY", q("press_jobs.started_at")}}});
}

TEST(no_guessing, a_monthly_amount_is_no_breakdown_by_month) {
  using r = column_role;
  semantic_model m;
  m.data_source = "club";
  m.tables = {testing::table("memberships", {col("membership_id", r::identifier, true), col("fee", r::numeric),
                                             col("joined_on", r::time)})};
  for (auto* question : {"what is the average monthly fee of memberships?", "average monthly fee"}) {
    auto plan = generate(m, question, "");
    if (plan.outcome == plan_outcome::answer)
      EXPECT_EQ(plan.sql.find("GROUP BY"), std::string::npos) << question << "\n" << plan.sql;
  }
  // A breakdown said as one is still one.
  testing::converse(m, {{"average fee by month", {"GROUP BY"}}});
}

TEST(no_guessing, by_a_value_of_the_rows_is_how_they_came_not_a_grouping) {
  using r = column_role;
  semantic_model m;
  m.data_source = "shop";
  m.tables = {testing::table("shops", {col("shop_id", r::identifier, true), col("shop_name", r::text),
                                       col("fax", r::text)}),
              testing::table("requests", {col("request_id", r::identifier, true), col("shop_id", r::identifier),
                                          col("came_via", r::categorical, false, {"fax", "web", "post"}),
                                          col("sent_on", r::time)})};
  m.relationships = {{"requests", {"shop_id"}, "shops", {"shop_id"}, false}};
  testing::converse(m, {{"how many requests came in by fax in 2023?", {q("requests.came_via") + " = 'fax'"},
                         {"GROUP BY"}}});
  // The shops' own column, said of shops, groups them.
  testing::converse(m, {{"how many requests by shop?", {"GROUP BY"}}});
}

} // namespace

semantic_model rowing_model_for_probe() { return rowing_model(); }
} // namespace medha::sqlgen
