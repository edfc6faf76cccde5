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
