// postgres_store: the writes of a turn, each one transaction sent in two
// round trips: its question, and its end (its steps, the answer, the record).

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

std::optional<medha_error> postgres_store::store_answer(const std::string& user,
                                                        const answered_turn& turn) {
  auto& m = turn.answer;
  auto& r = turn.record;
  if (!is_key_token(user) || !is_key_token(m.conv) || !is_key_token(m.turn_id)
      || r.user != user || r.id != m.conv || (!r.data_source.empty() && !is_key_token(r.data_source)))
    return medha_error{error_code::bad_request,
                       "store_answer: ids must match [A-Za-z0-9_-]{1,64} and name one conversation"};
  if (m.role != "assistant" && m.role != "user")
    return medha_error{error_code::bad_request, "message role must be user or assistant"};
  for (auto& s : turn.steps)
    if (s.conv != m.conv || !is_key_token(s.turn_id))
      return medha_error{error_code::bad_request, "store_answer: a step of another conversation"};
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      // Every value is quoted by libpq (ids are checked tokens besides), so
      // the statements go as one text: BEGIN with the row lock in one round
      // trip, the inserts with COMMIT in the other (pqxx::work would take
      // one per statement).
      auto u = c.quote(user), id = c.quote(m.conv);
      std::string lock =
        "BEGIN; UPDATE medha_conversations SET title = " + quoted_bytes(c, r.title)
        + ", data_source = " + c.quote(r.data_source) + ", state_json = "
        + quoted_bytes(c, r.state_json) + ", turn_count = " + std::to_string(r.turn_count)
        + ", updated_ms = greatest(updated_ms, " + std::to_string(r.updated_ms) + ", "
        + std::to_string(m.created_ms) + ") WHERE user_id = " + u + " AND id = " + id
        + " RETURNING id";
      std::string sql = insert_message(c, user, m);
      if (!turn.steps.empty()) {
        sql += " INSERT INTO medha_steps (user_id, conv, turn_id, seq, event_json) VALUES ";
        for (size_t i = 0; i < turn.steps.size(); ++i) {
          auto& s = turn.steps[i];
          sql += (i ? ", (" : "(") + u + ", " + id + ", " + c.quote(s.turn_id) + ", "
                 + std::to_string(s.seq) + ", " + quoted_bytes(c, s.event_json) + ")";
        }
        sql += " ON CONFLICT (user_id, conv, turn_id, seq) DO UPDATE SET event_json = excluded.event_json;";
      }
      if (!two_round_trips(c, lock, sql))
        return medha_error{error_code::not_found, "no conversation '" + m.conv + "'"};
      return std::nullopt;
    });
  } catch (const std::exception& e) {
    return failed("store_answer", e);
  }
}

} // namespace medha
