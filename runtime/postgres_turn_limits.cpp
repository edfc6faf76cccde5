// The per-user turn limits of postgres_store: shared by every worker of the
// store, so a user cannot multiply their limits by the number of workers.

#include "runtime/postgres_store.hpp"

#include <pqxx/result>
#include <pqxx/transaction>

#include "runtime/logging.hpp"

namespace medha {

namespace {

// A turn still counted as running this long after it started is a worker's
// that died before saying it ended: it no longer counts. Longer than any
// turn's stage timeouts together.
constexpr int64_t stale_turn_ms = 10 * 60 * 1000;
constexpr int64_t window_ms = 60 * 1000;

// The database's clock, so that workers whose clocks differ count alike.
constexpr const char* now_sql = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

} // namespace

std::optional<medha_error> postgres_store::admit_turn(const std::string& user,
                                                      const std::string& conv, int per_minute,
                                                      int concurrent) {
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      pqxx::work tx{c};
      // One user's admissions one at a time across workers; other users' run alongside.
      tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", "medha-turns:" + user);
      auto now = tx.exec1(std::string{"SELECT "} + now_sql)[0].as<int64_t>();
      tx.exec_params("DELETE FROM medha_turn_starts WHERE user_id = $1 AND started_ms <= $2", user,
                     now - window_ms);
      auto starts = tx.exec_params1(
          "SELECT count(*), coalesce(min(started_ms), 0) FROM medha_turn_starts WHERE user_id = $1",
          user);
      if (starts[0].as<int64_t>() >= per_minute)
        return too_many_per_minute(per_minute, starts[1].as<int64_t>() + window_ms - now);
      auto running = tx.exec_params1(
          "SELECT count(*) FROM medha_turns_in_flight WHERE user_id = $1 AND started_ms > $2", user,
          now - stale_turn_ms);
      if (running[0].as<int64_t>() >= concurrent)
        return too_many_at_once(concurrent);
      tx.exec_params("INSERT INTO medha_turn_starts (user_id, started_ms) VALUES ($1, $2)", user, now);
      tx.exec_params("DELETE FROM medha_turns_in_flight WHERE user_id = $1 AND started_ms <= $2",
                     user, now - stale_turn_ms);
      tx.exec_params(
          "INSERT INTO medha_turns_in_flight (user_id, conv, started_ms) VALUES ($1, $2, $3)", user,
          conv, now);
      tx.commit();
      return std::nullopt;
    });
  } catch (const std::exception& e) {
    return medha_error{error_code::internal,
                       std::string{"conversation store: admitting a turn failed: "} + e.what()};
  }
}

void postgres_store::finish_turn(const std::string& user, const std::string& conv) {
  try {
    pool_.run([&](pqxx::connection& c) {
      pqxx::work tx{c};
      tx.exec_params(
          "DELETE FROM medha_turns_in_flight WHERE id = (SELECT id FROM medha_turns_in_flight"
          " WHERE user_id = $1 AND conv = $2 ORDER BY started_ms LIMIT 1)",
          user, conv);
      tx.commit();
      return 0;
    });
  } catch (const std::exception& e) {
    // The row stops counting once stale; say why the user may wait meanwhile.
    log::warn("store", std::string{"ending a turn's count failed: "} + e.what());
  }
}

} // namespace medha
