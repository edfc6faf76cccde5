#include "runtime/client/bench.hpp"

#include <gtest/gtest.h>

namespace medha::client {
namespace {

std::string refused(const std::vector<std::string>& args) {
  auto r = parse_bench_args(args);
  return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : "";
}

TEST(bench_options, counts_floor_targets_and_defaults) {
  auto r = parse_bench_args({"--pg", "dbname=sales", "--echo-user", "svc", "--conversations", "3",
                             "--turns", "7", "--report", "out.json"});
  ASSERT_TRUE(std::holds_alternative<bench_options>(r)) << std::get<std::string>(r);
  auto& o = std::get<bench_options>(r);
  EXPECT_EQ(o.conversations, 3);
  EXPECT_EQ(o.turns, 7);
  EXPECT_EQ(o.report, "out.json");
  EXPECT_FALSE(o.questions.empty()); // cheap questions unless given
}

TEST(bench_options, touch_asks_many_conversations_once_each) {
  auto r = parse_bench_args({"--pg", "x", "--echo-user", "s", "--touch", "100000", "--in-flight", "32"});
  ASSERT_TRUE(std::holds_alternative<bench_options>(r)) << std::get<std::string>(r);
  EXPECT_EQ(std::get<bench_options>(r).touch, 100000);
  EXPECT_EQ(std::get<bench_options>(r).in_flight, 32);
  auto plain = parse_bench_args({"--pg", "x", "--echo-user", "s"});
  EXPECT_EQ(std::get<bench_options>(plain).touch, 0) << "the load, unless asked";
  EXPECT_NE(refused({"--pg", "x", "--echo-user", "s", "--touch", "0"}).find("--touch"), std::string::npos);
  EXPECT_NE(refused({"--pg", "x", "--echo-user", "s", "--touch", "2000000"}).find("--touch"),
            std::string::npos);
}

TEST(bench_options, bad_input_is_named) {
  EXPECT_NE(refused({"--echo-user", "svc"}).find("--pg"), std::string::npos);
  EXPECT_NE(refused({"--pg", "x"}).find("--echo-user"), std::string::npos);
  EXPECT_NE(refused({"--pg", "x", "--echo-user", "s", "--turns", "0"}).find("--turns"),
            std::string::npos);
  EXPECT_NE(refused({"--pg", "x", "--echo-user", "s", "--conversations", "2x"}).find("--conversations"),
            std::string::npos);
  EXPECT_NE(refused({"--pg", "x", "--echo-user", "s", "--loud", "1"}).find("--loud"),
            std::string::npos);
  EXPECT_NE(refused({"--pg"}).find("needs a value"), std::string::npos);
}

} // namespace
} // namespace medha::client
