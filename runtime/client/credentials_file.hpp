#pragma once

// A NATS `.creds` file (a user JWT and the nkey seed that signs for it),
// checked before connecting: nats.c reads it only during the handshake and
// then reports a bare status, so a truncated or mangled file is named here.

#include <string>
#include <string_view>
#include <variant>

#include "messages/error.hpp"

namespace medha::client {

struct nats_user_credentials {
  std::string jwt;  // header.payload.signature, base64url
  std::string seed; // a user nkey seed: "SU" + base32
};

/// The largest credentials file accepted (real ones are about 1 KiB).
constexpr size_t max_credentials_bytes = 65536;

/// Parses the text of a `.creds` file: a block `-----BEGIN NATS USER JWT-----`
/// followed by the JWT, and a block `-----BEGIN USER NKEY SEED-----` followed
/// by the seed. Anything else is `bad_request` saying what is wrong (never
/// quoting the seed).
std::variant<nats_user_credentials, medha_error> parse_credentials(std::string_view text);

/// Reads and parses a file; an unreadable file is `bad_request` too.
std::variant<nats_user_credentials, medha_error> read_credentials_file(const std::string& path);

} // namespace medha::client
