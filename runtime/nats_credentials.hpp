#pragma once

// How a process proves who it is to nats-server. Shared by the worker and the
// client; header-only so the client needs no library beyond nats.c.

#include <string>

#include <nats/nats.h>

namespace medha {

/// A user and password (the scripts' loopback setup), or a .creds file (a
/// JWT and nkey seed, for decentralized accounts in production). Empty
/// fields: connect anonymously, which a server with authorization refuses.
struct nats_credentials {
  std::string user;
  std::string password;
  std::string credentials_file;
};

/// Sets the credentials on connection options; returns "" or what failed.
inline std::string apply_nats_credentials(natsOptions* opts, const nats_credentials& creds) {
  natsStatus s = NATS_OK;
  if (!creds.credentials_file.empty())
    s = natsOptions_SetUserCredentialsFromFiles(opts, creds.credentials_file.c_str(), nullptr);
  else if (!creds.user.empty())
    s = natsOptions_SetUserInfo(opts, creds.user.c_str(), creds.password.c_str());
  if (s != NATS_OK)
    return std::string{"NATS credentials: "} + natsStatus_GetText(s);
  return {};
}

} // namespace medha
