// postgres_store: the user's message of a turn written alone (one transaction
// sent in two round trips); a turn's start and end are in postgres_turn.cpp.

#include <stdexcept>

#include <pqxx/nontransaction>
#include <pqxx/result>

#include "runtime/postgres_store.hpp"
#include "runtime/postgres_values.hpp"
#include "runtime/store_codec.hpp"

namespace medha {

namespace {

using store_codec::is_key_token;
using namespace pg_values;

// A failed statement leaves the transaction open and aborted: end it, so the
// pooled connection is usable again.
void roll_back(pqxx::connection& c, pqxx::nontransaction& tx) {
  try {
    if (c.is_open())
      tx.exec("ROLLBACK");
  } catch (const std::exception&) {
  }
}

std::string quoted_bytes(pqxx::connection& c, const std::string& s) {
  return c.quote_raw(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

// Runs `first` (which opens the transaction and locks the conversation's
// row), then `rest` with COMMIT; false when `first` found no conversation.
bool two_round_trips(pqxx::connection& c, const std::string& first, const std::string& rest) {
  pqxx::nontransaction tx{c};
  pqxx::result locked;
  try {
    locked = tx.exec(first);
  } catch (const pqxx::broken_connection&) {
    throw; // nothing was committed: the pool may try a fresh connection
  } catch (...) {
    roll_back(c, tx);
    throw;
  }
  if (locked.empty()) {
    tx.exec("ROLLBACK");
    return false;
  }
  try {
    tx.exec(rest + " COMMIT");
  } catch (const pqxx::broken_connection& e) {
    // The COMMIT may have happened: not a failure the pool may retry.
    throw std::runtime_error(std::string{"connection lost at commit: "} + e.what());
  } catch (...) {
    roll_back(c, tx);
    throw;
  }
  return true;
}

// The row lock taken before makes appends to one conversation take turns,
// so the next index is this one's until COMMIT.
std::string insert_message(pqxx::connection& c, const std::string& user, const message_record& m) {
  auto u = c.quote(user), id = c.quote(m.conv);
  return "INSERT INTO medha_messages (user_id, conv, idx, turn_id, role, text, payload_json,"
         " created_ms) SELECT " + u + ", " + id + ", coalesce(max(idx) + 1, 0), "
         + c.quote(m.turn_id) + ", " + c.quote(m.role) + ", " + quoted_bytes(c, m.text) + ", "
         + quoted_bytes(c, m.payload_json) + ", " + std::to_string(m.created_ms)
         + " FROM medha_messages WHERE user_id = " + u + " AND conv = " + id + ";";
}

} // namespace

std::optional<medha_error> postgres_store::append_question(const std::string& user,
                                                           message_record m) {
  if (!is_key_token(user) || !is_key_token(m.conv) || !is_key_token(m.turn_id))
    return medha_error{error_code::bad_request,
                       "append_question: ids must match [A-Za-z0-9_-]{1,64}"};
  if (m.role != "user" && m.role != "assistant")
    return medha_error{error_code::bad_request, "message role must be user or assistant"};
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      // Committed without waiting for the WAL to reach the disk: the turn's
      // end commits synchronously later, which flushes the WAL up to itself,
      // this commit included. A worker that dies loses nothing either way.
      bool found = two_round_trips(
        c,
        "BEGIN; SET LOCAL synchronous_commit = off; UPDATE medha_conversations"
        " SET updated_ms = greatest(updated_ms, " + std::to_string(m.created_ms)
          + ") WHERE user_id = " + c.quote(user) + " AND id = " + c.quote(m.conv)
          + " RETURNING id",
        insert_message(c, user, m));
      if (!found)
        return medha_error{error_code::not_found, "no conversation '" + m.conv + "'"};
      return std::nullopt;
    });
  } catch (const std::exception& e) {
    return failed("append_question", e);
  }
}

} // namespace medha
