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

// A rowing club network: clubs with coaches and members, fees (some refunded),
// gifts from members, and what the clubs spend.
semantic_model rowing_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "rowing";
  m.tables = {
    testing::table("clubs", {col("club_id", r::identifier, true), col("club_name", r::text, false, {"Isis", "Tyne"}),
                             col("city", r::categorical, false, {"Oxford", "Newcastle"}),
                             col("manager_id", r::identifier)}),
    testing::table("coaches", {col("coach_id", r::identifier, true), col("full_name", r::text),
                               col("club_id", r::identifier),
                               col("grade", r::categorical, false, {"senior", "assistant"})}),
    testing::table("members", {col("member_id", r::identifier, true),
                               col("full_name", r::text, false, {"Ann Lee", "Raj Patel"}), col("club_id", r::identifier),
                               col("member_type", r::categorical, false, {"child", "adult", "veteran"}),
                               col("joined_on", r::time), col("status", r::categorical, false, {"active", "ended"}),
                               col("ends_on", r::time)}),
    testing::table("fees", {col("fee_id", r::identifier, true), col("member_id", r::identifier),
                            col("total_amt", r::numeric), col("waived_amt", r::numeric), col("paid_on", r::time),
                            col("promo_code", r::categorical, false, {"SPRING10", "ALUMNI"})}),
    testing::table("refunds", {col("refund_id", r::identifier, true), col("fee_id", r::identifier),
                               col("amount", r::numeric), col("refunded_at", r::time)}),
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

TEST(no_guessing, money_given_and_money_spent_are_what_records_them) {
  converse({{"how much have we raised?", {"SUM(" + q("donations.amount") + ")"}}});
  converse({{"how much did the clubs spend in 2024?", {"SUM(" + q("expenses.amount") + ")"}}});
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

} // namespace

semantic_model rowing_model_for_probe() { return rowing_model(); }
} // namespace medha::sqlgen
