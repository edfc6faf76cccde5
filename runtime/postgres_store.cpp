#include "runtime/postgres_store.hpp"

#include <pqxx/binarystring>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <pqxx/row>
#include <pqxx/transaction>

#include "runtime/logging.hpp"
#include "runtime/postgres_migrations.hpp"
#include "runtime/postgres_values.hpp"
#include "runtime/store_codec.hpp"

namespace medha {

namespace {

using store_codec::is_key_token;
using namespace pg_values;

std::optional<medha_error> check_token(const char* what, const std::string& value) {
  if (is_key_token(value))
    return std::nullopt;
  return medha_error{error_code::bad_request,
                     std::string(what) + " '" + value + "' must match [A-Za-z0-9_-]{1,64}"};
}

medha_error no_conversation(const std::string& id) {
  return {error_code::not_found, "no conversation '" + id + "'"};
}

const char* const conversation_columns =
  "user_id, id, title, data_source, created_ms, updated_ms, state_json, turn_count";

conversation_record to_conversation(const pqxx::row& r) {
  conversation_record c;
  c.user = r[0].as<std::string>();
  c.id = r[1].as<std::string>();
  record_fields(r, 2, c);
  return c;
}

} // namespace

std::variant<std::unique_ptr<postgres_store>, medha_error>
postgres_store::open(const std::string& conninfo) {
  std::unique_ptr<postgres_store> store{new postgres_store(conninfo)};
  try {
    auto applied = store->pool_.run([](pqxx::connection& c) {
      return apply_migrations(c, conversation_store_migrations());
    });
    if (applied > 0)
      log::info("store", "PostgreSQL store: applied " + std::to_string(applied)
                           + " schema migration(s)");
  } catch (const std::exception& e) {
    return medha_error{error_code::internal,
                       std::string{"cannot open the PostgreSQL conversation store: "} + e.what()};
  }
  return store;
}

std::optional<medha_error> postgres_store::put_conversation(const conversation_record& r) {
  if (auto err = check_token("user", r.user))
    return err;
  if (auto err = check_token("conversation id", r.id))
    return err;
  if (!r.data_source.empty())
    if (auto err = check_token("data source", r.data_source))
      return err;
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      pqxx::work tx{c};
      // One statement: updated_ms never moves backwards, even when another
      // worker's append raised it after this caller read the record.
      tx.exec_params(
        "INSERT INTO medha_conversations (user_id, id, title, data_source, created_ms,"
        " updated_ms, state_json, turn_count) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        " ON CONFLICT (user_id, id) DO UPDATE SET title = excluded.title,"
        " data_source = excluded.data_source, created_ms = excluded.created_ms,"
        " updated_ms = greatest(medha_conversations.updated_ms, excluded.updated_ms),"
        " state_json = excluded.state_json, turn_count = excluded.turn_count",
        r.user, r.id, bytes(r.title), r.data_source, r.created_ms, r.updated_ms,
        bytes(r.state_json), static_cast<int64_t>(r.turn_count));
      tx.commit();
      return std::nullopt;
    });
  } catch (const std::exception& e) {
    return failed("put_conversation", e);
  }
}

std::optional<conversation_record> postgres_store::get_conversation(const std::string& user,
                                                                    const std::string& id) {
  if (!is_key_token(user) || !is_key_token(id))
    return std::nullopt;
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<conversation_record> {
      pqxx::nontransaction tx{c}; // one SELECT: one round trip, no BEGIN/ROLLBACK
      auto rows = exec_prepared(c, tx, "medha_get_conversation",
                                std::string{"SELECT "} + conversation_columns
                                  + " FROM medha_conversations WHERE user_id = $1 AND id = $2",
                                user, id);
      if (rows.empty())
        return std::nullopt;
      return to_conversation(rows[0]);
    });
  } catch (const std::exception& e) {
    read_failed("get_conversation", e);
    return std::nullopt;
  }
}

std::vector<conversation_record> postgres_store::list_conversations(const std::string& user) {
  if (!is_key_token(user))
    return {};
  try {
    return pool_.run([&](pqxx::connection& c) {
      pqxx::nontransaction tx{c}; // one SELECT: one round trip, no BEGIN/ROLLBACK
      auto rows = tx.exec_params(std::string{"SELECT "} + conversation_columns
                                   + " FROM medha_conversations WHERE user_id = $1"
                                     " ORDER BY updated_ms DESC, id",
                                 user);
      std::vector<conversation_record> out;
      out.reserve(rows.size());
      for (const auto& r : rows)
        out.push_back(to_conversation(r));
      return out;
    });
  } catch (const std::exception& e) {
    read_failed("list_conversations", e);
    return {};
  }
}

std::optional<medha_error> postgres_store::delete_conversation(const std::string& user,
                                                               const std::string& id) {
  if (!is_key_token(user) || !is_key_token(id))
    return no_conversation(id);
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      pqxx::work tx{c};
      // Messages and steps go with it (ON DELETE CASCADE), in this transaction.
      auto gone = tx.exec_params(
        "DELETE FROM medha_conversations WHERE user_id = $1 AND id = $2", user, id);
      tx.commit();
      if (gone.affected_rows() == 0)
        return no_conversation(id);
      return std::nullopt;
    });
  } catch (const std::exception& e) {
    return failed("delete_conversation", e);
  }
}

std::optional<medha_error> postgres_store::append_message(const std::string& user,
                                                          message_record m) {
  if (auto err = check_token("user", user))
    return err;
  if (auto err = check_token("conversation id", m.conv))
    return err;
  if (auto err = check_token("turn id", m.turn_id))
    return err;
  if (m.role != "user" && m.role != "assistant")
    return medha_error{error_code::bad_request,
                       "message role must be user or assistant, got '" + m.role + "'"};
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      pqxx::work tx{c};
      // The row lock makes appends to one conversation take turns, across
      // workers too, so the next index below is ours until commit.
      auto conv = tx.exec_params(
        "UPDATE medha_conversations SET updated_ms = greatest(updated_ms, $3)"
        " WHERE user_id = $1 AND id = $2 RETURNING id",
        user, m.conv, m.created_ms);
      if (conv.empty())
        return no_conversation(m.conv);
      auto next = tx.exec_params1(
        "SELECT coalesce(max(idx) + 1, 0) FROM medha_messages WHERE user_id = $1 AND conv = $2",
        user, m.conv);
      tx.exec_params(
        "INSERT INTO medha_messages (user_id, conv, idx, turn_id, role, text, payload_json,"
        " created_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        user, m.conv, next[0].as<int64_t>(), m.turn_id, m.role, bytes(m.text),
        bytes(m.payload_json), m.created_ms);
      tx.commit();
      return std::nullopt;
    });
  } catch (const std::exception& e) {
    return failed("append_message", e);
  }
}

namespace {

std::vector<message_record> to_messages(const pqxx::result& rows, const std::string& conv) {
  std::vector<message_record> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    message_record m;
    m.conv = conv;
    m.index = static_cast<uint64_t>(r[0].as<int64_t>());
    m.turn_id = r[1].as<std::string>();
    m.role = r[2].as<std::string>();
    m.text = bytes(r[3]);
    m.payload_json = bytes(r[4]);
    m.created_ms = r[5].as<int64_t>();
    out.push_back(std::move(m));
  }
  return out;
}

} // namespace

// A conversation's messages, or one turn's (turn_id not empty), in index order.
std::vector<message_record> postgres_store::read_messages(const std::string& user,
                                                          const std::string& conv,
                                                          const std::string& turn_id) {
  if (!is_key_token(user) || !is_key_token(conv) || (!turn_id.empty() && !is_key_token(turn_id)))
    return {};
  try {
    return pool_.run([&](pqxx::connection& c) {
      pqxx::nontransaction tx{c}; // one SELECT: one round trip, no BEGIN/ROLLBACK
      const char* query = "SELECT idx, turn_id, role, text, payload_json, created_ms"
                          " FROM medha_messages WHERE user_id = $1 AND conv = $2"
                          " AND ($3 = '' OR turn_id = $3) ORDER BY idx";
      return to_messages(exec_prepared(c, tx, "medha_messages", query, user, conv, turn_id), conv);
    });
  } catch (const std::exception& e) {
    read_failed("messages", e);
    return {};
  }
}

std::vector<message_record> postgres_store::messages(const std::string& user,
                                                     const std::string& conv) {
  return read_messages(user, conv, "");
}

std::vector<message_record> postgres_store::turn_messages(const std::string& user,
                                                          const std::string& conv,
                                                          const std::string& turn_id) {
  return turn_id.empty() ? std::vector<message_record>{} : read_messages(user, conv, turn_id);
}

std::optional<medha_error> postgres_store::append_step(const std::string& user,
                                                       const step_record& step) {
  if (auto err = check_token("user", user))
    return err;
  if (auto err = check_token("conversation id", step.conv))
    return err;
  if (auto err = check_token("turn id", step.turn_id))
    return err;
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      pqxx::work tx{c};
      // Inserted only while the conversation exists; the foreign key keeps a
      // step racing a delete from being left behind.
      auto done = tx.exec_params(
        "INSERT INTO medha_steps (user_id, conv, turn_id, seq, event_json)"
        " SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM medha_conversations"
        " WHERE user_id = $1 AND id = $2)"
        " ON CONFLICT (user_id, conv, turn_id, seq) DO UPDATE SET event_json = excluded.event_json",
        user, step.conv, step.turn_id, static_cast<int64_t>(step.seq), bytes(step.event_json));
      tx.commit();
      if (done.affected_rows() == 0)
        return no_conversation(step.conv);
      return std::nullopt;
    });
  } catch (const pqxx::foreign_key_violation&) {
    return no_conversation(step.conv); // deleted between the check and the insert
  } catch (const std::exception& e) {
    return failed("append_step", e);
  }
}

std::vector<step_record> postgres_store::steps(const std::string& user, const std::string& conv,
                                               const std::string& turn_id) {
  if (!is_key_token(user) || !is_key_token(conv) || !is_key_token(turn_id))
    return {};
  try {
    return pool_.run([&](pqxx::connection& c) {
      pqxx::nontransaction tx{c}; // one SELECT: one round trip, no BEGIN/ROLLBACK
      auto rows = exec_prepared(c, tx, "medha_steps",
        "SELECT seq, event_json FROM medha_steps"
        " WHERE user_id = $1 AND conv = $2 AND turn_id = $3 ORDER BY seq",
        user, conv, turn_id);
      std::vector<step_record> out;
      out.reserve(rows.size());
      for (const auto& r : rows)
        out.push_back({conv, turn_id, static_cast<uint64_t>(r[0].as<int64_t>()), bytes(r[1])});
      return out;
    });
  } catch (const std::exception& e) {
    read_failed("steps", e);
    return {};
  }
}

size_t postgres_store::expire_idle(int64_t now_ms, int64_t ttl_ms) {
  if (ttl_ms < 0)
    return 0;
  try {
    return pool_.run([&](pqxx::connection& c) {
      pqxx::work tx{c};
      // The condition is evaluated on each row as it is deleted: a turn that
      // raised updated_ms a moment ago keeps its conversation.
      auto gone = tx.exec_params("DELETE FROM medha_conversations WHERE updated_ms < $1",
                                 now_ms - ttl_ms);
      tx.commit();
      return static_cast<size_t>(gone.affected_rows());
    });
  } catch (const std::exception& e) {
    read_failed("expire_idle", e);
    return 0;
  }
}

std::optional<std::string> postgres_store::get_blob(const std::string& key) {
  if (key.empty())
    return std::nullopt;
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<std::string> {
      pqxx::nontransaction tx{c}; // one SELECT: one round trip, no BEGIN/ROLLBACK
      auto rows = tx.exec_params("SELECT value FROM medha_blobs WHERE key = $1", key);
      if (rows.empty())
        return std::nullopt;
      return bytes(rows[0][0]);
    });
  } catch (const std::exception& e) {
    read_failed("get_blob", e);
    return std::nullopt;
  }
}

std::optional<medha_error> postgres_store::put_blob(const std::string& key,
                                                    const std::string& value) {
  if (key.empty())
    return medha_error{error_code::bad_request, "blob key must not be empty"};
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      pqxx::work tx{c};
      tx.exec_params("INSERT INTO medha_blobs (key, value) VALUES ($1, $2)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     key, bytes(value));
      tx.commit();
      return std::nullopt;
    });
  } catch (const std::exception& e) {
    return failed("put_blob", e);
  }
}

} // namespace medha
