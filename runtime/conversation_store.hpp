#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "messages/error.hpp"

namespace rocksdb {
class DB;
}

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

/// Conversations, their messages and step events in an embedded RocksDB, so
/// they survive restarts of a single-node worker. Every call is scoped to the
/// owning user: another user's conversation behaves as if it did not exist.
///
/// Key layout (user, conv and turn ids are `[A-Za-z0-9_-]{1,64}`, so '/' never
/// occurs inside a part and prefixes cannot collide):
///   c/<user>/<conv>                      conversation_record (JSON)
///   m/<user>/<conv>/<index:016x>         message_record (JSON)
///   s/<user>/<conv>/<turn>/<seq:016x>    step_record (JSON)
///   b/<key>                              blob (raw bytes)
/// Listing a user's conversations or a conversation's messages is one prefix
/// scan; the fixed-width hex keeps numeric order equal to byte order.
///
/// Durability: every write goes to RocksDB's write-ahead log before the call
/// returns, so all of them survive kill -9 of the worker. Message appends and
/// deletes are also fsynced (WriteOptions.sync), so a user's turn survives a
/// machine crash or power loss; an fsync also makes every earlier write
/// durable, since the log is sequential. Measured on the dev VM: a synced append
/// costs ~3.5-3.8 ms against ~5 us unsynced, so conversation puts, steps and blob
/// writes are not synced: they ride on the next synced append.
///
/// Thread-safe. Read-modify-write calls (appends, deletes, expiry) lock one of
/// a few stripes chosen by (user, conv), so different conversations proceed in
/// parallel. A stored value that does not decode counts in corrupt_reads() and
/// reads as absent; writes that need it fail with `internal`.
class conversation_store {
public:
  /// Opens (creating if needed) the store at `path`. Fails, without crashing,
  /// when the path is unusable or already open (in this or another process).
  static std::variant<std::unique_ptr<conversation_store>, medha_error>
  open(const std::string& path);

  ~conversation_store();
  conversation_store(const conversation_store&) = delete;
  conversation_store& operator=(const conversation_store&) = delete;

  /// Creates or replaces the conversation (record.user owns it). updated_ms
  /// never moves backwards: a newer stored value is kept.
  std::optional<medha_error> put_conversation(const conversation_record& record);

  /// The user's conversation, or nullopt (unknown, another user's, unreadable).
  std::optional<conversation_record> get_conversation(const std::string& user,
                                                      const std::string& id);

  /// The user's conversations, most recently updated first.
  std::vector<conversation_record> list_conversations(const std::string& user);

  /// Deletes the conversation with all its messages and steps, in one batch.
  /// `not_found` when the user has no such conversation.
  std::optional<medha_error> delete_conversation(const std::string& user,
                                                 const std::string& id);

  /// Appends a message to an existing conversation of the user, assigning its
  /// index (previous last + 1) and raising the conversation's updated_ms to the
  /// message's created_ms, in one synced batch.
  std::optional<medha_error> append_message(const std::string& user, message_record message);

  /// The conversation's messages in index order (empty for unknown ones).
  std::vector<message_record> messages(const std::string& user, const std::string& conv);

  /// Stores a step event of an existing conversation; the same seq overwrites.
  std::optional<medha_error> append_step(const std::string& user, const step_record& step);

  /// The turn's step events in seq order.
  std::vector<step_record> steps(const std::string& user, const std::string& conv,
                                 const std::string& turn_id);

  /// Deletes conversations whose updated_ms is older than now_ms - ttl_ms;
  /// returns how many were deleted.
  size_t expire_idle(int64_t now_ms, int64_t ttl_ms);

  /// A small key-value space for other components' caches (the discovery
  /// catalog, ...). Keys are any non-empty string; values raw bytes.
  std::optional<std::string> get_blob(const std::string& key);
  std::optional<medha_error> put_blob(const std::string& key, const std::string& value);

  /// Stored values that failed to decode since open (for health/stats).
  uint64_t corrupt_reads() const {
    return corrupt_reads_.load();
  }

private:
  explicit conversation_store(std::unique_ptr<rocksdb::DB> db);

  std::mutex& stripe(const std::string& user, const std::string& conv);
  std::optional<medha_error> delete_locked(const std::string& user, const std::string& id,
                                           bool must_exist);

  std::unique_ptr<rocksdb::DB> db_;
  std::array<std::mutex, 32> stripes_;
  std::atomic<uint64_t> corrupt_reads_{0};
};

} // namespace medha
