#include "runtime/postgres_migrations.hpp"

#include <pqxx/connection>
#include <pqxx/transaction>

namespace medha {

namespace {

// Any constant shared by every worker; only the store's migrations take it.
constexpr long long migration_lock_key = 0x6d65646861L; // "medha"

// Texts, titles and payloads are bytea: they are kept byte for byte, and a
// text column would refuse NUL and invalid UTF-8 that users can send.
const char* const schema_v1 = R"sql(
CREATE TABLE medha_conversations (
  user_id     text   NOT NULL,
  id          text   NOT NULL,
  title       bytea  NOT NULL,
  data_source text   NOT NULL,
  created_ms  bigint NOT NULL,
  updated_ms  bigint NOT NULL,
  state_json  bytea  NOT NULL,
  turn_count  bigint NOT NULL,
  PRIMARY KEY (user_id, id)
);
-- Listing: a user's conversations, most recently updated first.
CREATE INDEX medha_conversations_by_recency
  ON medha_conversations (user_id, updated_ms DESC, id);
-- Expiry: everybody's conversations idle past the TTL.
CREATE INDEX medha_conversations_by_idle ON medha_conversations (updated_ms);

-- The primary key is the access path: a conversation's messages in order.
CREATE TABLE medha_messages (
  user_id      text   NOT NULL,
  conv         text   NOT NULL,
  idx          bigint NOT NULL,
  turn_id      text   NOT NULL,
  role         text   NOT NULL CHECK (role IN ('user', 'assistant')),
  text         bytea  NOT NULL,
  payload_json bytea  NOT NULL,
  created_ms   bigint NOT NULL,
  PRIMARY KEY (user_id, conv, idx),
  FOREIGN KEY (user_id, conv) REFERENCES medha_conversations (user_id, id) ON DELETE CASCADE
);

-- A turn's step events in order, by the primary key.
CREATE TABLE medha_steps (
  user_id    text   NOT NULL,
  conv       text   NOT NULL,
  turn_id    text   NOT NULL,
  seq        bigint NOT NULL,
  event_json bytea  NOT NULL,
  PRIMARY KEY (user_id, conv, turn_id, seq),
  FOREIGN KEY (user_id, conv) REFERENCES medha_conversations (user_id, id) ON DELETE CASCADE
);

CREATE TABLE medha_blobs (
  key   text  PRIMARY KEY,
  value bytea NOT NULL
);
)sql";

// Feedback goes with its conversation; examples stay (they are knowledge now).
const char* const schema_v2 = R"sql(
CREATE TABLE medha_feedback (
  user_id    text    NOT NULL,
  conv       text    NOT NULL,
  message    bigint  NOT NULL,
  positive   boolean NOT NULL,
  comment    bytea   NOT NULL,
  category   bytea   NOT NULL,
  created_ms bigint  NOT NULL,
  PRIMARY KEY (user_id, conv, message),
  FOREIGN KEY (user_id, conv) REFERENCES medha_conversations (user_id, id) ON DELETE CASCADE
);

-- scope: a user id, or '*' for every user (approved by an operator).
CREATE TABLE medha_examples (
  scope       text   NOT NULL,
  data_source text   NOT NULL,
  origin      text   NOT NULL,
  question    bytea  NOT NULL,
  sql         bytea  NOT NULL,
  created_ms  bigint NOT NULL,
  PRIMARY KEY (scope, data_source, origin)
);
)sql";

// Per-user turn limits shared by the workers: when each of a user's turns of
// the last minute started, and the turns running now.
const char* const schema_v3 = R"sql(
CREATE TABLE medha_turn_starts (
  user_id    text   NOT NULL,
  started_ms bigint NOT NULL
);
CREATE INDEX medha_turn_starts_by_user ON medha_turn_starts (user_id, started_ms);

CREATE TABLE medha_turns_in_flight (
  id         bigserial PRIMARY KEY,
  user_id    text   NOT NULL,
  conv       text   NOT NULL,
  started_ms bigint NOT NULL
);
CREATE INDEX medha_turns_in_flight_by_user ON medha_turns_in_flight (user_id, conv);
)sql";

// A user's turns of the last minute counted per second rather than a row per
// turn: admitting a turn reads at most 60 rows, however many turns a busy
// user starts.
const char* const schema_v4 = R"sql(
DROP TABLE medha_turn_starts;
CREATE TABLE medha_turn_counts (
  user_id text   NOT NULL,
  second  bigint NOT NULL,
  turns   bigint NOT NULL,
  PRIMARY KEY (user_id, second)
);
)sql";

} // namespace

const std::vector<pg_migration>& conversation_store_migrations() {
  static const std::vector<pg_migration> all = {
    {1, "conversations, messages, steps, blobs", schema_v1},
    {2, "feedback, verified examples", schema_v2},
    {3, "shared per-user turn limits", schema_v3},
    {4, "turns per minute counted per second", schema_v4},
  };
  return all;
}

int apply_migrations(pqxx::connection_base& conn, const std::vector<pg_migration>& migrations) {
  pqxx::work tx{conn};
  // Taken before looking: a second worker starting at the same moment waits
  // here, then finds everything applied.
  tx.exec_params("SELECT pg_advisory_xact_lock($1)", migration_lock_key);
  tx.exec("CREATE TABLE IF NOT EXISTS medha_schema_migrations ("
          " version    integer PRIMARY KEY,"
          " name       text NOT NULL,"
          " applied_at timestamptz NOT NULL DEFAULT now())");
  auto row = tx.exec1("SELECT coalesce(max(version), 0) FROM medha_schema_migrations");
  auto current = row[0].as<int>();
  int applied = 0;
  for (auto& m : migrations) {
    if (m.version <= current)
      continue;
    tx.exec(m.sql);
    tx.exec_params("INSERT INTO medha_schema_migrations (version, name) VALUES ($1, $2)",
                   m.version, m.name);
    ++applied;
  }
  tx.commit();
  return applied;
}

} // namespace medha
