// The HTTP API end to end: medha-http in front of a real nats-server (alice
// and bob with their own passwords), a real worker and PostgreSQL; requests
// from a real HTTP client (libcurl), streams read as they arrive.

#include <cmath>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "tests/integration/http_harness.hpp"
#include "tests/integration/worker_harness.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

json::object object_of(const std::string& text) {
  json::error_code ec;
  auto v = json::parse(text, ec);
  EXPECT_FALSE(ec) << text;
  return !ec && v.is_object() ? v.as_object() : json::object{};
}

std::string error_code_of(const http_response& res) {
  auto o = object_of(res.body);
  auto* err = o.if_contains("error");
  return err && err->is_object() && err->as_object().contains("code")
             ? std::string{err->as_object().at("code").as_string()}
             : "(no error code in " + res.body + ")";
}

double number(const json::value& v) {
  return v.is_double()  ? v.as_double()
         : v.is_int64() ? double(v.as_int64())
                        : std::stod(std::string{v.as_string()});
}

class http_api : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    for (auto name : {"sales", "support", "hr"})
      postgres_server::shared().load_sample(name);
  }
  void SetUp() override { worker_.start(); }

  std::string create(const std::string& user,
                     const std::string& body = R"({"data_source":"sales"})") {
    auto res = http_.call("POST", "/api/v1/conversations", http_.token(user), body);
    EXPECT_EQ(res.status, 201) << res.body;
    return std::string{object_of(res.body).at("conversation").at("id").as_string()};
  }

  nats_server nats_;
  worker_harness worker_{nats_};
  http_gateway http_{nats_};
};

TEST_F(http_api, a_turn_streams_its_steps_and_ends_with_the_answer) {
  auto alice = http_.token("alice");
  auto conv = create("alice");
  auto res = http_.call("POST", "/api/v1/conversations/" + conv + "/messages", alice,
                        R"({"text":"total revenue"})");
  ASSERT_EQ(res.status, 200) << res.body << http_.log_tail();
  EXPECT_EQ(res.content_type, "text/event-stream");
  auto events = res.events();
  ASSERT_GE(events.size(), 5u) << res.body;
  uint64_t seq = 0;
  for (auto& e : events) {
    auto ev = object_of(e);
    EXPECT_EQ(ev.at("seq").as_int64(), static_cast<int64_t>(++seq)) << e;
    EXPECT_EQ(ev.at("conv"), conv.c_str());
  }
  auto last = object_of(events.back());
  ASSERT_EQ(last.at("step"), "answer") << events.back();
  // Read as it arrived: the first piece came before the answer existed.
  ASSERT_GE(res.pieces.size(), 2u);
  EXPECT_EQ(res.pieces.front().second.find("\"step\":\"answer\""), std::string::npos);
  EXPECT_LT(res.pieces.front().first, res.pieces.back().first);

  auto& data = last.at("data").as_object();
  pqxx::connection conn{postgres_server::shared().conninfo("sales")};
  pqxx::work tx{conn};
  double want = tx.exec1("SELECT SUM(quantity * unit_price) FROM order_items")[0].as<double>();
  double got = number(data.at("rows").as_array()[0].as_array()[0]);
  EXPECT_NEAR(got, want, std::max(1e-6, std::fabs(want) * 1e-9));

  // Thumbs up on the answer, by its turn id: recorded.
  auto turn_id = std::string(last.at("turn_id").as_string());
  auto rated = http_.call("POST", "/api/v1/conversations/" + conv + "/feedback", alice,
                          R"({"turn_id":")" + turn_id + R"(","rating":"positive","comment":"right"})");
  EXPECT_EQ(rated.status, 200) << rated.body;

  // The conversation keeps the turn; list, rename, get, delete.
  auto got_conv = http_.call("GET", "/api/v1/conversations/" + conv, alice);
  ASSERT_EQ(got_conv.status, 200) << got_conv.body;
  EXPECT_GE(object_of(got_conv.body).at("messages").as_array().size(), 2u);
  auto renamed =
      http_.call("PATCH", "/api/v1/conversations/" + conv, alice, R"({"title":"Revenue"})");
  EXPECT_EQ(renamed.status, 200) << renamed.body;
  auto list = http_.call("GET", "/api/v1/conversations", alice);
  ASSERT_EQ(list.status, 200);
  auto listed = object_of(list.body);
  auto& first = listed.at("conversations").as_array().at(0).as_object();
  EXPECT_EQ(first.at("id"), conv.c_str());
  EXPECT_EQ(first.at("title"), "Revenue");
  EXPECT_EQ(http_.call("DELETE", "/api/v1/conversations/" + conv, alice).status, 200);
  auto gone = http_.call("GET", "/api/v1/conversations/" + conv, alice);
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(error_code_of(gone), "not_found");
}

TEST_F(http_api, refine_streams_the_refined_turn) {
  auto alice = http_.token("alice");
  auto conv = create("alice");
  auto first = http_.call("POST", "/api/v1/conversations/" + conv + "/messages", alice,
                          R"({"text":"revenue by region"})");
  ASSERT_EQ(object_of(first.events().back()).at("step"), "answer") << first.body;
  auto res = http_.call("POST", "/api/v1/conversations/" + conv + "/refine", alice,
                        R"({"op":"change_limit","limit":2})");
  ASSERT_EQ(res.status, 200) << res.body;
  auto last = object_of(res.events().back());
  ASSERT_EQ(last.at("step"), "answer") << res.body;
  EXPECT_EQ(last.at("data").at("rows").as_array().size(), 2u);
  auto bad = http_.call("POST", "/api/v1/conversations/" + conv + "/refine", alice,
                        R"({"op":"no_such_op"})");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(error_code_of(bad), "bad_request");
}

TEST_F(http_api, tokens_are_checked_and_users_see_only_their_own) {
  auto none = http_.call("GET", "/api/v1/conversations", "");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(error_code_of(none), "unauthorized");
  auto wrong = http_.call("GET", "/api/v1/conversations", http_.token("alice") + "x");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(error_code_of(wrong), "unauthorized");

  auto conv = create("alice");
  auto bob = http_.token("bob");
  for (auto res : {http_.call("GET", "/api/v1/conversations/" + conv, bob),
                   http_.call("PATCH", "/api/v1/conversations/" + conv, bob, R"({"title":"mine"})"),
                   http_.call("DELETE", "/api/v1/conversations/" + conv, bob),
                   http_.call("POST", "/api/v1/conversations/" + conv + "/messages", bob,
                              R"({"text":"total revenue"})")}) {
    EXPECT_EQ(res.status, 404) << res.body;
    EXPECT_EQ(error_code_of(res), "not_found");
    EXPECT_EQ(res.body.find("total revenue"), std::string::npos);
  }
  // Alice still has it, untouched.
  auto still = http_.call("GET", "/api/v1/conversations/" + conv, http_.token("alice"));
  EXPECT_EQ(still.status, 200) << still.body;
  auto bobs = http_.call("GET", "/api/v1/conversations", bob);
  EXPECT_EQ(bobs.body.find(conv), std::string::npos);
}

TEST_F(http_api, bad_requests_get_a_status_and_a_code) {
  auto alice = http_.token("alice");
  auto conv = create("alice");
  struct bad_case {
    std::string method, path, body;
    long status;
    std::string code;
  };
  std::string big(2 << 20, 'x');
  std::vector<bad_case> cases = {
      {"POST", "/api/v1/conversations", "{\"title\": ", 400, "bad_request"},
      {"POST", "/api/v1/conversations/" + conv + "/messages", "[1,2]", 400, "bad_request"},
      {"POST", "/api/v1/conversations/" + conv + "/messages", R"({"txt":"hi"})", 400,
       "bad_request"},
      {"POST", "/api/v1/conversations/" + conv + "/messages", R"({"text":42})", 400, "bad_request"},
      {"GET", "/api/v1/conversations/a.b", "", 400, "bad_request"},
      {"POST", "/api/v1/conversations", "{\"title\":\"" + big + "\"}", 413, "payload_too_large"},
      {"PUT", "/api/v1/conversations", "{}", 405, "method_not_allowed"},
      {"GET", "/api/v1/nothing-here", "", 404, "not_found"},
      {"POST", "/api/v1/conversations/" + conv + "/feedback", R"({"rating":"up"})", 400,
       "bad_request"},
      {"POST", "/api/v1/conversations/" + conv + "/messages",
       R"({"text":"total revenue","data_source":"nope"})", 404, "not_found"},
  };
  for (auto& c : cases) {
    auto res = http_.call(c.method, c.path, alice, c.body);
    EXPECT_EQ(res.status, c.status) << c.method << " " << c.path << ": " << res.body.substr(0, 300);
    EXPECT_EQ(error_code_of(res), c.code) << c.method << " " << c.path;
  }
  // Nothing was lost: the conversation still answers.
  auto res = http_.call("POST", "/api/v1/conversations/" + conv + "/messages", alice,
                        R"({"text":"total revenue"})");
  EXPECT_EQ(object_of(res.events().back()).at("step"), "answer") << res.body;
}

TEST_F(http_api, data_sources_health_and_the_openapi_document) {
  auto alice = http_.token("alice");
  auto sources = http_.call("GET", "/api/v1/data-sources", alice);
  ASSERT_EQ(sources.status, 200) << sources.body;
  EXPECT_NE(sources.body.find("\"sales\""), std::string::npos);
  auto health = http_.call("GET", "/health", "");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(object_of(health.body).at("status"), "ok");
  auto with_worker = object_of(http_.call("GET", "/health", alice).body);
  EXPECT_EQ(with_worker.at("status"), "ok") << json::serialize(with_worker);
  EXPECT_EQ(with_worker.at("worker").at("status"), "ok");

  auto doc = http_.call("GET", "/api/v1/openapi.json", "");
  ASSERT_EQ(doc.status, 200);
  auto spec = object_of(doc.body);
  EXPECT_EQ(std::string{spec.at("openapi").as_string()}.substr(0, 2), "3.");
  // Every route the gateway serves is in the document, with its methods.
  auto& paths = spec.at("paths").as_object();
  std::vector<std::pair<std::string, std::vector<std::string>>> routes = {
      {"/api/v1/conversations", {"get", "post"}},
      {"/api/v1/conversations/{id}", {"get", "patch", "delete"}},
      {"/api/v1/conversations/{id}/messages", {"post"}},
      {"/api/v1/conversations/{id}/refine", {"post"}},
      {"/api/v1/conversations/{id}/feedback", {"post"}},
      {"/api/v1/conversations/{id}/cancel", {"post"}},
      {"/api/v1/data-sources", {"get"}},
      {"/health", {"get"}},
      {"/api/v1/openapi.json", {"get"}},
  };
  EXPECT_EQ(paths.size(), routes.size());
  for (auto& [path, methods] : routes) {
    ASSERT_TRUE(paths.contains(path)) << path;
    for (auto& m : methods)
      EXPECT_TRUE(paths.at(path).as_object().contains(m)) << m << " " << path;
  }
  // And the other way round: the gateway serves every operation the document
  // names (none is an unknown path or a wrong method).
  auto conv = create("alice");
  for (auto& [path, item] : paths) {
    std::string target{path};
    if (auto at = target.find("{id}"); at != std::string::npos)
      target.replace(at, 4, conv);
    for (auto& [method, op] : item.as_object()) {
      if (method == "parameters")
        continue;
      std::string upper{method};
      for (auto& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      auto res = http_.call(upper, target, alice, upper == "GET" || upper == "DELETE" ? "" : "{}");
      EXPECT_NE(res.status, 405) << upper << " " << target;
      EXPECT_EQ(res.body.find("no such path"), std::string::npos) << upper << " " << target;
      EXPECT_TRUE(op.as_object().at("responses").as_object().contains(std::to_string(res.status)))
          << upper << " " << target << " answered " << res.status << ", not in the document";
    }
  }
}

} // namespace
} // namespace medha::testing
