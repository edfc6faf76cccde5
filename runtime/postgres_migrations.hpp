#pragma once

#include <string>
#include <vector>

namespace pqxx {
class connection_base;
}

namespace medha {

/// One step of the PostgreSQL store's schema; versions only grow, and a
/// released migration is never edited (add the next one instead).
struct pg_migration {
  int version;
  std::string name;
  std::string sql;
};

/// Every migration of the conversation store, in version order.
const std::vector<pg_migration>& conversation_store_migrations();

/// Applies the migrations not yet recorded in medha_schema_migrations, each
/// with its row, in one transaction. Safe to run from several workers at once
/// (an advisory lock serialises them) and on every start (applied ones are
/// skipped). Returns how many it applied; throws pqxx errors.
int apply_migrations(pqxx::connection_base& conn, const std::vector<pg_migration>& migrations);

} // namespace medha
