// The providers against a protocol peer on loopback: what Medha sends (URL,
// headers, JSON) and how it reads both APIs' replies, streamed or whole, and
// their failures (429 with Retry-After, 5xx, 4xx, malformed bodies).

#include <atomic>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "actors/sqlgen/llm/llm_client.hpp"
#include "actors/sqlgen/llm/openai_provider.hpp"
#include "tests/support/fake_llm_server.hpp"

namespace medha::llm {
namespace {

namespace json = boost::json;
using testing::fake_llm_server;
using testing::recorded_request;
using testing::scripted_reply;

llm_settings settings_for(const std::string& provider, const std::string& base_url) {
  llm_settings s;
  s.provider = provider;
  s.base_url = base_url;
  s.model = provider == "anthropic" ? "claude-test" : "test-model";
  s.timeout_ms = 10000;
  s.max_retries = 2;
  s.backoff_ms = 250;
  s.max_tokens = 333;
  return s;
}

chat_prompt small_prompt() {
  return {"You write SQL.", {{"user", "total revenue"}}};
}

// Records the waits a client asks for instead of sleeping them.
struct waits {
  std::vector<std::chrono::milliseconds> asked;
  std::vector<long> statuses;
  llm_client::retry_fn on_retry() {
    return [this](int, long status, std::chrono::milliseconds, const std::string&) {
      statuses.push_back(status);
    };
  }
  llm_client::sleep_fn sleep() {
    return [this](std::chrono::milliseconds ms) { asked.push_back(ms); };
  }
};

json::object body_of(const recorded_request& r) {
  return json::parse(r.body).as_object();
}

TEST(openai_protocol, sends_a_chat_completion_and_reads_the_reply) {
  fake_llm_server server{[](const recorded_request&) { return testing::openai_json("```sql\nSELECT 1\n```"); }};
  llm_client client{settings_for("openai", server.base_url() + "/v1"), "sk-test"};
  auto result = client.complete(small_prompt());
  ASSERT_TRUE(std::holds_alternative<completion>(result)) << std::get<medha_error>(result).message;
  auto& reply = std::get<completion>(result);
  EXPECT_EQ(reply.text, "```sql\nSELECT 1\n```");
  EXPECT_EQ(reply.input_tokens, 321);
  EXPECT_EQ(reply.output_tokens, 12);
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_EQ(reqs[0].method, "POST");
  EXPECT_EQ(reqs[0].target, "/v1/chat/completions");
  EXPECT_EQ(reqs[0].headers["authorization"], "Bearer sk-test");
  EXPECT_EQ(reqs[0].headers["content-type"], "application/json");
  auto body = body_of(reqs[0]);
  EXPECT_EQ(body["model"].as_string(), "test-model");
  EXPECT_EQ(body["temperature"].to_number<double>(), 0.0);
  EXPECT_EQ(body["max_tokens"].to_number<int>(), 333);
  EXPECT_FALSE(body["stream"].as_bool());
  auto& messages = body["messages"].as_array();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].as_object().at("role").as_string(), "system");
  EXPECT_EQ(messages[0].as_object().at("content").as_string(), "You write SQL.");
  EXPECT_EQ(messages[1].as_object().at("role").as_string(), "user");
}

TEST(openai_protocol, streams_deltas_in_order) {
  std::vector<std::string> pieces{"```sql\nSELECT", " sum(total)", " FROM orders", "\n```"};
  fake_llm_server server{[&](const recorded_request&) { return testing::openai_stream(pieces); }};
  llm_client client{settings_for("openai", server.base_url() + "/v1/"), ""};
  std::vector<std::string> deltas;
  auto result = client.complete(small_prompt(), [&](const std::string& d) { deltas.push_back(d); });
  ASSERT_TRUE(std::holds_alternative<completion>(result)) << std::get<medha_error>(result).message;
  EXPECT_EQ(deltas, pieces);
  EXPECT_EQ(std::get<completion>(result).text, "```sql\nSELECT sum(total) FROM orders\n```");
  EXPECT_EQ(std::get<completion>(result).stop_reason, "stop");
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_TRUE(body_of(reqs[0])["stream"].as_bool());
  EXPECT_EQ(reqs[0].headers.count("authorization"), 0u) << "no key, no header (local servers)";
}

TEST(openai_protocol, a_stream_asks_for_its_token_counts) {
  fake_llm_server server{[&](const recorded_request& req) {
    return testing::reply_as_asked(req, "```sql\nSELECT 1\n```");
  }};
  llm_client client{settings_for("openai", server.base_url() + "/v1"), ""};
  auto result = client.complete(small_prompt(), [](const std::string&) {});
  ASSERT_TRUE(std::holds_alternative<completion>(result)) << std::get<medha_error>(result).message;
  EXPECT_TRUE(body_of(server.requests().at(0))["stream_options"].as_object().at("include_usage").as_bool());
  // The usage chunk has no choices: counted, and the text is whole.
  EXPECT_EQ(std::get<completion>(result).input_tokens, 321);
  EXPECT_EQ(std::get<completion>(result).output_tokens, 12);
  EXPECT_EQ(std::get<completion>(result).text, "```sql\nSELECT 1\n```");
}

TEST(openai_protocol, azure_deployment_urls_are_used_as_given) {
  openai_provider azure{"https://r.openai.azure.com/openai/deployments/d1/chat/completions?api-version=2024-06-01",
                        "gpt", 100, std::chrono::milliseconds(1000)};
  auto req = azure.build_request(small_prompt(), false, "k");
  EXPECT_EQ(req.url, "https://r.openai.azure.com/openai/deployments/d1/chat/completions?api-version=2024-06-01");
  EXPECT_NE(std::find(req.headers.begin(), req.headers.end(), "api-key: k"), req.headers.end());
  openai_provider ollama{"http://127.0.0.1:11434/v1", "qwen", 100, std::chrono::milliseconds(1000)};
  EXPECT_EQ(ollama.url(), "http://127.0.0.1:11434/v1/chat/completions");
}

TEST(openai_protocol, a_server_that_ignores_stream_is_read_whole) {
  fake_llm_server server{[](const recorded_request&) { return testing::openai_json("SELECT 9"); }};
  llm_client client{settings_for("openai", server.base_url() + "/v1"), ""};
  std::string streamed;
  auto result = client.complete(small_prompt(), [&](const std::string& d) { streamed += d; });
  ASSERT_TRUE(std::holds_alternative<completion>(result)) << std::get<medha_error>(result).message;
  EXPECT_EQ(std::get<completion>(result).text, "SELECT 9");
  EXPECT_TRUE(body_of(server.requests().at(0))["stream"].as_bool());
}

TEST(anthropic_protocol, sends_a_messages_request_and_reads_the_reply) {
  fake_llm_server server{[](const recorded_request&) { return testing::anthropic_json("SELECT 2"); }};
  llm_client client{settings_for("anthropic", server.base_url()), "ak-test"};
  auto result = client.complete(small_prompt());
  ASSERT_TRUE(std::holds_alternative<completion>(result)) << std::get<medha_error>(result).message;
  EXPECT_EQ(std::get<completion>(result).text, "SELECT 2");
  EXPECT_EQ(std::get<completion>(result).input_tokens, 410);
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_EQ(reqs[0].target, "/v1/messages");
  EXPECT_EQ(reqs[0].headers["x-api-key"], "ak-test");
  EXPECT_EQ(reqs[0].headers["anthropic-version"], "2023-06-01");
  EXPECT_EQ(reqs[0].headers.count("authorization"), 0u);
  auto body = body_of(reqs[0]);
  EXPECT_EQ(body["system"].as_string(), "You write SQL.");
  EXPECT_EQ(body["model"].as_string(), "claude-test");
  EXPECT_EQ(body["max_tokens"].to_number<int>(), 333);
  EXPECT_EQ(body["temperature"].to_number<double>(), 0.0);
  auto& messages = body["messages"].as_array();
  ASSERT_EQ(messages.size(), 1u) << "the system prompt is a field, not a message";
  EXPECT_EQ(messages[0].as_object().at("role").as_string(), "user");
}

TEST(anthropic_protocol, streams_text_deltas_and_usage) {
  std::vector<std::string> pieces{"```sql\n", "SELECT region, ", "sum(total) FROM orders GROUP BY region", "\n```"};
  fake_llm_server server{[&](const recorded_request&) { return testing::anthropic_stream(pieces); }};
  llm_client client{settings_for("anthropic", server.base_url() + "/v1"), "k"};
  std::vector<std::string> deltas;
  auto result = client.complete(small_prompt(), [&](const std::string& d) { deltas.push_back(d); });
  ASSERT_TRUE(std::holds_alternative<completion>(result)) << std::get<medha_error>(result).message;
  EXPECT_EQ(deltas, pieces);
  auto& reply = std::get<completion>(result);
  EXPECT_EQ(reply.text, "```sql\nSELECT region, sum(total) FROM orders GROUP BY region\n```");
  EXPECT_EQ(reply.input_tokens, 410);
  EXPECT_EQ(reply.output_tokens, 17);
  EXPECT_EQ(reply.stop_reason, "end_turn");
  EXPECT_EQ(server.requests().at(0).target, "/v1/messages");
}

TEST(anthropic_protocol, an_error_event_in_the_stream_is_an_error) {
  fake_llm_server server{[](const recorded_request&) {
    scripted_reply r{200, {{"Content-Type", "text/event-stream"}}, {}, {}};
    r.chunks = {"event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n"};
    return r;
  }};
  llm_client client{settings_for("anthropic", server.base_url()), "k"};
  auto result = client.complete(small_prompt(), [](const std::string&) {});
  ASSERT_TRUE(std::holds_alternative<medha_error>(result));
  EXPECT_NE(std::get<medha_error>(result).message.find("Overloaded"), std::string::npos);
}

// Both protocols: the same retry behaviour.
class retries : public ::testing::TestWithParam<std::string> {
protected:
  bool anthropic() const { return GetParam() == "anthropic"; }
  scripted_reply ok() const {
    return anthropic() ? testing::anthropic_json("SELECT 1") : testing::openai_json("SELECT 1");
  }
};

TEST_P(retries, a_429_waits_as_long_as_retry_after_says) {
  std::atomic<int> calls{0};
  fake_llm_server server{[&](const recorded_request&) {
    return ++calls == 1 ? testing::error_reply(429, "Rate limit reached", anthropic(), "7") : ok();
  }};
  llm_client client{settings_for(GetParam(), server.base_url() + "/v1"), "k"};
  waits w;
  auto result = client.complete(small_prompt(), {}, w.on_retry(), w.sleep());
  ASSERT_TRUE(std::holds_alternative<completion>(result)) << std::get<medha_error>(result).message;
  EXPECT_EQ(server.requests().size(), 2u);
  ASSERT_EQ(w.asked.size(), 1u);
  EXPECT_EQ(w.asked[0], std::chrono::milliseconds(7000));
  EXPECT_EQ(w.statuses, std::vector<long>{429});
}

TEST_P(retries, a_5xx_backs_off_doubling_and_gives_up_after_max_retries) {
  fake_llm_server server{[&](const recorded_request&) {
    return testing::error_reply(anthropic() ? 529 : 500, "The server had an error", anthropic());
  }};
  llm_client client{settings_for(GetParam(), server.base_url() + "/v1"), "k"};
  waits w;
  auto result = client.complete(small_prompt(), {}, w.on_retry(), w.sleep());
  ASSERT_TRUE(std::holds_alternative<medha_error>(result));
  auto& msg = std::get<medha_error>(result).message;
  EXPECT_NE(msg.find("after 3 attempts"), std::string::npos) << msg;
  EXPECT_NE(msg.find("The server had an error"), std::string::npos) << msg;
  EXPECT_EQ(server.requests().size(), 3u); // 1 + max_retries
  EXPECT_EQ(w.asked, (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(250),
                                                            std::chrono::milliseconds(500)}));
}

TEST_P(retries, a_500_then_success_answers) {
  std::atomic<int> calls{0};
  fake_llm_server server{[&](const recorded_request&) {
    return ++calls == 1 ? testing::error_reply(500, "boom", anthropic()) : ok();
  }};
  llm_client client{settings_for(GetParam(), server.base_url() + "/v1"), "k"};
  waits w;
  auto result = client.complete(small_prompt(), {}, w.on_retry(), w.sleep());
  ASSERT_TRUE(std::holds_alternative<completion>(result));
  EXPECT_EQ(std::get<completion>(result).text, "SELECT 1");
  EXPECT_EQ(w.statuses, std::vector<long>{500});
}

TEST_P(retries, a_4xx_is_not_retried_and_its_message_is_kept) {
  fake_llm_server server{[&](const recorded_request&) {
    return testing::error_reply(400, "max_tokens: must be positive", anthropic());
  }};
  llm_client client{settings_for(GetParam(), server.base_url() + "/v1"), "k"};
  waits w;
  auto result = client.complete(small_prompt(), {}, w.on_retry(), w.sleep());
  ASSERT_TRUE(std::holds_alternative<medha_error>(result));
  EXPECT_NE(std::get<medha_error>(result).message.find("max_tokens: must be positive"), std::string::npos);
  EXPECT_EQ(server.requests().size(), 1u);
  EXPECT_TRUE(w.asked.empty());
}

TEST_P(retries, a_retry_after_past_the_longest_wait_fails_at_once) {
  fake_llm_server server{[&](const recorded_request&) {
    return testing::error_reply(429, "quota", anthropic(), "3600");
  }};
  llm_client client{settings_for(GetParam(), server.base_url() + "/v1"), "k"};
  waits w;
  auto result = client.complete(small_prompt(), {}, w.on_retry(), w.sleep());
  ASSERT_TRUE(std::holds_alternative<medha_error>(result));
  EXPECT_NE(std::get<medha_error>(result).message.find("3600"), std::string::npos);
  EXPECT_EQ(server.requests().size(), 1u);
  EXPECT_TRUE(w.asked.empty());
}

TEST_P(retries, a_streamed_call_retries_before_any_delta) {
  std::atomic<int> calls{0};
  fake_llm_server server{[&](const recorded_request&) {
    if (++calls == 1)
      return testing::error_reply(429, "slow down", anthropic(), "0");
    return anthropic() ? testing::anthropic_stream({"SELECT ", "1"}) : testing::openai_stream({"SELECT ", "1"});
  }};
  llm_client client{settings_for(GetParam(), server.base_url() + "/v1"), "k"};
  waits w;
  std::string streamed;
  auto result = client.complete(small_prompt(), [&](const std::string& d) { streamed += d; },
                                w.on_retry(), w.sleep());
  ASSERT_TRUE(std::holds_alternative<completion>(result)) << std::get<medha_error>(result).message;
  EXPECT_EQ(streamed, "SELECT 1") << "the 429's body is not read as a stream";
  EXPECT_EQ(w.asked, std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(0)});
}

TEST_P(retries, malformed_json_is_an_error_not_a_reply) {
  fake_llm_server server{[&](const recorded_request&) {
    return scripted_reply{200, {{"Content-Type", "application/json"}}, "{\"choices\": [", {}};
  }};
  llm_client client{settings_for(GetParam(), server.base_url() + "/v1"), "k"};
  auto result = client.complete(small_prompt());
  ASSERT_TRUE(std::holds_alternative<medha_error>(result));
  EXPECT_NE(std::get<medha_error>(result).message.find("not JSON"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(both_protocols, retries, ::testing::Values("openai", "anthropic"));

TEST(transport, a_closed_port_is_retried_then_reported) {
  int port;
  {
    fake_llm_server gone{[](const recorded_request&) { return testing::openai_json(""); }};
    port = gone.port();
  }
  auto s = settings_for("openai", "http://127.0.0.1:" + std::to_string(port) + "/v1");
  s.max_retries = 1;
  llm_client client{s, ""};
  waits w;
  auto result = client.complete(small_prompt(), {}, w.on_retry(), w.sleep());
  ASSERT_TRUE(std::holds_alternative<medha_error>(result));
  EXPECT_EQ(w.statuses, std::vector<long>{0});
}

} // namespace
} // namespace medha::llm
