#pragma once

// Helpers of postgres_store's files: bytea values and how failures read.

#include <exception>
#include <string>

#include <pqxx/binarystring>
#include <pqxx/connection>
#include <pqxx/field>
#include <pqxx/result>
#include <pqxx/transaction_base>
#include <utility>

#include "messages/error.hpp"
#include "runtime/logging.hpp"

namespace medha::pg_values {

inline pqxx::binarystring bytes(const std::string& s) {
  return pqxx::binarystring{s.data(), s.size()};
}

inline std::string bytes(const pqxx::field& f) {
  return pqxx::binarystring{f}.str();
}

// A statement every turn runs, prepared on each pooled connection the first
// time it runs there (pqxx registers it then; a second prepare of the same
// text is a lookup): PostgreSQL parses it once per connection instead of at
// every call, and plans it once when a generic plan does as well.
template <class... Args>
pqxx::result exec_prepared(pqxx::connection& c, pqxx::transaction_base& tx, const std::string& name,
                           const std::string& sql, Args&&... args) {
  c.prepare(name, sql);
  return tx.exec_prepared(name, std::forward<Args>(args)...);
}

inline medha_error failed(const char* what, const std::exception& e) {
  return {error_code::internal, std::string{"conversation store: "} + what + " failed: " + e.what()};
}

// Reads have no error channel in the interface: say why they came back empty.
inline void read_failed(const char* what, const std::exception& e) {
  log::warn("store", std::string{what} + " failed: " + e.what());
}

} // namespace medha::pg_values
