#include "runtime/logging.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace medha::log {

namespace {
std::atomic<int> min_level{static_cast<int>(level::info)};
std::mutex out_mutex;
const char* names[] = {"debug", "info", "warn", "error"};
} // namespace

void set_level(const std::string& name) {
  // The config accepts trace|debug|info|warning|error|off.
  if (name == "trace")
    min_level = 0;
  else if (name == "warning")
    min_level = static_cast<int>(level::warn);
  else if (name == "off")
    min_level = 99;
  for (int i = 0; i < 4; ++i)
    if (name == names[i])
      min_level = i;
}

void write(level lvl, const char* component, const std::string& message) {
  if (static_cast<int>(lvl) < min_level)
    return;
  auto now = std::chrono::system_clock::now();
  auto secs = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &tm);
  std::lock_guard<std::mutex> guard{out_mutex};
  std::fprintf(stderr, "%s.%03dZ %-5s %s: %s\n", stamp, static_cast<int>(ms),
               names[static_cast<int>(lvl)], component, message.c_str());
}

} // namespace medha::log
