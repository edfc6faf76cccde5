// `medha mcp` end to end: the real binary on stdio, as an end user (alice,
// authenticated as the harness's nats-server requires), a real worker.

#include <cmath>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

// Pipes `input` into `medha mcp` as `user` (password from MEDHA_PASSWORD);
// returns the exit code and stdout (stderr goes to a file: stdout is protocol only).
command_result run_mcp(const nats_server& nats, const std::string& user, const std::string& password,
                       const std::string& input) {
  auto dir = make_temp_dir("medha-mcp-");
  std::ofstream(dir + "/in.jsonl") << input;
  return run_command({"bash", "-c",
                      "MEDHA_PASSWORD=\"$1\" \"$2\" --nats \"$3\" --user \"$4\" --timeout 60 mcp "
                      "< \"$5/in.jsonl\" 2> \"$5/stderr.log\"",
                      "mcp", password, build_dir() + "/medha", nats.url(), user, dir});
}

std::vector<json::object> replies_of(const std::string& out) {
  std::vector<json::object> replies;
  std::istringstream lines(out);
  for (std::string l; std::getline(lines, l);) {
    json::error_code ec;
    auto v = json::parse(l, ec);
    EXPECT_FALSE(ec) << "stdout must carry JSON-RPC only, got: " << l;
    if (!ec && v.is_object())
      replies.push_back(v.as_object());
  }
  return replies;
}

TEST(mcp_server, initialize_list_and_ask_total_revenue) {
  auto& pg = postgres_server::shared();
  for (auto name : {"sales", "support", "hr"})
    pg.load_sample(name);
  nats_server nats;
  worker_harness worker{nats};
  worker.start();
  auto alice = nats.credentials("alice");

  std::string input =
    R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}})" "\n"
    R"({"jsonrpc":"2.0","method":"notifications/initialized"})" "\n"
    R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})" "\n"
    R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"ask","arguments":{"question":"total revenue","data_source":"sales"}}})" "\n"
    R"({"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"list_data_sources","arguments":{}}})" "\n"
    R"({"jsonrpc":"2.0","id":5,"method":"no/such"})" "\n"
    R"({"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"describe_table","arguments":{"data_source":"sales","table":"orders"}}})" "\n"
    R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"run_sql","arguments":{"data_source":"sales","sql":"SELECT count(*) AS n FROM orders"}}})" "\n"
    R"({"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"run_sql","arguments":{"data_source":"sales","sql":"SELECT query FROM pg_stat_activity"}}})" "\n";
  auto run = run_mcp(nats, alice.user, alice.password, input);
  ASSERT_EQ(run.exit_code, 0) << run.output << worker.log_tail();
  auto replies = replies_of(run.output);
  ASSERT_EQ(replies.size(), 8u) << run.output;

  EXPECT_EQ(replies[0].at("id"), 1);
  EXPECT_EQ(replies[0].at("result").at("serverInfo").at("name"), "medha");
  EXPECT_EQ(replies[1].at("result").at("tools").as_array().size(), 4u);

  auto& ask = replies[2].at("result").as_object();
  ASSERT_FALSE(ask.at("isError").as_bool()) << run.output;
  auto& sc = ask.at("structuredContent").as_object();
  EXPECT_EQ(sc.at("step"), "answer");
  EXPECT_EQ(sc.at("data_source"), "sales");
  ASSERT_EQ(sc.at("rows").as_array().size(), 1u);
  auto& cell = sc.at("rows").as_array()[0].as_array()[0];
  double got = cell.is_double() ? cell.as_double()
               : cell.is_int64() ? double(cell.as_int64())
                                 : std::stod(std::string{cell.as_string()});
  pqxx::connection conn{pg.conninfo("sales")};
  pqxx::work tx{conn};
  double want = tx.exec1("SELECT SUM(quantity * unit_price) FROM order_items")[0].as<double>();
  EXPECT_NEAR(got, want, std::max(1e-6, std::fabs(want) * 1e-9));
  std::string text{ask.at("content").as_array()[0].at("text").as_string()};
  EXPECT_NE(text.find("SELECT"), std::string::npos) << text;
  EXPECT_NE(text.find("conversation: "), std::string::npos) << text;

  std::string sources{replies[3].at("result").at("content").as_array()[0].at("text").as_string()};
  EXPECT_NE(sources.find("sales"), std::string::npos) << sources;
  EXPECT_EQ(replies[4].at("error").at("code"), -32601);
  // describe_table: a turn on the data source, answered from the catalog.
  auto& described = replies[5].at("result").as_object();
  std::string description{described.at("content").as_array()[0].at("text").as_string()};
  EXPECT_FALSE(described.at("isError").as_bool()) << description;
  EXPECT_NE(description.find("order_date"), std::string::npos) << description;

  // run_sql: through the worker's guard and executor, as alice.
  auto& counted = replies[6].at("result").as_object();
  ASSERT_FALSE(counted.at("isError").as_bool()) << run.output;
  auto orders = tx.exec1("SELECT count(*) FROM orders")[0].as<int64_t>();
  EXPECT_EQ(counted.at("structuredContent").at("rows").as_array()[0].as_array()[0].as_int64(), orders);
  auto& refused = replies[7].at("result").as_object();
  EXPECT_TRUE(refused.at("isError").as_bool());
  std::string why{refused.at("content").as_array()[0].at("text").as_string()};
  EXPECT_NE(why.find("error unsafe_sql"), std::string::npos) << why;
  EXPECT_NE(why.find("rule: relation_not_allowed:pg_stat_activity"), std::string::npos) << why;
}

TEST(mcp_server, wrong_password_is_refused) {
  nats_server nats;
  auto alice = nats.credentials("alice");
  auto run = run_mcp(nats, alice.user, alice.password + "x",
                     R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})" "\n");
  EXPECT_NE(run.exit_code, 0);
  EXPECT_TRUE(run.output.empty()) << run.output;
}

} // namespace
} // namespace medha::testing
