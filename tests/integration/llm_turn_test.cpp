// The hybrid SQL stage in a whole worker: real nats-server, medhad and
// PostgreSQL, and the protocol peer of tests/support/fake_llm_server as the
// model. What the engine answers makes no call; what it abstains on goes to
// the model; a model's SQL that PostgreSQL rejects is corrected in view of
// the events; result rows reach the model only when the source allows it.

#include <algorithm>
#include <cstdio>
#include <memory>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "tests/integration/model_worker.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;
using llm::testing::fake_llm_server;
using llm::testing::prompt_text;

const json::object& data_of(const step_event& ev, json::value& holder) {
  holder = json::parse(ev.data_json);
  return holder.as_object();
}

class llm_turn : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    postgres_server::shared().load_sample("sales");
  }
};

TEST_F(llm_turn, the_engine_answers_without_a_call_and_the_model_takes_what_it_abstains_on) {
  model_worker w;
  auto conv = w.worker->create_conversation("alice", "sales");
  auto first = w.worker->ask("alice", conv, "total revenue");
  ASSERT_EQ(first.last().step, step_kind::answer) << first.last().data_json;
  EXPECT_EQ(data_field(first.last(), "strategy"), "embedded");
  EXPECT_TRUE(w.model.requests().empty()) << "the engine's answer called the model";

  auto turn = w.worker->ask("alice", conv, churn_question);
  ASSERT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
  json::value holder;
  auto& answer = data_of(turn.last(), holder);
  EXPECT_EQ(answer.at("strategy").as_string(), "llm");
  EXPECT_NE(std::string{answer.at("strategy_reason").as_string()}.find("abstain"), std::string::npos)
      << answer.at("strategy_reason");
  EXPECT_EQ(answer.at("sql").as_string(), right_sql);
  EXPECT_EQ(answer.at("model").as_string(), "fake-sql-1");
  EXPECT_EQ(answer.at("rows").as_array().size(), 5u);
  // Token counts as the server reported them, priced from the config.
  auto& usage = answer.at("usage").as_object();
  EXPECT_EQ(usage.at("input_tokens").as_int64(), 321);
  EXPECT_EQ(usage.at("output_tokens").as_int64(), 12);
  EXPECT_NEAR(usage.at("cost").as_double(), 0.321 * 0.5 + 0.012 * 1.5, 1e-9);
  // The reply streamed as sql progress deltas, in order.
  std::string streamed;
  for (auto& ev : turn.events)
    if (ev.step == step_kind::sql && ev.status == step_status::progress
        && data_field(ev, "phase") == "delta")
      streamed += data_field(ev, "delta");
  EXPECT_NE(streamed.find(right_sql), std::string::npos) << streamed;
  ASSERT_EQ(w.model.requests().size(), 1u);
  // The prompt carries the conversation's last turn with its SQL.
  auto prompt = prompt_text(w.model.requests()[0]);
  EXPECT_NE(prompt.find("total revenue"), std::string::npos);
  EXPECT_NE(prompt.find(data_field(first.last(), "sql")), std::string::npos);

  // The stats count the turn's tokens and cost.
  auto stats = json::parse(w.worker->api("ops", "stats", "{}")).as_object();
  auto& llm = stats.at("llm").as_object();
  EXPECT_EQ(llm.at("calls").as_int64(), 1);
  EXPECT_EQ(llm.at("input_tokens").as_int64(), 321);
  EXPECT_NEAR(llm.at("cost").as_double(), 0.321 * 0.5 + 0.012 * 1.5, 1e-9);
}

TEST_F(llm_turn, sql_postgres_rejects_goes_back_to_the_model_in_view_of_the_events) {
  model_worker w;
  auto conv = w.worker->create_conversation("alice", "sales");
  auto turn = w.worker->ask("alice", conv, momentum_question);
  ASSERT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
  EXPECT_EQ(data_field(turn.last(), "sql"), right_sql);
  EXPECT_EQ(data_field(turn.last(), "attempt"), "2");
  // The failed execution, then sql started again as attempt 2 with the error.
  auto failed = std::find_if(turn.events.begin(), turn.events.end(), [](const step_event& ev) {
    return ev.step == step_kind::execute && ev.status == step_status::failed;
  });
  ASSERT_NE(failed, turn.events.end());
  EXPECT_EQ(data_field(*failed, "code"), "query_failed");
  auto again = std::find_if(failed, turn.events.end(), [](const step_event& ev) {
    return ev.step == step_kind::sql && ev.status == step_status::started;
  });
  ASSERT_NE(again, turn.events.end());
  EXPECT_EQ(data_field(*again, "attempt"), "2");
  EXPECT_NE(data_field(*again, "correcting").find("sentiment_momentum"), std::string::npos);
  ASSERT_EQ(w.model.requests().size(), 2u);
  EXPECT_NE(prompt_text(w.model.requests()[1]).find(wrong_sql), std::string::npos);
  // Both calls are counted in the turn's usage.
  json::value holder;
  EXPECT_EQ(data_of(turn.last(), holder).at("usage").at("calls").as_int64(), 2);
}

// The model named in each request the server got.
std::vector<std::string> models_called(const fake_llm_server& server) {
  std::vector<std::string> out;
  for (auto& req : server.requests())
    out.emplace_back(json::parse(req.body).at("model").as_string());
  return out;
}

TEST_F(llm_turn, a_conversation_chooses_its_model_among_those_configured) {
  model_worker w;
  auto created = json::parse(w.worker->api(
      "alice", "conversations.create",
      R"({"data_source":"sales","llm":{"provider":"openai","model":"fake-sql-2"}})"));
  ASSERT_TRUE(created.at("ok").as_bool()) << created;
  EXPECT_EQ(created.at("conversation").at("llm").at("model").as_string(), "fake-sql-2");
  std::string conv{created.at("conversation").at("id").as_string()};
  auto turn = w.worker->ask("alice", conv, churn_question);
  ASSERT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
  EXPECT_EQ(data_field(turn.last(), "model"), "fake-sql-2");

  // A model or provider the configuration does not offer is refused.
  for (auto body : {R"({"llm":{"provider":"openai","model":"gpt-9"}})",
                    R"({"llm":{"provider":"anthropic"}})"}) {
    auto refused = json::parse(w.worker->api("alice", "conversations.create", body));
    EXPECT_FALSE(refused.at("ok").as_bool());
    EXPECT_EQ(refused.at("error").at("code").as_string(), "llm_not_offered") << refused;
  }
  auto malformed = json::parse(w.worker->api("alice", "conversations.create", R"({"llm":"gpt"})"));
  EXPECT_EQ(malformed.at("error").at("code").as_string(), "bad_request");

  // The verb changes it for the next turns, and the choice is stored.
  auto changed = json::parse(w.worker->api(
      "alice", "conversations.set_llm",
      R"({"conversation":")" + conv + R"(","llm":{"model":"fake-sql-1"}})"));
  ASSERT_TRUE(changed.at("ok").as_bool()) << changed;
  w.worker->ask("alice", conv, churn_question);
  EXPECT_EQ(models_called(w.model), (std::vector<std::string>{"fake-sql-2", "fake-sql-1"}));
  auto got = json::parse(w.worker->api("alice", "conversations.get",
                                       R"({"conversation":")" + conv + R"("})"));
  EXPECT_EQ(got.at("conversation").at("llm").at("model").as_string(), "fake-sql-1");
  auto unknown = json::parse(w.worker->api(
      "alice", "conversations.set_llm",
      R"({"conversation":")" + conv + R"(","llm":{"model":"fake-sql-3"}})"));
  EXPECT_EQ(unknown.at("error").at("code").as_string(), "llm_not_offered");
}

// The last answer's number and the columns' sampled values, in every prompt the model got.
struct shared_with_model {
  bool rows = false;
  bool values = false;
};

shared_with_model ask_after_an_answer(model_worker& w, bool allowed) {
  auto conv = w.worker->create_conversation("alice", "sales");
  auto first = w.worker->ask("alice", conv, "total revenue");
  EXPECT_EQ(first.last().step, step_kind::answer) << first.last().data_json;
  json::value holder;
  auto& cell = data_of(first.last(), holder).at("rows").at(0).at(0);
  // A number on the wire; PostgreSQL's own text (two decimals) in a prompt.
  char revenue[64];
  std::snprintf(revenue, sizeof revenue, "%.2f", cell.to_number<double>());
  auto turn = w.worker->ask("alice", conv, churn_question);
  EXPECT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
  EXPECT_EQ(data_field(turn.last(), "data_shared"), allowed ? "true" : "false");
  shared_with_model out;
  for (auto& req : w.model.requests()) {
    auto text = prompt_text(req);
    if (llm::testing::asks_for_answer_sentence(req))
      continue; // the answer's sentence (answer_sentence_test): rows by design
    out.rows |= text.find(revenue) != std::string::npos;
    out.values |= text.find("values: ") != std::string::npos;
  }
  EXPECT_FALSE(w.model.requests().empty());
  return out;
}

TEST_F(llm_turn, without_allow_llm_to_see_data_the_model_never_receives_rows_or_values) {
  model_worker w;
  auto seen = ask_after_an_answer(w, false);
  EXPECT_FALSE(seen.rows);
  EXPECT_FALSE(seen.values);
}

TEST_F(llm_turn, a_source_that_allows_it_shares_the_last_rows_and_values) {
  model_worker w{{"sales"}};
  auto seen = ask_after_an_answer(w, true);
  EXPECT_TRUE(seen.rows);
  EXPECT_TRUE(seen.values);
}

} // namespace
} // namespace medha::testing
