#include "runtime/prometheus_text.hpp"

#include <gtest/gtest.h>

namespace medha {
namespace {

TEST(prometheus_text, cumulative_buckets_in_seconds_with_sum_and_count) {
  turn_stats::totals t;
  t.turns = 3;
  t.answers = 2;
  t.errors["query_timeout"] = 1;
  t.live_conversations = 5;
  auto& bounds = turn_stats::histogram_bounds_ms();
  turn_stats::histogram h;
  h.buckets.assign(bounds.size() + 1, 0);
  h.buckets[2] = 1;             // 1 ms bucket
  h.buckets[bounds.size()] = 1; // past the last bound
  h.count = 2;
  h.sum_ms = 60000.8;
  t.latency["execute"] = h;
  auto text = prometheus_text(t);
  EXPECT_NE(text.find("# TYPE medha_step_duration_seconds histogram\n"), std::string::npos);
  EXPECT_NE(text.find("medha_turns_total 3\n"), std::string::npos);
  EXPECT_NE(text.find("medha_turn_outcomes_total{outcome=\"error\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("medha_errors_total{code=\"query_timeout\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("medha_live_conversations 5\n"), std::string::npos);
  EXPECT_NE(text.find("{step=\"execute\",le=\"0.0005\"} 0\n"), std::string::npos);
  EXPECT_NE(text.find("{step=\"execute\",le=\"0.001\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("{step=\"execute\",le=\"30\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("{step=\"execute\",le=\"+Inf\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("medha_step_duration_seconds_sum{step=\"execute\"} 60.0008\n"),
            std::string::npos);
  EXPECT_NE(text.find("medha_step_duration_seconds_count{step=\"execute\"} 2\n"), std::string::npos);
}

} // namespace
} // namespace medha
