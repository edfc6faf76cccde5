// Feedback that teaches, in a whole worker with a model configured: a
// thumbs-up makes the turn's (question, SQL) a verified example for that user
// only; an operator approves one for everyone, on a subject end users cannot
// publish to.

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "tests/integration/model_worker.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

class feedback : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    postgres_server::shared().load_sample("sales");
  }
};

json::value call(worker_harness& w, const std::string& user, const std::string& verb,
                 const json::object& body) {
  return json::parse(w.api(user, verb, json::serialize(body)));
}

// A question the engine abstains on, asked in a new conversation.
turn_events ask_fresh(worker_harness& w, const std::string& user, const std::string& question,
                      std::string* conv_out = nullptr) {
  auto conv = w.create_conversation(user, "sales");
  if (conv_out)
    *conv_out = conv;
  return w.ask(user, conv, question);
}

// These count the model's calls and read its prompts: the shared SQL cache
// would answer the repeated questions without a call, so it is off here.
constexpr const char* no_sql_cache = ",\"cache_sql_ttl_s\":0";

TEST_F(feedback, a_thumbs_up_teaches_its_user_and_nobody_else) {
  model_worker m{{}, no_sql_cache};
  auto& w = *m.worker;
  std::string conv;
  auto first = ask_fresh(w, "alice", churn_question, &conv);
  ASSERT_EQ(first.last().step, step_kind::answer) << first.last().data_json;
  ASSERT_EQ(data_field(first.last(), "strategy"), "llm");
  ASSERT_EQ(m.model.requests().size(), 1u);

  // Bad feedback is refused with a stable code and stores nothing.
  auto no_rating = call(w, "alice", "feedback", {{"conversation", conv}, {"turn_id", first.last().turn_id}});
  EXPECT_EQ(no_rating.at("error").at("code").as_string(), "bad_request");
  auto unknown = call(w, "alice", "feedback",
                      {{"conversation", conv}, {"turn_id", "nope"}, {"rating", "positive"}});
  EXPECT_EQ(unknown.at("error").at("code").as_string(), "not_found");
  auto others = call(w, "bob", "feedback",
                     {{"conversation", conv}, {"turn_id", first.last().turn_id}, {"rating", "positive"}});
  EXPECT_EQ(others.at("error").at("code").as_string(), "not_found");
  // A thumbs-down is stored and teaches nothing.
  auto down = call(w, "alice", "feedback",
                   {{"conversation", conv}, {"turn_id", first.last().turn_id}, {"rating", "negative"},
                    {"comment", "not what I meant"}, {"category", "accuracy"}});
  ASSERT_TRUE(down.at("ok").as_bool()) << down;
  EXPECT_FALSE(down.at("example").as_bool());
  // Stored with the answer: conversations.get shows it on that message.
  auto got = call(w, "alice", "conversations.get", {{"conversation", conv}});
  auto& judged = got.at("messages").as_array().back();
  EXPECT_EQ(judged.at("role").as_string(), "assistant");
  EXPECT_EQ(judged.at("feedback").at("rating").as_string(), "negative");
  EXPECT_EQ(judged.at("feedback").at("comment").as_string(), "not what I meant");
  auto again = ask_fresh(w, "alice", churn_question);
  EXPECT_EQ(data_field(again.last(), "strategy"), "llm");
  ASSERT_EQ(m.model.requests().size(), 2u);

  auto up = call(w, "alice", "feedback",
                 {{"conversation", conv}, {"turn_id", first.last().turn_id}, {"rating", "positive"}});
  ASSERT_TRUE(up.at("ok").as_bool()) << up;
  EXPECT_TRUE(up.at("example").as_bool());

  // Alice's next identical question is answered from her verified example,
  // with no call to the model.
  auto taught = ask_fresh(w, "alice", churn_question);
  ASSERT_EQ(taught.last().step, step_kind::answer) << taught.last().data_json;
  EXPECT_EQ(data_field(taught.last(), "strategy"), "embedded");
  EXPECT_EQ(data_field(taught.last(), "sql"), right_sql);
  EXPECT_NE(data_field(taught.last(), "explanation").find("verified"), std::string::npos);
  EXPECT_EQ(m.model.requests().size(), 2u);

  // Bob's is not changed: it still goes to the model, and his prompt holds no
  // example of Alice's (the model file's own are there for everyone).
  auto bobs = ask_fresh(w, "bob", churn_question);
  EXPECT_EQ(data_field(bobs.last(), "strategy"), "llm");
  ASSERT_EQ(m.model.requests().size(), 3u);
  auto as_example = std::string{"Q: "} + churn_question;
  EXPECT_EQ(llm::testing::prompt_text(m.model.requests()[2]).find(as_example), std::string::npos);

  // A question of Alice's that the engine still abstains on gets her close
  // example in its prompt.
  ask_fresh(w, "alice", "which customers are likely to churn based on sentiment");
  ASSERT_EQ(m.model.requests().size(), 4u);
  auto prompt = llm::testing::prompt_text(m.model.requests()[3]);
  EXPECT_NE(prompt.find(as_example), std::string::npos) << prompt;
}

// On the shared store the examples come with the turn's start (one call):
// they teach all the same.
TEST_F(feedback, a_thumbs_up_teaches_on_the_shared_store_too) {
  auto& pg = postgres_server::shared();
  pg.create_database("medha_feedback_store");
  model_worker m{{}, std::string{no_sql_cache} + ",\"store\":\"postgres\",\"store_conninfo\":"
                       + json::serialize(json::string{pg.conninfo("medha_feedback_store")})};
  auto& w = *m.worker;
  std::string conv;
  auto first = ask_fresh(w, "alice", churn_question, &conv);
  ASSERT_EQ(data_field(first.last(), "strategy"), "llm") << first.last().data_json;
  auto up = call(w, "alice", "feedback",
                 {{"conversation", conv}, {"turn_id", first.last().turn_id}, {"rating", "positive"}});
  ASSERT_TRUE(up.at("example").as_bool()) << up;
  auto calls = m.model.requests().size();
  auto taught = ask_fresh(w, "alice", churn_question);
  ASSERT_EQ(taught.last().step, step_kind::answer) << taught.last().data_json;
  EXPECT_EQ(data_field(taught.last(), "strategy"), "embedded");
  EXPECT_EQ(data_field(taught.last(), "sql"), right_sql);
  EXPECT_EQ(m.model.requests().size(), calls);
}

TEST_F(feedback, an_operator_approves_an_example_for_everyone) {
  model_worker m{{}, no_sql_cache};
  auto& w = *m.worker;
  std::string conv;
  auto first = ask_fresh(w, "alice", churn_question, &conv);
  ASSERT_EQ(data_field(first.last(), "strategy"), "llm");
  json::object approve{{"user", "alice"}, {"conversation", conv}, {"turn_id", first.last().turn_id}};

  // An end user cannot publish on the operators' subject: no reply comes.
  std::string error;
  auto alice = client::nats_client::connect(m.nats.url(), error, m.nats.credentials("alice"),
                                            "_INBOX.alice");
  ASSERT_TRUE(alice) << error;
  EXPECT_FALSE(alice->request("medha.admin.examples.approve", json::serialize(approve), 1500, error));
  EXPECT_EQ(data_field(ask_fresh(w, "bob", churn_question).last(), "strategy"), "llm");

  auto bad = json::parse(w.request("medha.admin.examples.approve", R"({"user":"alice"})"));
  EXPECT_EQ(bad.at("error").at("code").as_string(), "bad_request");
  auto ok = json::parse(w.request("medha.admin.examples.approve", json::serialize(approve)));
  ASSERT_TRUE(ok.at("ok").as_bool()) << ok;
  EXPECT_EQ(ok.at("example").at("sql").as_string(), right_sql);

  auto calls = m.model.requests().size();
  auto bobs = ask_fresh(w, "bob", churn_question);
  EXPECT_EQ(data_field(bobs.last(), "strategy"), "embedded");
  EXPECT_EQ(data_field(bobs.last(), "sql"), right_sql);
  EXPECT_EQ(m.model.requests().size(), calls);
}

} // namespace
} // namespace medha::testing
