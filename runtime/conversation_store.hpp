#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "messages/error.hpp"

namespace medha {

/// A conversation's header: who owns it and the context carried between turns.
struct conversation_record {
  std::string id;
  std::string user;
  std::string title;
  std::string data_source; // "" until one is chosen
  int64_t created_ms = 0;
  int64_t updated_ms = 0; // drives listing order and expiry
  std::string state_json; // carried context (last query structure, ...): opaque
  uint64_t turn_count = 0;
};

/// One message of the history.
struct message_record {
  std::string conv;
  std::string turn_id;
  std::string role; // "user" | "assistant"
  std::string text;
  std::string payload_json; // final answer/clarify/error event data: opaque JSON
  int64_t created_ms = 0;
  uint64_t index = 0; // assigned by append_message, from 0
};

/// One step event of a turn, kept for replay.
struct step_record {
  std::string conv;
  std::string turn_id;
  uint64_t seq = 0;
  std::string event_json;
};

/// The end of a turn, written at once: its step events, the assistant's
/// message and the conversation record as the turn leaves it.
struct answered_turn {
  std::vector<step_record> steps;
  message_record answer;
  conversation_record record;
  /// The turn was counted against its user's limits in this store
  /// (begin_turn, admit_turn): the same write ends that count (finish_turn).
  bool release = false;
};

/// What the store knows of one turn (a turn taken again after a worker died
/// must not be asked nor answered twice).
struct turn_lookup {
  bool asked = false;       // the user's message is stored
  bool answered = false;    // the assistant's message is stored
  std::string final_event;  // the answered turn's final step event, as published
  /// The stream delivery that first ran the turn (stored with its question; 0: unknown).
  uint64_t first_delivery = 0;
};

/// A user's judgement of one answer (an assistant message).
struct feedback_record {
  std::string conv;
  uint64_t message = 0;  // the assistant message's index
  bool positive = false; // thumbs up or down
  std::string comment;
  std::string category; // the client's words ("wrong_numbers", "slow", …): opaque
  int64_t created_ms = 0;
};

/// A question with SQL known to answer it: a user's own (their thumbs-up) or,
/// approved by an operator, everyone's.
struct example_record {
  std::string scope; // the user it belongs to, or "*" for everyone
  std::string data_source;
  std::string question;
  std::string sql;
  std::string origin; // "<user>/<conv>/<message>": where it was answered (one example each)
  int64_t created_ms = 0;
};

/// A user's turn limits (admit_turn's arguments).
struct turn_limits {
  int per_minute = 0;
  int concurrent = 0;
};

/// What a turn starts from (begin_turn).
struct turn_start {
  /// rate_limited, not_found (no such conversation of the user) or a store
  /// failure: then nothing is counted nor written.
  std::optional<medha_error> error;
  conversation_record record; // the latest record
  turn_lookup lookup;         // what was stored of this turn before
  bool question_stored = false; // the user's message was appended now
  bool counted = false;         // counted against the limits: end it with finish_turn
  /// The verified examples of the record's data source (none chosen: empty),
  /// as examples() reads them.
  std::vector<example_record> examples;
};

/// The scope of examples every user gets.
inline constexpr const char* everyone_scope = "*";

/// Where conversations live: their records, messages, step events and a
/// small blob space. Two implementations pass the same test suite:
/// rocksdb_store (embedded, one worker) and postgres_store (shared by several
/// workers). Every call is scoped to the owning user: another user's
/// conversation behaves as if it did not exist. Ids (user, conversation,
/// turn) are `[A-Za-z0-9_-]{1,64}`; other ids are `bad_request` on writes and
/// absent on reads. Texts and payloads are kept byte for byte.
///
/// Thread-safe. Calls block (disk, network): call them from detached actors.
class conversation_store {
public:
  virtual ~conversation_store() = default;

  /// Creates or replaces the conversation (record.user owns it). updated_ms
  /// never moves backwards: a newer stored value is kept.
  virtual std::optional<medha_error> put_conversation(const conversation_record& record) = 0;

  /// The user's conversation, or nullopt (unknown, another user's, unreadable).
  virtual std::optional<conversation_record> get_conversation(const std::string& user,
                                                              const std::string& id) = 0;

  /// The user's conversations, most recently updated first (ties by id).
  virtual std::vector<conversation_record> list_conversations(const std::string& user) = 0;

  /// Deletes the conversation with all its messages and steps, atomically.
  /// `not_found` when the user has no such conversation.
  virtual std::optional<medha_error> delete_conversation(const std::string& user,
                                                         const std::string& id) = 0;

  /// Appends a message to an existing conversation of the user, assigning its
  /// index (previous last + 1) and raising the conversation's updated_ms to the
  /// message's created_ms, atomically and durably.
  virtual std::optional<medha_error> append_message(const std::string& user,
                                                    message_record message) = 0;

  /// The user's message that starts a turn, appended as append_message does
  /// but without waiting for the disk: it survives a crash of the worker at
  /// once, and a crash of the machine once the turn ends, since store_answer's
  /// durable write makes everything written before it durable too (one log).
  /// A turn then waits for one sync, not two.
  virtual std::optional<medha_error> append_question(const std::string& user,
                                                     message_record message) {
    return append_message(user, std::move(message));
  }

  /// The conversation's messages in index order (empty for unknown ones).
  virtual std::vector<message_record> messages(const std::string& user,
                                               const std::string& conv) = 0;

  /// The messages of one turn (its question, its answer) in index order: what
  /// a turn taken again is checked against, without reading the whole history.
  virtual std::vector<message_record> turn_messages(const std::string& user,
                                                    const std::string& conv,
                                                    const std::string& turn_id) {
    auto all = messages(user, conv);
    std::vector<message_record> out;
    for (auto& m : all)
      if (m.turn_id == turn_id)
        out.push_back(std::move(m));
    return out;
  }

  /// Stores a step event of an existing conversation; the same seq overwrites.
  virtual std::optional<medha_error> append_step(const std::string& user,
                                                 const step_record& step) = 0;

  /// Ends a turn in one atomic write, as durable as append_message: stores
  /// the steps (the same seq overwrites), appends the answer (its index
  /// assigned as append_message does) and writes the record (as
  /// put_conversation does, its updated_ms raised to the answer's). One write
  /// instead of one per step and two for the answer: a turn's store cost.
  /// `not_found` when the conversation is gone, and nothing is written.
  virtual std::optional<medha_error> store_answer(const std::string& user,
                                                  const answered_turn& turn) = 0;

  /// The turn's step events in seq order.
  virtual std::vector<step_record> steps(const std::string& user, const std::string& conv,
                                         const std::string& turn_id) = 0;

  /// Deletes conversations whose updated_ms is older than now_ms - ttl_ms;
  /// returns how many were deleted.
  virtual size_t expire_idle(int64_t now_ms, int64_t ttl_ms) = 0;

  /// A small key-value space for other components' caches (the discovery
  /// catalog, ...). Keys are any non-empty string; values raw bytes.
  virtual std::optional<std::string> get_blob(const std::string& key) = 0;
  virtual std::optional<medha_error> put_blob(const std::string& key,
                                              const std::string& value) = 0;

  /// Stores feedback on a message of an existing conversation of the user;
  /// later feedback on the same message replaces it. Deleted with the
  /// conversation.
  virtual std::optional<medha_error> put_feedback(const std::string& user,
                                                  const feedback_record& feedback) = 0;

  /// The feedback on a conversation's messages, in message order.
  virtual std::vector<feedback_record> feedback(const std::string& user,
                                                const std::string& conv) = 0;

  /// Creates or replaces the example of (scope, data source, origin). Kept
  /// when the conversation it came from is deleted: it is knowledge now.
  virtual std::optional<medha_error> put_example(const example_record& example) = 0;

  /// The examples a user's questions on a data source may use: the user's own
  /// and everyone's, oldest first.
  virtual std::vector<example_record> examples(const std::string& user,
                                               const std::string& data_source) = 0;

  /// Stored values that failed to decode since open (for health/stats).
  virtual uint64_t corrupt_reads() const = 0;

  /// Per-user turn limits kept in the store, so that they hold across every
  /// worker sharing it (PostgreSQL). A store that is not shared (RocksDB)
  /// counts nothing here: each worker's own limiter does.
  /// Counts a turn of (user, conv) and returns nullopt, or returns
  /// `rate_limited` with retry_after_ms (the turn is then not counted).
  virtual std::optional<medha_error> admit_turn(const std::string& user, const std::string& conv,
                                                int per_minute, int concurrent) {
    return std::nullopt;
  }
  /// A turn admit_turn counted has ended.
  virtual void finish_turn(const std::string& user, const std::string& conv) {}

  /// A turn's start on a shared store, in one call: counts it against
  /// `limits` (none: not counted here), reads the conversation's latest
  /// record and what is stored of the turn (`question.turn_id`), and appends
  /// `question` as append_question does unless it is stored already. Refused
  /// (rate_limited) or not_found: nothing counted nor written. PostgreSQL
  /// does it in one round trip; this default in calls of the above
  /// (runtime/turn_lookup.cpp).
  virtual turn_start begin_turn(const std::string& user, const message_record& question,
                                const std::optional<turn_limits>& limits);
};

} // namespace medha
