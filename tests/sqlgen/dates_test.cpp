// Dates and times: relative periods, buckets, days between dates, and dates
// kept as Unix epoch seconds. Over a small airline schema written for these tests.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/words.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

column_info col(std::string name, column_role role, std::string type, std::string comment = "",
                std::vector<std::string> values = {}) {
  column_info c;
  c.values = std::move(values);
  c.name = std::move(name);
  c.role = role;
  c.type = std::move(type);
  c.comment = std::move(comment);
  return c;
}

semantic_model airline_model() {
  using r = column_role;
  using testing::table;
  semantic_model m;
  m.data_source = "airline";
  m.tables = {
    // departure_time holds epoch seconds: introspection makes it a time.
    table("flight", {col("flight_id", r::identifier, "bigint"),
                     col("departure_time", r::time, "bigint", "Epoch timestamp for departure time"),
                     col("flight_number", r::text, "text"),
                     col("eta", r::time, "timestamp", "When the flight is expected to land")}),
    table("payments_received", {col("payment_id", r::identifier, "bigint"),
                                col("payment_date", r::time, "date"),
                                col("payment_amount", r::numeric, "numeric"),
                                col("payment_method", r::categorical, "text")}),
    table("passenger", {col("passenger_id", r::identifier, "bigint"),
                        col("date_of_birth", r::time, "date"),
                        col("gender", r::categorical, "text", "", {"Male", "Female"}),
                        col("seat_class", r::categorical, "text", "Cabin booked by the passenger",
                            {"economy", "business"})}),
    // Dated by an integer year and a column of month names, some padded.
    table("tip", {col("tip_id", r::identifier, "bigint"), col("likes", r::numeric, "bigint"),
                  col("year", r::numeric, "bigint"),
                  col("month", r::categorical, "text", "", {"January", "February  ", "March", "May"})}),
    // Each row counts the visits on one day of the week, named.
    table("visit", {col("visit_id", r::identifier, "bigint"),
                    col("day", r::categorical, "text", "", {"Monday", "Thursday", "Friday", "Saturday", "Sunday"}),
                    col("count", r::numeric, "bigint")}),
    table("claim", {col("claim_id", r::identifier, "bigint"), col("flight_id", r::identifier, "bigint"),
                    col("filed_dt", r::time, "date"), col("reason", r::text, "text")}),
    // A row with its own start and end: its duration is their span.
    table("work_shift", {col("shift_id", r::identifier, "bigint"),
                         col("start_time", r::time, "timestamp"),
                         col("end_time", r::time, "timestamp"),
                         col("station", r::categorical, "text", "", {"north", "south"})}),
    table("trip", {col("trip_id", r::identifier, "bigint"), col("departure_at", r::time, "timestamp"),
                   col("arrival_at", r::time, "timestamp")}),
    // Times of day only, no dates.
    table("class_slot", {col("slot_id", r::identifier, "bigint"), col("start_time", r::time, "time without time zone"),
                         col("end_time", r::time, "time without time zone"), col("room", r::text, "text")}),
    table("voyage", {col("voyage_id", r::identifier, "bigint"),
                     col("sail_time", r::time, "bigint", "Epoch timestamp for sailing"),
                     col("dock_time", r::time, "bigint", "Epoch timestamp for docking")}),
    // A date set once the permit is approved.
    table("permit", {col("permit_id", r::identifier, "bigint"),
                     col("appr_dt", r::time, "date", "City approval date. NULL while pending"),
                     col("fee", r::numeric, "numeric")}),
    table("payments_made", {col("payment_id", r::identifier, "bigint"),
                            col("payment_date", r::time, "date"),
                            col("payment_amount", r::numeric, "numeric"),
                            col("vendor_name", r::text, "text", "Name the vendor registered with")}),
  };
  m.relationships = {testing::link_of("claim", "flight_id", "flight", "flight_id")};
  return m;
}

void run(const std::vector<sql_row>& rows) {
  auto model = airline_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question << " / " << plan.understood;
  }
}

TEST(dates, epoch_seconds_read_as_times) {
  auto departure = "TO_TIMESTAMP(" + q("flight.departure_time") + ")";
  run({
    {"Count the number of flight departures for each month",
     {"TO_CHAR(" + departure + ", 'YYYY-MM') AS \"month\"", "COUNT(*)"}},
    {"How many flight departures were there in 2020?", {testing::period(departure, "2020-01-01", "2021-01-01")}},
    {"How many flight departures between 2020-01-01 and 2020-03-31?",
     {departure + " >= '2020-01-01'", departure + " < '2020-04-01'"}},
    {"What's the earliest flight departure time?",
     {"TO_TIMESTAMP(MIN(" + q("flight.departure_time") + "))"}},
    {"What's the earliest flight departure time in the day in HH:MM?",
     {"TO_CHAR(MIN(" + departure + "::time), 'HH24:MI')"}},
    {"What's the difference in days between today and the earliest flight departure?",
     {"CURRENT_DATE - TO_TIMESTAMP(MIN(" + q("flight.departure_time") + "))::date"}},
  });
}

TEST(dates, whole_calendar_periods) {
  auto date = q("payments_received.payment_date");
  auto week = "DATE_TRUNC('week', CURRENT_DATE)";
  auto month = "DATE_TRUNC('month', CURRENT_DATE)";
  run({
    {"daily total amount of payments received in the previous ISO week not including the current week",
     {date + " >= " + week + " - INTERVAL '1 week' AND " + date + " < " + week,
      "DATE_TRUNC('day', " + date + ")"}},
    {"total payments received in the last 3 calendar months (not including the current month)",
     {date + " >= " + month + " - INTERVAL '3 months' AND " + date + " < " + month}},
    {"total payments received in the past 3 months", {date + " >= CURRENT_DATE - INTERVAL '3 months'"}},
    {"total payments received within the last 6 months from today",
     {date + " >= CURRENT_DATE - INTERVAL '6 months'"}},
    {"total payments received between 2023-01-01 and 2023-03-31",
     {date + " >= '2023-01-01'", date + " < '2023-04-01'"}},
    {"total payments received exactly 2 days before 2024-03-01",
     {date + " >= '2024-02-28'", date + " < '2024-02-29'"}},
    {"total payments received on 2024-02-28", {date + " >= '2024-02-28'", date + " < '2024-02-29'"}},
    {"total payments received 2023-12-31", {date + " >= '2023-12-31'", date + " < '2024-01-01'"}},
    // A day said in words, with its year.
    {"total payments received on April 3, 2023", {date + " >= '2023-04-03'", date + " < '2023-04-04'"}, {"= 3"}},
    {"total payments received on 29th February 2024", {date + " >= '2024-02-29'", date + " < '2024-03-01'"}},
    {"total payments received on the 5th of May 2022", {date + " >= '2022-05-05'", date + " < '2022-05-06'"}},
  });
}

TEST(dates, the_period_asked_for) {
  auto date = q("payments_received.payment_date");
  run({
    {"Which month had the most payments received? Return the no. of payments and the month as a date",
     {"TO_CHAR(" + date + ", 'YYYY-MM') AS \"month\"", "COUNT(*)", "DESC LIMIT 1"}},
    {"What year had the highest total payment amount of payments received?",
     {"EXTRACT(YEAR FROM " + date + ")::int AS \"year\"", "SUM(", "DESC LIMIT 1"}},
  });
}

// "from <a year or month> onwards": since then, not that year alone.
TEST(dates, from_a_date_onwards) {
  auto date = q("payments_received.payment_date");
  run({{"payments received from 2023 onwards", {date + " >= '2023-01-01'"}, {"'2024-01-01'"}},
       {"count payments received from June 2023 onward", {date + " >= '2023-06-01'"}, {"'2023-07-01'"}}});
}

// Words a date's description says just so name that date.
TEST(dates, a_date_named_by_its_description) {
  run({{"How many flights were expected to land in the last 10 days?",
        {q("flight.eta") + " >= CURRENT_DATE - INTERVAL '10 days'"}}});
}

// A column of day names takes periods of the week; rows that say how many
// they stand for are counted by that number.
TEST(dates, days_named_in_a_column) {
  auto day = q("visit.day");
  run({
    {"How many visits on weekends?", {"SUM(" + q("visit.count") + ")", day + " IN ('Saturday', 'Sunday')"}},
    {"How many visits on the 2 days before Saturday?", {day + " IN ('Thursday', 'Friday')"}},
    {"How many visits are there on each day of the week?",
     {"GROUP BY " + day, "SUM(" + q("visit.count") + ")"}},
    {"Which day of the week had the most visits?", {"GROUP BY " + day, "DESC LIMIT 1"}},
    {"What is the ratio of visits on weekends to visits on weekdays?",
     {"SUM(" + q("visit.count") + ") FILTER (WHERE " + day + " IN ('Saturday', 'Sunday'))"}},
  });
}

// On a date, the day of the week is the name of its day, in week order.
TEST(dates, days_of_the_week_of_a_date) {
  auto date = q("payments_received.payment_date");
  run({
    {"total payments received on each day of the week",
     {"TRIM(TO_CHAR(" + date + ", 'Day')) AS \"weekday\"", "ORDER BY MIN(EXTRACT(DOW FROM " + date + "))"}},
    {"Which day of the week had the most payments received?",
     {"GROUP BY TRIM(TO_CHAR(" + date + ", 'Day'))", "DESC LIMIT 1"}},
  });
}

// "no. of" abbreviates "number of"; a "No." that answers stays a no.
TEST(dates, number_abbreviated) {
  EXPECT_EQ(normalize_question("the no. of students"), "the number of students");
  EXPECT_EQ(normalize_question("No. I meant revenue"), "No. I meant revenue");
}

// "within 2 days after the departure": a window after another table's date.
TEST(dates, a_window_after_another_date) {
  auto departure = "TO_TIMESTAMP(" + q("flight.departure_time") + ")";
  run({
    {"List the claim date and reason of claims filed within 2 days after the flight departure",
     {q("claim.filed_dt") + " BETWEEN " + departure + " AND " + departure + " + INTERVAL '2 days'",
      q("claim.reason")}},
    // "filed date" is filed_dt; "claim date" its table's only date.
    {"How many claims had a filed date in 2023?", {testing::period(q("claim.filed_dt"), "2023-01-01", "2024-01-01")}},
  });
}

// Ages are counted from a birth date: whole years to today.
TEST(dates, ages_from_birth_dates) {
  auto age = "EXTRACT(YEAR FROM AGE(CURRENT_DATE, " + q("passenger.date_of_birth") + "))";
  run({
    {"What is the average age of male passengers?",
     {"AVG(" + age + ")", q("passenger.gender") + " = 'Male'"}},
    {"maximum age of passengers", {"MAX(" + age + ")"}},
    // "registered" is only in a description of another table's column.
    {"What is the average age of all registered male passengers?",
     {"AVG(" + age + ")", q("passenger.gender") + " = 'Male'"}, {"payments_made"}},
    // "economy cabin": the word the value's column is described with.
    {"average age of passengers with economy cabin",
     {"AVG(" + age + ")", q("passenger.seat_class") + " = 'economy'"}},
  });
}

// A year column with a column of month names dates rows to their month.
TEST(dates, year_and_month_name_columns) {
  auto year = q("tip.year");
  auto index = "(" + year + " * 12 + EXTRACT(MONTH FROM TO_DATE(TRIM(" + q("tip.month") + "), 'Month')))";
  run({
    {"How many tips in March 2021?",
     {year + " = 2021 AND EXTRACT(MONTH FROM TO_DATE(TRIM(" + q("tip.month") + "), 'Month')) = 3"}},
    // "the month of": the unit word only introduces the month named.
    {"How many tips were given in the month of March 2021?",
     {year + " = 2021 AND EXTRACT(MONTH FROM TO_DATE(TRIM(" + q("tip.month") + "), 'Month')) = 3"}},
    {"How many tips between June 2021 and December 2021?",
     {index + " >= " + std::to_string(2021 * 12 + 6), index + " < " + std::to_string(2022 * 12 + 1)}},
    {"How many tips in the last 10 calendar months?",
     {index + " >= (EXTRACT(YEAR FROM CURRENT_DATE) * 12 + EXTRACT(MONTH FROM CURRENT_DATE)) - 10"}},
  });
  // A month that far from a named month; a day only when said exactly.
  run({
    {"How many tips exactly 2 months after March 2021?",
     {year + " = 2021 AND EXTRACT(MONTH FROM TO_DATE(TRIM(" + q("tip.month") + "), 'Month')) = 5"}},
    {"How many tips 3 months before February 2021?", {year + " = 2020", "= 11"}},
  });
  // Months within one year are named; across years they are "2021-03".
  run({
    {"How many tips were there in each month of the year 2021, ordered by the month?",
     {"GROUP BY " + q("tip.month"), "ORDER BY EXTRACT(MONTH FROM TO_DATE(TRIM(" + q("tip.month") + "), 'Month'))"}},
    {"monthly tips", {"TO_CHAR(MAKE_DATE(" + year + "::int, "}},
  });
  // Dates are whole months: "between June 2021 and December 2021" on a date.
  auto date = q("payments_received.payment_date");
  run({{"total payments received between June 2021 and December 2021",
        {date + " >= '2021-06-01'", date + " < '2022-01-01'"}}});
}

// A duration: the span between two times of a row, in the unit asked for
// ("in minutes"); epoch seconds are subtracted as they are.
TEST(dates, durations_in_the_unit_asked_for) {
  auto start = q("work_shift.start_time"), end = q("work_shift.end_time");
  run({
    {"What is the average work shift duration in minutes for each station?",
     {"AVG((EXTRACT(EPOCH FROM (" + end + " - " + start + "))) / 60.0)",
      "GROUP BY " + q("work_shift.station")}},
    {"What is the average work shift duration?", {"AVG(" + end + " - " + start + ")"}},
    {"What is the average trip duration in hours?",
     {"AVG((EXTRACT(EPOCH FROM (" + q("trip.arrival_at") + " - " + q("trip.departure_at") + "))) / 3600.0)"}},
    {"What is the total work shift duration in hours?",
     {"SUM((EXTRACT(EPOCH FROM (" + end + " - " + start + "))) / 3600.0)"}},
    {"What is the average time between sail time and dock time of voyages in seconds?",
     {"AVG(" + q("voyage.dock_time") + " - " + q("voyage.sail_time") + ")"}, {"TO_TIMESTAMP"}},
    {"What is the average number of days between sail time and dock time of voyages?",
     {"AVG(TO_TIMESTAMP(" + q("voyage.dock_time") + ")::date - TO_TIMESTAMP(" + q("voyage.sail_time")
      + ")::date)"}},
  });
  // No start and end to span: the word is not understood.
  auto model = airline_model();
  auto plan = generate(model, "What is the average payments received duration in minutes?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

// "permits that have been approved": the date of that event is set.
TEST(dates, an_event_that_happened_has_its_date) {
  run({
    {"How many permits have been approved?", {q("permit.appr_dt") + " IS NOT NULL", "COUNT(*)"}},
    {"What is the total fee of permits that were approved?",
     {q("permit.appr_dt") + " IS NOT NULL", "SUM(" + q("permit.fee") + ")"}},
  });
  // Not yet happened: the date is not set.
  run({{"How many permits have not been approved?", {q("permit.appr_dt") + " IS NULL", "COUNT(*)"}}});
  // Another event, which no date records: asked.
  auto model = airline_model();
  auto plan = generate(model, "How many permits were rejected?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

// "in the latest X": the rows of the latest date, among the periods asked.
TEST(dates, the_rows_of_the_latest_date) {
  auto date = q("payments_received.payment_date");
  run({
    {"What is the total payment amount of payments received on the latest payment date in 2023?",
     {date + " = (SELECT MAX(\"x0\".\"payment_date\") FROM \"payments_received\" AS \"x0\" WHERE "
             "\"x0\".\"payment_date\" >= '2023-01-01' AND \"x0\".\"payment_date\" < '2024-01-01')",
      "SUM(" + q("payments_received.payment_amount") + ")"}},
    {"How many payments received in the earliest payment date?",
     {date + " = (SELECT MIN(\"x0\".\"payment_date\") FROM \"payments_received\" AS \"x0\")"}},
    // A period, not a date of rows.
    {"total payments received in the last 3 months", {date + " >= CURRENT_DATE - INTERVAL '3 months'"},
     {"SELECT MAX"}},
  });
  // The latest of something with no date: asked.
  auto model = airline_model();
  auto plan = generate(model, "How many visits on the latest day?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

// "before 1pm": a clock time compared with a time-of-day column.
TEST(dates, clock_times_of_a_time_of_day) {
  run({
    {"Which class slots end before 1pm?", {q("class_slot.end_time") + " < '13:00:00'"}},
    {"List the class slots with an end time after 9 pm", {q("class_slot.end_time") + " > '21:00:00'"}},
    {"How many class slots have a start time before noon?", {q("class_slot.start_time") + " < '12:00:00'"}},
  });
  // No time of day to compare: asked.
  auto model = airline_model();
  auto plan = generate(model, "How many payments received before 9am?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
