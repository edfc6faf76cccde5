#include "runtime/daily_usage.hpp"

#include <algorithm>
#include <ctime>

#include <boost/json.hpp>

namespace medha {

std::string daily_usage::day_of(std::chrono::system_clock::time_point when) {
  std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
  return buf;
}

void daily_usage::add(std::chrono::system_clock::time_point when, double turn_ms, const model_calls& llm) {
  auto& d = by_day_[day_of(when)];
  d.min_ms = d.turns == 0 ? turn_ms : std::min(d.min_ms, turn_ms);
  d.max_ms = d.turns == 0 ? turn_ms : std::max(d.max_ms, turn_ms);
  d.turns += 1;
  d.sum_ms += turn_ms;
  d.llm.calls += llm.calls;
  d.llm.input_tokens += llm.input_tokens;
  d.llm.output_tokens += llm.output_tokens;
  d.llm.cost += llm.cost;
  while (by_day_.size() > days_)
    by_day_.erase(by_day_.begin());
}

boost::json::object daily_usage::json() const {
  boost::json::object out;
  for (auto& [date, d] : by_day_)
    out[date] = boost::json::object{{"turns", d.turns},
                                    {"avg_ms", d.sum_ms / static_cast<double>(d.turns)},
                                    {"min_ms", d.min_ms},
                                    {"max_ms", d.max_ms},
                                    {"llm_calls", d.llm.calls},
                                    {"input_tokens", d.llm.input_tokens},
                                    {"output_tokens", d.llm.output_tokens},
                                    {"cost", d.llm.cost}};
  return out;
}

} // namespace medha
