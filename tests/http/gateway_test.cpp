// The gateway's decisions that need no worker: tokens, routes, methods,
// bodies, the page's files. NATS points at a closed port, so a request that
// got as far as connecting would answer 503 `unavailable`.

#include <filesystem>
#include <fstream>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "runtime/http/gateway.hpp"
#include "tests/support/servers.hpp"

namespace medha::http {
namespace {

struct recorded : response_writer {
  int status = 0;
  std::string type, body;
  bool send(int s, std::string_view t, std::string_view b) override {
    status = s;
    type = t;
    body = b;
    return true;
  }
  bool start_stream(int s, std::string_view t) override { return send(s, t, ""); }
  bool write(std::string_view chunk) override {
    body += chunk;
    return true;
  }
  std::string code() const {
    auto v = boost::json::parse(body);
    return std::string{v.at("error").at("code").as_string()};
  }
};

constexpr const char* alice_token = "alice-token-0123456789";

class gateway_test : public ::testing::Test {
protected:
  gateway_test() {
    std::ofstream{web_ / "index.html"} << "<title>Medha</title>";
    std::ofstream{web_ / ".secret"} << "no";
    gateway_options opts;
    opts.nats_url = "nats://127.0.0.1:1"; // nothing listens there
    opts.users = {http_user{"alice", alice_token, {"alice", "pw", ""}}};
    opts.web_root = web_.string();
    gw_.emplace(opts);
  }
  ~gateway_test() override { std::filesystem::remove_all(web_); }

  recorded call(std::string method, std::string path, std::string token = alice_token,
                std::string body = "") {
    recorded out;
    gw_->handle({std::move(method), std::move(path), token.empty() ? "" : "Bearer " + token,
                 std::move(body)},
                out);
    return out;
  }

  std::filesystem::path web_ = testing::make_temp_dir("medha-web-");
  std::optional<gateway> gw_;
};

TEST_F(gateway_test, the_api_needs_a_known_token) {
  EXPECT_EQ(call("GET", "/api/v1/conversations", "").status, 401);
  auto wrong = call("GET", "/api/v1/conversations", "alice-token-0123456780");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.code(), "unauthorized");
}

TEST_F(gateway_test, paths_methods_and_bodies_are_checked_before_connecting) {
  EXPECT_EQ(call("GET", "/api/v1/nothing").code(), "not_found");
  EXPECT_EQ(call("GET", "/api/v1/conversations/c1/nothing").code(), "not_found");
  EXPECT_EQ(call("PUT", "/api/v1/conversations", alice_token, "{}").status, 405);
  EXPECT_EQ(call("GET", "/api/v1/conversations/c1/messages").status, 405);
  EXPECT_EQ(call("POST", "/api/v1/conversations", alice_token, "{").code(), "bad_request");
  EXPECT_EQ(call("POST", "/api/v1/conversations", alice_token, "\"text\"").code(), "bad_request");
  EXPECT_EQ(call("GET", "/api/v1/conversations/x.y").code(), "bad_request");
  // A well-formed request goes on to NATS, which is not there.
  auto down = call("GET", "/api/v1/conversations");
  EXPECT_EQ(down.status, 503);
  EXPECT_EQ(down.code(), "unavailable");
}

TEST_F(gateway_test, the_page_and_the_document_are_served_without_a_token) {
  auto page = call("GET", "/", "");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.type, "text/html; charset=utf-8");
  EXPECT_EQ(page.body, "<title>Medha</title>");
  EXPECT_EQ(call("GET", "/.secret", "").status, 404);
  EXPECT_EQ(call("GET", "/../index.html", "").status, 404);
  EXPECT_EQ(call("GET", "/missing.js", "").status, 404);
  auto doc = call("GET", "/api/v1/openapi.json", "");
  EXPECT_EQ(doc.status, 200);
  EXPECT_TRUE(boost::json::parse(doc.body).as_object().contains("paths"));
  EXPECT_EQ(call("POST", "/api/v1/openapi.json", "", "{}").status, 405);
  auto health = call("GET", "/health", "");
  EXPECT_EQ(health.status, 200);
  EXPECT_NE(health.body.find("\"ok\""), std::string::npos);
}

} // namespace
} // namespace medha::http
