// The answer's sentence written by a model, in a whole worker (real
// nats-server, medhad, PostgreSQL, and the protocol peer of
// tests/support/fake_llm_server as the model): only for a data source with
// allow_llm_to_see_data, from the question, SQL and first rows; a failed call
// leaves the engine's sentence; without the flag no call is made at all.

#include <memory>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "tests/integration/model_worker.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;
using llm::testing::fake_llm_server;
using llm::testing::prompt_text;
using llm::testing::recorded_request;
using llm::testing::scripted_reply;

class answer_sentence_turn : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    postgres_server::shared().load_sample("sales");
  }
};

using llm::testing::asks_for_answer_sentence;

// The model words the first row it was shown: what it says comes from the
// rows it got, not from anything it knew.
scripted_reply word_the_first_row(const recorded_request& req) {
  return asks_for_answer_sentence(req) ? llm::testing::word_the_first_row(req) : answer_as_model(req);
}

scripted_reply fail_the_sentence(const recorded_request& req) {
  if (!asks_for_answer_sentence(req))
    return answer_as_model(req);
  return llm::testing::error_reply(500, "the model is down", false);
}

struct sentence_worker {
  sentence_worker(fake_llm_server::responder respond, bool sharing) : model{std::move(respond)} {
    worker_options opts;
    opts.sources = {"sales"};
    if (sharing)
      opts.sharing_data = {"sales"};
    opts.extra_json = llm_config(model);
    worker = std::make_unique<worker_harness>(nats, opts);
    worker->start();
  }
  fake_llm_server model;
  nats_server nats;
  std::unique_ptr<worker_harness> worker;
};

// Asks a question the engine answers; the final event's data (the test fails
// when it is not an answer).
json::object answer_of(sentence_worker& w, turn_events& turn) {
  turn = w.worker->ask("alice", w.worker->create_conversation("alice", "sales"), "revenue by region");
  EXPECT_EQ(turn.last().step, step_kind::answer) << turn.last().data_json;
  return json::parse(turn.last().data_json).as_object();
}

TEST_F(answer_sentence_turn, a_source_that_shares_its_data_gets_the_models_sentence) {
  sentence_worker w{word_the_first_row, true};
  turn_events turn;
  auto answer = answer_of(w, turn);
  EXPECT_EQ(answer.at("strategy").as_string(), "embedded") << "the engine wrote the SQL";
  EXPECT_EQ(answer.at("answer_by").as_string(), "model");
  auto& first = answer.at("rows").at(0).as_array();
  std::string region{first.at(0).as_string()};
  auto text = std::string{answer.at("text").as_string()};
  EXPECT_EQ(text.rfind("The first row is " + region + " | ", 0), 0u) << text;
  EXPECT_EQ(text.back(), '.') << "trimmed, one paragraph: " << text;
  EXPECT_EQ(answer.at("usage").at("calls").as_int64(), 1);

  ASSERT_EQ(w.model.requests().size(), 1u);
  auto sent = prompt_text(w.model.requests().front());
  EXPECT_NE(sent.find("Question: revenue by region"), std::string::npos) << sent;
  EXPECT_NE(sent.find(std::string{answer.at("sql").as_string()}), std::string::npos) << sent;
  for (auto& row : answer.at("rows").as_array())
    EXPECT_NE(sent.find(std::string{row.at(0).as_string()}), std::string::npos) << "every region's row";
  // The stored message is the sentence the user saw.
  auto history = json::parse(w.worker->api("alice", "conversations.get",
                                           R"({"conversation":")" + turn.last().conv + R"("})"));
  EXPECT_NE(json::serialize(history).find("The first row is " + region), std::string::npos);
}

TEST_F(answer_sentence_turn, without_allow_llm_to_see_data_no_call_is_made) {
  sentence_worker w{word_the_first_row, false};
  turn_events turn;
  auto answer = answer_of(w, turn);
  EXPECT_EQ(answer.at("answer_by").as_string(), "engine");
  EXPECT_EQ(std::string{answer.at("text").as_string()}.find("The first row is"), std::string::npos);
  EXPECT_FALSE(answer.contains("usage"));
  EXPECT_TRUE(w.model.requests().empty()) << "no rows, no call";
}

TEST_F(answer_sentence_turn, a_failed_call_leaves_the_engines_sentence) {
  sentence_worker w{fail_the_sentence, true};
  turn_events turn;
  auto answer = answer_of(w, turn);
  EXPECT_EQ(answer.at("answer_by").as_string(), "engine");
  EXPECT_NE(std::string{answer.at("answer_failure").as_string()}.find("the model is down"),
            std::string::npos) << answer.at("answer_failure");
  EXPECT_FALSE(std::string{answer.at("text").as_string()}.empty());
  EXPECT_EQ(w.model.requests().size(), 1u) << "asked once (max_retries 0), then the engine's";
}

} // namespace
} // namespace medha::testing
