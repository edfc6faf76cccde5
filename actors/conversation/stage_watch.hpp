#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace medha {

/// The deadlines of a turn's stage requests. Each stage has its own timeout,
/// but a request timeout of CAF's own is a call to the clock thread when it
/// is set and another when the answer cancels it, each waking that thread: a
/// dozen per turn. Requests go out without one instead, their deadlines kept
/// here, and the conversation checks them with one timer at a time, set for
/// the earliest deadline and rarely moved (the first stage's deadline is
/// usually the earliest, as stages take milliseconds and timeouts seconds).
class stage_watch {
public:
  using time_point = std::chrono::steady_clock::time_point;

  /// A request to the stage `name` (a literal) is out until `deadline`.
  uint64_t add(const char* name, time_point deadline);

  /// The request answered (or failed) in time.
  void answered(uint64_t id);

  /// The name of a stage past its deadline at `now`, removed from the watch.
  std::optional<const char*> expired(time_point now);

  /// The earliest deadline still watched.
  std::optional<time_point> earliest() const;

private:
  struct waiting {
    uint64_t id;
    const char* name;
    time_point deadline;
  };
  std::vector<waiting> waiting_;
  uint64_t next_ = 0;
};

} // namespace medha
