#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <variant>

#include "runtime/conversation_store.hpp"

namespace rocksdb {
class DB;
class WriteBatch;
}

namespace medha {

/// The conversation store in an embedded RocksDB, so conversations survive
/// restarts of a single-node worker (the default store).
///
/// Key layout (user, conv and turn ids are `[A-Za-z0-9_-]{1,64}`, so '/' never
/// occurs inside a part and prefixes cannot collide):
///   c/<user>/<conv>                      conversation_record (JSON)
///   m/<user>/<conv>/<index:016x>         message_record (JSON)
///   s/<user>/<conv>/<turn>/<seq:016x>    step_record (JSON), or a turn's steps from
///                                        this seq on (one value, store_answer)
///   b/<key>                              blob (raw bytes)
///   f/<user>/<conv>/<message:016x>       feedback_record (JSON)
///   e/<scope>/<data source>/<origin>     example_record (JSON); scope is a user or "*"
/// Listing a user's conversations or a conversation's messages is one prefix
/// scan; the fixed-width hex keeps numeric order equal to byte order.
///
/// Durability: every write goes to RocksDB's write-ahead log before the call
/// returns, so all of them survive kill -9 of the worker. Message appends, the
/// end of a turn (store_answer: its steps, answer and record in one batch) and
/// deletes are also fsynced (WriteOptions.sync), so a user's turn survives a
/// machine crash or power loss; an fsync also makes every earlier write
/// durable, since the log is sequential. Measured on the dev VM: a synced append
/// costs ~3.5-3.8 ms against ~5 us unsynced, so conversation puts, steps and blob
/// writes are not synced: they ride on the next synced append.
///
/// Read-modify-write calls (appends, deletes, expiry) lock one of a few
/// stripes chosen by (user, conv), so different conversations proceed in
/// parallel. A stored value that does not decode counts in corrupt_reads() and
/// reads as absent; writes that need it fail with `internal`.
class rocksdb_store final : public conversation_store {
public:
  /// Opens (creating if needed) the store at `path`. Fails, without crashing,
  /// when the path is unusable or already open (in this or another process).
  static std::variant<std::unique_ptr<rocksdb_store>, medha_error> open(const std::string& path);

  ~rocksdb_store() override;
  rocksdb_store(const rocksdb_store&) = delete;
  rocksdb_store& operator=(const rocksdb_store&) = delete;

  std::optional<medha_error> put_conversation(const conversation_record& record) override;
  std::optional<conversation_record> get_conversation(const std::string& user,
                                                      const std::string& id) override;
  std::vector<conversation_record> list_conversations(const std::string& user) override;
  std::optional<medha_error> delete_conversation(const std::string& user,
                                                 const std::string& id) override;
  std::optional<medha_error> append_message(const std::string& user,
                                            message_record message) override;
  std::optional<medha_error> append_question(const std::string& user,
                                             message_record message) override;
  std::vector<message_record> messages(const std::string& user, const std::string& conv) override;
  std::optional<medha_error> append_step(const std::string& user, const step_record& step) override;
  std::optional<medha_error> store_answer(const std::string& user,
                                          const answered_turn& turn) override;
  std::vector<step_record> steps(const std::string& user, const std::string& conv,
                                 const std::string& turn_id) override;
  size_t expire_idle(int64_t now_ms, int64_t ttl_ms) override;
  std::optional<std::string> get_blob(const std::string& key) override;
  std::optional<medha_error> put_blob(const std::string& key, const std::string& value) override;
  // In rocksdb_feedback.cpp:
  std::optional<medha_error> put_feedback(const std::string& user,
                                          const feedback_record& feedback) override;
  std::vector<feedback_record> feedback(const std::string& user, const std::string& conv) override;
  std::optional<medha_error> put_example(const example_record& example) override;
  std::vector<example_record> examples(const std::string& user,
                                       const std::string& data_source) override;
  uint64_t corrupt_reads() const override {
    return corrupt_reads_.load();
  }

private:
  std::optional<medha_error> append(const std::string& user, message_record m, bool sync);
  explicit rocksdb_store(std::unique_ptr<rocksdb::DB> db);

  size_t stripe_of(const std::string& user, const std::string& conv) const;
  std::mutex& stripe(const std::string& user, const std::string& conv);
  /// Under the stripe lock: the index the conversation's next message gets,
  /// remembered from the last append (this process is the store's only
  /// writer: RocksDB's LOCK), else read from the last message key.
  std::optional<medha_error> next_index_locked(const std::string& user, const std::string& conv,
                                               uint64_t& index);
  void remember_next_locked(const std::string& user, const std::string& conv, uint64_t index);
  /// Under the stripe lock: reads the conversation's record into `conv`,
  /// gives `m` the next index and puts it in the batch.
  std::optional<medha_error> stage_message_locked(rocksdb::WriteBatch& batch,
                                                  const std::string& user, message_record& m,
                                                  conversation_record& conv);
  std::optional<medha_error> delete_locked(const std::string& user, const std::string& id,
                                           bool must_exist);

  std::unique_ptr<rocksdb::DB> db_;
  std::array<std::mutex, 32> stripes_;
  // Per stripe: message prefix -> next message index (guarded by the stripe).
  std::array<std::unordered_map<std::string, uint64_t>, 32> next_index_;
  std::atomic<uint64_t> corrupt_reads_{0};
};

} // namespace medha
