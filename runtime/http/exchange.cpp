#include "runtime/http/exchange.hpp"

#include <boost/json.hpp>

namespace medha::http {

int status_of(std::string_view code) {
  struct mapping {
    std::string_view code;
    int status;
  };
  // The protocol's codes, and the gateway's own (unauthorized, not_supported,
  // unavailable, method_not_allowed).
  static constexpr mapping table[] = {
      {"bad_request", 400},        {"unauthorized", 401},
      {"forbidden", 403},          {"not_found", 404},
      {"method_not_allowed", 405}, {"busy", 409},
      {"cancelled", 409},          {"payload_too_large", 413},
      {"unsafe_sql", 422},         {"query_failed", 422},
      {"no_data_source", 422},     {"rate_limited", 429},
      {"internal", 500},           {"store_failed", 500},
      {"not_supported", 501},      {"datasource_unavailable", 503},
      {"unavailable", 503},        {"query_timeout", 504},
  };
  for (auto& m : table)
    if (m.code == code)
      return m.status;
  return 500;
}

std::string error_json(std::string_view code, std::string_view message) {
  boost::json::object err{{"code", code}, {"message", message}};
  return boost::json::serialize(boost::json::object{{"error", std::move(err)}});
}

bool send_error(response_writer& out, std::string_view code, std::string_view message) {
  return out.send(status_of(code), "application/json", error_json(code, message));
}

} // namespace medha::http
