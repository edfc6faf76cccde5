#pragma once

#include <atomic>
#include <memory>
#include <variant>

#include "runtime/conversation_store.hpp"
#include "runtime/pg_connection_pool.hpp"

namespace medha {

/// The conversation store in PostgreSQL, shared by several workers: any
/// worker can continue, list and read any conversation.
///
/// Tables (created by runtime/postgres_migrations.cpp at open):
/// medha_conversations, medha_messages, medha_steps (both deleted with their
/// conversation by ON DELETE CASCADE), medha_blobs, and the shared turn
/// limits' medha_turn_counts and medha_turns_in_flight. Read-modify-write
/// calls are single transactions: appends lock the conversation's row, so
/// workers appending to one conversation get consecutive indices, and
/// put_conversation is one upsert that keeps the larger updated_ms.
///
/// Calls block on the network: call them from detached actors only. A read
/// that fails (the server is down) logs a warning and reads as absent; a
/// write that fails returns `internal` with the server's message.
class postgres_store final : public conversation_store {
public:
  /// Connects, applies pending schema migrations and returns the store. An
  /// error carries libpq's message, never the conninfo (it may hold a password).
  static std::variant<std::unique_ptr<postgres_store>, medha_error>
  open(const std::string& conninfo);

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
  std::vector<message_record> turn_messages(const std::string& user, const std::string& conv,
                                            const std::string& turn_id) override;
  std::optional<medha_error> append_step(const std::string& user, const step_record& step) override;
  std::vector<step_record> steps(const std::string& user, const std::string& conv,
                                 const std::string& turn_id) override;
  // In postgres_turn.cpp: one round trip each.
  std::optional<medha_error> store_answer(const std::string& user,
                                          const answered_turn& turn) override;
  turn_start begin_turn(const std::string& user, const message_record& question,
                        const std::optional<turn_limits>& limits) override;
  size_t expire_idle(int64_t now_ms, int64_t ttl_ms) override;
  std::optional<std::string> get_blob(const std::string& key) override;
  std::optional<medha_error> put_blob(const std::string& key, const std::string& value) override;
  // In postgres_feedback.cpp:
  std::optional<medha_error> put_feedback(const std::string& user,
                                          const feedback_record& feedback) override;
  std::vector<feedback_record> feedback(const std::string& user, const std::string& conv) override;
  std::optional<medha_error> put_example(const example_record& example) override;
  std::vector<example_record> examples(const std::string& user,
                                       const std::string& data_source) override;
  /// Columns are typed: nothing stored can fail to decode.
  uint64_t corrupt_reads() const override {
    return 0;
  }
  /// Tables medha_turn_counts and medha_turns_in_flight, one transaction per
  /// call under a per-user advisory lock (runtime/postgres_turn_limits.cpp).
  /// store_answer ends the count too when the turn says so (release).
  std::optional<medha_error> admit_turn(const std::string& user, const std::string& conv,
                                        int per_minute, int concurrent) override;
  void finish_turn(const std::string& user, const std::string& conv) override;

private:
  explicit postgres_store(std::string conninfo) : pool_(std::move(conninfo)) {}

  std::vector<message_record> read_messages(const std::string& user, const std::string& conv,
                                            const std::string& turn_id);

  pg_connection_pool pool_;
};

} // namespace medha
