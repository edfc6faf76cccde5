// The gateway's users file and token checks.

#include <gtest/gtest.h>

#include "runtime/http/exchange.hpp"
#include "runtime/http/users.hpp"

namespace medha::http {
namespace {

TEST(http_users, a_token_finds_its_user_and_nothing_else) {
  std::string error;
  auto users = parse_users(R"({"users":[
    {"user":"alice","token":"aaaaaaaaaaaaaaaaaaaa","nats_password":"pa"},
    {"user":"bob","token":"bbbbbbbbbbbbbbbbbbbb","nats_credentials":"/etc/bob.creds"}]})",
                           error);
  ASSERT_TRUE(users) << error;
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ(find_user(*users, "aaaaaaaaaaaaaaaaaaaa")->name, "alice");
  EXPECT_EQ(find_user(*users, "aaaaaaaaaaaaaaaaaaaa")->nats.password, "pa");
  EXPECT_EQ(find_user(*users, "bbbbbbbbbbbbbbbbbbbb")->nats.credentials_file, "/etc/bob.creds");
  EXPECT_EQ(find_user(*users, "aaaaaaaaaaaaaaaaaaa"), nullptr);   // one short
  EXPECT_EQ(find_user(*users, "aaaaaaaaaaaaaaaaaaaaa"), nullptr); // one long
  EXPECT_EQ(find_user(*users, ""), nullptr);
}

TEST(http_users, a_bad_file_says_what_is_wrong) {
  std::string error;
  EXPECT_FALSE(parse_users("[]", error));
  EXPECT_FALSE(parse_users(R"({"users":[{"user":"a.b","token":"aaaaaaaaaaaaaaaaaaaa"}]})", error));
  EXPECT_NE(error.find("user"), std::string::npos);
  EXPECT_FALSE(parse_users(R"({"users":[{"user":"alice","token":"short"}]})", error));
  EXPECT_NE(error.find("shorter"), std::string::npos);
  EXPECT_FALSE(parse_users(R"({"users":[{"user":"a","token":"aaaaaaaaaaaaaaaaaaaa"},
                                        {"user":"b","token":"aaaaaaaaaaaaaaaaaaaa"}]})",
                           error));
  EXPECT_NE(error.find("share"), std::string::npos);
}

TEST(http_users, bearer_header) {
  EXPECT_EQ(bearer_token("Bearer abc"), "abc");
  EXPECT_EQ(bearer_token("bearer abc "), "abc");
  EXPECT_EQ(bearer_token("Basic abc"), "");
  EXPECT_EQ(bearer_token("Bearer "), "");
  EXPECT_EQ(bearer_token(""), "");
}

TEST(http_errors, codes_have_fitting_statuses) {
  EXPECT_EQ(status_of("bad_request"), 400);
  EXPECT_EQ(status_of("unauthorized"), 401);
  EXPECT_EQ(status_of("forbidden"), 403);
  EXPECT_EQ(status_of("not_found"), 404);
  EXPECT_EQ(status_of("payload_too_large"), 413);
  EXPECT_EQ(status_of("rate_limited"), 429);
  EXPECT_EQ(status_of("not_supported"), 501);
  EXPECT_EQ(status_of("datasource_unavailable"), 503);
  EXPECT_EQ(status_of("something new"), 500);
  EXPECT_EQ(error_json("not_found", "no \"x\""),
            R"({"error":{"code":"not_found","message":"no \"x\""}})");
}

} // namespace
} // namespace medha::http
