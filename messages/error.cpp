#include "messages/error.hpp"

#include <string>

namespace medha {

namespace {
constexpr const char* names[] = {
  "bad_request",   "payload_too_large",      "not_found",
  "busy",          "datasource_unavailable", "query_timeout",
  "query_failed",  "unsafe_sql",             "no_data_source",
  "cancelled",     "internal",               "store_failed",
  "forbidden",     "rate_limited",           "llm_not_offered",
  "too_many_attempts",
};
constexpr int name_count = sizeof(names) / sizeof(names[0]);
} // namespace

const char* to_string(error_code code) {
  auto i = static_cast<int>(code);
  return i >= 0 && i < name_count ? names[i] : "internal";
}

bool from_string(std::string_view name, error_code& out) {
  for (int i = 0; i < name_count; ++i)
    if (name == names[i]) {
      out = static_cast<error_code>(i);
      return true;
    }
  return false;
}

medha_error too_many_per_minute(int per_minute, int64_t wait_ms) {
  medha_error err{error_code::rate_limited,
                  "more than " + std::to_string(per_minute) + " turns in a minute; try again in a moment"};
  err.retry_after_ms = wait_ms < 1 ? 1 : wait_ms;
  return err;
}

medha_error too_many_at_once(int concurrent) {
  medha_error err{error_code::rate_limited,
                  std::to_string(concurrent) + " of your turns are already running; wait for one to finish"};
  // A turn in flight usually ends within seconds; no sooner guess is honest.
  err.retry_after_ms = 1000;
  return err;
}

} // namespace medha
