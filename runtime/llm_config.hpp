#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>

#include "messages/error.hpp"
#include "messages/llm_settings.hpp"

namespace medha {

/// The `llm` key: one provider object, or an array of them (the first is the
/// default; the others are offered to conversations). Every key of an object
/// is optional, types are strict, unknown keys are refused.
std::optional<medha_error> parse_llm_config(llm_settings& preferred,
                                            std::vector<llm_settings>& others,
                                            const boost::json::value& v, const std::string& origin);

/// The default provider's settings from the environment or a flag, where a
/// config file is awkward (scripts, containers): MEDHA_LLM_PROVIDER /
/// --llm-provider, MEDHA_LLM_URL / --llm-url, MEDHA_LLM_MODEL / --llm-model,
/// MEDHA_LLM_API_KEY_ENV / --llm-api-key-env. `name` is the variable or the
/// flag; false when it is none of these.
bool set_llm_option(llm_settings& s, std::string_view name, const std::string& value);

/// Cross-field rules of one provider's settings; `where` names it in errors.
std::optional<medha_error> validate_llm(const llm_settings& s, const std::string& where);

/// One line per llm flag, for `--help`.
std::string llm_flags_help();

} // namespace medha
