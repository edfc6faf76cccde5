#include "messages/error.hpp"

namespace medha {

namespace {
constexpr const char* names[] = {
  "bad_request",   "payload_too_large",      "not_found",
  "busy",          "datasource_unavailable", "query_timeout",
  "query_failed",  "unsafe_sql",             "no_data_source",
  "cancelled",     "internal",               "store_failed",
  "forbidden",     "rate_limited",           "llm_not_offered",
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

} // namespace medha
