// The oracle model of tests/llm/oracle: it finds a suite's question in a
// chat request as Medha writes it and answers with the gold SQL.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "actors/sqlgen/llm/reply_parser.hpp"
#include "tests/llm/oracle/gold_oracle.hpp"

namespace medha::llm::testing {
namespace {

namespace json = boost::json;

std::vector<client::suite_case> suite() {
  return {
    {"a", "sales", "c", {{"How many orders?", "SELECT count(*) FROM orders"},
                         {"and by region", "SELECT 1 AS a; SELECT 2 AS b"}}},
    {"b", "hr", "c", {{"How many employees?", "SELECT count(*) FROM employees"},
                      {"and by region", "SELECT region, count(*) FROM employees GROUP BY region"}}},
    {"c", "hr", "c", {{"Will it rain tomorrow?", ""},
                      {"Which {name, salary} are highest?", "SELECT {name, salary} FROM employees"}}},
  };
}

// A chat-completions request: history as user/assistant pairs, then the question.
recorded_request request(const std::vector<std::string>& users) {
  json::array messages{json::object{{"role", "system"}, {"content", "You write PostgreSQL."}}};
  for (size_t i = 0; i < users.size(); ++i) {
    messages.push_back(json::object{{"role", "user"}, {"content", users[i]}});
    if (i + 1 < users.size())
      messages.push_back(json::object{{"role", "assistant"}, {"content", "```sql\nSELECT 1\n```"}});
  }
  recorded_request r;
  r.method = "POST";
  r.target = "/v1/chat/completions";
  r.body = json::serialize(json::object{{"model", "gold"}, {"messages", messages}, {"stream", false}});
  return r;
}

TEST(gold_oracle, answers_the_last_question_with_its_gold_sql) {
  gold_oracle oracle{suite()};
  auto found = oracle.answer(request({"how many orders"}));
  ASSERT_EQ(found.what, oracle_answer::kind::gold);
  EXPECT_EQ(found.text, "SELECT count(*) FROM orders");
}

TEST(gold_oracle, tells_a_repeated_follow_up_apart_by_the_history) {
  gold_oracle oracle{suite()};
  EXPECT_EQ(oracle.answer(request({"How many orders?", "and by region"})).text, "SELECT 1 AS a");
  EXPECT_EQ(oracle.answer(request({"How many employees?", "and by region"})).text,
            "SELECT region, count(*) FROM employees GROUP BY region");
}

TEST(gold_oracle, finds_the_question_after_rows_and_before_a_correction) {
  gold_oracle oracle{suite()};
  auto req = request({"The last answer's first rows:\n| n |\n| 3 |\nQuestion: How many employees?",
                      "That SQL failed: relation \"x\" does not exist\nWrite a corrected query."});
  auto found = oracle.answer(req);
  ASSERT_EQ(found.what, oracle_answer::kind::gold);
  EXPECT_EQ(found.text, "SELECT count(*) FROM employees");
}

TEST(gold_oracle, takes_the_first_alternative_and_column_set) {
  gold_oracle oracle{suite()};
  EXPECT_EQ(oracle.answer(request({"which name, salary are highest"})).what, oracle_answer::kind::unknown);
  auto found = oracle.answer(request({"Which {name, salary} are highest?"}));
  EXPECT_EQ(found.text, "SELECT name FROM employees");
}

TEST(gold_oracle, replies_in_protocol_with_a_fence_or_one_question) {
  gold_oracle oracle{suite()};
  auto sql = oracle.reply(request({"How many orders?"}));
  auto body = json::parse(sql.body).as_object();
  std::string content{body.at("choices").at(0).at("message").at("content").as_string()};
  auto parsed = parse_reply(content);
  EXPECT_EQ(parsed.what, parsed_reply::kind::sql);
  EXPECT_EQ(parsed.sql, "SELECT count(*) FROM orders");

  for (auto* q : {"Will it rain tomorrow?", "What is the meaning of life?"}) {
    auto reply = oracle.reply(request({q}));
    auto o = json::parse(reply.body).as_object();
    std::string text{o.at("choices").at(0).at("message").at("content").as_string()};
    EXPECT_EQ(parse_reply(text).what, parsed_reply::kind::clarify) << q;
  }
}

} // namespace
} // namespace medha::llm::testing
