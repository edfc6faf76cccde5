#include "actors/answer/number_format.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace medha::answer {

namespace {

std::string group_thousands(std::string digits) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out;
}

} // namespace

std::optional<double> parse_number(std::string_view text) {
  if (text.empty() || text.size() > 64)
    return std::nullopt;
  std::string s(text);
  errno = 0;
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (errno != 0 || end != s.c_str() + s.size() || !std::isfinite(d))
    return std::nullopt;
  return d;
}

bool has_fraction(std::string_view text) {
  return text.find('.') != std::string_view::npos && parse_number(text).has_value();
}

std::string format_value(double value, bool decimals) {
  const bool negative = value < 0;
  const double magnitude = std::fabs(value);
  const bool whole = !decimals && magnitude == std::floor(magnitude) && magnitude < 1e15;
  char buf[64];
  // Whole numbers read best without ".00"; anything else gets cents-style
  // precision, which is what amounts need and ratios tolerate.
  std::snprintf(buf, sizeof buf, whole ? "%.0f" : "%.2f", magnitude);
  std::string s = buf;
  auto dot = s.find('.');
  std::string integer = dot == std::string::npos ? s : s.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : s.substr(dot);
  std::string out = group_thousands(integer) + fraction;
  if (negative && out.find_first_not_of("0.,") != std::string::npos)
    out = "-" + out;
  return out;
}

std::string format_number(std::string_view text) {
  auto value = parse_number(text);
  if (!value)
    return std::string(text);
  return format_value(*value, has_fraction(text));
}

std::string format_percent(double percent) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%+.1f%%", percent);
  return buf;
}

} // namespace medha::answer
