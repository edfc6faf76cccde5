#pragma once

// Helpers of postgres_store's files: bytea values and how failures read.

#include <exception>
#include <string>

#include <pqxx/binarystring>
#include <pqxx/field>

#include "messages/error.hpp"
#include "runtime/logging.hpp"

namespace medha::pg_values {

inline pqxx::binarystring bytes(const std::string& s) {
  return pqxx::binarystring{s.data(), s.size()};
}

inline std::string bytes(const pqxx::field& f) {
  return pqxx::binarystring{f}.str();
}

inline medha_error failed(const char* what, const std::exception& e) {
  return {error_code::internal, std::string{"conversation store: "} + what + " failed: " + e.what()};
}

// Reads have no error channel in the interface: say why they came back empty.
inline void read_failed(const char* what, const std::exception& e) {
  log::warn("store", std::string{what} + " failed: " + e.what());
}

} // namespace medha::pg_values
