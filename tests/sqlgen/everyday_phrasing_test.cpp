// Ways people phrase everyday questions that name the schema indirectly: a
// column said as a clause ("units are on order"), the verb of a table's rows
// ("did each hauler haul"), "cost" for a price, a place said of the rows just
// named, an event's verb with a period, a length in another unit, and
// follow-ups that point at the last answer's rows ("each of them", "which one
// is the most expensive?").
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/garden_model.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/conversation_rows.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

using testing::garden_model;
using testing::q;
using testing::sql_row;

void run(const std::vector<sql_row>& rows) {
  auto model = garden_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question;
  }
}

// Turns of one conversation; an empty `contains` means the engine must ask.
void converse(const std::vector<sql_row>& turns) {
  testing::converse(garden_model(), turns);
}

TEST(everyday_phrasing, names_said_in_other_words) {
  run({
    {"How many units are on order in total?", {"SUM(" + q("items.units_on_order") + ")"}},
    {"How many units are in stock altogether?", {"SUM(" + q("items.units_in_stock") + ")"}},
    {"How many items cost less than 10?", {q("items.list_price") + " < 10"}},
    {"How many movies are there?", {q("films.kind") + " = 'movie'"}},
  });
}

TEST(everyday_phrasing, the_verb_of_a_tables_rows_names_no_column) {
  run({
    {"How many deliveries did each hauler haul?",
     {q("haulers.company_name"), q("haulers.hauler_id") + " = " + q("deliveries.carried_by"), "GROUP BY"}},
    {"How many deliveries did Fjord Haul haul?", {q("haulers.company_name") + " = 'Fjord Haul'"}, {"GROUP BY"}},
  });
}

TEST(everyday_phrasing, a_place_said_of_the_rows_named_before_it) {
  run({
    {"How many deliveries came from clients in Norway?", {q("clients.country") + " = 'Norway'"},
     {q("deliveries.ship_country")}},
  });
}

TEST(everyday_phrasing, the_verb_of_an_event_with_a_period_is_its_date) {
  run({
    {"How many deliveries were sent in 2023?", {testing::period(q("deliveries.sent_on"), "2023-01-01", "2024-01-01")},
     {"'sent'"}},
    {"How many films were released after 2018?", {q("films.release_year") + " >= 2019"}, {"COUNT(DISTINCT"}},
    {"How many deliveries in the last quarter of 2023?",
     {testing::period(q("deliveries.sent_on"), "2023-10-01", "2024-01-01")}, {"CURRENT_DATE"}},
    {"How many deliveries in the last month of 2023?",
     {testing::period(q("deliveries.sent_on"), "2023-12-01", "2024-01-01")}, {"CURRENT_DATE"}},
  });
}

TEST(everyday_phrasing, a_verb_before_a_value_of_its_column_says_which_column) {
  run({{"How many films are rated PG?", {q("films.rating_code") + " = 'PG'"}, {"EXISTS", "reviews"}}});
}

TEST(everyday_phrasing, lengths_in_another_unit) {
  run({
    {"How many movies are longer than 2 hours?", {q("films.runtime_minutes") + " > 120"}},
    {"Which films are shorter than 90 minutes?", {q("films.runtime_minutes") + " < 90"}},
    {"how many clips are longer than 2 minutes?", {q("clips.duration_ms") + " > 120000"}},
    {"the 3 shortest clips", {"ORDER BY " + q("clips.duration_ms") + " LIMIT 3"}, {"DESC"}},
    {"What are the 5 longest clips?", {"ORDER BY " + q("clips.duration_ms") + " DESC LIMIT 5"}},
    {"what is the average clip length?", {"AVG(" + q("clips.duration_ms") + ")"}},
  });
}

TEST(everyday_phrasing, a_value_of_a_sibling_table_is_asked_about) {
  run({
    {"how many payments are open?", {q("payments.state") + " = 'open'"}},
    {"how many complaints came from clients in Oslo?", {q("clients.city") + " = 'Oslo'"}},
    {"how many clients have open payments?", {q("payments.state") + " = 'open'"}},
  });
  converse({{"How many complaints are settled?", {}}});
  // Open while the date it was closed is empty: the complaints' own state.
  run({
    {"How many complaints are still open?", {q("complaints.closed_on") + " IS NULL"}, {"payments"}},
    {"list the open complaints", {q("complaints.closed_on") + " IS NULL"}, {"payments"}},
  });
}

TEST(everyday_phrasing, a_word_names_the_column_it_names_alone) {
  run({
    {"total amount of bills", {"SUM(" + q("bills.amt") + ")"}, {"paid_amt"}},
    {"What was the total amount of bills in 2024?", {"SUM(" + q("bills.amt") + ")"}, {"paid_amt"}},
    {"total paid amount of bills", {"SUM(" + q("bills.paid_amt") + ")"}},
    {"how many bills had an amount over $10,000?", {q("bills.amt") + " > 10000"}, {"paid_amt"}},
    // Said of the rows alone: their one amount of money.
    {"how many bills were over $10,000?", {q("bills.amt") + " > 10000"}, {"paid_amt"}},
    // In pounds or euros alike.
    {"how many bills were over \u00a310,000?", {q("bills.amt") + " > 10000"}, {"paid_amt"}},
    {"how many bills had an amount over \u20ac2,500?", {q("bills.amt") + " > 2500"}, {"paid_amt"}},
  });
}

TEST(everyday_phrasing, which_of_the_rows_listed_have_the_most_of_something) {
  converse({
    {"list the clients in Norway", {q("clients.company_name"), "'Norway'"}},
    {"which 2 of them have the largest number of deliveries?",
     {"GROUP BY " + q("clients.company_name"), "'Norway'", "COUNT(", "DESC", "LIMIT 2"}},
  });
  converse({
    {"list the clients in Norway", {q("clients.company_name"), "'Norway'"}},
    {"which of them has the most deliveries?",
     {"GROUP BY " + q("clients.company_name"), "'Norway'", "COUNT(", "DESC", "LIMIT 1"}},
  });
}

TEST(everyday_phrasing, a_new_measure_of_the_same_rows_asks_whether_their_condition_holds) {
  converse({
    {"how many payments are open?", {q("payments.state") + " = 'open'"}},
    {"what is the sum of the amounts paid?", {}},
  });
  auto model = garden_model();
  auto first = generate(model, "how many payments are open?", "");
  auto asked = generate(model, "what is the sum of the amounts paid?", first.query_json);
  ASSERT_EQ(asked.choices.size(), 2u);
  // Each choice, typed back, answers without asking again.
  auto same = generate(model, asked.choices[0].reply, first.query_json);
  EXPECT_EQ(testing::check(same, {"", {"SUM(" + q("payments.amount_paid") + ")", "'open'"}}), "");
  auto all = generate(model, asked.choices[1].reply, first.query_json);
  EXPECT_EQ(testing::check(all, {"", {"SUM(" + q("payments.amount_paid") + ")"}, {"'open'"}}), "");
  // Said outright, no question.
  converse({
    {"how many payments are open?", {q("payments.state") + " = 'open'"}},
    {"what is the total amount paid for all payments?", {"SUM(" + q("payments.amount_paid") + ")"}, {"'open'"}},
  });
  // "all <rows>" in what would be a follow-up: every row, a question of its own.
  converse({
    {"How many deliveries to France?", {"'France'"}},
    {"and the total freight across all deliveries?", {"SUM(" + q("deliveries.freight") + ")"}, {"France"}},
  });
  converse({
    {"how many payments are open?", {q("payments.state") + " = 'open'"}},
    {"what's the largest amount paid we ever got?", {"MAX(" + q("payments.amount_paid") + ")"}, {"'open'"}},
  });
}

TEST(everyday_phrasing, which_value_had_the_most_of_the_rows_counted) {
  converse({
    {"How many deliveries were sent in 2023?", {"COUNT(*)"}},
    {"which hauler had the most of those?", {"GROUP BY " + q("haulers.company_name"), "2023-01-01", "LIMIT 1"}},
  });
  converse({
    {"How many deliveries were sent in 2023?", {"COUNT(*)"}},
    {"which ship city had the most?", {"GROUP BY " + q("deliveries.ship_city"), "2023-01-01", "DESC LIMIT 1"}},
  });
}

TEST(everyday_phrasing, rows_without_a_name_are_shown_by_their_one_number) {
  run({{"show Mona's wages", {q("wages.amount"), q("wages.from_date"), "'Mona'"}}});
  // "wage history" is the wages over time, not another table's history.
  run({{"show Mona's wage history", {q("wages.amount"), "'Mona'"}, {"role_history"}}});
}

TEST(everyday_phrasing, that_row_of_a_ranking_is_asked_about) {
  converse({
    {"which hauler has the most deliveries?", {"LIMIT 1"}},
    {"what is the home city of that hauler?", {}},
  });
  // "that company" names the rows by their name column, not their table.
  converse({
    {"which client has the most deliveries?", {"LIMIT 1"}},
    {"what country is that company in?", {}},
  });
}

TEST(everyday_phrasing, a_bare_which_after_rows_with_conditions_keeps_them) {
  converse({
    {"list the clients in Norway", {"'Norway'"}},
    {"which cities?", {q("clients.city"), "'Norway'"}},
  });
  converse({
    {"list the deliveries with a freight over 50", {q("deliveries.freight") + " > 50"}},
    {"by which haulers?", {q("haulers.company_name"), q("deliveries.freight") + " > 50"}},
  });
}

TEST(everyday_phrasing, a_group_said_but_not_found_is_asked) {
  // "make" is a filler word elsewhere ("what makes"), so the column is not
  // found: the count alone is not answered.
  converse({{"how many vans per make?", {}}});
  run({{"how many deliveries per ship country?", {"GROUP BY " + q("deliveries.ship_country")}}});
}

TEST(everyday_phrasing, a_period_is_not_a_birth_date) {
  // Staff keep a hire date and a birth date: a period is the hire date's.
  run({{"how many staff in 2020?", {q("staff.hire_date")}, {"date_of_birth"}}});
  // Actors keep only a birth date: a period is not theirs to go by.
  converse({{"how many actors in 2020?", {}}});
  run({{"how many actors were born in 1980?", {q("actors.birth_date")}}});
}

TEST(everyday_phrasing, a_new_measure_after_a_period_by_group_asks) {
  converse({
    {"total bill amount per client in 2024", {"SUM(" + q("bills.amt") + ")", "2024-01-01"}},
    {"what's the average bill?", {}},
  });
}

TEST(everyday_phrasing, only_after_a_question_not_understood_asks) {
  auto model = garden_model();
  auto lost = generate(model, "blorfle per city", "");
  ASSERT_EQ(lost.outcome, plan_outcome::clarify);
  auto next = generate(model, "only the clients in Oslo", lost.query_json);
  EXPECT_EQ(next.outcome, plan_outcome::clarify) << next.sql;
}

TEST(everyday_phrasing, a_period_is_of_the_rows_counted) {
  run({
    {"how many deliveries did clients in Oslo place in 2023?",
     {testing::period(q("deliveries.sent_on"), "2023-01-01", "2024-01-01"), "'Oslo'"}, {"created_at"}},
    {"how many bills did clients in Oslo get in 2024?",
     {testing::period(q("bills.issued_on"), "2024-01-01", "2025-01-01"), "'Oslo'"}, {"created_at"}},
  });
}

TEST(everyday_phrasing, current_rows_have_no_end_yet) {
  run({
    {"how many current staff are there?", {q("staff.left_on") + " IS NULL"}},
    {"what's the average current wage?", {"AVG(" + q("wages.amount") + ")", q("wages.to_date") + " IS NULL"}},
  });
  // Nothing ends: "current" is not understood, and not dropped either.
  converse({{"how many current vans are there?", {}}});
  // Not where no one is: "still here" is asked about, not left out.
  converse({
    {"list the drivers", {"'Driver'"}},
    {"are any of those still here?", {}},
  });
}

TEST(everyday_phrasing, the_highest_of_rows_kept_many_per_row_is_asked) {
  // A count ranks by "the most wages"; "the highest wage" is an amount, and
  // of which of each one's wages is not said.
  converse({{"which staff member has the highest wage?", {}}});
  converse({{"which client has the largest bill?", {}}});
  run({{"which staff member has the most wages?", {"COUNT(", "GROUP BY"}}});
}

TEST(everyday_phrasing, where_the_rows_are_is_their_place) {
  run({{"name the haulers and where each one is located", {q("haulers.company_name"), q("haulers.home_city")}}});
  converse({{"name the items and where each one is located", {}}}); // no place kept
  converse({{"list the clients and where they are based", {}}}); // a city and a country: which?
}

TEST(everyday_phrasing, general_words_for_people) {
  run({
    {"how many staff are women?", {q("staff.gender") + " = 'F'"}},
    {"how many male staff are there?", {q("staff.gender") + " = 'M'"}},
    // No table of customers: the clients are the customers.
    {"how many customers are in Norway?", {"FROM \"clients\"", q("clients.country") + " = 'Norway'"}},
  });
}

TEST(everyday_phrasing, people_are_the_one_table_of_people) {
  // The garden keeps staff and no other table of people with names.
  run({{"how many people have the title Driver?", {"FROM \"staff\"", "'Driver'"}}});
  // A role said with "person" is no table of people: asked.
  converse({{"list the clients and their contact person", {}}});
}

TEST(everyday_phrasing, signing_up_is_when_a_row_was_created) {
  run({
    {"how many clients signed up in 2024?", {testing::period(q("clients.created_at"), "2024-01-01", "2025-01-01")}},
    {"how many clients joined each year?", {"GROUP BY", q("clients.created_at")}},
  });
}

TEST(everyday_phrasing, amounts_per_period_are_added_up) {
  run({{"monthly bill amounts in 2024", {"SUM(" + q("bills.amt") + ")", "GROUP BY", "2024-01-01"}, {"DISTINCT"}}});
  converse({{"freights by month", {}}});
  // No money kept: a number said of the rows is asked about.
  converse({{"how many vans are over 5000?", {}}});
  // A price per month of rows with no date: the month is the price's unit.
  auto model = garden_model();
  auto plan = generate(model, "name the items and their price per month", "");
  EXPECT_EQ(plan.sql.find("SUM("), std::string::npos) << plan.sql;
  EXPECT_EQ(plan.understood.find("per period"), std::string::npos) << plan.understood;
}

TEST(everyday_phrasing, who_with_a_value_of_people_lists_them) {
  run({
    {"who are the drivers?", {q("staff.first_name"), q("staff.title") + " = 'Driver'"}, {"COUNT("}},
    {"who is a clerk?", {q("staff.first_name"), q("staff.title") + " = 'Clerk'"}, {"COUNT("}},
  });
}

TEST(everyday_phrasing, the_most_common_value_has_the_most_rows) {
  run({
    {"which country is most common among clients?",
     {"GROUP BY " + q("clients.country"), "COUNT(*)", "DESC LIMIT 1"}, {"DISTINCT"}},
    {"what are the 2 most common complaint topics?", {"GROUP BY " + q("complaints.topic"), "DESC LIMIT 2"}},
    {"what is the least common topic of complaints?", {"GROUP BY " + q("complaints.topic"), "ORDER BY", "LIMIT 1"},
     {"DESC"}},
    // Deliveries point at haulers: the hauler that carried the largest number.
    {"which hauler is the most common?", {"GROUP BY " + q("haulers.company_name"), "FROM \"deliveries\"", "LIMIT 1"}},
    // Rows that each record one thing, pointed at by nothing: by what they record.
    {"top 2 most common van faults", {"GROUP BY " + q("van_faults.fault_name"), "LIMIT 2"}},
  });
  // Nothing to tell the rows apart by: asked.
  converse({{"what are the most common complaints?", {}}});
}

TEST(everyday_phrasing, rates_per_row_do_not_add_up) {
  converse({{"what is the total discount on order lines?", {}}});
  run({{"what is the average discount on order lines?", {"AVG(" + q("order_lines.discount") + ")"}}});
}

TEST(everyday_phrasing, a_number_before_the_rows_asked_for_is_how_many_to_show) {
  run({
    {"show 10 clients", {"LIMIT 10", q("clients.company_name")}, {"HAVING", "COUNT("}},
    {"give me 5 vans", {"LIMIT 5"}, {"HAVING", "COUNT("}},
  });
}

TEST(everyday_phrasing, verbs_that_only_relate_what_is_named) {
  run({
    {"Which films has Mira Holt appeared in?", {q("actors.full_name") + " = 'Mira Holt'", q("films.title")}},
    {"Which actor appears in the most films?", {"GROUP BY " + q("actors.full_name"), "LIMIT 1"}},
    {"How many films has Ada Brook directed?", {q("films.director") + " = 'Ada Brook'", "COUNT(*)"}},
    {"How many units do we have in stock?", {"SUM(" + q("items.units_in_stock") + ")"}, {"> 0"}},
  });
}

TEST(everyday_phrasing, kinds_named_by_a_value_and_their_extremes) {
  run({
    {"list the movies", {q("films.title"), q("films.kind") + " = 'movie'"}},
    {"what's the longest movie?", {"ORDER BY " + q("films.runtime_minutes") + " DESC", "LIMIT 1", "'movie'"}},
    {"Who was hired most recently?", {q("staff.last_name"), "ORDER BY " + q("staff.hire_date") + " DESC", "LIMIT 1"}},
    {"who directed the most movies?", {"GROUP BY " + q("films.director"), "COUNT(*)", "'movie'", "LIMIT 1"}},
    {"list the directors of movies", {q("films.director"), "'movie'"}, {q("films.title")}},
    // Titles name the films: the most titles is the most rows.
    {"Which director has the most titles?", {"COUNT(*)", "GROUP BY " + q("films.director")}, {"DISTINCT"}},
  });
}

TEST(everyday_phrasing, common_words_for_states_and_dates) {
  run({
    {"Which items are out of stock?", {q("items.units_in_stock") + " = 0"}},
    {"How many clients were added before March 2023?", {q("clients.created_at") + " < '2023-03-01'"}},
    {"When was Mona born?", {q("staff.date_of_birth")}},
    {"How many films have no director listed?", {q("films.director") + " IS NULL"}},
    {"how many deliveries had any freight at all?", {q("deliveries.freight") + " > 0"}},
    // What a comment says an empty column means.
    {"How many clients are still active?", {q("clients.closed_on") + " IS NULL"}},
  });
}

TEST(everyday_phrasing, rankings_by_a_quantity_of_other_rows_add_it_up) {
  run({{"What are the top 3 items by quantity ordered?", {"SUM(" + q("order_lines.quantity") + ")", "LIMIT 3"}}});
}

TEST(everyday_phrasing, how_many_times_counts_the_events_the_verb_names) {
  run({
    {"which film has been rented the most times?", {"COUNT(*)", "FROM " + q("rentals"), "GROUP BY " + q("films.title"), "LIMIT 1"}},
    {"How many times was Night Owl rented?", {"COUNT(*)", "FROM " + q("rentals"), q("films.title") + " = 'Night Owl'"}},
  });
}

TEST(everyday_phrasing, words_that_share_a_stem_are_not_one_noun) {
  // "rate" and "rating" stem alike; "rating" said after "rental rate" is
  // still the rating.
  run({{"what is the average rental rate per rating?", {"GROUP BY " + q("videos.rating")}, {"GROUP BY " + q("videos.rental_rate")}}});
}

TEST(everyday_phrasing, things_counted_are_rows_of_the_table_named_so) {
  // Notes are the rows of item_notes, not the different texts of a note column.
  run({{"How many notes are there?", {"COUNT(*)", "FROM " + q("item_notes")}, {"DISTINCT"}}});
}

TEST(everyday_phrasing, two_columns_of_a_row_compared) {
  run({
    {"How many tasks were finished after their due date?", {q("tasks.finished_date") + " > " + q("tasks.due_date")}},
    {"which tasks had hours spent above the hours planned?", {q("tasks.hours_spent") + " > " + q("tasks.hours_planned")}},
  });
}

TEST(everyday_phrasing, a_party_the_row_records_does_not_name_it) {
  // ship_name beside ship_city and ship_country names where it went.
  run({{"list the deliveries", {q("deliveries.delivery_id")}, {q("deliveries.ship_name")}}});
}

TEST(everyday_phrasing, their_columns_are_shown_not_required) {
  run({{"list the clients with their cities", {q("clients.city")}, {"IS NOT NULL"}}});
}

TEST(everyday_phrasing, follow_ups_about_the_rows_just_shown) {
  converse({
    {"How many clients do we have?", {"COUNT(*)"}},
    {"how many per country?", {q("clients.country"), "GROUP BY"}},
  });
  converse({
    {"list the clients in France", {q("clients.country") + " = 'France'"}},
    {"how many deliveries do each of them have?", {"GROUP BY " + q("clients.company_name"), "'France'"}},
  });
  converse({
    {"What is the average list price of items?", {"AVG("}},
    {"which one is the most expensive?", {"ORDER BY " + q("items.list_price") + " DESC", "LIMIT 1"}, {"AVG("}},
  });
  converse({
    {"What is the average freight per delivery?", {"AVG("}},
    {"break it down by ship country", {"GROUP BY " + q("deliveries.ship_country")}},
    {"only deliveries from 2024", {"GROUP BY " + q("deliveries.ship_country"), "AVG(",
                                   testing::period(q("deliveries.sent_on"), "2024-01-01", "2025-01-01")}},
  });
  converse({
    {"How many films were released in 2020?", {q("films.release_year") + " = 2020"}},
    {"by kind", {"GROUP BY " + q("films.kind")}},
    {"show me the series", {q("films.title"), q("films.kind") + " = 'series'", "2020"}, {"COUNT(", "GROUP BY"}},
  });
  converse({
    {"How many deliveries to France?", {"COUNT(*)"}},
    {"show them with their ship cities", {q("deliveries.delivery_id"), q("deliveries.ship_city"), "'France'"}, {"COUNT("}},
  });
  converse({
    {"How many movies are there?", {"COUNT(*)"}},
    {"which one is the longest?", {"ORDER BY " + q("films.runtime_minutes") + " DESC", "'movie'"}, {"MAX("}},
  });
  // The row holding the largest value is no condition of the last query.
  converse({
    {"What is the highest freight?", {"MAX("}},
    {"which client was that delivery for?", {}},
  });
  // One number has no rows to rank: asked, not echoed.
  converse({
    {"How many deliveries in 2024?", {"COUNT(*)"}},
    {"which one was the biggest?", {}},
  });
}

TEST(everyday_phrasing, a_new_question_after_a_period_asks_whether_it_holds) {
  converse({
    {"How many deliveries in 2024?", {"COUNT(*)"}},
    {"What is the average freight per delivery?", {}},
  });
  converse({
    {"How many deliveries in 2024?", {"COUNT(*)"}},
    {"What is the average freight per delivery for the same period?",
     {"AVG(", testing::period(q("deliveries.sent_on"), "2024-01-01", "2025-01-01")}},
  });
  converse({
    {"How many deliveries in 2024?", {"COUNT(*)"}},
    {"What is the average freight per delivery over all time?", {"AVG("}, {"2024"}},
  });
  // Other rows: the period was about deliveries, not films.
  converse({
    {"How many deliveries in 2024?", {"COUNT(*)"}},
    {"How many films are there?", {"COUNT(*)"}, {"2024"}},
  });
  // Said of other rows, the period is on their own date.
  converse({
    {"How many deliveries in 2024?", {"COUNT(*)"}},
    {"How many reviews were there that year?", {testing::period(q("reviews.rated_at"), "2024-01-01", "2025-01-01")}},
  });
  // A comparison with the year next to it: both years, side by side.
  converse({
    {"How many deliveries in 2024?", {"COUNT(*)"}},
    {"Compare that with 2023",
     {"GROUP BY EXTRACT(YEAR FROM", testing::period(q("deliveries.sent_on"), "2023-01-01", "2025-01-01")}},
  });
  // Another value of the column the question before held: both values.
  testing::converse(testing::sales_model(),
                    {{"Count the online orders", {q("orders.channel") + " = 'online'"}},
                     {"Compare it with the store",
                      {q("orders.channel") + " IN ('online', 'store')", "GROUP BY " + q("orders.channel")}}});
  // With a year further off, a range would take in the years between: asked.
  converse({
    {"How many deliveries in 2024?", {"COUNT(*)"}},
    {"Compare that with 2021", {}},
  });
  converse({
    {"How many deliveries by hauler in 2024?", {"GROUP BY"}},
    {"How is Fjord Haul doing compared with 2023?", {}},
  });
  // "The biggest" of rows with nothing said to size them by: asked.
  converse({
    {"list the clients in Norway", {q("clients.company_name"), "'Norway'"}},
    {"which was the biggest of those?", {}},
  });
  // Counted with no noun, on rows other than the last question's: which, asked.
  converse({
    {"How many films are there?", {"COUNT(*)"}},
    {"How many got delivered in 2024?", {}},
  });
  // No period before, or one of several shown: which is asked.
  converse({{"How many deliveries are there?", {"COUNT(*)"}}, {"How many reviews were there that year?", {}}});
  converse({
    {"How many deliveries in 2024 by month?", {"COUNT(*)"}},
    {"How many reviews were there that month?", {}},
  });
}

TEST(everyday_phrasing, another_value_of_the_last_filter_swaps_it) {
  converse({
    {"How many item notes were written by buyers?", {q("item_notes.author_type") + " = 'buyer'"}},
    {"and by staff?", {q("item_notes.author_type") + " = 'staff'"}, {"GROUP BY", "'buyer'"}},
  });
  converse({
    {"How many item notes were written by buyers?", {q("item_notes.author_type") + " = 'buyer'"}},
    {"what about staff?", {q("item_notes.author_type") + " = 'staff'"}, {"GROUP BY", "'buyer'"}},
  });
}

TEST(everyday_phrasing, other_rows_named_after_a_number_ask_which_number) {
  // Their count, or the last number per client: not a list of clients.
  converse({
    {"How many deliveries are there?", {"COUNT(*)"}},
    {"what about clients?", {}},
  });
  converse({
    {"How many deliveries are there?", {"COUNT(*)"}},
    {"how many clients are there", {"COUNT(*)", q("clients")}, {q("deliveries")}},
  });
  // After a list, the other rows are listed.
  converse({
    {"list the haulers", {q("haulers.company_name")}},
    {"what about clients?", {q("clients.company_name")}, {"COUNT("}},
  });
}

TEST(everyday_phrasing, the_rows_meant_by_words_that_point_back) {
  // "how many were …": counted with no noun, the rows just talked about.
  converse({
    {"How many deliveries to France?", {"'France'"}},
    {"how many were sent in 2024?", {"'France'", testing::period(q("deliveries.sent_on"), "2024-01-01", "2025-01-01")}},
  });
  // "there": the place just named, on the column of that name of these rows.
  converse({
    {"How many deliveries to France?", {q("deliveries.ship_country") + " = 'France'"}},
    {"how many clients are there?", {"COUNT(*)"}, {"France"}},
  });
  converse({
    {"How many deliveries to France?", {q("deliveries.ship_country") + " = 'France'"}},
    {"how many clients live there?", {q("clients.country") + " = 'France'"}},
  });
  // "for each": each group just shown.
  converse({
    {"How many deliveries per ship country?", {"GROUP BY " + q("deliveries.ship_country")}},
    {"what is the average freight for each?", {"AVG(", "GROUP BY " + q("deliveries.ship_country")}},
  });
  // A number alone after one number per group: a condition on that number.
  converse({
    {"How many deliveries per ship country?", {"GROUP BY " + q("deliveries.ship_country")}},
    {"just those above 40", {"HAVING COUNT(*) > 40", "GROUP BY " + q("deliveries.ship_country")}},
  });
  converse({
    {"How many deliveries are there?", {"COUNT(*)"}},
    {"just those above 40", {}},
  });
  // The columns of another table beside the rows just counted.
  converse({
    {"How many deliveries to France?", {"COUNT(*)"}},
    {"list them with their haulers", {q("haulers.company_name"), q("deliveries.delivery_id"), "'France'"}, {"COUNT("}},
  });
  // Nothing answered before: "them" points nowhere.
  auto model = garden_model();
  auto asked = generate(model, "flibber the wobbles", "");
  ASSERT_EQ(asked.outcome, plan_outcome::clarify);
  auto next = generate(model, "show them with their haulers", asked.query_json);
  EXPECT_EQ(next.outcome, plan_outcome::clarify) << next.sql;
  // While a new question after it is read on its own.
  auto fresh = generate(model, "list the haulers", asked.query_json);
  EXPECT_EQ(fresh.outcome, plan_outcome::answer) << fresh.explanation;
}

TEST(everyday_phrasing, a_value_of_linked_rows_counts_the_rows_just_counted) {
  // "how many of them are Norway?" names a country of the clients the
  // deliveries went to: the deliveries are counted, not the clients.
  converse({
    {"How many deliveries are there?", {"COUNT(*)"}},
    {"how many of them are Norway?", {"COUNT(", q("deliveries"), "'Norway'"}, {"FROM \"clients\""}},
  });
  // Said with "and", after a condition: the condition stays.
  converse({
    {"How many deliveries had a freight over 50?", {q("deliveries.freight") + " > 50"}},
    {"and of these, how many are Norway?", {"COUNT(", q("deliveries.freight") + " > 50", "'Norway'"},
     {"FROM \"clients\""}},
  });
}

TEST(everyday_phrasing, which_column_alone_asks_about_what_was_shown) {
  converse({
    {"list the deliveries to France", {"'France'"}},
    {"which ship city?", {q("deliveries.ship_city"), "'France'"}},
  });
  converse({{"which ship city?", {}}});
}

TEST(everyday_phrasing, their_values_are_shown_row_by_row) {
  converse({
    {"list the staff", {q("staff.first_name")}},
    {"what are their job titles?", {q("staff.first_name"), q("staff.title")}},
  });
  converse({
    {"list the clients in Norway", {q("clients.company_name"), "'Norway'"}},
    {"what cities are those in?", {q("clients.company_name"), q("clients.city"), "'Norway'"}},
  });
  converse({
    {"who are the drivers?", {q("staff.first_name"), "'Driver'"}},
    {"when were those hired?", {q("staff.first_name"), q("staff.hire_date"), "'Driver'"}},
  });
}

TEST(everyday_phrasing, superlatives_of_the_rows_just_listed) {
  converse({
    {"list the items", {q("items.item_name")}},
    {"which one has the most units in stock?", {"ORDER BY " + q("items.units_in_stock") + " DESC", "LIMIT 1"}, {"MAX("}},
  });
  // No size to go by: asked, not the first row in alphabetical order.
  converse({
    {"list the deliveries from 2024", {q("deliveries.delivery_id")}},
    {"and the largest one?", {}},
  });
}

TEST(everyday_phrasing, periods_and_dates_said_with_the_column) {
  run({
    {"list the films released before 2000", {q("films.release_year") + " < 2000", q("films.title")}},
    {"list the films with a release year of 2015", {q("films.release_year") + " = 2015"}, {"> 0"}},
    {"which staff member was hired latest?", {"ORDER BY " + q("staff.hire_date") + " DESC", "LIMIT 1"}, {"date_of_birth"}},
    {"how many staff were born before 1980?", {q("staff.date_of_birth") + " < '1980-01-01'"}},
    {"list the staff with their job titles", {q("staff.title")}},
  });
}

TEST(everyday_phrasing, money_a_verb_names_adds_up_per_row_ranked) {
  run({{"which client paid the most?", {"SUM(" + q("payments.amount_paid") + ")", "GROUP BY", "LIMIT 1"}, {"MAX("}}});
  // A person asked for, with no table to say whose money: asked.
  converse({{"who paid the most?", {}}});
}

TEST(everyday_phrasing, a_key_of_a_table_to_itself_read_both_ways) {
  run({
    {"who reports to Mona?",
     {q("staff.reports_to") + " IN (SELECT " + q("staff.staff_id") + " FROM \"staff\" WHERE " + q("staff.first_name")
      + " = 'Mona')"}},
    {"who does Bert report to?",
     {q("staff.staff_id") + " IN (SELECT " + q("staff.reports_to") + " FROM \"staff\" WHERE " + q("staff.first_name")
      + " = 'Bert')"}},
    {"how many staff report to Mona?", {"COUNT(*)", q("staff.reports_to") + " IN ("}},
    // "answers to" says the same.
    {"who does Bert answer to?",
     {q("staff.staff_id") + " IN (SELECT " + q("staff.reports_to") + " FROM \"staff\" WHERE " + q("staff.first_name")
      + " = 'Bert')"}},
  });
}

TEST(everyday_phrasing, rows_linked_twice_to_a_named_person_say_which_link) {
  converse({{"how many complaints has Mona closed?", {}}});
  run({{"how many complaints were handled by Mona?", {q("complaints.handled_by") + " IN (", "'Mona'"}}});
}

TEST(everyday_phrasing, a_named_rows_key_leads_to_the_row_it_points_at) {
  run({
    {"who is Mona's mentor?",
     {q("staff.staff_id") + " IN (SELECT " + q("staff.mentor_id") + " FROM \"staff\" WHERE " + q("staff.first_name")
      + " = 'Mona')"}},
  });
  // "her" then: Mona, or her mentor?
  auto model = garden_model();
  auto first = generate(model, "who is Mona's mentor?", "");
  auto next = generate(model, "and when did she get hired?", first.query_json);
  EXPECT_EQ(next.outcome, plan_outcome::clarify) << next.sql;
}

TEST(everyday_phrasing, a_key_named_for_who_does_the_verb) {
  run({
    {"which clients are managed by Ms Mona?", {q("clients.account_manager_id") + " IN (", "'Mona'"}},
    {"which staff are mentored by Mona?",
     {q("staff.mentor_id") + " IN (SELECT " + q("staff.staff_id") + " FROM \"staff\" WHERE " + q("staff.first_name")
      + " = 'Mona')"}},
    {"which clients are managed by Bert?",
     {q("clients.account_manager_id") + " IN (SELECT " + q("staff.staff_id") + " FROM \"staff\" WHERE "
      + q("staff.first_name") + " = 'Bert')"}},
    {"how many clients are managed by Bert?", {"COUNT(*)", q("clients.account_manager_id") + " IN ("}},
    {"which clients don't have an account manager?", {q("clients.account_manager_id") + " IS NULL"}, {"Account Manager"}},
    {"how many clients have an account manager?", {q("clients.account_manager_id") + " IS NOT NULL"}, {"Account Manager"}},
  });
  converse({
    {"total amount of bills for clients managed by Bert", {"SUM(" + q("bills.amt") + ")", "'Bert'"}},
    {"and for Mona's clients?", {"SUM(" + q("bills.amt") + ")", q("clients.account_manager_id") + " IN (", "'Mona'"}, {"'Bert'"}},
  });
}

TEST(everyday_phrasing, things_sold_are_counted_in_the_lines_that_sold_them) {
  run({{"how many items have we sold altogether?", {"SUM(" + q("order_lines.quantity") + ")"}, {"COUNT("}}});
  // Units, or different items? Asked.
  converse({{"how many items were sold?", {}}});
  // "did we sell" is past too.
  run({{"how many items did we sell?", {"SUM(" + q("order_lines.quantity") + ")"}, {"COUNT("}}});
}

TEST(everyday_phrasing, a_value_no_two_rows_share_names_a_row) {
  run({{"list the vans", {q("vans.plate")}}});
}

} // namespace
} // namespace medha::sqlgen
