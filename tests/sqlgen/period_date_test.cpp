// Which date a period falls on: the one the question's verb names, or the
// rows' own date when its name tells of no event; never the date of
// another event than the one said.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"

namespace medha::sqlgen {
namespace {

using r = column_role;
using testing::col;

semantic_model kiln() {
  semantic_model m;
  m.data_source = "kiln";
  m.tables = {testing::table("glazes", {col("glaze_id", r::identifier, true),
                                        col("glaze_name", r::text, false, {"Celadon", "Tenmoku"}),
                                        col("launched_on", r::time)}),
              testing::table("tickets", {col("ticket_id", r::identifier, true), col("glaze_id", r::identifier),
                                         col("created_at", r::time)}),
              testing::table("orders", {col("order_id", r::identifier, true), col("order_date", r::time)})};
  m.relationships = {{"tickets", {"glaze_id"}, "glazes", {"glaze_id"}, false}};
  return m;
}

TEST(period_date, a_date_named_for_another_event_than_the_verb_is_asked_about) {
  auto plan = generate(kiln(), "How many glazes did we sell during 2023?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

TEST(period_date, the_date_the_verb_names_or_an_eventless_date_is_used) {
  auto model = kiln();
  for (auto& [question, date] : std::vector<std::pair<std::string, std::string>>{
         {"How many glazes did we launch in 2023?", "\"launched_on\" >= '2023-01-01'"},
         {"How many glazes were launched in 2023?", "\"launched_on\" >= '2023-01-01'"},
         // No event in the name: the rows' own date, whatever the verb.
         {"How many orders did we sell in 2023?", "\"order_date\" >= '2023-01-01'"},
         // A date every row gets when written down tells of no event either.
         {"Count the tickets we sold in 2023", "\"created_at\" >= '2023-01-01'"},
         // A verb for the row coming into being, from either side.
         {"How many glazes did we receive in 2023?", "\"launched_on\" >= '2023-01-01'"},
         // No verb: the rows' date.
         {"How many glazes in 2023?", "\"launched_on\" >= '2023-01-01'"}}) {
    auto plan = generate(model, question, "");
    ASSERT_EQ(plan.outcome, plan_outcome::answer) << question << " / " << plan.understood;
    EXPECT_NE(plan.sql.find(date), std::string::npos) << question << " / " << plan.sql;
  }
}

TEST(period_date, a_state_said_of_a_period_needs_its_own_date) {
  // Hire agreements keep when they start and a state; "cancelled in 2023"
  // is when the cancelling happened, which no date here records.
  semantic_model m;
  m.data_source = "hires";
  m.tables = {testing::table("agreements", {col("agreement_id", r::identifier, true), col("start_dt", r::time),
                                            col("state", r::categorical, false, {"active", "cancelled"})})};
  auto plan = generate(m, "How many agreements were cancelled in 2023?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
  // Said of the rows, the state is a condition; the period is on their date.
  plan = generate(m, "How many cancelled agreements started in 2023?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  // A date of the event itself is when it failed or went well ("sched" is
  // short for scheduled, no event of its own).
  semantic_model runs;
  runs.data_source = "runs";
  runs.tables = {testing::table("drops", {col("drop_id", r::identifier, true), col("sched_dt", r::time),
                                          col("outcome", r::categorical, false, {"failed", "done"})})};
  plan = generate(runs, "How many drops failed in 2023?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
  runs.data_source = "runs_dispatched";
  runs.tables[0].columns[1].name = "dispatched_on";
  plan = generate(runs, "How many drops failed in 2023?", "");
  EXPECT_EQ(plan.outcome, plan_outcome::answer) << plan.understood;
}

} // namespace
} // namespace medha::sqlgen
