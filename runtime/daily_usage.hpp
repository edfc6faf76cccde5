#pragma once

// Query analytics per day for `stats`: how many turns ended, their average,
// shortest and longest time, and the model calls, tokens and cost they took.
// Not thread-safe: turn_stats holds it under its lock.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include <boost/json/fwd.hpp>

namespace medha {

class daily_usage {
public:
  /// The last `days` days with turns are kept (older ones are dropped).
  explicit daily_usage(size_t days = 31) : days_(days) {}

  struct model_calls {
    int64_t calls = 0, input_tokens = 0, output_tokens = 0;
    double cost = 0;
  };

  /// One turn that ended at `when` (its day in UTC), after `turn_ms`.
  void add(std::chrono::system_clock::time_point when, double turn_ms, const model_calls& llm);

  /// {"YYYY-MM-DD":{"turns","avg_ms","min_ms","max_ms","llm_calls","input_tokens","output_tokens","cost"}}
  boost::json::object json() const;

  /// "YYYY-MM-DD" of a time, in UTC.
  static std::string day_of(std::chrono::system_clock::time_point when);

private:
  struct day {
    uint64_t turns = 0;
    double sum_ms = 0, min_ms = 0, max_ms = 0;
    model_calls llm;
  };
  size_t days_;
  std::map<std::string, day> by_day_; // ISO dates sort in time order
};

} // namespace medha
