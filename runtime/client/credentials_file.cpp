#include "runtime/client/credentials_file.hpp"

#include <fstream>
#include <sstream>

namespace medha::client {

namespace {

medha_error bad(std::string message) {
  return {error_code::bad_request, std::move(message)};
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// The first non-blank line after the line that holds `marker`, or "".
std::string_view value_after(std::string_view text, std::string_view marker) {
  auto at = text.find(marker);
  if (at == std::string_view::npos)
    return {};
  auto line_end = text.find('\n', at);
  while (line_end != std::string_view::npos) {
    auto next = text.find('\n', line_end + 1);
    auto line = trim(text.substr(line_end + 1, next == std::string_view::npos ? next : next - line_end - 1));
    if (!line.empty())
      return line;
    line_end = next;
  }
  return {};
}

bool is_base64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
         || c == '_' || c == '=';
}

bool is_jwt(std::string_view s) {
  int dots = 0;
  size_t segment = 0;
  for (char c : s) {
    if (c == '.') {
      if (segment == 0)
        return false;
      ++dots;
      segment = 0;
    } else if (is_base64url(c)) {
      ++segment;
    } else {
      return false;
    }
  }
  return dots == 2 && segment > 0;
}

bool is_user_seed(std::string_view s) {
  if (s.size() != 58 || s.substr(0, 2) != "SU")
    return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')))
      return false;
  return true;
}

} // namespace

std::variant<nats_user_credentials, medha_error> parse_credentials(std::string_view text) {
  if (text.size() > max_credentials_bytes)
    return bad("the credentials file is larger than " + std::to_string(max_credentials_bytes)
               + " bytes; is it a .creds file?");
  nats_user_credentials out;
  auto jwt = value_after(text, "BEGIN NATS USER JWT");
  if (jwt.empty())
    return bad("no \"-----BEGIN NATS USER JWT-----\" block with a JWT after it");
  if (!is_jwt(jwt))
    return bad("the user JWT is malformed (expected three base64url parts separated by dots)");
  auto seed = value_after(text, "BEGIN USER NKEY SEED");
  if (seed.empty())
    return bad("no \"-----BEGIN USER NKEY SEED-----\" block with a seed after it");
  if (!is_user_seed(seed))
    return bad("the nkey seed is malformed (expected 58 base32 characters starting with SU)");
  out.jwt = std::string{jwt};
  out.seed = std::string{seed};
  return out;
}

std::variant<nats_user_credentials, medha_error> read_credentials_file(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in)
    return bad("cannot read the credentials file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = parse_credentials(text.str());
  if (auto* err = std::get_if<medha_error>(&parsed))
    err->message = path + ": " + err->message;
  return parsed;
}

} // namespace medha::client
