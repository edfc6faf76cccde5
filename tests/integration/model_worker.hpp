#pragma once

// A worker with a language model configured: the protocol peer of
// tests/support/fake_llm_server plays the model (OpenAI protocol), on its
// own nats-server, with the sales sample database.

#include <memory>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/fake_llm_server.hpp"

namespace medha::testing {

// Questions the engine cannot place (words that name nothing in sales).
constexpr const char* churn_question = "which customers are likely to churn next quarter based on sentiment";
constexpr const char* momentum_question = "rank customers by their sentiment momentum";
constexpr const char* wrong_sql = "SELECT sentiment_momentum FROM customers";
constexpr const char* right_sql = "SELECT name FROM customers ORDER BY name LIMIT 5";

// The model: the right SQL, except for the momentum question, whose first
// SQL names a column that does not exist until the error is fed back.
inline llm::testing::scripted_reply answer_as_model(const llm::testing::recorded_request& req) {
  auto prompt = llm::testing::prompt_text(req);
  std::string sql = right_sql;
  if (prompt.find("sentiment momentum") != std::string::npos
      && prompt.find("does not exist") == std::string::npos)
    sql = wrong_sql;
  return llm::testing::reply_as_asked(req, "```sql\n" + sql + "\n```");
}

inline std::string llm_config(const llm::testing::fake_llm_server& model) {
  namespace json = boost::json;
  json::object llm{{"provider", "openai"}, {"base_url", model.base_url() + "/v1"},
                   {"model", "fake-sql-1"}, {"models", json::array{"fake-sql-2"}},
                   {"max_retries", 0},
                   {"price_in_per_1k", 0.5}, {"price_out_per_1k", 1.5}};
  return ",\"llm\":" + json::serialize(llm);
}

// One worker with the model configured, on its own NATS.
struct model_worker {
  /// `extra_json`: more config keys (",\"cache_sql_ttl_s\":0").
  explicit model_worker(std::vector<std::string> sharing = {}, const std::string& extra_json = "") {
    worker_options opts;
    opts.sources = {"sales"};
    opts.sharing_data = std::move(sharing);
    opts.extra_json = llm_config(model) + extra_json;
    worker = std::make_unique<worker_harness>(nats, opts);
    worker->start();
  }
  llm::testing::fake_llm_server model{answer_as_model};
  nats_server nats;
  std::unique_ptr<worker_harness> worker;
};

} // namespace medha::testing
