// Per-user security on real servers: nats-server with the scripts' authorization,
// a real worker, and clients connected as alice and bob themselves. Every
// attempt of alice's on bob's data must be refused by nats-server or by Medha.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

class security : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    postgres_server::shared().load_sample("sales");
    postgres_server::shared().load_sample("support");
    postgres_server::shared().load_sample("hr");
    nats = new nats_server();
    worker_options opts;
    opts.extra_json = R"(,"grants":{"alice":["sales","support"],"bob":["hr"]})";
    worker = new worker_harness(*nats, opts);
    worker->start();
  }
  static void TearDownTestSuite() {
    delete worker;
    delete nats;
    worker = nullptr;
    nats = nullptr;
  }

  /// A client connected as an end user, with the per-user inbox prefix the CLI uses.
  static client::nats_client connect_as(const std::string& user) {
    std::string error;
    auto c = client::nats_client::connect(nats->url(), error, nats->credentials(user),
                                          "_INBOX." + user);
    if (!c)
      throw std::runtime_error(error);
    return std::move(*c);
  }

  static json::value request(client::nats_client& c, const std::string& subject,
                             const std::string& body, std::string& error) {
    auto reply = c.request(subject, body, 3000, error);
    return reply ? json::parse(*reply) : json::value{};
  }

  /// Bob's conversation with one answered question.
  static std::string bobs_conversation() {
    auto conv = worker->create_conversation("bob", "hr");
    auto turn = worker->ask("bob", conv, "how many employees are there?");
    EXPECT_EQ(turn.last().step, step_kind::answer);
    return conv;
  }

  static nats_server* nats;
  static worker_harness* worker;
};

nats_server* security::nats = nullptr;
worker_harness* security::worker = nullptr;

TEST_F(security, AnonymousAndWrongPasswordConnectionsAreRefused) {
  std::string error;
  EXPECT_FALSE(client::nats_client::connect(nats->url(), error));
  EXPECT_NE(error.find("Authentication"), std::string::npos) << error;
  auto wrong = nats->credentials("alice");
  wrong.password += "x";
  EXPECT_FALSE(client::nats_client::connect(nats->url(), error, wrong));
}

TEST_F(security, AliceUsesHerOwnSubjects) {
  auto alice = connect_as("alice");
  std::string error;
  auto reply = request(alice, api_subject("alice", "conversations.create"), "{}", error);
  ASSERT_TRUE(reply.is_object()) << error;
  EXPECT_TRUE(reply.at("ok").as_bool());
  EXPECT_EQ(alice.last_error(), "");
}

TEST_F(security, AliceCannotSubscribeToBobsEvents) {
  auto alice = connect_as("alice");
  alice.subscribe("medha.events.bob.>");
  bobs_conversation();
  EXPECT_FALSE(alice.next(500)) << "alice received one of bob's events";
  EXPECT_NE(alice.last_error().find("Permissions Violation"), std::string::npos)
      << alice.last_error();
  EXPECT_NE(nats->log_text().find("Subscription Violation"), std::string::npos);
}

TEST_F(security, AliceCannotCallBobsApiVerbs) {
  auto conv = bobs_conversation();
  auto alice = connect_as("alice");
  for (auto verb : {"conversations.list", "conversations.get", "conversations.delete"}) {
    std::string error;
    auto reply = alice.request(api_subject("bob", verb), "{\"conversation\":\"" + conv + "\"}",
                               1000, error);
    EXPECT_FALSE(reply) << verb << " answered: " << *reply;
    EXPECT_NE(error.find("Permissions Violation"), std::string::npos) << error;
  }
  // Bob's conversation is untouched.
  auto got = json::parse(worker->api("bob", "conversations.get", "{\"conversation\":\"" + conv + "\"}"));
  EXPECT_TRUE(got.at("ok").as_bool());
  EXPECT_NE(nats->log_text().find("Publish Violation"), std::string::npos);
}

TEST_F(security, AlicesTurnInBobsConversationNeverArrives) {
  auto conv = bobs_conversation();
  auto before = json::parse(worker->api("bob", "conversations.get", "{\"conversation\":\"" + conv + "\"}"));
  auto alice = connect_as("alice");
  alice.publish(turn_subject("bob", conv), R"({"v":1,"turn_id":"evil","text":"how many employees?"})");
  // A request on her own subject after it: answered only after the server
  // processed (and refused) the publish before it.
  std::string error;
  request(alice, api_subject("alice", "health"), "{}", error);
  EXPECT_NE(alice.last_error().find("Permissions Violation"), std::string::npos);
  auto after = json::parse(worker->api("bob", "conversations.get", "{\"conversation\":\"" + conv + "\"}"));
  EXPECT_EQ(after.at("messages").as_array().size(), before.at("messages").as_array().size());
}

TEST_F(security, AliceCannotReadBobsConversationById) {
  auto conv = bobs_conversation();
  auto alice = connect_as("alice");
  std::string error;
  std::vector<std::pair<std::string, std::string>> calls = {
      {"conversations.get", ""},
      {"conversations.rename", ",\"title\":\"x\""},
      {"datasource.select", ",\"data_source\":\"sales\""},
      {"refine", ",\"op\":\"simplify\""}};
  for (auto& [verb, rest] : calls) {
    auto reply = request(alice, api_subject("alice", verb),
                         "{\"conversation\":\"" + conv + "\"" + rest + "}", error);
    ASSERT_TRUE(reply.is_object()) << verb << ": " << error;
    EXPECT_FALSE(reply.at("ok").as_bool()) << verb;
    EXPECT_EQ(reply.at("error").at("code").as_string(), "not_found") << verb;
  }
  // A turn in her own subject naming bob's conversation: not_found too.
  alice.subscribe(events_subject("alice", conv));
  alice.publish(turn_subject("alice", conv), R"({"v":1,"turn_id":"t","text":"how many employees?"})");
  auto ev = alice.next(5000);
  ASSERT_TRUE(ev);
  EXPECT_NE(ev->find("not_found"), std::string::npos) << *ev;
}

TEST_F(security, DataSourcesAreGrantedPerUser) {
  auto alice = connect_as("alice");
  std::string error;
  auto list = request(alice, api_subject("alice", "datasource.list"), "{}", error);
  ASSERT_TRUE(list.is_object()) << error;
  std::vector<std::string> names;
  for (auto& ds : list.at("data_sources").as_array())
    names.emplace_back(ds.at("name").as_string());
  EXPECT_EQ(names, (std::vector<std::string>{"sales", "support"}));

  auto code = [](const json::value& reply) { return std::string{reply.at("error").at("code").as_string()}; };
  auto create = request(alice, api_subject("alice", "conversations.create"),
                        R"({"data_source":"hr"})", error);
  EXPECT_EQ(code(create), "forbidden");
  auto refresh = request(alice, api_subject("alice", "datasource.refresh"),
                         R"({"data_source":"hr"})", error);
  EXPECT_EQ(code(refresh), "forbidden");

  // A turn asking for hr by name, and discovery of a question only hr answers.
  auto conv = worker->create_conversation("alice");
  auto turn = worker->send_turn("alice", conv,
                                R"({"v":1,"turn_id":"g1","text":"how many employees?","data_source":"hr"})",
                                "g1");
  EXPECT_EQ(data_field(turn.last(), "code"), "forbidden");
  auto ranked = request(alice, api_subject("alice", "discover"),
                        R"({"question":"average salary of employees by department"})", error);
  for (auto& s : ranked.at("sources").as_array())
    EXPECT_NE(s.at("data_source").as_string(), "hr");
  auto asked = worker->ask("alice", worker->create_conversation("alice"),
                           "average salary of employees by department");
  EXPECT_NE(data_field(asked.last(), "data_source"), "hr");
  EXPECT_NE(worker->log_tail().find("refused data source hr to user alice"), std::string::npos);
}

// Turns per minute: a separate worker with a small limit.
TEST(rate_limits, TurnsPerMinuteAreLimitedWithRetryAfter) {
  postgres_server::shared().load_sample("sales");
  nats_server nats;
  worker_options opts;
  opts.sources = {"sales"};
  opts.extra_json = R"(,"turns_per_minute":3)";
  worker_harness worker{nats, opts};
  worker.start();
  auto conv = worker.create_conversation("alice", "sales");
  int answered = 0;
  std::string refused;
  for (int i = 0; i < 6 && refused.empty(); ++i) {
    auto turn = worker.ask("alice", conv, "total revenue");
    if (turn.last().step == step_kind::error)
      refused = turn.last().data_json;
    else
      ++answered;
  }
  EXPECT_EQ(answered, 3);
  auto err = json::parse(refused);
  EXPECT_EQ(err.at("code").as_string(), "rate_limited");
  EXPECT_GT(err.at("retry_after_ms").as_int64(), 0);
  EXPECT_LE(err.at("retry_after_ms").as_int64(), 60000);
  // Another user is not affected.
  auto bob = worker.ask("bob", worker.create_conversation("bob", "sales"), "total revenue");
  EXPECT_EQ(bob.last().step, step_kind::answer);
}

} // namespace
} // namespace medha::testing
