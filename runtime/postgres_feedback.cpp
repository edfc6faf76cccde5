// postgres_store: feedback on answers and the verified examples it makes.

#include <pqxx/nontransaction>
#include <pqxx/result>
#include <pqxx/transaction>

#include "runtime/postgres_store.hpp"
#include "runtime/postgres_values.hpp"
#include "runtime/store_codec.hpp"

namespace medha {

namespace {

using store_codec::is_key_token;
using namespace pg_values;

} // namespace

std::optional<medha_error> postgres_store::put_feedback(const std::string& user,
                                                        const feedback_record& f) {
  if (!is_key_token(user) || !is_key_token(f.conv))
    return medha_error{error_code::bad_request,
                       "user and conversation ids must match [A-Za-z0-9_-]{1,64}"};
  medha_error gone{error_code::not_found, "no conversation '" + f.conv + "'"};
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      pqxx::work tx{c};
      auto done = tx.exec_params(
        "INSERT INTO medha_feedback (user_id, conv, message, positive, comment, category, created_ms)"
        " SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM medha_conversations"
        " WHERE user_id = $1 AND id = $2)"
        " ON CONFLICT (user_id, conv, message) DO UPDATE SET positive = excluded.positive,"
        " comment = excluded.comment, category = excluded.category, created_ms = excluded.created_ms",
        user, f.conv, static_cast<int64_t>(f.message), f.positive, bytes(f.comment),
        bytes(f.category), f.created_ms);
      tx.commit();
      if (done.affected_rows() == 0)
        return gone;
      return std::nullopt;
    });
  } catch (const pqxx::foreign_key_violation&) {
    return gone; // deleted between the check and the insert
  } catch (const std::exception& e) {
    return failed("put_feedback", e);
  }
}

std::vector<feedback_record> postgres_store::feedback(const std::string& user,
                                                      const std::string& conv) {
  if (!is_key_token(user) || !is_key_token(conv))
    return {};
  try {
    return pool_.run([&](pqxx::connection& c) {
      pqxx::nontransaction tx{c}; // one SELECT: one round trip, no BEGIN/ROLLBACK
      auto rows = tx.exec_params(
        "SELECT message, positive, comment, category, created_ms FROM medha_feedback"
        " WHERE user_id = $1 AND conv = $2 ORDER BY message",
        user, conv);
      std::vector<feedback_record> out;
      for (const auto& r : rows)
        out.push_back({conv, static_cast<uint64_t>(r[0].as<int64_t>()), r[1].as<bool>(),
                       bytes(r[2]), bytes(r[3]), r[4].as<int64_t>()});
      return out;
    });
  } catch (const std::exception& e) {
    read_failed("feedback", e);
    return {};
  }
}

std::optional<medha_error> postgres_store::put_example(const example_record& e) {
  bool scope_ok = e.scope == everyone_scope || is_key_token(e.scope);
  if (!scope_ok || !is_key_token(e.data_source) || e.origin.empty() || e.sql.empty())
    return medha_error{error_code::bad_request,
                       "an example needs a user or \"*\", a data source, an origin and SQL"};
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      pqxx::work tx{c};
      tx.exec_params(
        "INSERT INTO medha_examples (scope, data_source, origin, question, sql, created_ms)"
        " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope, data_source, origin)"
        " DO UPDATE SET question = excluded.question, sql = excluded.sql,"
        " created_ms = excluded.created_ms",
        e.scope, e.data_source, e.origin, bytes(e.question), bytes(e.sql), e.created_ms);
      tx.commit();
      return std::nullopt;
    });
  } catch (const std::exception& ex) {
    return failed("put_example", ex);
  }
}

std::vector<example_record> postgres_store::examples(const std::string& user,
                                                     const std::string& data_source) {
  if (!is_key_token(user) || !is_key_token(data_source))
    return {};
  try {
    return pool_.run([&](pqxx::connection& c) {
      pqxx::nontransaction tx{c}; // one SELECT: one round trip, no BEGIN/ROLLBACK
      auto rows = exec_prepared(c, tx, "medha_examples",
        "SELECT scope, origin, question, sql, created_ms FROM medha_examples"
        " WHERE scope IN ($1, $2) AND data_source = $3 ORDER BY created_ms, scope, origin",
        std::string{everyone_scope}, user, data_source);
      std::vector<example_record> out;
      for (const auto& r : rows)
        out.push_back({r[0].as<std::string>(), data_source, bytes(r[2]), bytes(r[3]),
                       r[1].as<std::string>(), r[4].as<int64_t>()});
      return out;
    });
  } catch (const std::exception& e) {
    read_failed("examples", e);
    return {};
  }
}

} // namespace medha
