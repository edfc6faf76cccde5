// The per-user turn limits, on a clock the test moves.

#include <gtest/gtest.h>

#include "actors/conversation/turn_limiter.hpp"

namespace medha {
namespace {

using namespace std::chrono_literals;
using key = turn_limiter::conv_key;

TEST(turn_limiter, turns_per_minute_are_counted_per_user_and_expire) {
  turn_limiter limits{2, 100};
  auto t0 = turn_limiter::clock::time_point{} + 1h;
  EXPECT_FALSE(limits.admit(key{"alice", "c1"}, t0));
  EXPECT_FALSE(limits.admit(key{"alice", "c2"}, t0 + 10s));
  auto refused = limits.admit(key{"alice", "c1"}, t0 + 20s);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, error_code::rate_limited);
  EXPECT_EQ(refused->retry_after_ms, 40000); // when the first turn leaves the window
  EXPECT_FALSE(limits.admit(key{"bob", "c9"}, t0 + 20s)) << "bob has his own budget";
  EXPECT_FALSE(limits.admit(key{"alice", "c1"}, t0 + 60s));
}

TEST(turn_limiter, concurrent_turns_end_or_leave_with_their_conversation) {
  turn_limiter limits{100, 2};
  auto now = turn_limiter::clock::now();
  EXPECT_FALSE(limits.admit(key{"alice", "c1"}, now));
  EXPECT_FALSE(limits.admit(key{"alice", "c2"}, now));
  auto refused = limits.admit(key{"alice", "c3"}, now);
  ASSERT_TRUE(refused);
  EXPECT_GT(refused->retry_after_ms, 0);
  limits.finished(key{"alice", "c1"});
  EXPECT_FALSE(limits.admit(key{"alice", "c3"}, now));
  EXPECT_TRUE(limits.admit(key{"alice", "c4"}, now));
  limits.forget(key{"alice", "c2"}); // its actor died mid-turn
  EXPECT_FALSE(limits.admit(key{"alice", "c4"}, now));
}

} // namespace
} // namespace medha
