// The stages the conversation actor calls itself (direct_stages.hpp): they
// take the place of their actors' requests, and a SQL call that declines
// leaves the turn to the sqlgen actor.

#include "tests/conversation/conversation_fixture.hpp"

namespace medha {
namespace {

struct direct_calls {
  std::atomic<int> sql{0};
  std::atomic<int> visualize{0};
};

// Direct stages that count their calls; `plan_it`: the SQL call answers
// (else it declines, as for a question that goes to a model).
std::shared_ptr<const direct_stages> counting_stages(std::shared_ptr<direct_calls> calls,
                                                     bool plan_it) {
  auto direct = std::make_shared<direct_stages>();
  direct->sql = [calls, plan_it](const sql_request& req) -> std::optional<sql_plan> {
    calls->sql++;
    if (!plan_it)
      return std::nullopt;
    sql_plan p;
    p.sql = "SELECT count(*) AS n FROM orders";
    p.query_json = "{\"q\":\"" + req.question + "\"}";
    p.confidence = 1;
    return p;
  };
  direct->visualize = [calls](const result_set&, const sql_plan&) {
    calls->visualize++;
    return chart{"kpi", "{}"};
  };
  return direct;
}

struct direct_stages_unit : conversation_unit {};

size_t sqlgen_requests(observations& seen) {
  std::lock_guard<std::mutex> guard{seen.mx};
  return seen.previous_queries.size();
}

TEST_F(direct_stages_unit, direct_stages_answer_without_their_actors) {
  auto calls = std::make_shared<direct_calls>();
  deps.direct = counting_stages(calls, true);
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "how many orders"));
  auto evs = events->turn("t1");
  std::vector<std::string> want{"context:started", "context:done",  "sql:started",
                                "sql:done",        "validate:started", "validate:done",
                                "execute:started", "execute:done",  "visualize:started",
                                "visualize:done",  "answer:done"};
  EXPECT_EQ(steps(evs), want);
  EXPECT_EQ(calls->sql.load(), 1);
  EXPECT_EQ(calls->visualize.load(), 1);
  EXPECT_EQ(sqlgen_requests(*seen), 0u);
  EXPECT_EQ(store->messages("u", "c1").size(), 2u);
}

TEST_F(direct_stages_unit, a_declined_direct_sql_call_asks_the_sqlgen_actor) {
  auto calls = std::make_shared<direct_calls>();
  deps.direct = counting_stages(calls, false);
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "how many orders"));
  auto evs = events->turn("t1");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(std::string{to_string(evs.back().step)}, "answer");
  EXPECT_EQ(calls->sql.load(), 1);
  EXPECT_EQ(sqlgen_requests(*seen), 1u);
}

} // namespace
} // namespace medha
