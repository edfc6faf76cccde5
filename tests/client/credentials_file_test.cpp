// NATS .creds files checked before connecting.

#include <fstream>

#include <gtest/gtest.h>

#include "runtime/client/credentials_file.hpp"
#include "tests/support/servers.hpp"

namespace medha::client {
namespace {

// Shaped like nsc's output; the JWT and the seed are made up (no real key).
const std::string jwt = "eyJ0eXAiOiJKV1QifQ.eyJuYW1lIjoiYWxpY2UifQ.c2ln";
const std::string seed = "SU" + std::string(56, 'B');
std::string creds_text(const std::string& j, const std::string& s) {
  return "-----BEGIN NATS USER JWT-----\n" + j + "\n------END NATS USER JWT------\n\n"
         "*** IMPORTANT ***\n\n-----BEGIN USER NKEY SEED-----\n" + s +
         "\n------END USER NKEY SEED------\n";
}

TEST(credentials_file, ReadsTheJwtAndTheSeed) {
  auto r = parse_credentials(creds_text(jwt, seed));
  ASSERT_TRUE(std::holds_alternative<nats_user_credentials>(r)) << std::get<medha_error>(r).message;
  EXPECT_EQ(std::get<nats_user_credentials>(r).jwt, jwt);
  EXPECT_EQ(std::get<nats_user_credentials>(r).seed, seed);
}

TEST(credentials_file, NamesWhatIsWrongWithoutQuotingTheSeed) {
  struct bad_case { std::string text; const char* says; };
  for (auto& c : {bad_case{"", "NATS USER JWT"},
                  bad_case{creds_text("not.a jwt.x", seed), "JWT is malformed"},
                  bad_case{creds_text(jwt, "SAxx"), "seed is malformed"},
                  bad_case{creds_text(jwt, "").substr(0, 90), "NKEY SEED"},
                  bad_case{std::string(max_credentials_bytes + 1, 'x'), "larger than"}}) {
    auto r = parse_credentials(c.text);
    ASSERT_TRUE(std::holds_alternative<medha_error>(r)) << c.says;
    auto& err = std::get<medha_error>(r);
    EXPECT_EQ(err.code, error_code::bad_request);
    EXPECT_NE(err.message.find(c.says), std::string::npos) << err.message;
    EXPECT_EQ(err.message.find("SAxx"), std::string::npos);
  }
}

TEST(credentials_file, AMissingFileIsNamed) {
  auto r = read_credentials_file("/nonexistent/alice.creds");
  ASSERT_TRUE(std::holds_alternative<medha_error>(r));
  EXPECT_NE(std::get<medha_error>(r).message.find("/nonexistent/alice.creds"), std::string::npos);
  auto dir = testing::make_temp_dir("medha-creds-");
  std::ofstream(dir + "/alice.creds") << creds_text(jwt, seed);
  EXPECT_TRUE(std::holds_alternative<nats_user_credentials>(read_credentials_file(dir + "/alice.creds")));
}

} // namespace
} // namespace medha::client
