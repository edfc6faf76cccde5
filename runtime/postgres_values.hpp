#pragma once

// Helpers of postgres_store's files: bytea values and how failures read.

#include <cstdint>
#include <exception>
#include <string>

#include <pqxx/binarystring>
#include <pqxx/connection>
#include <pqxx/field>
#include <pqxx/result>
#include <pqxx/row>
#include <pqxx/transaction_base>
#include <utility>

#include "messages/error.hpp"
#include "runtime/conversation_store.hpp"
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

// A conversation record's columns after its ids (title, data_source,
// created_ms, updated_ms, state_json, turn_count), from column `at` on.
inline void record_fields(const pqxx::row& r, pqxx::row::size_type at, conversation_record& c) {
  c.title = bytes(r[at]);
  c.data_source = r[at + 1].as<std::string>();
  c.created_ms = r[at + 2].as<int64_t>();
  c.updated_ms = r[at + 3].as<int64_t>();
  c.state_json = bytes(r[at + 4]);
  c.turn_count = static_cast<uint64_t>(r[at + 5].as<int64_t>());
}

// A turn still counted as running this long after it started is a worker's
// that died before saying it ended: it no longer counts. Longer than any
// turn's stage timeouts together.
inline constexpr int64_t stale_turn_ms = 10 * 60 * 1000;
// Turns per minute are counted over this window, per second.
inline constexpr int64_t window_ms = 60 * 1000;

// Why an admission was refused, from what it counted (medha_admit's
// columns): the window's turns (with when the oldest of them leaves it), or
// else those running.
inline medha_error turn_refusal(int64_t now_ms, int64_t minute_turns, int64_t first_second,
                                int per_minute, int concurrent) {
  if (minute_turns >= per_minute)
    return too_many_per_minute(per_minute, (first_second + window_ms / 1000) * 1000 - now_ms);
  return too_many_at_once(concurrent);
}

inline medha_error failed(const char* what, const std::exception& e) {
  return {error_code::internal, std::string{"conversation store: "} + what + " failed: " + e.what()};
}

// Reads have no error channel in the interface: say why they came back empty.
inline void read_failed(const char* what, const std::exception& e) {
  log::warn("store", std::string{what} + " failed: " + e.what());
}

} // namespace medha::pg_values
