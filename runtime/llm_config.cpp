#include "runtime/llm_config.hpp"

#include <limits>

#include <boost/json.hpp>

namespace medha {

namespace json = boost::json;

namespace {

medha_error bad(std::string message) {
  return {error_code::bad_request, std::move(message)};
}

struct llm_option {
  const char* env;
  const char* flag;
  std::string llm_settings::*field;
  const char* help;
};

const llm_option llm_options[] = {
  {"MEDHA_LLM_PROVIDER", "--llm-provider", &llm_settings::provider,
   "language model protocol: openai or anthropic (default: none)"},
  {"MEDHA_LLM_URL", "--llm-url", &llm_settings::base_url, "the model server's base URL"},
  {"MEDHA_LLM_MODEL", "--llm-model", &llm_settings::model, "the model's name"},
  {"MEDHA_LLM_API_KEY_ENV", "--llm-api-key-env", &llm_settings::api_key_env,
   "the environment variable holding the API key"},
};

std::optional<medha_error> parse_one(llm_settings& s, const json::value& v, const std::string& where_llm) {
  if (!v.is_object())
    return bad(where_llm + " must be an object");
  for (auto& kv : v.get_object()) {
    std::string key(kv.key());
    auto where = where_llm + "." + key + "'";
    auto& val = kv.value();
    std::string* text = key == "provider"      ? &s.provider
                        : key == "base_url"    ? &s.base_url
                        : key == "model"       ? &s.model
                        : key == "api_key_env" ? &s.api_key_env
                                               : nullptr;
    int* number = key == "timeout_ms"    ? &s.timeout_ms
                  : key == "max_retries" ? &s.max_retries
                  : key == "backoff_ms"  ? &s.backoff_ms
                  : key == "max_tokens"  ? &s.max_tokens
                                         : nullptr;
    double* price = key == "price_in_per_1k"    ? &s.price_in_per_1k
                    : key == "price_out_per_1k" ? &s.price_out_per_1k
                                                : nullptr;
    if (text) {
      if (!val.is_string())
        return bad(where + " must be a string");
      *text = std::string(val.get_string());
    } else if (number) {
      if (!val.is_int64() || val.get_int64() < 0 || val.get_int64() > std::numeric_limits<int>::max())
        return bad(where + " must be a non-negative integer");
      *number = static_cast<int>(val.get_int64());
    } else if (price) {
      if (!val.is_number() || val.to_number<double>() < 0)
        return bad(where + " must be a non-negative number");
      *price = val.to_number<double>();
    } else if (key == "models") {
      if (!val.is_array())
        return bad(where + " must be an array of model names");
      s.models.clear();
      for (auto& m : val.get_array()) {
        if (!m.is_string() || m.get_string().empty())
          return bad(where + " must be an array of model names");
        s.models.emplace_back(m.get_string());
      }
    } else if (key == "prompt_token_budget") {
      if (!val.is_int64() || val.get_int64() <= 0)
        return bad(where + " must be a positive integer");
      s.prompt_token_budget = static_cast<size_t>(val.get_int64());
    } else if (key == "stream") {
      if (!val.is_bool())
        return bad(where + " must be true or false");
      s.stream = val.get_bool();
    } else {
      return bad(where + " is not an llm key (provider, base_url, model, models, api_key_env, "
                 "timeout_ms, max_retries, backoff_ms, max_tokens, prompt_token_budget, stream, "
                 "price_in_per_1k, price_out_per_1k)");
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<medha_error> parse_llm_config(llm_settings& preferred,
                                            std::vector<llm_settings>& others,
                                            const json::value& v, const std::string& origin) {
  if (!v.is_array())
    return parse_one(preferred, v, origin + ": 'llm");
  if (v.get_array().empty())
    return bad(origin + ": 'llm' must not be an empty array");
  others.clear();
  size_t i = 0;
  for (auto& entry : v.get_array()) {
    llm_settings s;
    if (auto err = parse_one(s, entry, origin + ": 'llm[" + std::to_string(i) + "]"))
      return err;
    if (i++ == 0)
      preferred = std::move(s);
    else
      others.push_back(std::move(s));
  }
  return std::nullopt;
}

bool set_llm_option(llm_settings& s, std::string_view name, const std::string& value) {
  for (auto& o : llm_options)
    if (name == o.env || name == o.flag) {
      s.*o.field = value;
      return true;
    }
  return false;
}

std::optional<medha_error> validate_llm(const llm_settings& s, const std::string& where) {
  if (!s.enabled())
    return std::nullopt;
  if (s.provider != "openai" && s.provider != "anthropic")
    return bad("'" + where + ".provider' must be \"openai\" or \"anthropic\" (or empty for none), got '"
               + s.provider + "'");
  if (s.model.empty())
    return bad("'" + where + ".model' must be set when '" + where + ".provider' is");
  if (s.base_url.empty() && s.provider == "openai")
    return bad("'" + where + ".base_url' must be set for the openai provider "
               "(e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1)");
  if (s.timeout_ms <= 0 || s.max_tokens <= 0)
    return bad("'" + where + ".timeout_ms' and '" + where + ".max_tokens' must be positive");
  return std::nullopt;
}

std::string llm_flags_help() {
  std::string out;
  for (auto& o : llm_options)
    out += std::string("  ") + o.flag + " VALUE  " + o.help + " (env " + o.env + ")\n";
  return out;
}

} // namespace medha
