// `medha mcp`: JSON-RPC framing and dispatch, with the workers behind a fake.

#include <sstream>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "runtime/client/mcp.hpp"

namespace medha::client {
namespace {

namespace json = boost::json;

class fake_backend : public mcp_backend {
public:
  std::optional<std::string> api(const std::string& verb, const std::string& body) override {
    verbs.push_back(verb + " " + body);
    if (verb == "datasource.list")
      return std::string{R"({"v":1,"ok":true,"data_sources":[{"name":"sales","description":"orders"}]})"};
    if (verb == "sql.run")
      return sql_reply;
    return std::nullopt;
  }
  std::optional<std::string> create_conversation(const std::string& data_source) override {
    created.push_back(data_source);
    return std::string{"conv1"};
  }
  turn_outcome ask(const std::string& conv, const std::string& text,
                   const std::string& data_source) override {
    asked.push_back(conv + "|" + text + "|" + data_source);
    turn_outcome out;
    out.finished = true;
    out.final_event = final_event;
    return out;
  }
  std::vector<std::string> verbs, created, asked;
  std::optional<std::string> sql_reply;
  step_event final_event = [] {
    step_event ev;
    ev.step = step_kind::answer;
    ev.data_json = R"({"text":"Total revenue is 42.","data_source":"sales","sql":"SELECT sum(x) FROM t",)"
                   R"("columns":[{"name":"revenue","type":"numeric"}],"rows":[[42]],"truncated":false})";
    return ev;
  }();
};

class mcp : public ::testing::Test {
protected:
  json::object call(const std::string& line) {
    auto reply = server.handle(line);
    EXPECT_TRUE(reply) << line;
    if (!reply)
      return {};
    auto v = json::parse(*reply).as_object();
    EXPECT_EQ(v.at("jsonrpc"), "2.0");
    return v;
  }
  json::object tool(const std::string& name, const std::string& args) {
    return call(R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":")" + name
                + R"(","arguments":)" + args + "}}");
  }
  static std::string text_of(const json::object& reply) {
    return std::string{
      reply.at("result").at("content").as_array().at(0).at("text").as_string()};
  }
  static int error_code_of(const json::object& reply) {
    return static_cast<int>(reply.at("error").at("code").as_int64());
  }
  fake_backend backend;
  mcp_server server{backend};
};

TEST_F(mcp, initialize_announces_tools_and_echoes_the_id) {
  auto r = call(R"({"jsonrpc":"2.0","id":"a1","method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})");
  EXPECT_EQ(r.at("id"), "a1");
  auto& res = r.at("result").as_object();
  EXPECT_EQ(res.at("protocolVersion"), "2025-03-26");
  EXPECT_TRUE(res.at("capabilities").as_object().contains("tools"));
  EXPECT_EQ(res.at("serverInfo").at("name"), "medha");
  auto unknown = call(R"({"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"1999-01-01"}})");
  EXPECT_EQ(unknown.at("result").at("protocolVersion"), "2025-06-18");
}

TEST_F(mcp, notifications_get_no_reply) {
  EXPECT_FALSE(server.handle(R"({"jsonrpc":"2.0","method":"notifications/initialized"})"));
  EXPECT_FALSE(server.handle(R"({"jsonrpc":"2.0","method":"no/such/thing"})"));
  EXPECT_FALSE(server.handle(""));
  EXPECT_FALSE(server.handle("   "));
}

TEST_F(mcp, tools_list_names_the_four_tools_with_schemas) {
  auto r = call(R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})");
  std::vector<std::string> names;
  for (auto& t : r.at("result").at("tools").as_array()) {
    names.emplace_back(t.at("name").as_string());
    EXPECT_EQ(t.at("inputSchema").at("type"), "object");
  }
  EXPECT_EQ(names, (std::vector<std::string>{"ask", "list_data_sources", "describe_table", "run_sql"}));
}

TEST_F(mcp, protocol_errors) {
  EXPECT_EQ(error_code_of(call("{not json")), -32700);
  EXPECT_TRUE(call("{not json").at("id").is_null());
  EXPECT_EQ(error_code_of(call(R"({"jsonrpc":"2.0","id":3,"method":"resources/list"})")), -32601);
  EXPECT_EQ(call(R"({"jsonrpc":"2.0","id":3,"method":"resources/list"})").at("id"), 3);
  EXPECT_EQ(error_code_of(call(R"([1,2])")), -32600);
  EXPECT_EQ(error_code_of(call(R"({"id":4,"method":"ping"})")), -32600);
  // Found by fuzz_mcp: an id of 1e999 was echoed as Infinity, which is not JSON.
  EXPECT_EQ(error_code_of(call(R"({"jsonrpc":"2.0","id":1e999,"method":"ping"})")), -32600);
  EXPECT_EQ(error_code_of(call(R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})")), -32600);
  EXPECT_EQ(error_code_of(call(R"({"jsonrpc":"2.0","id":5,"method":"tools/call","params":[1]})")), -32602);
  EXPECT_EQ(error_code_of(call(R"({"jsonrpc":"2.0","id":5,"method":"tools/call","params":{}})")), -32602);
  EXPECT_EQ(error_code_of(tool("nope", "{}")), -32602);
  EXPECT_EQ(error_code_of(tool("ask", "{}")), -32602);
  EXPECT_EQ(error_code_of(tool("ask", R"({"question":5})")), -32602);
  EXPECT_EQ(error_code_of(tool("describe_table", R"({"data_source":"sales"})")), -32602);
  EXPECT_EQ(error_code_of(tool("run_sql", R"({"sql":"SELECT 1"})")), -32602);
  EXPECT_TRUE(call(R"({"jsonrpc":"2.0","id":6,"method":"ping"})").at("result").is_object());
  EXPECT_TRUE(backend.asked.empty());
}

TEST_F(mcp, ask_runs_a_turn_and_returns_text_and_structured_content) {
  auto r = tool("ask", R"({"question":"total revenue","data_source":"sales"})");
  EXPECT_EQ(backend.created, (std::vector<std::string>{"sales"}));
  EXPECT_EQ(backend.asked, (std::vector<std::string>{"conv1|total revenue|sales"}));
  auto& res = r.at("result").as_object();
  EXPECT_FALSE(res.at("isError").as_bool());
  auto text = text_of(r);
  EXPECT_NE(text.find("Total revenue is 42."), std::string::npos) << text;
  EXPECT_NE(text.find("SELECT sum(x) FROM t"), std::string::npos) << text;
  EXPECT_NE(text.find("revenue\n42"), std::string::npos) << text;
  EXPECT_NE(text.find("conversation: conv1"), std::string::npos) << text;
  auto& sc = res.at("structuredContent").as_object();
  EXPECT_EQ(sc.at("conversation"), "conv1");
  EXPECT_EQ(sc.at("step"), "answer");
  EXPECT_EQ(sc.at("rows").as_array().at(0).as_array().at(0).as_int64(), 42);

  // A follow-up in the same conversation creates none.
  tool("ask", R"({"question":"by region","conversation":"conv1"})");
  EXPECT_EQ(backend.created.size(), 1u);
  EXPECT_EQ(backend.asked.back(), "conv1|by region|");
}

TEST_F(mcp, clarify_and_error_events) {
  backend.final_event.step = step_kind::clarify;
  backend.final_event.data_json =
    R"({"text":"Which one?","choices":[{"label":"Sales","reply":"use sales"}]})";
  auto c = tool("ask", R"({"question":"stuff"})");
  EXPECT_FALSE(c.at("result").at("isError").as_bool());
  EXPECT_NE(text_of(c).find("use sales"), std::string::npos);
  backend.final_event.step = step_kind::error;
  backend.final_event.data_json = R"({"code":"forbidden","message":"not granted"})";
  auto e = tool("ask", R"({"question":"stuff","data_source":"hr"})");
  EXPECT_TRUE(e.at("result").at("isError").as_bool());
  EXPECT_NE(text_of(e).find("error forbidden: not granted"), std::string::npos) << text_of(e);
}

TEST_F(mcp, list_data_sources_uses_the_verb) {
  auto r = tool("list_data_sources", "{}");
  EXPECT_EQ(backend.verbs, (std::vector<std::string>{"datasource.list {}"}));
  EXPECT_NE(text_of(r).find("- sales: orders"), std::string::npos);
  EXPECT_EQ(r.at("result").at("structuredContent").at("data_sources").as_array().size(), 1u);
}

TEST_F(mcp, describe_table_asks_the_catalog_in_a_conversation_on_the_source) {
  tool("describe_table", R"({"data_source":"sales","table":"orders"})");
  EXPECT_EQ(backend.created, (std::vector<std::string>{"sales"}));
  EXPECT_EQ(backend.asked, (std::vector<std::string>{"conv1|describe the orders table|sales"}));
}

TEST_F(mcp, run_sql_goes_to_the_sql_run_verb_and_shows_the_rows) {
  backend.sql_reply = R"({"v":1,"ok":true,"data_source":"sales","columns":[{"name":"n","type":"bigint"}],)"
                      R"("rows":[[3]],"row_count":1,"truncated":false,"query_ms":0.5})";
  auto ok = tool("run_sql", R"J({"data_source":"sales","sql":"SELECT count(*) AS n FROM orders"})J");
  ASSERT_EQ(backend.verbs.size(), 1u);
  auto sent = json::parse(backend.verbs[0].substr(std::string{"sql.run "}.size())).as_object();
  EXPECT_EQ(sent.at("data_source"), "sales");
  EXPECT_EQ(sent.at("sql"), "SELECT count(*) AS n FROM orders");
  EXPECT_FALSE(ok.at("result").at("isError").as_bool());
  EXPECT_NE(text_of(ok).find("n\n3\n"), std::string::npos) << text_of(ok);
  auto& sc = ok.at("result").at("structuredContent").as_object();
  EXPECT_EQ(sc.at("rows").as_array().at(0).as_array().at(0).as_int64(), 3);
  EXPECT_FALSE(sc.contains("ok"));
  EXPECT_TRUE(backend.asked.empty());
}

TEST_F(mcp, run_sql_refusals_carry_the_workers_code_and_rule) {
  backend.sql_reply = R"J({"v":1,"ok":false,"error":{"code":"unsafe_sql","message":)J"
                      R"J("version is not allowed (rule: function_not_allowed:version)"}})J";
  auto bad = tool("run_sql", R"J({"data_source":"sales","sql":"SELECT version()"})J");
  EXPECT_TRUE(bad.at("result").at("isError").as_bool());
  EXPECT_NE(text_of(bad).find("error unsafe_sql: "), std::string::npos) << text_of(bad);
  EXPECT_NE(text_of(bad).find("function_not_allowed:version"), std::string::npos) << text_of(bad);
  EXPECT_EQ(bad.at("result").at("structuredContent").at("error").at("code"), "unsafe_sql");
  backend.sql_reply.reset(); // no worker
  auto none = tool("run_sql", R"J({"data_source":"sales","sql":"SELECT 1"})J");
  EXPECT_TRUE(none.at("result").at("isError").as_bool());
  EXPECT_NE(text_of(none).find("no worker answered"), std::string::npos) << text_of(none);
}

TEST_F(mcp, run_mcp_writes_one_reply_line_per_request) {
  std::istringstream in(
    R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18"}})" "\n"
    R"({"jsonrpc":"2.0","method":"notifications/initialized"})" "\n"
    "\n"
    R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})" "\n");
  std::ostringstream out;
  EXPECT_EQ(run_mcp(backend, in, out), 0);
  std::istringstream lines(out.str());
  std::vector<json::value> replies;
  for (std::string l; std::getline(lines, l);)
    replies.push_back(json::parse(l));
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0].at("id"), 1);
  EXPECT_EQ(replies[1].at("id"), 2);
}

} // namespace
} // namespace medha::client
