#pragma once

// Who may use the HTTP gateway: each bearer token maps to one Medha user and
// the NATS credentials the gateway connects with on that user's behalf, so
// nats-server confines the HTTP user exactly as it confines `medha`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/nats_credentials.hpp"

namespace medha::http {

struct http_user {
  std::string name;  // the NATS user, a subject token
  std::string token; // the bearer token
  nats_credentials nats;
};

/// Reads the users file: {"users":[{"user","token","nats_password"} or
/// {"user","token","nats_credentials":"FILE"}]}. Returns nullopt and fills
/// `error` on a bad file (bad JSON, missing field, short or repeated token).
std::optional<std::vector<http_user>> load_users(const std::string& path, std::string& error);

/// Parses the file's text (load_users without the file).
std::optional<std::vector<http_user>> parse_users(std::string_view text, std::string& error);

/// The user whose token is `token` (compared in constant time), or nullptr.
const http_user* find_user(const std::vector<http_user>& users, std::string_view token);

/// The token of an `Authorization: Bearer <token>` header value, or "".
std::string_view bearer_token(std::string_view authorization);

} // namespace medha::http
