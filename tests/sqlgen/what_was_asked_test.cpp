// Answers that read well and are still wrong: a ranking of other rows than
// the ones a question word asked for, a total the joins repeat rows of, an
// average of a score divided among rows, a breakdown that keeps the one
// value it breaks down. Each is either answered rightly or asked about.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "tests/sqlgen/garden_model.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

// Turns of one conversation; an empty `contains` means the engine must ask.
void converse(const std::vector<sql_row>& turns) {
  auto model = testing::garden_model();
  std::string previous;
  for (auto& t : turns) {
    auto plan = generate(model, t.question, previous);
    if (t.contains.empty()) {
      EXPECT_NE(plan.outcome, plan_outcome::answer) << t.question << "\n  answered: " << plan.sql;
      continue;
    }
    EXPECT_EQ(testing::check(plan, t), "") << "turn: " << t.question;
    previous = plan.query_json;
  }
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

TEST(what_was_asked, a_breakdown_by_a_column_drops_its_one_value) {
  converse({{"average rental rate of Family videos", {q("videos.rating") + " = 'Family'"}},
            {"and Adult ones?", {q("videos.rating") + " = 'Adult'"}},
            // All the ratings, not the one group of the last value.
            {"per rating", {"GROUP BY " + q("videos.rating")}, {"= 'Adult'", "= 'Family'"}}});
  // A condition on another column stays.
  converse({{"how many clients are in Oslo", {q("clients.city") + " = 'Oslo'"}},
            {"by country", {"GROUP BY " + q("clients.country"), q("clients.city") + " = 'Oslo'"}}});
}

TEST(what_was_asked, a_score_is_averaged_within_each_group) {
  // A score per client is the average of its rows in each client's group...
  converse({{"average mood score per client",
             {"AVG(" + q("complaints.mood_score") + ")", "GROUP BY " + q("clients.company_name")},
             {"SUM("}}});
  // ...while an amount per client is the total over the number of clients.
  converse({{"average freight per client", {"SUM(" + q("deliveries.freight") + ")", "COUNT(DISTINCT"},
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

} // namespace
} // namespace medha::sqlgen
