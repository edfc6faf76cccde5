// The sqlgen actor with a model configured, against the protocol peer: what
// the engine answers makes no network call; what it abstains on goes to the
// model (streamed as progress), and so do corrections.

#include <atomic>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>
#include <gtest/gtest.h>

#include "actors/sqlgen/sqlgen_actor.hpp"
#include "tests/support/fake_llm_server.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha {
namespace {

using llm::testing::fake_llm_server;
using llm::testing::recorded_request;

constexpr const char* abstained = "which customers are likely to churn next quarter based on sentiment";

struct hybrid : ::testing::Test {
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  model_ptr model = std::make_shared<semantic_model>(sqlgen::testing::sales_model());

  sqlgen_actor spawn(const fake_llm_server& server, const std::string& provider,
                     std::set<std::string> sharing = {}) {
    sqlgen_settings s;
    s.llm.provider = provider;
    s.llm.base_url = server.base_url() + "/v1";
    s.llm.model = "test-model";
    s.llm.max_retries = 1;
    s.llm.backoff_ms = 1;
    s.api_key = "k";
    s.sources_sharing_data = std::move(sharing);
    return spawn_sqlgen_actor(sys, std::move(s));
  }

  sql_request request(const std::string& question, caf::scoped_actor& self) {
    sql_request req;
    req.model = model;
    req.question = question;
    req.data_source = "sales";
    req.history = {{"total revenue", "SELECT SUM(quantity * unit_price) AS revenue FROM order_items"}};
    result_set rows;
    rows.columns = {{"revenue", "numeric"}};
    rows.rows = {{std::string{"98765.43"}}};
    req.last_rows = rows;
    req.progress = caf::actor_cast<caf::strong_actor_ptr>(self);
    req.progress_tag = 42;
    return req;
  }

  sql_plan ask(caf::scoped_actor& self, const sqlgen_actor& sqlgen, sql_request req) {
    sql_plan out;
    self->request(sqlgen, std::chrono::seconds(30), generate_atom_v, std::move(req))
      .receive([&](sql_plan& p) { out = std::move(p); },
               [&](const caf::error& err) { ADD_FAILURE() << caf::to_string(err); });
    return out;
  }

  // Progress the worker sent before its reply (same sender: already queued).
  std::vector<std::string> progress(caf::scoped_actor& self) {
    std::vector<std::string> out;
    bool more = true;
    while (more)
      self->receive(
        [&](progress_atom, uint64_t tag, const std::string& data) {
          EXPECT_EQ(tag, 42u);
          out.push_back(data);
        },
        caf::after(std::chrono::seconds(0)) >> [&] { more = false; });
    return out;
  }
};

TEST_F(hybrid, a_question_the_engine_answers_makes_no_network_call) {
  fake_llm_server server{[](const recorded_request&) { return llm::testing::openai_json("SELECT 1"); }};
  auto sqlgen = spawn(server, "openai");
  caf::scoped_actor self{sys};
  for (auto* q : {"What's the total revenue?", "revenue by region", "how many orders"}) {
    auto plan = ask(self, sqlgen, request(q, self));
    EXPECT_EQ(plan.outcome, plan_outcome::answer) << q;
    EXPECT_EQ(plan.strategy, "embedded") << q;
    EXPECT_NE(plan.strategy_reason.find("one complete interpretation"), std::string::npos);
  }
  EXPECT_TRUE(server.requests().empty());
  EXPECT_TRUE(progress(self).empty());
}

TEST_F(hybrid, a_users_verified_example_answers_without_a_call_and_close_ones_reach_the_prompt) {
  fake_llm_server server{[](const recorded_request& r) {
    return llm::testing::reply_as_asked(r, "```sql\nSELECT 3\n```");
  }};
  auto sqlgen = spawn(server, "openai");
  caf::scoped_actor self{sys};
  auto asked = request(abstained, self);
  asked.examples = {{abstained, "SELECT 42"}};
  auto plan = ask(self, sqlgen, asked);
  EXPECT_EQ(plan.strategy, "embedded");
  EXPECT_EQ(plan.sql, "SELECT 42");
  EXPECT_EQ(plan.strategy_reason, "a verified example answers this question");
  EXPECT_TRUE(server.requests().empty());
  progress(self);

  // Worded otherwise: the model writes it, with the close example (not the
  // unrelated one) in its prompt.
  auto other = request("which customers will churn based on sentiment", self);
  other.examples = {{"units sold by colour", "SELECT 7"}, {abstained, "SELECT 42"}};
  plan = ask(self, sqlgen, other);
  EXPECT_EQ(plan.strategy, "llm");
  ASSERT_EQ(server.requests().size(), 1u);
  auto prompt = llm::testing::prompt_text(server.requests()[0]);
  EXPECT_NE(prompt.find("SELECT 42"), std::string::npos) << prompt;
  EXPECT_EQ(prompt.find("SELECT 7"), std::string::npos) << prompt;
  EXPECT_EQ(plan.usage.calls, 1);
  EXPECT_EQ(plan.usage.input_tokens, 321);
}

TEST_F(hybrid, an_abstention_goes_to_the_model_and_streams_as_progress) {
  std::string sql = "SELECT c.name FROM customers c ORDER BY c.signup_date DESC LIMIT 10";
  fake_llm_server server{[&](const recorded_request&) {
    return llm::testing::anthropic_stream({"```sql\n", sql.substr(0, 30), sql.substr(30), "\n```"});
  }};
  auto sqlgen = spawn(server, "anthropic");
  caf::scoped_actor self{sys};
  auto plan = ask(self, sqlgen, request(abstained, self));
  EXPECT_EQ(plan.outcome, plan_outcome::answer);
  EXPECT_EQ(plan.strategy, "llm");
  EXPECT_EQ(plan.sql, sql);
  EXPECT_EQ(plan.attempt, 1);
  EXPECT_NE(plan.strategy_reason.find("the engine abstained"), std::string::npos);
  EXPECT_GT(plan.prompt_tokens, 0u);
  EXPECT_EQ(plan.prompt_budget, 8000u);
  EXPECT_FALSE(plan.data_shared);
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1u);
  auto prompt = llm::testing::prompt_text(reqs[0]);
  EXPECT_NE(prompt.find(abstained), std::string::npos);
  EXPECT_NE(prompt.find("CREATE TABLE public.customers"), std::string::npos);
  EXPECT_NE(prompt.find("SELECT SUM(quantity * unit_price) AS revenue FROM order_items"), std::string::npos)
    << "the last turn's SQL is in the prompt";
  EXPECT_EQ(prompt.find("98765.43"), std::string::npos) << "rows stay private by default";
  EXPECT_EQ(prompt.find("'Boston'"), std::string::npos) << "values stay private by default";
  // The prompt's size first, then the reply in pieces that add up to it.
  auto events = progress(self);
  ASSERT_GE(events.size(), 2u);
  EXPECT_NE(events.front().find("\"phase\":\"prompt\""), std::string::npos);
  std::string streamed;
  for (size_t i = 1; i < events.size(); ++i) {
    EXPECT_NE(events[i].find("\"phase\":\"delta\""), std::string::npos);
    streamed += events[i];
  }
  EXPECT_NE(streamed.find("signup_date DESC"), std::string::npos);
}

TEST_F(hybrid, a_data_source_that_allows_it_shares_rows_and_values) {
  fake_llm_server server{[](const recorded_request& r) { return llm::testing::reply_as_asked(r, "SELECT 1"); }};
  auto sqlgen = spawn(server, "openai", {"sales"});
  caf::scoped_actor self{sys};
  auto plan = ask(self, sqlgen, request(abstained, self));
  EXPECT_TRUE(plan.data_shared);
  auto prompt = llm::testing::prompt_text(server.requests().at(0));
  EXPECT_NE(prompt.find("98765.43"), std::string::npos);
  EXPECT_NE(prompt.find("'Boston'"), std::string::npos);
}

TEST_F(hybrid, a_correction_goes_straight_to_the_model_with_the_error) {
  fake_llm_server server{[](const recorded_request& r) {
    auto prompt = llm::testing::prompt_text(r);
    bool told = prompt.find("column \"nme\" does not exist") != std::string::npos;
    return llm::testing::reply_as_asked(r, told ? "```sql\nSELECT name FROM products\n```"
                                                : "```sql\nSELECT nme FROM products\n```");
  }};
  auto sqlgen = spawn(server, "openai");
  caf::scoped_actor self{sys};
  // Even a question the engine could answer: a correction is the model's.
  auto req = request("What's the total revenue?", self);
  req.failed = {{"SELECT nme FROM products", "column \"nme\" does not exist"}};
  auto plan = ask(self, sqlgen, std::move(req));
  EXPECT_EQ(plan.strategy, "llm");
  EXPECT_EQ(plan.sql, "SELECT name FROM products");
  EXPECT_EQ(plan.attempt, 2);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(hybrid, a_model_that_fails_leaves_the_engine_s_clarify_with_the_reason) {
  fake_llm_server server{[](const recorded_request&) {
    return llm::testing::error_reply(503, "upstream unavailable", false);
  }};
  auto sqlgen = spawn(server, "openai");
  caf::scoped_actor self{sys};
  auto plan = ask(self, sqlgen, request(abstained, self));
  EXPECT_EQ(plan.outcome, plan_outcome::clarify);
  EXPECT_EQ(plan.strategy, "embedded");
  EXPECT_NE(plan.failure.find("upstream unavailable"), std::string::npos) << plan.failure;
  EXPECT_NE(plan.strategy_reason.find("the language model failed"), std::string::npos);
  EXPECT_EQ(server.requests().size(), 2u); // 1 + max_retries
}

TEST_F(hybrid, a_model_question_becomes_a_clarify) {
  fake_llm_server server{[](const recorded_request& r) {
    return llm::testing::reply_as_asked(r, "Do you mean churn by last order date or by cancelled orders?");
  }};
  auto sqlgen = spawn(server, "openai");
  caf::scoped_actor self{sys};
  auto plan = ask(self, sqlgen, request(abstained, self));
  EXPECT_EQ(plan.outcome, plan_outcome::clarify);
  EXPECT_EQ(plan.strategy, "llm");
  EXPECT_EQ(plan.question_to_user, "Do you mean churn by last order date or by cancelled orders?");
  EXPECT_TRUE(plan.sql.empty());
}

} // namespace
} // namespace medha
