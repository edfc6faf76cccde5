#include "actors/conversation/stage_watch.hpp"

#include <algorithm>

namespace medha {

uint64_t stage_watch::add(const char* name, time_point deadline) {
  waiting_.push_back({++next_, name, deadline});
  return next_;
}

void stage_watch::answered(uint64_t id) {
  waiting_.erase(std::remove_if(waiting_.begin(), waiting_.end(),
                                [id](const waiting& w) { return w.id == id; }),
                 waiting_.end());
}

std::optional<const char*> stage_watch::expired(time_point now) {
  for (auto i = waiting_.begin(); i != waiting_.end(); ++i)
    if (i->deadline <= now) {
      auto name = i->name;
      waiting_.erase(i);
      return name;
    }
  return std::nullopt;
}

std::optional<stage_watch::time_point> stage_watch::earliest() const {
  if (waiting_.empty())
    return std::nullopt;
  return std::min_element(waiting_.begin(), waiting_.end(),
                          [](const waiting& a, const waiting& b) { return a.deadline < b.deadline; })
    ->deadline;
}

} // namespace medha
