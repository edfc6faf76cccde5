#include "actors/sqlgen/llm/retry.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace medha::llm {

namespace {

// delta-seconds: digits only (RFC 9110 §10.2.3); fractions are accepted too,
// as some gateways send them.
std::optional<double> seconds_of(const std::string& v) {
  if (v.empty())
    return std::nullopt;
  bool dot = false;
  for (char c : v) {
    if (c == '.' && !dot)
      dot = true;
    else if (!std::isdigit(static_cast<unsigned char>(c)))
      return std::nullopt;
  }
  return std::stod(v);
}

// IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
std::optional<std::time_t> date_of(const std::string& v) {
  std::tm tm{};
  const char* end = strptime(v.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0')
    return std::nullopt;
  return timegm(&tm);
}

} // namespace

bool is_retryable(long status) {
  return status == 0 || status == 408 || status == 429 || (status >= 500 && status <= 599);
}

std::optional<std::chrono::milliseconds>
retry_delay(int retry, const std::optional<std::string>& retry_after,
            std::chrono::milliseconds base, std::chrono::milliseconds longest, std::time_t now) {
  using std::chrono::milliseconds;
  if (retry_after) {
    std::optional<milliseconds> asked;
    if (auto s = seconds_of(*retry_after))
      asked = milliseconds(static_cast<int64_t>(*s * 1000));
    else if (auto t = date_of(*retry_after))
      asked = milliseconds(std::max<int64_t>(0, static_cast<int64_t>(*t - now) * 1000));
    if (asked) {
      if (*asked > longest)
        return std::nullopt;
      return asked;
    }
    // An unreadable value falls back to the backoff.
  }
  auto shift = std::min(std::max(retry - 1, 0), 16);
  return std::min(milliseconds(base.count() << shift), longest);
}

} // namespace medha::llm
