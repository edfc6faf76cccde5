#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "runtime/daily_usage.hpp"
#include "runtime/event_sink.hpp"

namespace medha {

/// A worker's turn statistics for the `stats` API verb, gathered from the
/// final events as they go out: this sink wraps the real one (NATS), so every
/// turn is counted exactly where its answer is published, with no message
/// from the actors. Latencies keep the last `window` values per step, so
/// percentiles follow current load and memory stays bounded; histograms
/// (for Prometheus, which wants counts since start) count every value.
/// Thread-safe.
class turn_stats final : public event_sink {
public:
  /// Cumulative counts of one step's latencies, in the buckets of
  /// `histogram_bounds_ms()` plus an overflow bucket at the end.
  struct histogram {
    std::vector<uint64_t> buckets; // not cumulative: values in (bound[i-1], bound[i]]
    uint64_t count = 0;
    double sum_ms = 0;
  };
  /// Everything counted since the worker started, copied under the lock.
  struct totals {
    uint64_t turns = 0;
    uint64_t answers = 0;
    uint64_t clarifies = 0;
    std::map<std::string, uint64_t> errors;
    std::map<std::string, histogram> latency;
    size_t live_conversations = 0;
  };

  /// Upper bounds (ms) of the latency buckets: sub-millisecond steps up to
  /// the longest stage timeouts.
  static const std::vector<double>& histogram_bounds_ms();

  explicit turn_stats(std::shared_ptr<event_sink> inner, size_t window = 1024)
      : inner_(std::move(inner)), window_(window) {}

  void publish(const std::string& subject, const std::string& data) override;
  void publish_step(const std::string& subject, const std::string& data, bool final) override;
  bool connected() const override {
    return inner_->connected();
  }

  /// {"turns","answers","clarifies","errors":{code:n},"strategies":{strategy:n},
  ///  "llm":{"turns","calls","input_tokens","output_tokens","cost"},
  ///  "cache":{"sql"|"results"|"sources"|"metadata":{"hits","misses"}},
  ///  "latency_ms":{step:{"p50","p99","samples"}},"live_conversations",
  ///  "days":{date:{"turns","avg_ms","min_ms","max_ms","llm_calls",...}}}
  std::string snapshot_json(size_t live_conversations) const;

  /// The counters since start, for the Prometheus endpoint (own thread).
  totals current() const;

  /// Hits and misses of the caches asked outside a final event (data source
  /// selection, metadata), by kind; read at each snapshot, set once at start.
  struct hit_miss {
    uint64_t hits = 0;
    uint64_t misses = 0;
  };
  using cache_counts_fn = std::function<std::map<std::string, hit_miss>()>;
  void count_caches_with(cache_counts_fn counts) {
    cache_counts_ = std::move(counts);
  }

  /// The clock that dates turns for `days` (tests set another).
  void set_clock(std::function<std::chrono::system_clock::time_point()> now) {
    now_ = std::move(now);
  }

  /// The manager's count of conversation actors in memory, kept here so that
  /// a reader on another thread needs no message to the manager.
  void set_live_conversations(size_t n) {
    live_.store(n, std::memory_order_relaxed);
  }

private:
  void record(const std::string& data);

  std::shared_ptr<event_sink> inner_;
  size_t window_;
  mutable std::mutex mutex_;
  uint64_t turns_ = 0;
  uint64_t answers_ = 0;
  uint64_t clarifies_ = 0;
  std::map<std::string, uint64_t> errors_;
  std::map<std::string, uint64_t> strategies_; // which path answered or asked
  uint64_t llm_turns_ = 0;                     // turns that called a model
  int64_t llm_calls_ = 0, input_tokens_ = 0, output_tokens_ = 0;
  double cost_ = 0;
  uint64_t sql_cache_hits_ = 0, sql_cache_misses_ = 0; // final events' "cache"
  uint64_t result_cache_hits_ = 0, result_cache_misses_ = 0; // and "result_cache"
  std::map<std::string, std::deque<double>> latency_; // step -> last values, oldest first
  std::map<std::string, histogram> histograms_;
  std::atomic<size_t> live_{0};
  cache_counts_fn cache_counts_;
  daily_usage days_;
  std::function<std::chrono::system_clock::time_point()> now_ = [] {
    return std::chrono::system_clock::now();
  };
};

} // namespace medha
