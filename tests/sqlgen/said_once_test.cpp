// Words that say one thing about the rows and must not be read as another:
// a "never" before a stored state, a price adjective among several prices,
// a verb that names which of two dates a period is on. Each is answered as
// said or asked about; none is dropped or picked by the order of columns.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/conversation_rows.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::col;
using testing::q;

// A bookshop that restocks from publishers: the restock orders keep the day
// they were placed and the day they came in; books keep what they cost the
// shop and what they sell for.
semantic_model bookshop_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "bookshop";
  m.tables = {
    testing::table("publishers", {col("publisher_id", r::identifier, true), col("publisher_name", r::text)}),
    testing::table("restock_orders",
                   {col("restock_id", r::identifier, true), col("publisher_id", r::identifier),
                    col("placed_on", r::time), col("received_on", r::time),
                    col("status", r::categorical, false, {"open", "invoiced", "cancelled"})}),
    testing::table("restock_lines", {col("line_id", r::identifier, true), col("restock_id", r::identifier),
                                     col("copies", r::numeric)}),
    testing::table("books", {col("book_id", r::identifier, true), col("title", r::text),
                             col("cost_price", r::numeric), col("shelf_price", r::numeric),
                             col("delisted_on", r::time)}),
    testing::table("bundles", {col("bundle_id", r::identifier, true), col("bundle_name", r::text),
                               col("shelf_price", r::numeric), col("online_price", r::numeric)}),
  };
  m.relationships = {
    {"restock_orders", {"publisher_id"}, "publishers", {"publisher_id"}, false},
    {"restock_lines", {"restock_id"}, "restock_orders", {"restock_id"}, false},
  };
  return m;
}

void converse(const std::vector<testing::sql_row>& turns) {
  testing::converse(bookshop_model(), turns);
}

TEST(said_once, never_before_a_stored_state) {
  // Of the rows that keep the state: not in it.
  converse({{"how many restock orders were never invoiced?",
             {"COUNT(*)", q("restock_orders.status") + " <> 'invoiced'"}}});
  // Of other rows: no such row at all, or rows in another state; asked.
  converse({{"which publishers have never invoiced?", {}}});
}

TEST(said_once, a_price_adjective_among_several_prices) {
  // What a book costs the shop is not what it is priced at.
  converse({{"the 3 most expensive books", {q("books.shelf_price"), "DESC", "LIMIT 3"}, {"cost_price"}}});
  // Two prices it sells at: which one ranks them is asked.
  converse({{"the 3 most expensive bundles", {}}});
}

TEST(said_once, a_verb_with_no_element_of_its_own_names_the_period_date) {
  // The restock orders keep two dates; "received" says which one.
  converse({{"how many copies did we receive in 2025?",
             {"SUM(" + q("restock_lines.copies") + ")", q("restock_orders.received_on") + " >= '2025-01-01'"},
             {"placed_on"}}});
}

TEST(said_once, rows_an_event_happened_to_and_when) {
  // Not every book beside its date: those it happened to.
  converse({{"which books were delisted", {q("books.delisted_on") + " IS NOT NULL"}}});
  // "and when": the day, beside each.
  converse({{"which books have been delisted, and when?",
             {q("books.title") + ", " + q("books.delisted_on"), q("books.delisted_on") + " IS NOT NULL"}}});
}

TEST(said_once, revenue_from_rows_that_keep_their_own_price) {
  // Invoices record money received; the workshops keep their own fee.
  using r = column_role;
  semantic_model m;
  m.data_source = "studio";
  m.tables = {testing::table("invoices", {col("invoice_id", r::identifier, true), col("total_amt", r::numeric),
                                          col("issued_on", r::time)}),
              testing::table("workshops", {col("workshop_id", r::identifier, true), col("fee", r::numeric),
                                           col("held_on", r::time)})};
  testing::converse(m, {{"total revenue from workshops in 2024",
                         {"SUM(" + q("workshops.fee") + ")", q("workshops.held_on") + " >= '2024-01-01'"},
                         {"invoices"}}});
  // Money that belongs to the rows named is theirs, not their list price.
  semantic_model shop;
  shop.data_source = "shop";
  shop.tables = {testing::table("books", {col("book_id", r::identifier, true), col("title", r::text),
                                          col("shelf_price", r::numeric)}),
                 testing::table("sales", {col("sale_id", r::identifier, true), col("book_id", r::identifier),
                                          col("amount", r::numeric), col("sold_on", r::time)})};
  shop.relationships = {{"sales", {"book_id"}, "books", {"book_id"}, false}};
  auto plan = generate(shop, "total revenue from books", "");
  EXPECT_EQ(plan.sql.find("shelf_price"), std::string::npos) << plan.sql;
}

// A riding school: lessons given by instructors, each with its fee.
semantic_model lessons_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "riding";
  m.tables = {testing::table("instructors", {col("instructor_id", r::identifier, true),
                                             col("full_name", r::text, false, {"Ann Lee", "Raj Patel"}),
                                             col("hired_on", r::time)}),
              testing::table("lessons", {col("lesson_id", r::identifier, true), col("instructor_id", r::identifier),
                                         col("fee_amt", r::numeric), col("given_on", r::time)})};
  m.relationships = {{"lessons", {"instructor_id"}, "instructors", {"instructor_id"}, false}};
  return m;
}

TEST(said_once, a_follow_up_ranks_the_groups_shown_by_a_new_measure) {
  testing::converse(lessons_model(),
                    {{"lessons by instructor", {"COUNT(*)", "GROUP BY " + q("instructors.full_name")}},
                     {"which one brings in the largest mean fee?",
                      {"AVG(" + q("lessons.fee_amt") + ")", "GROUP BY " + q("instructors.full_name"), "DESC LIMIT 1"}}});
}

TEST(said_once, by_an_amount_adds_it_up_and_never_groups_by_it) {
  testing::converse(lessons_model(),
                    {{"top 3 instructors by number of lessons", {"COUNT(*)", "LIMIT 3"}},
                     {"what about by fee?",
                      {"SUM(" + q("lessons.fee_amt") + ")", "GROUP BY " + q("instructors.full_name"), "LIMIT 3"},
                      {"GROUP BY " + q("lessons.fee_amt")}}});
}

// A climbing club: members, some with a sponsor; sessions booked, some
// missed.
semantic_model climbing_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "climbing";
  m.tables = {testing::table("climbers", {col("climber_id", r::identifier, true),
                                          col("full_name", r::text, false, {"Ann Lee", "Raj Patel"}),
                                          col("sponsor", r::text)}),
              testing::table("bookings", {col("booking_id", r::identifier, true), col("climber_id", r::identifier),
                                          col("status", r::categorical, false, {"Attended", "No-show"})})};
  m.relationships = {{"bookings", {"climber_id"}, "climbers", {"climber_id"}, false}};
  return m;
}

TEST(said_once, the_participle_of_a_column_noun_says_whether_a_row_has_one) {
  testing::converse(climbing_model(), {{"how many climbers are sponsored?", {q("climbers.sponsor") + " IS NOT NULL"}}});
  testing::converse(climbing_model(), {{"how many climbers aren't sponsored?", {q("climbers.sponsor") + " IS NULL"}}});
}

TEST(said_once, called_before_a_name_only_says_it_is_a_name) {
  testing::converse(climbing_model(), {{"how many climbers are called Ann Lee?", {q("climbers.full_name") + " = 'Ann Lee'"}}});
}

TEST(said_once, a_value_that_begins_with_no_is_that_value) {
  testing::converse(climbing_model(), {{"count the no-show bookings", {q("bookings.status") + " = 'No-show'"}}});
}

TEST(said_once, a_period_moves_to_the_date_of_the_rows_measured_now) {
  // Invoices and visits both belong to a member; neither to the other.
  using r = column_role;
  semantic_model m;
  m.data_source = "gym";
  m.tables = {testing::table("members", {col("member_id", r::identifier, true),
                                         col("full_name", r::text, false, {"Ann Lee", "Raj Patel"}),
                                         col("joined_on", r::time)}),
              testing::table("invoices", {col("invoice_id", r::identifier, true), col("member_id", r::identifier),
                                          col("total_amt", r::numeric), col("issued_on", r::time)}),
              testing::table("visits", {col("visit_id", r::identifier, true), col("member_id", r::identifier),
                                        col("visited_on", r::time)})};
  m.relationships = {{"invoices", {"member_id"}, "members", {"member_id"}, false},
                     {"visits", {"member_id"}, "members", {"member_id"}, false}};
  testing::converse(m, {{"total invoiced for Ann Lee in 2024", {"SUM(" + q("invoices.total_amt") + ")", "'Ann Lee'"}},
                        {"how many visits was that?",
                         {"COUNT(*)", "'Ann Lee'", q("visits.visited_on") + " >= '2024-01-01'"},
                         {"issued_on"}}});
  // The rows the invoices belong to keep the invoices' period as a condition.
  testing::converse(m, {{"which invoices were issued in 2024?", {q("invoices.issued_on") + " >= '2024-01-01'"}},
                        {"which members were they for?", {q("invoices.issued_on") + " >= '2024-01-01'"}, {"joined_on"}}});
}

TEST(said_once, a_person_who_stands_for_a_business_is_listed_with_its_name) {
  using r = column_role;
  semantic_model m;
  m.data_source = "orchard";
  m.tables = {testing::table("growers", {col("grower_id", r::identifier, true), col("first_name", r::text),
                                         col("last_name", r::text), col("orchard_name", r::text),
                                         col("joined_on", r::time)})};
  testing::converse(m, {{"list the growers who joined in 2024",
                         {q("growers.first_name") + ", " + q("growers.last_name") + ", " + q("growers.orchard_name")}}});
}

TEST(said_once, a_value_said_of_the_rows_after_are_is_theirs) {
  // Borrowers are juniors or adults; the books they reserve have a
  // "juniors" shelf too.
  using r = column_role;
  semantic_model m;
  m.data_source = "loans";
  m.tables = {testing::table("borrowers", {col("borrower_id", r::identifier, true), col("full_name", r::text),
                                           col("band", r::categorical, false, {"junior", "adult"}),
                                           col("joined_on", r::time)}),
              testing::table("books", {col("book_id", r::identifier, true), col("title", r::text),
                                       col("shelf", r::categorical, false, {"juniors", "crime"})}),
              testing::table("reservations", {col("reservation_id", r::identifier, true),
                                              col("borrower_id", r::identifier), col("book_id", r::identifier)})};
  m.relationships = {{"reservations", {"borrower_id"}, "borrowers", {"borrower_id"}, false},
                     {"reservations", {"book_id"}, "books", {"book_id"}, false}};
  testing::converse(m, {{"how many borrowers are juniors?", {q("borrowers.band") + " = 'junior'"}, {"shelf"}}});
  testing::converse(m, {{"how many borrowers joined in 2024?", {"COUNT(*)"}},
                        {"and of those, how many are juniors?", {q("borrowers.band") + " = 'junior'"}, {"shelf"}}});
}

TEST(said_once, the_period_rows_cover_is_their_first_and_last_date) {
  // "period" is not the restock order's placed_on column by its name: the
  // span of the dates asked about.
  converse({{"what time span do the restock orders cover?",
             {"MIN(" + q("restock_orders.placed_on") + ")", "MAX(" + q("restock_orders.placed_on") + ")"}}});
  converse({{"how many restock orders are there?", {"COUNT(*)"}},
            {"and what dates do they span?", {"MIN(" + q("restock_orders.placed_on") + ")"}}});
}

TEST(said_once, people_who_work_somewhere_are_the_staff) {
  // Two tables of people: the ones who work are the staff.
  using r = column_role;
  semantic_model m;
  m.data_source = "garage";
  m.tables = {testing::table("sites", {col("site_id", r::identifier, true), col("site_name", r::text)}),
              testing::table("staff", {col("staff_id", r::identifier, true), col("first_name", r::text),
                                       col("last_name", r::text), col("site_id", r::identifier)}),
              testing::table("customers", {col("customer_id", r::identifier, true), col("first_name", r::text),
                                           col("last_name", r::text)})};
  m.relationships = {{"staff", {"site_id"}, "sites", {"site_id"}, false}};
  testing::converse(m, {{"count the people working at each site", {"COUNT(*)", "FROM \"staff\"", "GROUP BY " + q("sites.site_name")}}});
}

TEST(said_once, a_name_before_a_last_name_is_a_first_name) {
  // Owen is one guide's first name and another's last name.
  using r = column_role;
  semantic_model m;
  m.data_source = "tours";
  m.tables = {testing::table("guides", {col("guide_id", r::identifier, true),
                                        col("first_name", r::text, false, {"Owen", "Grace"}),
                                        col("last_name", r::text, false, {"Hill", "Owen"})}),
              testing::table("tours", {col("tour_id", r::identifier, true), col("guide_id", r::identifier),
                                       col("tour_date", r::time)})};
  m.relationships = {{"tours", {"guide_id"}, "guides", {"guide_id"}, false}};
  testing::converse(m, {{"how many tours has Owen Hill led?",
                         {q("guides.first_name") + " = 'Owen'", q("guides.last_name") + " = 'Hill'"}}});
}

TEST(said_once, the_plain_verb_after_its_subject_names_the_period_date) {
  // A repair is logged, then fixed: "fixed" is a state and a date.
  using r = column_role;
  semantic_model m;
  m.data_source = "repairs";
  m.tables = {testing::table("repairs", {col("repair_id", r::identifier, true),
                                         col("state", r::categorical, false, {"fixed", "waiting"}),
                                         col("logged_at", r::time), col("fixed_at", r::time)})};
  testing::converse(m, {{"how many repairs did we fix in 2024?", {q("repairs.fixed_at") + " >= '2024-01-01'"}, {"logged_at"}}});
}

TEST(said_once, what_is_recorded_about_a_row_is_its_columns) {
  testing::converse(bookshop_model(), {{"what's recorded for every book?", {"\"column_name\"", "'shelf_price'"}}});
}

TEST(said_once, a_place_said_after_a_count_is_where_the_rows_counted_are) {
  using r = column_role;
  semantic_model m;
  m.data_source = "hire";
  m.tables = {testing::table("branches", {col("branch_id", r::identifier, true),
                                          col("town", r::categorical, false, {"Ely", "Diss"})}),
              testing::table("bikes", {col("bike_id", r::identifier, true), col("branch_id", r::identifier)})};
  m.relationships = {{"bikes", {"branch_id"}, "branches", {"branch_id"}, false}};
  testing::converse(m, {{"how many bikes are there?", {"COUNT(*)"}},
                        {"how many at Diss?", {"FROM \"bikes\"", q("branches.town") + " = 'Diss'"}}});
}

TEST(said_once, the_n_biggest_rows_are_ranked_by_their_size_or_asked) {
  // A lesson's one amount of money is its size; an instructor has none.
  testing::converse(lessons_model(), {{"our 3 biggest lessons", {q("lessons.fee_amt") + " DESC", "LIMIT 3"}}});
  testing::converse(lessons_model(), {{"our 3 biggest instructors", {}}});
}

TEST(said_once, how_many_did_a_named_person_do_is_not_a_count_of_that_person) {
  auto model = lessons_model();
  auto ranked = generate(model, "top 3 instructors by number of lessons", "");
  ASSERT_EQ(ranked.outcome, plan_outcome::answer) << ranked.understood;
  auto plan = generate(model, "how many did Ann Lee do in 2024?", ranked.query_json);
  if (plan.outcome == plan_outcome::answer)
    EXPECT_EQ(plan.sql.find("FROM \"instructors\" WHERE"), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
