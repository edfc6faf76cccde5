// Follow-ups about the rows an answer picked or showed: "who ... the most"
// ranks the groups just shown, a pronoun keeps the rows a ranking picked,
// "had one" points at what was just counted, "list ..." starts a listing,
// and a ranking with nothing to rank by is asked, never made alphabetical.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/hr_model.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;

// One turn: the SQL must contain and exclude these, or (answer == false)
// the engine must ask instead.
struct turn {
  std::string question;
  std::vector<std::string> contains = {};
  std::vector<std::string> excludes = {};
  bool answer = true;
};

void converse(const semantic_model& model, const std::vector<turn>& turns) {
  std::string previous;
  for (auto& t : turns) {
    auto plan = generate(model, t.question, previous);
    if (!t.answer) {
      EXPECT_NE(plan.outcome, plan_outcome::answer) << t.question << "\n  answered: " << plan.sql;
      // As the conversation actor does: a clarify hands its structure on.
      if (!plan.query_json.empty())
        previous = plan.query_json;
      continue;
    }
    EXPECT_EQ(testing::check(plan, {t.question, t.contains, t.excludes}), "") << "turn: " << t.question;
    if (plan.outcome == plan_outcome::answer)
      previous = plan.query_json;
  }
}

TEST(picked_rows, who_or_which_the_most_ranks_the_groups_shown) {
  converse(testing::sales_model(), {
    {"Revenue by region", {"GROUP BY " + q("regions.name")}, {"LIMIT"}},
    {"who made the most?", {"GROUP BY " + q("regions.name"), "ORDER BY \"revenue\" DESC LIMIT 1"}},
  });
  converse(testing::hr_model(), {
    {"How many employees per department?", {"GROUP BY"}, {"LIMIT"}},
    {"which one has the most?", {"ORDER BY \"employee_count\" DESC LIMIT 1"}},
  });
}

TEST(picked_rows, a_pronoun_keeps_the_rows_the_ranking_picked) {
  // Ranking by the new measure could pick another department: the count
  // that picked it stays the order, the salary is shown beside it.
  converse(testing::hr_model(), {
    {"How many employees per department?", {"GROUP BY"}},
    {"which one has the most?", {"LIMIT 1"}},
    {"what is their average salary?",
     {"COUNT(*) AS \"employee_count\"", "AVG(" + q("employees.salary") + ")",
      "ORDER BY \"employee_count\" DESC LIMIT 1"}},
  });
}

TEST(picked_rows, had_one_points_at_what_was_just_counted) {
  converse(testing::sales_model(), {
    {"How many orders are there?", {"COUNT(*)", "FROM \"orders\""}},
    {"Which customers had one?", {"FROM \"customers\" WHERE EXISTS (SELECT 1 FROM \"orders\""}, {"COUNT("}},
  });
  // With nothing counted before, "one" points nowhere: asked.
  converse(testing::sales_model(), {{"Which customers had one?", {}, {}, false}});
}

TEST(picked_rows, list_starts_a_listing_of_the_rows_asked_for) {
  converse(testing::sales_model(), {
    {"How many customers per segment?", {"GROUP BY " + q("customers.segment")}},
    {"list the customers in the West region",
     {"SELECT DISTINCT " + q("customers.name"), q("regions.name") + " = 'West'"}, {"COUNT(", "GROUP BY"}},
  });
  converse(testing::sales_model(), {
    {"How many orders were cancelled?", {"COUNT(*)", q("orders.status") + " = 'cancelled'"}},
    {"list their dates",
     {"SELECT DISTINCT " + q("orders.order_date"), q("orders.status") + " = 'cancelled'"}, {"COUNT(", "GROUP BY"}},
  });
}

TEST(picked_rows, their_names_are_the_rows_just_counted) {
  converse(testing::hr_model(), {
    {"How many employees are in Engineering?", {"COUNT(*)", "'Engineering'"}},
    {"what are their names", {"SELECT DISTINCT " + q("employees.first_name"), "'Engineering'"}, {"COUNT(", "department_name\" AS"}},
  });
}

TEST(picked_rows, after_an_unanswered_question_their_is_asked) {
  // "their" may mean the rows of the question that got no answer.
  converse(testing::hr_model(), {
    {"How many employees are in Engineering?", {"COUNT(*)", "'Engineering'"}},
    {"how many of them are zorbled?", {}, {}, false},
    {"what are their names", {}, {}, false},
    {"list the employees in Engineering", {q("employees.first_name"), "'Engineering'"}},
  });
}

TEST(picked_rows, a_ranking_with_nothing_to_rank_by_is_asked) {
  // Names are no measure: ordering them alphabetically would answer a
  // question nobody asked.
  converse(testing::sales_model(), {{"which region name got the most?", {}, {}, false}});
  converse(testing::sales_model(), {{"Which customer made the most?", {}, {}, false}});
}

TEST(picked_rows, the_answer_names_the_groups_or_values_shown) {
  auto model = testing::sales_model();
  auto grouped = generate(model, "How many orders per customer?", "");
  ASSERT_EQ(grouped.outcome, plan_outcome::answer);
  EXPECT_EQ(grouped.subject, "customers");
  auto first = generate(model, "How many customers are there?", "");
  ASSERT_EQ(first.outcome, plan_outcome::answer);
  auto segments = generate(model, "which segments are they in?", first.query_json);
  ASSERT_EQ(segments.outcome, plan_outcome::answer) << segments.understood;
  EXPECT_EQ(segments.subject, "segment");
}

semantic_model till_model() {
  auto col = [](std::string name, column_role role, bool key = false) {
    column_info c;
    c.name = std::move(name);
    c.type = role == column_role::numeric ? "numeric" : role == column_role::time ? "date" : "text";
    c.role = role;
    c.primary_key = key;
    return c;
  };
  using r = column_role;
  semantic_model m;
  m.data_source = "till";
  auto name = col("name", r::text);
  name.lookup_values = {"Ann Lee", "Bob Stone"};
  m.tables = {
    testing::table("customers", {col("customer_id", r::identifier, true), name}),
    testing::table("payments", {col("payment_id", r::identifier, true), col("customer_id", r::identifier),
                                col("amount", r::numeric), col("paid_on", r::time)}),
  };
  m.relationships = {{"payments", {"customer_id"}, "customers", {"customer_id"}, false}};
  return m;
}

TEST(picked_rows, an_auxiliary_is_not_having) {
  // "how much has she paid": the total of the rows kept, not rows with a
  // payment above zero, nor groups by amount.
  converse(till_model(), {
    {"How many payments has Ann Lee made?", {"COUNT(*)", "'Ann Lee'"}},
    {"and how much has she paid altogether?", {"SUM(" + q("payments.amount") + ")", "'Ann Lee'"},
     {"> 0", "GROUP BY"}},
  });
}

TEST(picked_rows, a_currency_after_a_number_is_how_it_is_written) {
  converse(testing::sales_model(), {
    {"How many products have a unit price above 20 dollars?", {q("products.unit_price") + " > 20"}},
    {"How many products have a unit price above 20 euros?", {q("products.unit_price") + " > 20"}},
  });
}

} // namespace
} // namespace medha::sqlgen
