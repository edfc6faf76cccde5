// The files an operator or a user hands over: the worker's config, a .creds file.

#include "tests/fuzz/harness/decoders.hpp"

#include "runtime/client/credentials_file.hpp"
#include "runtime/config.hpp"

namespace medha::fuzz {

std::string fuzz_config(std::string_view input) {
  auto applied = apply_config_json(config{}, input, "fuzz.json");
  if (auto* err = std::get_if<medha_error>(&applied))
    return check_error(*err, {error_code::bad_request});
  auto checked = validate_config(std::get<config>(std::move(applied)));
  if (auto* err = std::get_if<medha_error>(&checked))
    return check_error(*err, {error_code::bad_request});
  for (auto& s : std::get<config>(checked).data_sources)
    if (s.name.empty() || s.conninfo.empty())
      return "a data source passed without a name or conninfo";
  return {};
}

std::string fuzz_credentials(std::string_view input) {
  auto parsed = client::parse_credentials(input);
  if (auto* err = std::get_if<medha_error>(&parsed)) {
    if (auto broken = check_error(*err, {error_code::bad_request}); !broken.empty())
      return broken;
    return {};
  }
  auto& creds = std::get<client::nats_user_credentials>(parsed);
  if (creds.jwt.empty() || creds.seed.size() != 58)
    return "credentials passed without a JWT or a whole seed";
  return {};
}

} // namespace medha::fuzz
