#pragma once

// Header-only on purpose: both the executor and the context area (introspection)
// open connections from a data source's conninfo, and the two are separate
// libraries; keeping this inline spares a link dependency between them.

#include <postgresql/libpq-fe.h> // Debian puts libpq under postgresql/

#include <optional>
#include <string>

namespace medha {

/// A data source's conninfo made ready to connect, and the words that name
/// the server in error messages.
struct prepared_conninfo {
  std::string conninfo; // key='value' form, connect_timeout added when absent
  std::string endpoint; // "host:port" for messages: never the password
};

namespace detail {

inline std::string quote_conninfo_value(const char* value) {
  std::string out = "'";
  for (const char* p = value; *p; ++p) {
    if (*p == '\'' || *p == '\\')
      out += '\\';
    out += *p;
  }
  return out + "'";
}

} // namespace detail

/// Parses `conninfo` (key=value or postgresql:// URI) with libpq itself so
/// both forms behave alike, adds `connect_timeout=<seconds>` when absent (a
/// dead host would otherwise block an actor for minutes), and extracts
/// host:port. Returns nullopt when libpq cannot parse the string.
inline std::optional<prepared_conninfo> prepare_conninfo(const std::string& conninfo,
                                                         int connect_timeout_s = 5) {
  char* err = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &err);
  if (!options) {
    // The message may quote part of the string, which may hold a password.
    if (err)
      PQfreemem(err);
    return std::nullopt;
  }
  prepared_conninfo out;
  std::string host, hostaddr, port;
  bool has_timeout = false;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val)
      continue;
    std::string keyword = o->keyword;
    if (keyword == "host")
      host = o->val;
    else if (keyword == "hostaddr")
      hostaddr = o->val;
    else if (keyword == "port")
      port = o->val;
    else if (keyword == "connect_timeout")
      has_timeout = true;
    if (!out.conninfo.empty())
      out.conninfo += ' ';
    out.conninfo += keyword + '=' + detail::quote_conninfo_value(o->val);
  }
  PQconninfoFree(options);
  if (!has_timeout) {
    if (!out.conninfo.empty())
      out.conninfo += ' ';
    out.conninfo += "connect_timeout=" + std::to_string(connect_timeout_s);
  }
  std::string where = !host.empty() ? host : !hostaddr.empty() ? hostaddr : "localhost";
  out.endpoint = where + ':' + (port.empty() ? "5432" : port);
  return out;
}

/// Folds libpq's multi-line messages ("connection to server ... failed:\n\tIs
/// the server running ...") into one line for an error a person reads.
inline std::string one_line(const std::string& message) {
  std::string out;
  bool space = false;
  for (char c : message) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space)
      out += ' ';
    space = false;
    out += c;
  }
  return out;
}

} // namespace medha
