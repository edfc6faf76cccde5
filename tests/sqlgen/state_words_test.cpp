// Words that say which rows are meant: "currently", "still", "now" of rows
// that keep the day they end (never a reason to bring in other rows); "how
// many late fees" of rows that carry one; the rows' own noun after a kind of
// them.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/conversation_rows.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::col;
using testing::q;

// A boat club: members join and their membership may end; moorings are let to members for
// a while; the club bills its members and records when a bill is paid.
semantic_model boat_club_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "boatclub";
  m.tables = {
    testing::table("members", {col("member_id", r::identifier, true), col("first_name", r::text, false, {"Marta"}),
                               col("last_name", r::text, false, {"Quinn"}), col("joined_on", r::time),
                               col("ended_on", r::time)}),
    testing::table("moorings", {col("mooring_id", r::identifier, true), col("berth_no", r::text),
                                col("pontoon", r::categorical, false, {"north", "south"})}),
    testing::table("lettings", {col("letting_id", r::identifier, true), col("mooring_id", r::identifier),
                                col("member_id", r::identifier), col("moved_in_on", r::time),
                                col("moved_out_on", r::time)}),
    testing::table("boats", {col("boat_id", r::identifier, true), col("boat_name", r::text),
                             col("boat_type", r::categorical, false, {"yacht", "dinghy"}),
                             col("status", r::categorical, false, {"afloat", "laid up"})}),
    testing::table("bills", {col("bill_id", r::identifier, true), col("member_id", r::identifier),
                             col("bill_amt", r::numeric), col("billed_on", r::time), col("paid_on", r::time),
                             col("reminder_fee_amt", r::numeric)}),
  };
  m.relationships = {
    {"lettings", {"mooring_id"}, "moorings", {"mooring_id"}, false},
    {"lettings", {"member_id"}, "members", {"member_id"}, false},
    {"bills", {"member_id"}, "members", {"member_id"}, false},
  };
  return m;
}

void converse(const std::vector<testing::sql_row>& turns) {
  testing::converse(boat_club_model(), turns);
}

TEST(state_words, currently_of_rows_that_keep_their_end) {
  converse({{"count the members we currently have",
             {"COUNT(*)", q("members.ended_on") + " IS NULL"}}});
  // Asked yes or no of a member named: the end shown, not kept as a condition.
  converse({{"is Marta Quinn still a member?", {q("members.ended_on"), q("members.first_name") + " = 'Marta'"},
             {"IS NULL"}}});
  // Of two ends, that of the rows counted.
  converse({{"count the lettings Marta Quinn has now",
             {"COUNT(*)", q("lettings.moved_out_on") + " IS NULL"}, {"ended_on"}}});
  // Of two ends, neither that of the rows listed: asked.
  converse({{"which moorings does Marta Quinn have now?", {}}});
  // Now, said of the rows the counted ones must have: never dropped.
  for (auto* question : {"how many moorings have lettings at the moment?", "how many moorings currently have lettings?"}) {
    auto plan = generate(boat_club_model(), question, "");
    if (plan.outcome == plan_outcome::answer)
      EXPECT_NE(plan.sql.find(q("moved_out_on") + " IS NULL"), std::string::npos) << question << "\n" << plan.sql;
  }
  // "At the moment" is now.
  converse({{"count the members we have at the moment", {"COUNT(*)", q("members.ended_on") + " IS NULL"}}});
}

TEST(state_words, a_condition_on_the_rows_a_ranking_picked_is_asked) {
  // Put into the ranking, the condition would pick other members than the three shown.
  converse({{"top 3 members by total bill amount", {"LIMIT 3"}}, {"which of them are current members?", {}}});
  converse({{"top 3 members by total bill amount", {"LIMIT 3"}}, {"and of those, who joined in 2024?", {}}});
  // "The top one" is the ranking's first row; the last of a cut ranking is
  // one no condition names: asked.
  converse({{"top 3 members by total bill amount", {"LIMIT 3"}},
            {"when did the top one join?", {q("members.joined_on"), "LIMIT 1"}}});
  converse({{"top 3 members by total bill amount", {"LIMIT 3"}}, {"when did the last one join?", {}}});
  // "The biggest one" is the first of a ranking from the biggest down, and
  // of none from the smallest up.
  converse({{"top 3 members by total bill amount", {"LIMIT 3"}},
            {"when did the biggest one join?", {q("members.joined_on"), "LIMIT 1"}}});
  converse({{"bottom 3 members by total bill amount", {"LIMIT 3"}}, {"when did the biggest one join?", {}}});
  converse({{"top 3 members by total bill amount", {"LIMIT 3"}}, {"when did the smallest one join?", {}}});
  // Of the top one, a new measure in a new period would rank again: asked.
  converse({{"top 3 members by total bill amount", {"LIMIT 3"}},
            {"what was the total bill amount of the top one in 2024?", {}}});
  // A new period for the ranking itself, said of no rows: ranked again.
  converse({{"top 3 members by total bill amount", {"LIMIT 3"}},
            {"and in 2024?", {"LIMIT 3", q("bills.billed_on") + " >= '2024-01-01'"}}});
}

TEST(state_words, one_day_of_rows_that_hold_for_a_while_is_the_rows_in_force) {
  // Begun by that day and not ended before it; not begun on it.
  converse({{"how many lettings were there on 1 March 2024?",
             {"COUNT(*)", q("lettings.moved_in_on") + " < '2024-03-02'",
              "(" + q("lettings.moved_out_on") + " IS NULL OR " + q("lettings.moved_out_on") + " >= '2024-03-01')"},
             {q("lettings.moved_in_on") + " >= '2024-03-01'"}}});
  // A year stays as said.
  converse({{"how many lettings were there in 2024?", {q("lettings.moved_in_on") + " >= '2024-01-01'"}}});
}

TEST(state_words, the_day_linked_rows_ended_is_no_period_of_the_rows_asked) {
  using r = column_role;
  semantic_model m;
  m.data_source = "range";
  m.tables = {testing::table("ranges", {col("range_cd", r::identifier, true), col("range_name", r::text)}),
              testing::table("items", {col("item_id", r::identifier, true), col("range_cd", r::identifier),
                                       col("item_name", r::text), col("ended_on", r::time)})};
  m.relationships = {{"items", {"range_cd"}, "ranges", {"range_cd"}, false}};
  // The ranges' only date is the day one of their items ended.
  testing::converse(m, {{"list the ranges for 2024", {}}});
  // Said, it is that date.
  testing::converse(m, {{"how many items ended in 2024?", {q("items.ended_on") + " >= '2024-01-01'"}}});
}

TEST(state_words, a_date_named_by_its_verb_in_a_listing_says_it_happened) {
  using r = column_role;
  semantic_model m;
  m.data_source = "range";
  m.tables = {testing::table("authors", {col("author_id", r::identifier, true), col("author_name", r::text)}),
              testing::table("payouts", {col("payout_id", r::identifier, true), col("author_id", r::identifier),
                                         col("method", r::categorical, false, {"cheque", "transfer"}),
                                         col("paid_on", r::time), col("amount", r::numeric)}),
              testing::table("items", {col("item_id", r::identifier, true), col("item_name", r::text),
                                       col("discontinued_on", r::time)})};
  m.relationships = {{"payouts", {"author_id"}, "authors", {"author_id"}, false}};
  // Rows asked for, not the days of their events.
  testing::converse(m, {{"which items have we discontinued?", {q("items.discontinued_on") + " IS NOT NULL"},
                         {"SELECT DISTINCT " + q("items.discontinued_on")}}});
  testing::converse(m, {{"which authors were paid by cheque?", {q("authors.author_name"), "'cheque'"},
                         {"SELECT DISTINCT " + q("authors.author_name") + ", " + q("payouts.paid_on")}}});
  // Asked whether there are any: the rows it happened to.
  testing::converse(m, {{"have we discontinued any items?", {q("items.discontinued_on") + " IS NOT NULL"}}});
  testing::converse(m, {{"are any items discontinued?", {q("items.discontinued_on") + " IS NOT NULL"}}});
  // Asked when, the date is shown.
  testing::converse(m, {{"which items were discontinued and when?",
                         {"SELECT DISTINCT " + q("items.item_name") + ", " + q("items.discontinued_on")}}});
}

TEST(state_words, an_adverb_never_brings_in_other_rows) {
  // Bills keep no end of their own: "still" is said of their being unpaid,
  // not of the members who have left.
  converse({{"which bills are still unpaid?", {q("bills.paid_on") + " IS NULL"}, {"ended_on", "moved_out_on"}}});
  // Moorings keep no end: the question is the one without the adverb.
  converse({{"how many moorings are there currently?", {"COUNT(*)", "moorings"}, {"moved_out_on", "lettings"}}});
}

TEST(state_words, how_many_charges_counts_the_rows_that_carry_one) {
  // Each bill keeps the reminder fee added to it: the fees are the bills with one.
  converse({{"how many reminder fees did we have in 2025?",
             {"COUNT(*)", q("bills.reminder_fee_amt") + " > 0", q("bills.billed_on") + " >= '2025-01-01'"},
             {"SUM("}}});
  // The money itself is a total.
  converse({{"reminder fees in 2025: their sum", {"SUM(" + q("bills.reminder_fee_amt") + ")"}}});
}

TEST(state_words, the_rows_own_noun_after_a_kind_of_them_is_every_kind) {
  converse({{"how many yachts are there?", {q("boats.boat_type") + " = 'yacht'"}},
            {"and how many boats are laid up?", {q("boats.status") + " = 'laid up'"}, {"yacht"}}});
  // A value said twice is one condition.
  converse({{"how many laid up boats are still laid up?", {q("boats.status") + " = 'laid up'"}, {"IN ("}}});
  // Said of the rows just counted, the kind stays.
  converse({{"how many yachts are there?", {q("boats.boat_type") + " = 'yacht'"}},
            {"and of those boats, how many are laid up?", {q("boats.boat_type") + " = 'yacht'", "laid up"}}});
}

TEST(state_words, a_state_of_other_rows_is_not_said_of_rows_with_their_own) {
  // Kiln firings keep a state of their own; 'open' is a state of their
  // batches. "Which firings are open?" asks about the firings' state.
  using r = column_role;
  using testing::col;
  semantic_model m;
  m.data_source = "kiln_states";
  m.tables = {testing::table("firings", {col("firing_id", r::identifier, true), col("firing_ref", r::text, false, {"F-1"}),
                                         col("status_cd", r::categorical, false, {"PLANNED", "FIRED"})}),
              testing::table("batches", {col("batch_id", r::identifier, true), col("firing_id", r::identifier),
                                         col("batch_status", r::categorical, false, {"OPEN", "PACKED"})})};
  m.relationships = {{"batches", {"firing_id"}, "firings", {"firing_id"}, false}};
  auto plan = generate(m, "Which firings are still open?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Named, the other rows' state is theirs.
  plan = generate(m, "Which firings have open batches?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

} // namespace
} // namespace medha::sqlgen
