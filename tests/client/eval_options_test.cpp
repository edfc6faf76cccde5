#include <gtest/gtest.h>

#include "runtime/client/eval_suite.hpp"

namespace medha::client {
namespace {

TEST(eval_options, both_modes_share_one_command_line) {
  std::string error;
  auto o = parse_eval_options({"--suite", "s.csv", "--databases", "dir", "--distractors", "100",
                               "--discovery-only", "--limit", "7", "--db", "yelp", "--verbose"},
                              error);
  ASSERT_TRUE(o) << error;
  EXPECT_EQ(o->suite, "s.csv");
  EXPECT_TRUE(o->discovery_only);
  EXPECT_TRUE(o->verbose);
  EXPECT_EQ(o->limit, 7u);
  EXPECT_EQ(o->only_db, "yelp");
  EXPECT_EQ(o->pg, "host=127.0.0.1");
}

TEST(eval_options, mistakes_are_errors_not_crashes) {
  std::string error;
  EXPECT_FALSE(parse_eval_options({"--report", "x.json"}, error));
  EXPECT_NE(error.find("--suite"), std::string::npos);
  EXPECT_FALSE(parse_eval_options({"--suite", "s", "--limit", "abc"}, error));
  EXPECT_NE(error.find("--limit"), std::string::npos);
  EXPECT_FALSE(parse_eval_options({"--suite", "s", "--limit"}, error));
  EXPECT_FALSE(parse_eval_options({"--suite", "s", "--bogus", "1"}, error));
  EXPECT_NE(error.find("--bogus"), std::string::npos);
}

} // namespace
} // namespace medha::client
