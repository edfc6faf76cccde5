// The per-user turn limits of postgres_store: shared by every worker of the
// store, so a user cannot multiply their limits by the number of workers.

#include "runtime/postgres_store.hpp"
#include "runtime/postgres_values.hpp"

#include <pqxx/nontransaction>
#include <pqxx/result>

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
      // Three round trips (they were five: BEGIN, three statements, COMMIT).
      // One user's admissions one at a time across workers; other users' run
      // alongside. The counts are limits, not data: their commit does not wait
      // for the disk (a crash of the server forgets a few seconds of them).
      pqxx::nontransaction tx{c};
      pqxx::row seen;
      try {
        tx.exec("BEGIN; SET LOCAL synchronous_commit = off;"
                " SELECT pg_advisory_xact_lock(hashtext(" + c.quote("medha-turns:" + user) + "))");
        // After the lock, a statement of its own: its snapshot sees every
        // admission committed before the lock was ours. It counts the turns
        // of the last 60 seconds (to the second) and those running, and only
        // when both are under their limits counts this one, marks it running
        // and clears what no longer counts.
        seen = pg_values::exec_prepared(c, tx, "medha_admit",
          "WITH clock AS (SELECT " + std::string{now_sql} + " AS now),"
          " span AS (SELECT now, now / 1000 AS second, now / 1000 - $6 + 1 AS oldest FROM clock),"
          " seen AS (SELECT span.*,"
          "   (SELECT coalesce(sum(turns), 0) FROM medha_turn_counts"
          "     WHERE user_id = $1 AND second >= span.oldest) AS minute_turns,"
          "   (SELECT coalesce(min(second), 0) FROM medha_turn_counts"
          "     WHERE user_id = $1 AND second >= span.oldest) AS first_second,"
          "   (SELECT count(*) FROM medha_turns_in_flight"
          "     WHERE user_id = $1 AND started_ms > span.now - $5) AS running FROM span),"
          " admitted AS (SELECT * FROM seen WHERE minute_turns < $3 AND running < $4),"
          " counted AS (INSERT INTO medha_turn_counts (user_id, second, turns)"
          "   SELECT $1, second, 1 FROM admitted"
          "   ON CONFLICT (user_id, second) DO UPDATE SET turns = medha_turn_counts.turns + 1),"
          " expired AS (DELETE FROM medha_turn_counts"
          "   WHERE user_id = $1 AND second < (SELECT oldest FROM admitted)),"
          " stale AS (DELETE FROM medha_turns_in_flight"
          "   WHERE user_id = $1 AND started_ms <= (SELECT now - $5 FROM admitted)),"
          " marked AS (INSERT INTO medha_turns_in_flight (user_id, conv, started_ms)"
          "   SELECT $1, $2, now FROM admitted)"
          " SELECT now, minute_turns, first_second, running FROM seen",
          user, conv, per_minute, concurrent, stale_turn_ms, window_ms / 1000).at(0);
        tx.exec("COMMIT");
      } catch (const pqxx::broken_connection&) {
        throw;
      } catch (...) {
        if (c.is_open())
          tx.exec("ROLLBACK"); // the pooled connection must not stay in a failed transaction
        throw;
      }
      auto now = seen[0].as<int64_t>();
      if (seen[1].as<int64_t>() >= per_minute)
        return too_many_per_minute(per_minute, (seen[2].as<int64_t>() + window_ms / 1000) * 1000 - now);
      if (seen[3].as<int64_t>() >= concurrent)
        return too_many_at_once(concurrent);
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
      // One round trip, and a commit that does not wait for the disk (see
      // admit_turn); the values are quoted by libpq.
      pqxx::nontransaction tx{c};
      try {
        tx.exec("BEGIN; SET LOCAL synchronous_commit = off; DELETE FROM medha_turns_in_flight"
                " WHERE id = (SELECT id FROM medha_turns_in_flight WHERE user_id = " + c.quote(user)
                + " AND conv = " + c.quote(conv) + " ORDER BY started_ms LIMIT 1); COMMIT");
      } catch (const pqxx::broken_connection&) {
        throw;
      } catch (...) {
        tx.exec("ROLLBACK"); // the pooled connection must not stay in a failed transaction
        throw;
      }
      return 0;
    });
  } catch (const std::exception& e) {
    // The row stops counting once stale; say why the user may wait meanwhile.
    log::warn("store", std::string{"ending a turn's count failed: "} + e.what());
  }
}

} // namespace medha
