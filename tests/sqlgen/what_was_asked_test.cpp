// Answers that read well and are still wrong: a ranking of other rows than
// the ones a question word asked for, a total the joins repeat rows of, an
// average of a score divided among rows, a breakdown that keeps the one
// value it breaks down. Each is either answered rightly or asked about.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "tests/sqlgen/garden_model.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/conversation_rows.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;
using testing::col;

// Turns of one conversation; an empty `contains` means the engine must ask.
void converse(const std::vector<sql_row>& turns) {
  testing::converse(testing::garden_model(), turns);
}

TEST(what_was_asked, a_question_word_asks_for_what_it_names) {
  // Asked for a city: a ranking of clients answers another question.
  converse({{"which city's clients have the most deliveries?", {}}});
  converse({{"clients in which city have the most deliveries?", {}}});
  // A value standing for people ("which driver"): the staff must be shown,
  // not one count of clients.
  converse({{"which Driver has the most clients?", {}}});
  // What is asked for is shown: answered.
  converse({{"which city has the most deliveries?", {"GROUP BY " + q("clients.city"), "LIMIT 1"}}});
  converse({{"which Oslo clients have the most deliveries?",
             {"GROUP BY " + q("clients.company_name"), q("clients.city") + " = 'Oslo'"}}});
}

TEST(what_was_asked, which_and_how_much_are_never_one_count) {
  // "which" names rows or groups; a bare total names none of them.
  converse({{"which show had the most deliveries?", {}}});
  // An amount asked for, not how many rows there are.
  converse({{"how much have we got in deliveries each year?", {}}});
  // Still answered: the groups "which" asks for.
  converse({{"which city has the most clients?", {"GROUP BY", "LIMIT 1"}}});
}

TEST(what_was_asked, that_points_back_at_the_answer_before) {
  // "that" stands for the answer before: a query keeping none of it answers
  // about every row instead.
  converse({{"how many movie films are there?", {"'movie'"}}, {"how many reviews does that come from?", {}}});
  // After a question asked back there is no answer for it to point at.
  auto model = testing::garden_model();
  auto asked = generate(model, "how many movie films flopped?", "");
  ASSERT_NE(asked.outcome, plan_outcome::answer) << asked.sql;
  auto plan = generate(model, "how many reviews does that come from?", asked.query_json);
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Kept, it is answered: the same condition, moved or not.
  converse({{"how many movie films are there?", {"'movie'"}}, {"how many reviews do they have?", {"'movie'"}}});
}

TEST(what_was_asked, the_one_asked_for_is_not_every_row) {
  // "the hauler" asks for one; every hauler answers another question.
  converse({{"who is the hauler?", {}}});
  converse({{"who are the haulers?", {q("haulers.company_name")}}});
}

TEST(what_was_asked, how_is_never_answered_by_the_rows_alone) {
  // A manner asked about: the clients listed say nothing of it.
  converse({{"how did our clients find us?", {}}});
  converse({{"how many clients did we find in Oslo?", {"COUNT(*)", q("clients.city") + " = 'Oslo'"}}});
}

// A repair shop: repairs of several kinds, each kind with a standard time,
// each repair with the hours it took.
semantic_model repairs_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "repairs";
  m.tables = {
    testing::table("repair_kinds", {testing::col("kind_cd", r::identifier, true), testing::col("descr", r::text),
                                    testing::col("std_hrs", r::numeric)}),
    testing::table("repairs", {testing::col("repair_no", r::identifier, true), testing::col("kind_cd", r::identifier),
                               testing::col("work_hrs", r::numeric)}),
  };
  m.relationships = {{"repairs", {"kind_cd"}, "repair_kinds", {"kind_cd"}, false}};
  return m;
}

TEST(what_was_asked, an_average_said_is_computed_or_asked) {
  // Ranked by a column of their own, nothing is averaged: asked.
  testing::converse(repairs_model(), {{"which repair kind takes longest on average?", {}}});
  // Said of a measure, it is computed.
  testing::converse(repairs_model(), {{"average work hours by repair kind", {"AVG(" + q("repairs.work_hrs") + ")"}}});
}

TEST(what_was_asked, a_kind_of_thing_is_the_kind_the_data_names) {
  // "kind of repair" is the repair kind, not each repair.
  testing::converse(repairs_model(), {{"average work hours by kind of repair",
                                       {"AVG(" + q("repairs.work_hrs") + ")", "GROUP BY " + q("repair_kinds.descr")}}});
  // Kept as the repairs' class, "type of repair" is that class.
  auto classes = repairs_model();
  classes.tables[0].name = "repair_class";
  classes.relationships[0].to_table = "repair_class";
  testing::converse(classes, {{"average work hours by type of repair",
                               {"AVG(" + q("repairs.work_hrs") + ")", "GROUP BY " + q("repair_class.descr")}}});
}

// A gym: members register; staff sign members up to classes.
semantic_model gym_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "gym";
  m.tables = {
    testing::table("staff", {testing::col("staff_id", r::identifier, true), testing::col("first_name", r::text),
                             testing::col("last_name", r::text), testing::col("session_fee", r::numeric),
                             testing::col("team", r::categorical, false, {"coaching", "reception"})}),
    testing::table("members", {testing::col("member_id", r::identifier, true), testing::col("full_name", r::text),
                               testing::column("registered_on", r::time)}),
    testing::table("enrolments", {testing::col("enrolment_id", r::identifier, true),
                                  testing::col("member_id", r::identifier), testing::col("signed_up_by", r::identifier),
                                  testing::column("starts_on", r::time)}),
  };
  m.relationships = {{"enrolments", {"member_id"}, "members", {"member_id"}, false},
                     {"enrolments", {"signed_up_by"}, "staff", {"staff_id"}, false}};
  return m;
}

TEST(what_was_asked, words_the_schema_uses_for_a_key_name_no_date) {
  // "signed up" is what staff do to enrolments here, not the members' registration.
  testing::converse(gym_model(), {{"which of our staff signed up most enrolments in 2025?",
                                   {q("enrolments.starts_on") + " >= '2025-01-01'", "LIMIT 1"}, {"registered_on"}}});
}

TEST(what_was_asked, like_as_a_verb_is_no_pattern) {
  testing::converse(gym_model(), {{"which of our staff do members like best?", {}}});
  testing::converse(gym_model(), {{"staff with a first name like 'Jo'", {"ILIKE '%Jo%'"}}});
}

TEST(what_was_asked, a_ranking_by_a_column_after_some_rows_were_listed_is_asked) {
  // The top of the staff just listed, or of all staff: asked.
  testing::converse(gym_model(), {{"list the staff in coaching", {q("staff.team") + " = 'coaching'"}},
                                  {"who has the biggest session fee?", {}}});
  // Said of all of them, answered.
  testing::converse(gym_model(), {{"list the staff in coaching", {q("staff.team") + " = 'coaching'"}},
                                  {"of all staff, who has the biggest session fee?", {"LIMIT 1"}, {"coaching"}}});
}

TEST(what_was_asked, the_verb_of_a_self_key_points_from_the_one_after_it) {
  // mentor_id: who mentors Bert is the row Bert's key points at; whom Mona
  // mentors, the rows whose key points at her.
  converse({{"who mentors Bert?", {q("staff.staff_id") + " IN (SELECT " + q("staff.mentor_id")}}});
  converse({{"who does Mona mentor?", {q("staff.mentor_id") + " IN (SELECT " + q("staff.staff_id")}}});
}

TEST(what_was_asked, rows_still_to_come_are_asked_not_dropped) {
  testing::converse(gym_model(), {{"which enrolments are coming up?", {}}});
  testing::converse(gym_model(), {{"list the upcoming enrolments", {}}});
}

TEST(what_was_asked, a_ranking_of_rows_of_its_own_is_a_new_question) {
  // After a breakdown, a value that names rows and a ranking of them: the
  // rows themselves, not the breakdown filtered.
  converse({{"average list price by category", {"GROUP BY " + q("items.category")}},
            {"what's the most expensive tool",
             {q("items.category") + " = 'tools'", "ORDER BY " + q("items.list_price") + " DESC LIMIT 1"},
             {"AVG(", "GROUP BY"}}});
  // Rows with no price to rank by: asked, never the first row by its key.
  converse({{"what's the most expensive Family video", {}}});
}

TEST(what_was_asked, a_pronoun_points_where_the_sentence_says) {
  // "they were closed": the complaints of this question, not the rows of
  // the last answer.
  converse({{"how many bills were settled in 2024", {q("bills.settled_on") + " >= '2024-01-01'"}},
            {"number of complaints per month they were closed in 2024",
             {"GROUP BY TO_CHAR(" + q("complaints.closed_on")},
             {q("bills")}}});
  // "did their haulers carry": the owners are the clients just listed,
  // whose condition holds.
  converse({{"which clients are in Oslo?", {q("clients.city") + " = 'Oslo'"}},
            {"how many deliveries did their haulers carry?",
             {"COUNT(", q("clients.city") + " = 'Oslo'"}}});
}

TEST(what_was_asked, everyday_words_for_amounts_and_staff) {
  // "100k": thousands.
  converse({{"how many bills are above 100k?", {q("bills.amt") + " > 100000"}}});
  converse({{"bills over 2.5k", {q("bills.amt") + " > 2500"}}});
  // "employees" for the table called staff.
  converse({{"how many employees were hired in 2020", {"COUNT(*)", q("staff.hire_date") + " >= '2020-01-01'"}}});
  // "staff" for the one table of people with a hire date, whatever it is
  // called; the people without one (customers) are no staff.
  using r = column_role;
  semantic_model agency;
  agency.data_source = "agency";
  agency.tables = {
    testing::table("brokers", {testing::column("broker_id", r::identifier, true), testing::column("first_name", r::text),
                               testing::column("last_name", r::text), testing::column("hired_on", r::time)}),
    testing::table("buyers", {testing::column("buyer_id", r::identifier, true), testing::column("first_name", r::text),
                              testing::column("last_name", r::text), testing::column("joined_on", r::time)})};
  auto plan = generate(agency, "how many staff were hired in 2020", "");
  EXPECT_EQ(testing::check(plan, {"", {"COUNT(*)", q("brokers.hired_on") + " >= '2020-01-01'"}}), "");
}

TEST(what_was_asked, a_follow_up_period_is_of_the_same_date) {
  converse({{"how many bills were settled in 2024", {q("bills.settled_on") + " >= '2024-01-01'"}},
            {"and in 2025?", {q("bills.settled_on") + " >= '2025-01-01'"}, {q("bills.issued_on")}},
            {"per month", {"TO_CHAR(" + q("bills.settled_on")}, {q("bills.issued_on")}}});
}

TEST(what_was_asked, a_date_said_as_a_verb_before_a_period_is_the_periods) {
  // Not a group of each issue date.
  converse({{"total amt per status on bills issued in 2024",
             {"GROUP BY " + q("bills.status"), q("bills.issued_on") + " >= '2024-01-01'"},
             {"AS \"issued_on\""}}});
}

TEST(what_was_asked, how_many_have_done_something_counts_rows) {
  // The rows whose date of the event is set, not the number of dates.
  converse({{"how many staff are there?", {"COUNT(*)"}},
            {"how many have left?", {"COUNT(*)", q("staff.left_on") + " IS NOT NULL"}, {"DISTINCT"}}});
}

TEST(what_was_asked, the_rows_just_shown_or_all_of_them) {
  // "only the ones ...": the groups just shown, of fewer rows.
  converse({{"how many complaints per topic?", {"GROUP BY " + q("complaints.topic")}},
            {"only the ones opened in 2025",
             {"GROUP BY " + q("complaints.topic"), q("complaints.opened_on") + " >= '2025-01-01'"}}});
  // A column named without a condition to make of it: no new group.
  converse({{"how many vans are there?", {"COUNT(*)", q("vans")}},
            {"only the ones still in service", {}}});
  // The top of the people just listed, or of everyone: asked.
  converse({{"which staff are Drivers?", {q("staff.title") + " = 'Driver'"}},
            {"who was hired most recently?", {}}});
}

TEST(what_was_asked, how_many_after_a_ranking_of_counts_is_that_count) {
  // The top group's count is shown already: not every group's.
  converse({{"which city has the most deliveries?", {"GROUP BY " + q("clients.city"), "LIMIT 1"}},
            {"how many?", {"GROUP BY " + q("clients.city"), "LIMIT 1"}}});
  // After a listing it counts the rows listed.
  converse({{"list the clients in Oslo", {q("clients.city") + " = 'Oslo'"}},
            {"how many?", {"COUNT(*)", q("clients.city") + " = 'Oslo'"}}});
  // After a count per group it asks how many groups: never the same counts.
  converse({{"number of deliveries per city", {"GROUP BY " + q("clients.city")}}, {"How many is it?", {}}});
}

TEST(what_was_asked, how_much_asks_for_an_amount) {
  // Never a list of the rows: the number named, added up...
  converse({{"how much freight did we ship in 2024?",
             {"SUM(" + q("deliveries.freight") + ")", q("deliveries.sent_on") + " >= '2024-01-01'"},
             {"DISTINCT"}}});
  // ...and with two amounts to choose from, asked.
  converse({{"how much in bills was settled in 2024?", {}}});
}

TEST(what_was_asked, are_by_says_whose_not_how_to_group) {
  converse({{"how many films are by Ada Brook?", {"COUNT(*)", q("films.director") + " = 'Ada Brook'"}, {"GROUP BY"}}});
  converse({{"how many deliveries are by haulers from Oslo?", {"COUNT(*)"}, {"GROUP BY"}}});
}

TEST(what_was_asked, only_a_period_keeps_the_breakdown) {
  // "check-ins" names a date of the rows counted: only the period is new.
  using r = column_role;
  semantic_model inn;
  inn.data_source = "inn";
  auto channel = testing::column("channel", r::categorical);
  channel.values = {"direct", "agent"};
  inn.tables = {testing::table("bookings", {testing::column("booking_id", r::identifier, true), channel,
                                            testing::column("booked_at", r::time),
                                            testing::column("check_in", r::time)})};
  auto first = generate(inn, "bookings by channel", "");
  ASSERT_EQ(testing::check(first, {"", {"GROUP BY " + q("bookings.channel")}}), "");
  auto next = generate(inn, "only check-ins in 2025", first.query_json);
  EXPECT_EQ(testing::check(next, {"", {"GROUP BY " + q("bookings.channel"), q("bookings.check_in") + " >= '2025-01-01'"}}), "");
}

TEST(what_was_asked, a_breakdown_by_a_column_drops_its_one_value) {
  converse({{"average rental rate of Family videos", {q("videos.rating") + " = 'Family'"}},
            {"and Adult ones?", {q("videos.rating") + " = 'Adult'"}},
            // All the ratings, not the one group of the last value.
            {"per rating", {"GROUP BY " + q("videos.rating")}, {"= 'Adult'", "= 'Family'"}}});
  // A condition on another column stays.
  converse({{"how many clients are in Oslo", {q("clients.city") + " = 'Oslo'"}},
            {"by country", {"GROUP BY " + q("clients.country"), q("clients.city") + " = 'Oslo'"}}});
}

TEST(what_was_asked, an_average_of_a_column_is_taken_within_each_group) {
  // A score per client is the average of its rows in each client's group...
  converse({{"average mood score per client",
             {"AVG(" + q("complaints.mood_score") + ")", "GROUP BY " + q("clients.company_name")},
             {"SUM("}}});
  // ...and so is an amount of each row...
  converse({{"average freight per client",
             {"AVG(" + q("deliveries.freight") + ")", "GROUP BY " + q("clients.company_name")},
             {"SUM("}}});
  // ...while a number of rows per client is their count over the clients'.
  converse({{"average number of deliveries per client", {"COUNT(*) * 1.0 / NULLIF(COUNT(DISTINCT"},
             {"GROUP BY"}}});
}

TEST(what_was_asked, a_total_is_never_taken_over_repeated_rows) {
  // Clients kept for a condition on their complaints: an existence test,
  // not a join that repeats each delivery once per complaint.
  converse({{"total freight of clients with complaints about billing",
             {"SUM(" + q("deliveries.freight") + ")", "EXISTS (SELECT 1 FROM " + q("complaints")},
             {"JOIN " + q("complaints")}}});

  auto given = testing::garden_model();
  const indexed_model model(given);
  // Grouped by one row of another list of the same client (each complaint):
  // every group would hold all of the client's bills again.
  query by_complaint;
  by_complaint.kind = query_kind::aggregate;
  measure billed;
  billed.agg = aggregate::sum;
  billed.column = {"bills", "amt"};
  by_complaint.measures = {billed};
  dimension each;
  each.column = {"complaints", "complaint_id"};
  by_complaint.dimensions = {each};
  auto repeated = compile(model, by_complaint);
  EXPECT_NE(repeated.status, compile_status::ok) << repeated.sql;

  // Grouped through rows of their own (a sale's lines, each with its
  // product's range): a sale with two lines in one range counts twice there.
  {
    using r = column_role;
    semantic_model shop;
    shop.data_source = "shop";
    shop.tables = {testing::table("ranges", {col("range_id", r::identifier, true), col("range_name", r::text)}),
                   testing::table("products", {col("product_id", r::identifier, true), col("range_id", r::identifier)}),
                   testing::table("sales", {col("sale_id", r::identifier, true), col("total_amt", r::numeric)}),
                   testing::table("sale_lines", {col("line_id", r::identifier, true), col("sale_id", r::identifier),
                                                 col("product_id", r::identifier), col("qty", r::numeric)})};
    shop.relationships = {{"products", {"range_id"}, "ranges", {"range_id"}, false},
                          {"sale_lines", {"sale_id"}, "sales", {"sale_id"}, false},
                          {"sale_lines", {"product_id"}, "products", {"product_id"}, false}};
    const indexed_model lines(shop);
    query by_range;
    by_range.kind = query_kind::aggregate;
    measure total;
    total.agg = aggregate::sum;
    total.column = {"sales", "total_amt"};
    by_range.measures = {total};
    dimension range;
    range.column = {"ranges", "range_name"};
    by_range.dimensions = {range};
    auto through_lines = compile(lines, by_range);
    EXPECT_NE(through_lines.status, compile_status::ok) << through_lines.sql;

    // Grouped by a column of those rows' own, when they are events with an
    // amount and a date (a sale's payments, by method): a sale paid in two
    // parts by card counts twice there.
    shop.tables.push_back(testing::table("payments", {col("payment_id", r::identifier, true),
                                                      col("sale_id", r::identifier), col("paid_amt", r::numeric),
                                                      col("paid_on", r::time),
                                                      col("method", r::categorical, false, {"card", "cash"})}));
    shop.relationships.push_back({"payments", {"sale_id"}, "sales", {"sale_id"}, false});
    const indexed_model paid(shop);
    query by_method;
    by_method.kind = query_kind::aggregate;
    by_method.measures = {total};
    dimension method;
    method.column = {"payments", "method"};
    by_method.dimensions = {method};
    auto through_payments = compile(paid, by_method);
    EXPECT_NE(through_payments.status, compile_status::ok) << through_payments.sql;
  }

  // Grouped by the far side of a link table (films by actor): each film
  // once in each of its actors' groups, which is what the breakdown means.
  query by_actor;
  by_actor.kind = query_kind::aggregate;
  measure minutes;
  minutes.agg = aggregate::sum;
  minutes.column = {"films", "runtime_minutes"};
  by_actor.measures = {minutes};
  dimension actor;
  actor.column = {"actors", "full_name"};
  by_actor.dimensions = {actor};
  auto per_actor = compile(model, by_actor);
  EXPECT_EQ(per_actor.status, compile_status::ok) << per_actor.detail;

  // The same total over the link table alone, to keep films that have a
  // given actor: an existence test again.
  query of_actor;
  of_actor.kind = query_kind::aggregate;
  of_actor.measures = {minutes};
  filter mira;
  mira.column = {"actors", "full_name"};
  mira.values = {"Mira Holt"};
  of_actor.filters = {mira};
  auto kept = compile(model, of_actor);
  ASSERT_EQ(kept.status, compile_status::ok) << kept.detail;
  EXPECT_NE(kept.sql.find("EXISTS"), std::string::npos) << kept.sql;
  EXPECT_EQ(kept.sql.find("JOIN " + q("film_actors")), std::string::npos) << kept.sql;
}

// A percentage said is what the answer computes: after a turn that was not
// understood, a percent of every client is no count of clients.
TEST(what_was_asked, a_percentage_said_is_computed_or_asked) {
  auto model = testing::garden_model();
  auto first = generate(model, "blorp the frobs", "");
  ASSERT_NE(first.outcome, plan_outcome::answer);
  auto plan = generate(model, "in percent of every client?", first.query_json);
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // The unit of a number said is no percentage asked for.
  plan = generate(model, "clients in Oslo", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

} // namespace
} // namespace medha::sqlgen
