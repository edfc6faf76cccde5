#include "actors/conversation/turn_limiter.hpp"

#include <algorithm>

namespace medha {

namespace {
constexpr auto window = std::chrono::minutes(1);
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
    return too_many_per_minute(per_minute_, wait.count());
  }
  if (in_flight(key.first) >= concurrent_)
    return too_many_at_once(concurrent_);
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
