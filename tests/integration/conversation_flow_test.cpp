// The foundation's conversation over real NATS, a real worker process and a
// real PostgreSQL with the sample data; answers checked against hand-written SQL.

#include <cmath>
#include <map>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

class conversation_flow : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    auto& pg = postgres_server::shared();
    for (auto name : {"sales", "support", "hr"})
      pg.load_sample(name);
    nats = new nats_server();
    worker = new worker_harness(*nats);
    worker->start();
  }
  static void TearDownTestSuite() {
    delete worker;
    delete nats;
  }
  static nats_server* nats;
  static worker_harness* worker;
};

nats_server* conversation_flow::nats = nullptr;
worker_harness* conversation_flow::worker = nullptr;

// label → value of a two-column result, from the answer event or from SQL.
using grouped = std::map<std::string, double>;

double number(const json::value& v) {
  return v.is_double() ? v.as_double() : v.is_int64() ? double(v.as_int64()) : std::stod(std::string{v.as_string()});
}

grouped answer_groups(const step_event& ev) {
  auto d = json::parse(ev.data_json).as_object();
  grouped out;
  for (auto& row : d.at("rows").as_array()) {
    auto& r = row.as_array();
    // The label is the text column, the value the numeric one.
    std::string label;
    double value = 0;
    for (auto& c : r) {
      if (c.is_string())
        label = std::string{c.as_string()};
      else if (c.is_number())
        value = number(c);
    }
    out[label] = value;
  }
  return out;
}

grouped sql_groups(const std::string& sql) {
  pqxx::connection conn{postgres_server::shared().conninfo("sales")};
  pqxx::work tx{conn};
  grouped out;
  for (auto row : tx.exec(sql))
    out[row[0].c_str()] = row[1].as<double>();
  return out;
}

double sql_number(const std::string& sql) {
  pqxx::connection conn{postgres_server::shared().conninfo("sales")};
  pqxx::work tx{conn};
  return tx.exec1(sql)[0].as<double>();
}

void expect_well_formed(const turn_events& t) {
  ASSERT_FALSE(t.events.empty());
  for (size_t i = 0; i < t.events.size(); ++i)
    EXPECT_EQ(t.events[i].seq, i + 1) << "seq must increase by one within a turn";
  for (size_t i = 0; i + 1 < t.events.size(); ++i) {
    auto k = t.events[i].step;
    EXPECT_TRUE(k != step_kind::answer && k != step_kind::clarify && k != step_kind::error)
      << "only the last event may be final";
  }
}

std::vector<step_kind> steps_of(const turn_events& t) {
  std::vector<step_kind> out;
  for (auto& e : t.events)
    if (e.status == step_status::done || e.status == step_status::failed)
      out.push_back(e.step);
  return out;
}

void expect_close(double a, double b) {
  EXPECT_NEAR(a, b, std::max(1e-6, std::fabs(b) * 1e-9));
}

void expect_same_groups(const grouped& got, const grouped& want) {
  ASSERT_EQ(got.size(), want.size());
  for (auto& [k, v] : want) {
    ASSERT_TRUE(got.count(k)) << "missing group " << k;
    expect_close(got.at(k), v);
  }
}

const char* revenue_by_region =
  "SELECT r.name, SUM(oi.quantity * oi.unit_price) FROM order_items oi "
  "JOIN orders o ON o.order_id = oi.order_id JOIN customers c ON c.customer_id = o.customer_id "
  "JOIN regions r ON r.region_id = c.region_id ";

TEST_F(conversation_flow, demo_conversation_matches_hand_written_sql) {
  auto conv = worker->create_conversation("alice");

  // 1. No data source chosen: discovery ranks the sources and picks sales.
  auto t1 = worker->ask("alice", conv, "Show me sales data");
  expect_well_formed(t1);
  ASSERT_EQ(t1.events.front().step, step_kind::discovery);
  auto discovery_done = std::find_if(t1.events.begin(), t1.events.end(), [](auto& e) {
    return e.step == step_kind::discovery && e.status == step_status::done;
  });
  ASSERT_NE(discovery_done, t1.events.end());
  EXPECT_EQ(data_field(*discovery_done, "selected"), "sales");
  auto sources = json::parse(data_field(*discovery_done, "sources")).as_array();
  ASSERT_FALSE(sources.empty());
  EXPECT_EQ(sources[0].at("data_source").as_string(), "sales");

  // 2. Total revenue: one number, a KPI.
  auto t2 = worker->ask("alice", conv, "What's the total revenue?");
  expect_well_formed(t2);
  ASSERT_EQ(t2.last().step, step_kind::answer) << t2.last().data_json;
  std::vector<step_kind> want{step_kind::context, step_kind::sql,      step_kind::validate,
                              step_kind::execute, step_kind::visualize, step_kind::answer};
  EXPECT_EQ(steps_of(t2), want);
  auto d2 = json::parse(t2.last().data_json).as_object();
  ASSERT_EQ(d2.at("rows").as_array().size(), 1u);
  expect_close(number(d2.at("rows").as_array()[0].as_array()[0]),
               sql_number("SELECT SUM(quantity * unit_price) FROM order_items"));
  EXPECT_EQ(d2.at("chart").at("kind").as_string(), "kpi");
  EXPECT_GE(d2.at("suggestions").as_array().size(), 2u);
  EXPECT_FALSE(d2.at("text").as_string().empty());

  // 3. By region: carried forward, grouped, a bar chart.
  auto t3 = worker->ask("alice", conv, "Show me by region");
  expect_well_formed(t3);
  ASSERT_EQ(t3.last().step, step_kind::answer) << t3.last().data_json;
  expect_same_groups(answer_groups(t3.last()), sql_groups(std::string{revenue_by_region} + "GROUP BY r.name"));
  EXPECT_EQ(json::parse(t3.last().data_json).at("chart").at("kind").as_string(), "bar");

  // 4. Only 2024: the same with a year filter.
  auto t4 = worker->ask("alice", conv, "Only 2024");
  ASSERT_EQ(t4.last().step, step_kind::answer) << t4.last().data_json;
  expect_same_groups(answer_groups(t4.last()),
                     sql_groups(std::string{revenue_by_region}
                                + "WHERE EXTRACT(YEAR FROM o.order_date) = 2024 GROUP BY r.name"));

  // History: every turn stored, user and assistant.
  auto history = json::parse(worker->api("alice", "conversations.get",
                                         "{\"conversation\":\"" + conv + "\"}"));
  EXPECT_EQ(history.at("messages").as_array().size(), 8u);
  EXPECT_EQ(history.at("conversation").at("title").as_string(), "Show me sales data");
}

TEST_F(conversation_flow, malformed_json_is_bad_request) {
  auto conv = worker->create_conversation("bob");
  auto t = worker->send_turn("bob", conv, "{\"text\": ", "");
  ASSERT_EQ(t.last().step, step_kind::error);
  EXPECT_EQ(data_field(t.last(), "code"), "bad_request");
  auto t2 = worker->send_turn("bob", conv, "{\"v\":1,\"turn_id\":\"x1\",\"text\":42}", "");
  EXPECT_EQ(data_field(t2.last(), "code"), "bad_request");
}

TEST_F(conversation_flow, unknown_and_foreign_conversations_are_not_found) {
  auto t = worker->ask("carol", "no-such-conversation", "total revenue");
  ASSERT_EQ(t.last().step, step_kind::error);
  EXPECT_EQ(data_field(t.last(), "code"), "not_found");

  auto alices = worker->create_conversation("alice", "sales");
  auto peek = json::parse(worker->api("mallory", "conversations.get",
                                      "{\"conversation\":\"" + alices + "\"}"));
  EXPECT_FALSE(peek.at("ok").as_bool());
  EXPECT_EQ(peek.at("error").at("code").as_string(), "not_found");
  auto t2 = worker->ask("mallory", alices, "total revenue");
  EXPECT_EQ(data_field(t2.last(), "code"), "not_found");
  auto list = json::parse(worker->api("mallory", "conversations.list", "{}"));
  EXPECT_TRUE(list.at("conversations").as_array().empty());
}

TEST_F(conversation_flow, conversations_api_round_trip) {
  auto id = worker->create_conversation("dave", "hr");
  auto rename = json::parse(worker->api("dave", "conversations.rename",
                                        "{\"conversation\":\"" + id + "\",\"title\":\"Payroll\"}"));
  EXPECT_TRUE(rename.at("ok").as_bool()) << rename;
  auto list = json::parse(worker->api("dave", "conversations.list", "{}"));
  ASSERT_EQ(list.at("conversations").as_array().size(), 1u);
  EXPECT_EQ(list.at("conversations").as_array()[0].at("title").as_string(), "Payroll");
  EXPECT_EQ(list.at("conversations").as_array()[0].at("data_source").as_string(), "hr");
  auto sources = json::parse(worker->api("dave", "datasource.list", "{}"));
  EXPECT_EQ(sources.at("data_sources").as_array().size(), 3u);
  auto select = json::parse(worker->api("dave", "datasource.select",
                                        "{\"conversation\":\"" + id + "\",\"data_source\":\"nope\"}"));
  EXPECT_EQ(select.at("error").at("code").as_string(), "not_found");
  auto del = json::parse(worker->api("dave", "conversations.delete", "{\"conversation\":\"" + id + "\"}"));
  EXPECT_TRUE(del.at("ok").as_bool());
  auto gone = json::parse(worker->api("dave", "conversations.get", "{\"conversation\":\"" + id + "\"}"));
  EXPECT_EQ(gone.at("error").at("code").as_string(), "not_found");
  auto bad = json::parse(worker->api("dave", "conversations.get", "{\"conversation\":\"a.b\"}"));
  EXPECT_EQ(bad.at("error").at("code").as_string(), "bad_request");
}

TEST_F(conversation_flow, refine_edits_the_last_query) {
  auto conv = worker->create_conversation("frank", "sales");
  auto none = worker->refine("frank", conv, R"({"op":"change_limit","limit":2})");
  EXPECT_EQ(data_field(none.last(), "code"), "not_found") << "nothing to refine yet";
  auto t = worker->ask("frank", conv, "total revenue by region");
  ASSERT_EQ(t.last().step, step_kind::answer) << t.last().data_json;

  auto west = worker->refine("frank", conv,
                             R"({"op":"add_filter","column":"regions.name","operator":"=","value":"West"})");
  ASSERT_EQ(west.last().step, step_kind::answer) << west.last().data_json;
  expect_same_groups(answer_groups(west.last()),
                     sql_groups(std::string{revenue_by_region} + "WHERE r.name = 'West' GROUP BY r.name"));
  // The engine's query was refined in its structure: a follow-up in words
  // keeps the refined filter.
  auto later = worker->ask("frank", conv, "only 2024");
  ASSERT_EQ(later.last().step, step_kind::answer) << later.last().data_json;
  expect_same_groups(answer_groups(later.last()),
                     sql_groups(std::string{revenue_by_region}
                                + "WHERE r.name = 'West' AND EXTRACT(YEAR FROM o.order_date) = 2024 "
                                  "GROUP BY r.name"));

  auto injected = worker->refine(
    "frank", conv, R"({"op":"add_filter","column":"regions.name","operator":"=","value":"x'; DROP TABLE regions; --"})");
  ASSERT_EQ(injected.last().step, step_kind::answer) << injected.last().data_json;
  EXPECT_TRUE(json::parse(injected.last().data_json).at("rows").as_array().empty());
  EXPECT_EQ(sql_number("SELECT count(*) FROM regions"), 5) << "the value stayed a constant";

  auto bad = worker->refine("frank", conv, R"({"op":"change_limit","limit":0})");
  EXPECT_EQ(data_field(bad.last(), "code"), "bad_request");
}

TEST_F(conversation_flow, nonsense_gets_a_clarify_not_an_empty_answer) {
  auto conv = worker->create_conversation("erin", "sales");
  auto t = worker->ask("erin", conv, "what is the meaning of life");
  ASSERT_EQ(t.last().step, step_kind::clarify) << t.last().data_json;
  EXPECT_FALSE(data_field(t.last(), "text").empty());
}

} // namespace
} // namespace medha::testing
