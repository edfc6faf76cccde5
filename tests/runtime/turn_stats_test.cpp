#include "runtime/turn_stats.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <boost/json.hpp>

#include "messages/protocol.hpp"

namespace medha {
namespace {

namespace json = boost::json;

struct counting_sink : event_sink {
  size_t published = 0;
  void publish(const std::string&, const std::string&) override { ++published; }
  bool connected() const override { return true; }
};

std::string event(step_kind step, double elapsed_ms, const std::string& data) {
  step_event ev;
  ev.conv = "c1";
  ev.turn_id = "t1";
  ev.seq = 3;
  ev.step = step;
  ev.status = step == step_kind::error ? step_status::failed : step_status::done;
  ev.elapsed_ms = elapsed_ms;
  ev.data_json = data;
  return encode_step_event(ev);
}

const char* const events = "medha.events.alice.c1";

TEST(turn_stats, counts_final_events_once_with_errors_by_code_and_step_latency) {
  auto inner = std::make_shared<counting_sink>();
  turn_stats stats{inner};
  for (double ms : {10.0, 20.0, 30.0, 40.0}) {
    auto answer = event(step_kind::answer, ms,
                        R"({"text":"x","timings":{"sql_ms":)" + std::to_string(ms / 10)
                          + R"(,"execute_ms":2,"total_ms":99}})");
    stats.publish(events, answer);
    stats.publish("_INBOX.reply", answer); // the same final event as the reply: not again
  }
  stats.publish(events, event(step_kind::sql, 5, R"({})")); // not final
  stats.publish(events, event(step_kind::clarify, 7, R"({"text":"which?"})"));
  stats.publish(events, event(step_kind::error, 8, R"({"code":"query_timeout","message":"m"})"));
  stats.publish(events, event(step_kind::error, 9, R"({"code":"query_timeout","message":"m"})"));
  stats.publish(events, event(step_kind::error, 1, R"({"code":"busy","message":"m"})"));
  EXPECT_EQ(inner->published, 13u); // everything still goes out

  auto s = json::parse(stats.snapshot_json(2)).as_object();
  EXPECT_EQ(s.at("turns").to_number<uint64_t>(), 8u);
  EXPECT_EQ(s.at("answers").to_number<uint64_t>(), 4u);
  EXPECT_EQ(s.at("clarifies").to_number<uint64_t>(), 1u);
  EXPECT_EQ(s.at("errors").at("query_timeout").to_number<uint64_t>(), 2u);
  EXPECT_EQ(s.at("errors").at("busy").to_number<uint64_t>(), 1u);
  EXPECT_EQ(s.at("live_conversations").to_number<uint64_t>(), 2u);
  auto& latency = s.at("latency_ms").as_object();
  EXPECT_EQ(latency.at("sql").at("samples").to_number<uint64_t>(), 4u);
  EXPECT_EQ(latency.at("sql").at("p50").as_double(), 2.0);
  EXPECT_EQ(latency.at("sql").at("p99").as_double(), 4.0);
  EXPECT_EQ(latency.at("execute").at("p50").as_double(), 2.0);
  EXPECT_FALSE(latency.contains("total")); // the turn's own time is "turn"
  EXPECT_EQ(latency.at("turn").at("samples").to_number<uint64_t>(), 8u);
  EXPECT_EQ(latency.at("turn").at("p99").as_double(), 40.0);
}

// The conversation says which of its events are final: those count (once,
// on the events subject), the others go out without being looked at.
TEST(turn_stats, step_events_count_when_their_sender_says_final) {
  auto inner = std::make_shared<counting_sink>();
  turn_stats stats{inner};
  auto answer = event(step_kind::answer, 12, R"({"text":"x","timings":{"total_ms":12}})");
  stats.publish_step(events, event(step_kind::sql, 5, R"({})"), false);
  stats.publish_step(events, answer, true);
  stats.publish_step("_INBOX.reply", answer, true);
  stats.publish_step(events, event(step_kind::execute, 6, R"({})"), false);
  EXPECT_EQ(inner->published, 4u);
  auto s = json::parse(stats.snapshot_json(1)).as_object();
  EXPECT_EQ(s.at("turns").to_number<uint64_t>(), 1u);
  EXPECT_EQ(s.at("answers").to_number<uint64_t>(), 1u);
  EXPECT_EQ(s.at("latency_ms").at("turn").at("samples").to_number<uint64_t>(), 1u);
}

TEST(turn_stats, counts_sql_cache_hits_and_misses_of_final_events) {
  auto inner = std::make_shared<counting_sink>();
  turn_stats stats{inner};
  stats.publish(events, event(step_kind::answer, 1, R"({"strategy":"llm","cache":"miss"})"));
  stats.publish(events, event(step_kind::sql, 1, R"({"strategy":"llm","cache":"hit"})")); // not final
  stats.publish(events, event(step_kind::answer, 1, R"({"strategy":"llm","cache":"hit"})"));
  stats.publish(events, event(step_kind::answer, 1, R"({"strategy":"llm","cache":"hit"})"));
  stats.publish(events, event(step_kind::answer, 1, R"({"strategy":"embedded"})"));
  auto s = json::parse(stats.snapshot_json(0)).as_object();
  auto& sql = s.at("cache").at("sql");
  EXPECT_EQ(sql.at("hits").to_number<uint64_t>(), 2u);
  EXPECT_EQ(sql.at("misses").to_number<uint64_t>(), 1u);
}

TEST(turn_stats, latency_window_keeps_the_latest_values) {
  turn_stats stats{std::make_shared<counting_sink>(), 10};
  for (int i = 1; i <= 100; ++i)
    stats.publish(events, event(step_kind::answer, i, R"({"timings":{}})"));
  auto s = json::parse(stats.snapshot_json(0)).as_object();
  auto& turn = s.at("latency_ms").at("turn");
  EXPECT_EQ(turn.at("samples").to_number<uint64_t>(), 10u);
  EXPECT_EQ(turn.at("p50").as_double(), 95.0); // of 91..100
  EXPECT_EQ(s.at("turns").to_number<uint64_t>(), 100u);
}

TEST(turn_stats, histograms_count_every_value_since_start) {
  turn_stats stats{std::make_shared<counting_sink>(), 10};
  for (int i = 1; i <= 100; ++i)
    stats.publish(events, event(step_kind::answer, i, R"({"timings":{"execute_ms":0.3}})"));
  stats.set_live_conversations(7);
  auto t = stats.current();
  EXPECT_EQ(t.live_conversations, 7u);
  auto& turn = t.latency.at("turn");
  EXPECT_EQ(turn.count, 100u); // not the window's 10
  EXPECT_DOUBLE_EQ(turn.sum_ms, 5050.0);
  auto& bounds = turn_stats::histogram_bounds_ms();
  // 1..100 ms: 1 in (0.5,1], 2 in (1,2.5], ..., 50 in (50,100].
  auto slot = [&](double bound) {
    return static_cast<size_t>(std::find(bounds.begin(), bounds.end(), bound) - bounds.begin());
  };
  EXPECT_EQ(turn.buckets[slot(1)], 1u);
  EXPECT_EQ(turn.buckets[slot(100)], 50u);
  EXPECT_EQ(t.latency.at("execute").buckets[slot(0.5)], 100u); // 0.3 ms: (0.25, 0.5]
}

TEST(turn_stats, query_analytics_per_day) {
  turn_stats stats{std::make_shared<counting_sink>()};
  // 2026-12-05 23:59:59 UTC, then a day later.
  auto day_one = std::chrono::system_clock::from_time_t(1796515199);
  auto now = day_one;
  stats.set_clock([&] { return now; });
  stats.publish(events, event(step_kind::answer, 40, R"({"text":"x"})"));
  stats.publish(events, event(step_kind::answer, 10, R"({"text":"x","usage":{"calls":2,"input_tokens":300,"output_tokens":20,"cost":0.5}})"));
  stats.publish(events, event(step_kind::error, 70, R"({"code":"busy","message":"m"})"));
  stats.publish(events, event(step_kind::sql, 5, R"({})")); // not a turn's end
  now = day_one + std::chrono::hours(24);
  stats.publish(events, event(step_kind::clarify, 8, R"({"text":"which?"})"));

  auto days = json::parse(stats.snapshot_json(0)).at("days").as_object();
  ASSERT_EQ(days.size(), 2u) << days;
  auto& first = days.at("2026-12-05").as_object();
  EXPECT_EQ(first.at("turns").to_number<uint64_t>(), 3u);
  EXPECT_DOUBLE_EQ(first.at("avg_ms").to_number<double>(), 40.0);
  EXPECT_DOUBLE_EQ(first.at("min_ms").to_number<double>(), 10.0);
  EXPECT_DOUBLE_EQ(first.at("max_ms").to_number<double>(), 70.0);
  EXPECT_EQ(first.at("llm_calls").to_number<int64_t>(), 2);
  EXPECT_EQ(first.at("input_tokens").to_number<int64_t>(), 300);
  EXPECT_DOUBLE_EQ(first.at("cost").to_number<double>(), 0.5);
  auto& second = days.at("2026-12-06").as_object();
  EXPECT_EQ(second.at("turns").to_number<uint64_t>(), 1u);
  EXPECT_DOUBLE_EQ(second.at("min_ms").to_number<double>(), 8.0);
  EXPECT_EQ(second.at("llm_calls").to_number<int64_t>(), 0);
}

TEST(daily_usage, keeps_the_latest_days_only) {
  daily_usage usage{3};
  auto start = std::chrono::system_clock::from_time_t(1796515199);
  for (int d = 0; d < 5; ++d)
    usage.add(start + std::chrono::hours(24 * d), 1, {});
  auto days = usage.json();
  ASSERT_EQ(days.size(), 3u);
  EXPECT_TRUE(days.contains("2026-12-07"));
  EXPECT_TRUE(days.contains("2026-12-09"));
  EXPECT_FALSE(days.contains("2026-12-06"));
}

} // namespace
} // namespace medha
