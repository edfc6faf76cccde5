#pragma once

// `medha mcp`: a Model Context Protocol server over stdio (newline-delimited
// JSON-RPC 2.0), so an assistant can chat with the data through the workers.

#include <iosfwd>
#include <optional>
#include <string>

#include "runtime/client/session.hpp"

namespace medha::client {

/// What the MCP server needs from the workers; `session_backend` is the real
/// one (NATS), unit tests use a fake.
class mcp_backend {
public:
  virtual ~mcp_backend() = default;
  /// An API verb's reply JSON; nullopt when no worker answered.
  virtual std::optional<std::string> api(const std::string& verb, const std::string& body) = 0;
  /// A new conversation's id; nullopt on failure.
  virtual std::optional<std::string> create_conversation(const std::string& data_source) = 0;
  /// One turn, until its final event.
  virtual turn_outcome ask(const std::string& conv, const std::string& text,
                           const std::string& data_source) = 0;
};

/// The backend over a client session (NATS, the user's credentials).
class session_backend : public mcp_backend {
public:
  explicit session_backend(session& s) : s_(s) {}
  std::optional<std::string> api(const std::string& verb, const std::string& body) override;
  std::optional<std::string> create_conversation(const std::string& data_source) override;
  turn_outcome ask(const std::string& conv, const std::string& text,
                   const std::string& data_source) override;

private:
  session& s_;
};

/// JSON-RPC framing and dispatch: one message in, at most one reply out.
class mcp_server {
public:
  explicit mcp_server(mcp_backend& backend) : backend_(backend) {}
  /// Handles one line; returns the reply line (no newline), or nullopt for
  /// notifications and blank lines.
  std::optional<std::string> handle(const std::string& line);

private:
  mcp_backend& backend_;
};

/// Reads messages from `in` until EOF, writes replies to `out` (one a line).
int run_mcp(mcp_backend& backend, std::istream& in, std::ostream& out);

} // namespace medha::client
