#include "runtime/http/users.hpp"

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/json.hpp>

#include "messages/protocol.hpp"

namespace medha::http {

namespace json = boost::json;

namespace {

// Shorter tokens are guessable; the scripts generate 32 hex digits.
constexpr size_t min_token_length = 16;

std::string string_of(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string{v->as_string()} : std::string{};
}

// Compares without stopping at the first difference, so the time taken does
// not tell how much of a guessed token was right.
bool same_secret(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  return diff == 0;
}

} // namespace

std::optional<std::vector<http_user>> parse_users(std::string_view text, std::string& error) {
  json::error_code ec;
  auto doc = json::parse(text, ec);
  if (ec || !doc.is_object() || !doc.as_object().contains("users") ||
      !doc.as_object().at("users").is_array()) {
    error = "users file: expected {\"users\": [...]}";
    return std::nullopt;
  }
  std::vector<http_user> users;
  std::set<std::string> tokens;
  for (auto& entry : doc.as_object().at("users").as_array()) {
    if (!entry.is_object()) {
      error = "users file: every user is an object";
      return std::nullopt;
    }
    auto& o = entry.as_object();
    http_user u;
    u.name = string_of(o, "user");
    u.token = string_of(o, "token");
    u.nats.user = u.name;
    u.nats.password = string_of(o, "nats_password");
    u.nats.credentials_file = string_of(o, "nats_credentials");
    if (!is_valid_token(u.name)) {
      error = "users file: \"user\" must match [A-Za-z0-9_-]{1,64}";
      return std::nullopt;
    }
    if (u.token.size() < min_token_length) {
      error = "users file: the token of \"" + u.name + "\" is shorter than " +
              std::to_string(min_token_length) + " characters";
      return std::nullopt;
    }
    if (!tokens.insert(u.token).second) {
      error = "users file: two users share a token";
      return std::nullopt;
    }
    if (!u.nats.credentials_file.empty())
      u.nats.user.clear(); // a .creds file names the user itself
    users.push_back(std::move(u));
  }
  return users;
}

std::optional<std::vector<http_user>> load_users(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read the users file " + path;
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse_users(text.str(), error);
}

const http_user* find_user(const std::vector<http_user>& users, std::string_view token) {
  const http_user* found = nullptr;
  if (token.empty())
    return nullptr;
  for (auto& u : users)
    if (same_secret(u.token, token))
      found = &u;
  return found;
}

std::string_view bearer_token(std::string_view authorization) {
  constexpr std::string_view scheme = "Bearer ";
  if (authorization.size() <= scheme.size())
    return {};
  for (size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(authorization[i])) !=
        std::tolower(static_cast<unsigned char>(scheme[i])))
      return {};
  auto token = authorization.substr(scheme.size());
  while (!token.empty() && token.back() == ' ')
    token.remove_suffix(1);
  return token;
}

} // namespace medha::http
