#include "actors/conversation/turn_limiter.hpp"

#include <algorithm>

namespace medha {

namespace {
constexpr auto window = std::chrono::minutes(1);
// A turn in flight usually ends within seconds; no sooner guess is honest.
constexpr int64_t concurrent_retry_ms = 1000;
} // namespace

int turn_limiter::in_flight(const std::string& user) const {
  int n = 0;
  for (auto i = in_flight_.lower_bound({user, ""}); i != in_flight_.end() && i->first.first == user;
       ++i)
    n += i->second;
  return n;
}

std::optional<medha_error> turn_limiter::admit(const conv_key& key, clock::time_point now) {
  auto& starts = starts_[key.first];
  while (!starts.empty() && now - starts.front() >= window)
    starts.pop_front();
  if (static_cast<int>(starts.size()) >= per_minute_) {
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(starts.front() + window - now);
    medha_error err{error_code::rate_limited,
                    "more than " + std::to_string(per_minute_)
                        + " turns in a minute; try again in a moment"};
    err.retry_after_ms = std::max<int64_t>(1, wait.count());
    return err;
  }
  if (in_flight(key.first) >= concurrent_) {
    medha_error err{error_code::rate_limited,
                    std::to_string(concurrent_)
                        + " of your turns are already running; wait for one to finish"};
    err.retry_after_ms = concurrent_retry_ms;
    return err;
  }
  starts.push_back(now);
  in_flight_[key] += 1;
  return std::nullopt;
}

void turn_limiter::finished(const conv_key& key) {
  auto i = in_flight_.find(key);
  if (i == in_flight_.end())
    return;
  if (--i->second <= 0)
    in_flight_.erase(i);
}

void turn_limiter::forget(const conv_key& key) {
  in_flight_.erase(key);
}

} // namespace medha
