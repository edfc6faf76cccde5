#include "tests/fuzz/harness/decoders.hpp"

#include <algorithm>

namespace medha::fuzz {

const std::vector<decoder>& decoders() {
  static const std::vector<decoder> all = {
    {"turn", fuzz_turn},     {"api", fuzz_api},           {"event", fuzz_event},
    {"config", fuzz_config}, {"credentials", fuzz_credentials}, {"mcp", fuzz_mcp},
  };
  return all;
}

const decoder* find_decoder(std::string_view name) {
  for (auto& d : decoders())
    if (name == d.name)
      return &d;
  return nullptr;
}

std::string check_error(const medha_error& err, const std::vector<error_code>& allowed) {
  error_code round_trip;
  if (!from_string(to_string(err.code), round_trip) || round_trip != err.code)
    return "an error without a stable code";
  if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), err.code) == allowed.end())
    return std::string{"unexpected error code "} + to_string(err.code) + ": " + err.message;
  if (err.message.empty())
    return std::string{"error "} + to_string(err.code) + " without a message";
  return {};
}

std::pair<std::string_view, std::string_view> first_line(std::string_view input) {
  auto nl = input.find('\n');
  if (nl == std::string_view::npos)
    return {std::string_view{}, input};
  return {input.substr(0, nl), input.substr(nl + 1)};
}

} // namespace medha::fuzz
