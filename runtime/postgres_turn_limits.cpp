// The per-user turn limits of postgres_store: shared by every worker of the
// store, so a user cannot multiply their limits by the number of workers.

#include "runtime/postgres_store.hpp"
#include "runtime/postgres_values.hpp"

#include <stdexcept>

#include <pqxx/nontransaction>
#include <pqxx/result>

#include "runtime/logging.hpp"

namespace medha {

std::optional<medha_error> postgres_store::admit_turn(const std::string& user,
                                                      const std::string& conv, int per_minute,
                                                      int concurrent) {
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      // One round trip (it was three: BEGIN with the lock, the count, COMMIT):
      // medha_admit takes the user's lock and counts in one transaction of
      // its own, whose commit does not wait for the disk.
      pqxx::nontransaction tx{c};
      pqxx::result rows;
      try {
        rows = pg_values::exec_prepared(c, tx, "medha_admit",
                                        "SELECT * FROM medha_admit($1, $2, $3, $4, $5, $6)", user,
                                        conv, per_minute, concurrent, pg_values::stale_turn_ms,
                                        pg_values::window_ms / 1000);
      } catch (const pqxx::broken_connection& e) {
        // Counted or not, unknown: not repeated (it could count twice).
        throw std::runtime_error(std::string{"connection lost: "} + e.what());
      }
      auto r = rows.at(0);
      if (r[4].as<bool>())
        return std::nullopt;
      return pg_values::turn_refusal(r[0].as<int64_t>(), r[1].as<int64_t>(), r[2].as<int64_t>(),
                                     per_minute, concurrent);
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
