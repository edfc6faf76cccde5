// Words whose ordinary-English use must not hide what they name here:
// "accounts" is a table, not the verb of "account for"; "opened" is what an
// account did, not the status 'open' that only shares its stem.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;

column_info col(std::string name, column_role role, std::vector<std::string> values = {}) {
  column_info c;
  c.name = std::move(name);
  c.type = role == column_role::identifier ? "integer" : "text";
  c.role = role;
  c.primary_key = c.name == "account_id" || c.name == "ticket_id";
  c.values = std::move(values);
  return c;
}

semantic_model helpdesk_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "helpdesk";
  auto accounts = testing::table("accounts", {col("account_id", r::identifier), col("name", r::text),
                                              col("plan", r::categorical, {"Free", "Pro", "Enterprise"})});
  auto tickets = testing::table("tickets", {col("ticket_id", r::identifier), col("account_id", r::identifier),
                                            col("status", r::categorical, {"open", "closed", "cancelled"})});
  tickets.columns[1].primary_key = false;
  m.tables = {accounts, tickets};
  m.relationships = {{"tickets", {"account_id"}, "accounts", {"account_id"}, false}};
  return m;
}

TEST(word_forms, accounts_names_the_accounts_table) {
  auto model = helpdesk_model();
  auto plan = generate(model, "How many accounts per plan?", "");
  EXPECT_EQ(testing::check(plan, {"", {"COUNT(*)", "GROUP BY " + q("accounts.plan")}, {"DISTINCT"}}), "");
}

TEST(word_forms, a_verb_is_not_the_state_sharing_its_stem) {
  auto model = helpdesk_model();
  auto opened = generate(model, "Which 3 accounts opened the most tickets?", "");
  if (opened.outcome == plan_outcome::answer)
    EXPECT_EQ(opened.sql.find("'open'"), std::string::npos) << opened.sql;
  auto open = generate(model, "How many open tickets are there?", "");
  EXPECT_EQ(testing::check(open, {"", {q("tickets.status") + " = 'open'"}}), "");
  auto cancelled = generate(model, "How many tickets were cancelled?", "");
  EXPECT_EQ(testing::check(cancelled, {"", {q("tickets.status") + " = 'cancelled'"}}), "");
}

TEST(word_forms, a_verb_with_no_object_is_the_state_of_its_subject) {
  // "How many tickets opened?" has nothing after the verb: the tickets'
  // own state, stored as the verb's stem. Before its noun, an adjective.
  auto model = helpdesk_model();
  for (auto* question : {"How many tickets opened?", "how many tickets have opened",
                         "How many opened tickets are there?"}) {
    auto plan = generate(model, question, "");
    EXPECT_EQ(testing::check(plan, {"", {q("tickets.status") + " = 'open'"}}), "") << question;
  }
}

TEST(word_forms, people_and_members_of_a_table) {
  using r = column_role;
  semantic_model m;
  m.data_source = "shop";
  m.tables = {testing::table("salespersons", {col("salesperson_id", r::identifier), col("name", r::text)}),
              testing::table("staff", {col("staff_id", r::identifier), col("name", r::text)})};
  m.tables[0].columns[0].primary_key = m.tables[1].columns[0].primary_key = true;
  auto people = generate(m, "how many salespeople are there in total", "");
  EXPECT_EQ(testing::check(people, {"", {"COUNT(*)", "FROM \"salespersons\""}}), "");
  auto members = generate(m, "Who are the staff members?", "");
  EXPECT_EQ(testing::check(members, {"", {q("staff.name"), "FROM \"staff\""}}), "");
}

} // namespace
} // namespace medha::sqlgen
