#include "actors/sqlgen/llm/provider.hpp"

#include <boost/json.hpp>

#include "actors/sqlgen/llm/anthropic_provider.hpp"
#include "actors/sqlgen/llm/openai_provider.hpp"

namespace medha::llm {

namespace json = boost::json;

std::string provider::error_message(long status, std::string_view body) {
  json::error_code ec;
  auto v = json::parse(body, ec);
  if (!ec && v.is_object()) {
    if (auto* err = v.as_object().if_contains("error")) {
      if (err->is_object())
        if (auto* msg = err->as_object().if_contains("message"); msg && msg->is_string())
          return std::string{msg->get_string()};
      if (err->is_string()) // some compatible servers send {"error":"…"}
        return std::string{err->get_string()};
    }
  }
  std::string start{body.substr(0, 200)};
  return start.empty() ? "HTTP " + std::to_string(status) : start;
}

std::unique_ptr<provider> make_provider(const llm_settings& s) {
  auto timeout = std::chrono::milliseconds(s.timeout_ms);
  if (s.provider == "openai")
    return std::make_unique<openai_provider>(s.base_url, s.model, s.max_tokens, timeout);
  if (s.provider == "anthropic")
    return std::make_unique<anthropic_provider>(s.base_url, s.model, s.max_tokens, timeout);
  return nullptr;
}

} // namespace medha::llm
