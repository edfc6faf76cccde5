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

// A turn's start and end, one round trip each (they were nine): functions,
// so that each statement in them takes a fresh snapshot (PL/pgSQL, READ
// COMMITTED) where a lock taken before must be seen through. The statements
// are those the store sent one by one before; postgres_turn.cpp calls them.
const char* const schema_v5 = R"sql(
-- A turn's lookup by its id, at each start, without reading the history.
CREATE INDEX medha_messages_by_turn ON medha_messages (user_id, conv, turn_id);
-- Listing sorts a user's conversations (found by the primary key); expiry
-- reads the table once a minute. Neither needs an index on updated_ms, which
-- every turn changes twice: without one, and with room left in each page,
-- those updates are HOT (no index entry written).
DROP INDEX medha_conversations_by_recency;
DROP INDEX medha_conversations_by_idle;
ALTER TABLE medha_conversations SET (fillfactor = 70);

-- Counts a turn of (user, conversation) when the user's turns of the last
-- window (counted per second) and those running are under their limits.
-- One user's admissions take turns across workers (the lock); the counts are
-- limits, not data, so their commit does not wait for the disk.
CREATE FUNCTION medha_admit(p_user text, p_conv text, p_per_minute integer,
    p_concurrent integer, p_stale_ms bigint, p_window_s bigint,
    OUT now_ms bigint, OUT minute_turns bigint, OUT first_second bigint,
    OUT running bigint, OUT admitted boolean)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_advisory_xact_lock(hashtext('medha-turns:' || p_user));
  -- The database's clock, so that workers whose clocks differ count alike.
  now_ms := (extract(epoch from clock_timestamp()) * 1000)::bigint;
  SELECT coalesce(sum(turns), 0), coalesce(min(second), 0) INTO minute_turns, first_second
    FROM medha_turn_counts WHERE user_id = p_user AND second >= now_ms / 1000 - p_window_s + 1;
  SELECT count(*) INTO running FROM medha_turns_in_flight
    WHERE user_id = p_user AND started_ms > now_ms - p_stale_ms;
  admitted := minute_turns < p_per_minute AND running < p_concurrent;
  IF admitted THEN
    INSERT INTO medha_turn_counts (user_id, second, turns) VALUES (p_user, now_ms / 1000, 1)
      ON CONFLICT (user_id, second) DO UPDATE SET turns = medha_turn_counts.turns + 1;
    DELETE FROM medha_turn_counts
      WHERE user_id = p_user AND second < now_ms / 1000 - p_window_s + 1;
    DELETE FROM medha_turns_in_flight WHERE user_id = p_user AND started_ms <= now_ms - p_stale_ms;
    INSERT INTO medha_turns_in_flight (user_id, conv, started_ms) VALUES (p_user, p_conv, now_ms);
  END IF;
END $$;

-- A turn's start: the conversation must exist; counted (p_count) unless
-- refused; what is stored of the turn; its question appended unless stored
-- before, without waiting for the disk (the turn's end is a synchronous
-- commit, which flushes this one too); the verified examples of the
-- conversation's data source (questions and SQL, hex). outcome: not_found,
-- limited, stored (the question appended now) or found.
CREATE FUNCTION medha_begin_turn(p_user text, p_conv text, p_turn text, p_text bytea,
    p_payload bytea, p_created bigint, p_count boolean, p_per_minute integer,
    p_concurrent integer, p_stale_ms bigint, p_window_s bigint,
    OUT outcome text, OUT now_ms bigint, OUT minute_turns bigint, OUT first_second bigint,
    OUT running bigint, OUT r_title bytea, OUT r_data_source text, OUT r_created_ms bigint,
    OUT r_updated_ms bigint, OUT r_state_json bytea, OUT r_turn_count bigint,
    OUT asked boolean, OUT answered boolean, OUT question_payload bytea,
    OUT example_questions text[], OUT example_sqls text[])
LANGUAGE plpgsql AS $$
DECLARE
  admitted boolean;
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM 1 FROM medha_conversations WHERE user_id = p_user AND id = p_conv;
  IF NOT FOUND THEN
    outcome := 'not_found';
    RETURN;
  END IF;
  IF p_count THEN
    SELECT a.now_ms, a.minute_turns, a.first_second, a.running, a.admitted
      INTO now_ms, minute_turns, first_second, running, admitted
      FROM medha_admit(p_user, p_conv, p_per_minute, p_concurrent, p_stale_ms, p_window_s) a;
    IF NOT admitted THEN
      outcome := 'limited';
      RETURN;
    END IF;
  END IF;
  SELECT coalesce(bool_or(role = 'user'), false), coalesce(bool_or(role = 'assistant'), false),
         (array_agg(payload_json ORDER BY idx) FILTER (WHERE role = 'user'))[1]
    INTO asked, answered, question_payload
    FROM medha_messages WHERE user_id = p_user AND conv = p_conv AND turn_id = p_turn;
  IF asked OR answered THEN
    outcome := 'found';
    SELECT title, data_source, created_ms, updated_ms, state_json, turn_count
      INTO r_title, r_data_source, r_created_ms, r_updated_ms, r_state_json, r_turn_count
      FROM medha_conversations WHERE user_id = p_user AND id = p_conv;
  ELSE
    outcome := 'stored';
    -- The row lock makes appends to one conversation take turns, across
    -- workers too: the next index, read after it, is this one's until commit.
    UPDATE medha_conversations SET updated_ms = greatest(updated_ms, p_created)
      WHERE user_id = p_user AND id = p_conv
      RETURNING title, data_source, created_ms, updated_ms, state_json, turn_count
      INTO r_title, r_data_source, r_created_ms, r_updated_ms, r_state_json, r_turn_count;
  END IF;
  IF NOT FOUND THEN -- deleted meanwhile: undo the count as well
    RAISE EXCEPTION 'no conversation' USING ERRCODE = 'no_data_found';
  END IF;
  IF outcome = 'stored' THEN
    INSERT INTO medha_messages (user_id, conv, idx, turn_id, role, text, payload_json, created_ms)
      SELECT p_user, p_conv, coalesce(max(idx) + 1, 0), p_turn, 'user', p_text, p_payload, p_created
      FROM medha_messages WHERE user_id = p_user AND conv = p_conv;
  END IF;
  IF r_data_source <> '' THEN
    SELECT array_agg(encode(question, 'hex') ORDER BY created_ms, scope, origin),
           array_agg(encode(sql, 'hex') ORDER BY created_ms, scope, origin)
      INTO example_questions, example_sqls
      FROM medha_examples WHERE scope IN ('*', p_user) AND data_source = r_data_source;
  END IF;
END $$;

-- A turn's end, durable: the record as the turn leaves it (updated_ms never
-- goes back), the answer under the next index, the steps (the same seq
-- overwrites) and, p_release, the end of the turn's count. False (and nothing
-- written but the release) when the conversation is gone.
CREATE FUNCTION medha_end_turn(p_user text, p_conv text, p_title bytea, p_data_source text,
    p_state_json bytea, p_turn_count bigint, p_updated_ms bigint, p_turn text, p_role text,
    p_text bytea, p_payload bytea, p_created bigint, p_step_turns text[], p_seqs bigint[],
    p_events bytea[], p_release boolean)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF p_release THEN
    DELETE FROM medha_turns_in_flight WHERE id = (SELECT id FROM medha_turns_in_flight
      WHERE user_id = p_user AND conv = p_conv ORDER BY started_ms LIMIT 1);
  END IF;
  UPDATE medha_conversations SET title = p_title, data_source = p_data_source,
      state_json = p_state_json, turn_count = p_turn_count,
      updated_ms = greatest(updated_ms, p_updated_ms, p_created)
    WHERE user_id = p_user AND id = p_conv;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  INSERT INTO medha_messages (user_id, conv, idx, turn_id, role, text, payload_json, created_ms)
    SELECT p_user, p_conv, coalesce(max(idx) + 1, 0), p_turn, p_role, p_text, p_payload, p_created
    FROM medha_messages WHERE user_id = p_user AND conv = p_conv;
  INSERT INTO medha_steps (user_id, conv, turn_id, seq, event_json)
    SELECT p_user, p_conv, s.turn_id, s.seq, s.event_json
    FROM unnest(p_step_turns, p_seqs, p_events) AS s(turn_id, seq, event_json)
    ON CONFLICT (user_id, conv, turn_id, seq) DO UPDATE SET event_json = excluded.event_json;
  RETURN true;
END $$;
)sql";

} // namespace

const std::vector<pg_migration>& conversation_store_migrations() {
  static const std::vector<pg_migration> all = {
    {1, "conversations, messages, steps, blobs", schema_v1},
    {2, "feedback, verified examples", schema_v2},
    {3, "shared per-user turn limits", schema_v3},
    {4, "turns per minute counted per second", schema_v4},
    {5, "a turn's start and end in one round trip each", schema_v5},
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
