#include "runtime/rocksdb_store.hpp"

#include <rocksdb/db.h>
#include <rocksdb/iterator.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "runtime/rocksdb_scan.hpp"
#include "runtime/store_codec.hpp"

namespace medha {

namespace codec = store_codec;

namespace {

medha_error bad(std::string message) {
  return {error_code::bad_request, std::move(message)};
}

medha_error storage_error(const std::string& what, const rocksdb::Status& s) {
  return {error_code::internal, "conversation store: " + what + " failed: " + s.ToString()};
}

std::optional<medha_error> check_token(const char* what, const std::string& value) {
  if (codec::is_key_token(value))
    return std::nullopt;
  return bad(std::string(what) + " '" + value + "' must match [A-Za-z0-9_-]{1,64}");
}

rocksdb::WriteOptions synced() {
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return wo;
}

} // namespace

rocksdb_store::rocksdb_store(std::unique_ptr<rocksdb::DB> db) : db_(std::move(db)) {
}

rocksdb_store::~rocksdb_store() = default;

std::variant<std::unique_ptr<rocksdb_store>, medha_error>
rocksdb_store::open(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec)
    return medha_error{error_code::internal,
                       "cannot create conversation store directory '" + path
                         + "': " + ec.message()};
  rocksdb::Options options;
  options.create_if_missing = true;
  // The info LOG is for post-mortems only: keep a few small files, not forever.
  options.keep_log_file_num = 4;
  options.max_log_file_size = 4 << 20;
  // Writers waiting for the group commit sleep rather than spin: on a
  // machine with few cores the spinning (up to 100 us per write) took CPU
  // the writer that leads the commit needed.
  options.enable_write_thread_adaptive_yield = false;
  rocksdb::DB* raw = nullptr;
  auto s = rocksdb::DB::Open(options, path, &raw);
  if (!s.ok()) {
    // RocksDB's LOCK file refuses a second open, also from this same process.
    auto text = s.ToString();
    auto hint = text.find("lock") != std::string::npos || text.find("LOCK") != std::string::npos
                  ? " (is it already open, by this or another worker process?)"
                  : "";
    return medha_error{error_code::internal,
                       "cannot open conversation store '" + path + "': " + text + hint};
  }
  return std::unique_ptr<rocksdb_store>(
    new rocksdb_store(std::unique_ptr<rocksdb::DB>(raw)));
}

size_t rocksdb_store::stripe_of(const std::string& user, const std::string& conv) const {
  auto h = std::hash<std::string>{}(user) * 31 + std::hash<std::string>{}(conv);
  return h % stripes_.size();
}

std::mutex& rocksdb_store::stripe(const std::string& user, const std::string& conv) {
  return stripes_[stripe_of(user, conv)];
}

std::optional<medha_error> rocksdb_store::put_conversation(const conversation_record& r) {
  if (auto err = check_token("user", r.user))
    return err;
  if (auto err = check_token("conversation id", r.id))
    return err;
  if (!r.data_source.empty())
    if (auto err = check_token("data source", r.data_source))
      return err;
  std::lock_guard<std::mutex> guard(stripe(r.user, r.id));
  auto key = codec::conversation_key(r.user, r.id);
  // updated_ms never moves backwards: an append may have raised it after the
  // caller read the record it is now writing back.
  auto record = r;
  std::string old;
  if (db_->Get({}, key, &old).ok())
    if (auto stored = codec::decode_conversation(old))
      record.updated_ms = std::max(record.updated_ms, stored->updated_ms);
  // Not synced (3.7 ms per fsync here, see the header): the WAL write already
  // survives kill -9, and the next synced append makes it power-loss safe too.
  auto s = db_->Put({}, key, codec::encode(record));
  if (!s.ok())
    return storage_error("put_conversation", s);
  return std::nullopt;
}

std::optional<conversation_record>
rocksdb_store::get_conversation(const std::string& user, const std::string& id) {
  if (!codec::is_key_token(user) || !codec::is_key_token(id))
    return std::nullopt;
  std::string value;
  if (!db_->Get({}, codec::conversation_key(user, id), &value).ok())
    return std::nullopt;
  auto r = codec::decode_conversation(value);
  // A record whose body names another owner is as unreadable as bad JSON.
  if (!r || r->user != user || r->id != id) {
    ++corrupt_reads_;
    return std::nullopt;
  }
  return r;
}

std::vector<conversation_record> rocksdb_store::list_conversations(const std::string& user) {
  std::vector<conversation_record> out;
  if (!codec::is_key_token(user))
    return out;
  scan(*db_, codec::conversation_prefix(user), [&](const rocksdb::Slice&, const rocksdb::Slice& value) {
    auto r = codec::decode_conversation(value.ToStringView());
    if (r && r->user == user)
      out.push_back(std::move(*r));
    else
      ++corrupt_reads_;
  });
  // Tens to hundreds per user: sorting here beats keeping a second index in step.
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) {
    return a.updated_ms != b.updated_ms ? a.updated_ms > b.updated_ms : a.id < b.id;
  });
  return out;
}

std::optional<medha_error> rocksdb_store::delete_locked(const std::string& user,
                                                             const std::string& id,
                                                             bool must_exist) {
  auto key = codec::conversation_key(user, id);
  std::string value;
  auto s = db_->Get({}, key, &value);
  if (s.IsNotFound()) {
    if (must_exist)
      return medha_error{error_code::not_found, "no conversation '" + id + "'"};
  } else if (!s.ok()) {
    return storage_error("delete_conversation", s);
  }
  // One batch: a crash leaves either the whole conversation or none of it.
  // Deleting works on unreadable records too, so users can clear them.
  rocksdb::WriteBatch batch;
  batch.Delete(key);
  auto drop = [&](const rocksdb::Slice& k, const rocksdb::Slice&) { batch.Delete(k); };
  scan(*db_, codec::message_prefix(user, id), drop);
  scan(*db_, codec::step_prefix(user, id), drop);
  scan(*db_, codec::feedback_prefix(user, id), drop);
  s = db_->Write(synced(), &batch);
  if (!s.ok())
    return storage_error("delete_conversation", s);
  next_index_[stripe_of(user, id)].erase(codec::message_prefix(user, id));
  return std::nullopt;
}

std::optional<medha_error> rocksdb_store::delete_conversation(const std::string& user,
                                                                   const std::string& id) {
  if (!codec::is_key_token(user) || !codec::is_key_token(id))
    return medha_error{error_code::not_found, "no conversation '" + id + "'"};
  std::lock_guard<std::mutex> guard(stripe(user, id));
  return delete_locked(user, id, true);
}

namespace {

std::optional<medha_error> check_message(const std::string& user, const message_record& m) {
  if (auto err = check_token("user", user))
    return err;
  if (auto err = check_token("conversation id", m.conv))
    return err;
  if (auto err = check_token("turn id", m.turn_id))
    return err;
  if (m.role != "user" && m.role != "assistant")
    return bad("message role must be user or assistant, got '" + m.role + "'");
  return std::nullopt;
}

} // namespace

std::optional<medha_error> rocksdb_store::stage_message_locked(rocksdb::WriteBatch& batch,
                                                               const std::string& user,
                                                               message_record& m,
                                                               conversation_record& conv) {
  auto conv_key = codec::conversation_key(user, m.conv);
  std::string value;
  auto s = db_->Get({}, conv_key, &value);
  if (s.IsNotFound())
    return medha_error{error_code::not_found, "no conversation '" + m.conv + "'"};
  if (!s.ok())
    return storage_error("append_message", s);
  auto stored = codec::decode_conversation(value);
  if (!stored) {
    ++corrupt_reads_;
    return medha_error{error_code::internal,
                       "conversation '" + m.conv + "' has an unreadable stored record"};
  }
  conv = std::move(*stored);
  // The stripe lock keeps the index ours until the batch is written.
  if (auto err = next_index_locked(user, m.conv, m.index))
    return err;
  batch.Put(codec::message_key(user, m.conv, m.index), codec::encode(m));
  return std::nullopt;
}

std::optional<medha_error> rocksdb_store::append(const std::string& user, message_record m,
                                                 bool sync) {
  if (auto err = check_message(user, m))
    return err;
  std::lock_guard<std::mutex> guard(stripe(user, m.conv));
  rocksdb::WriteBatch batch;
  conversation_record conv;
  if (auto err = stage_message_locked(batch, user, m, conv))
    return err;
  conv.updated_ms = std::max(conv.updated_ms, m.created_ms);
  batch.Put(codec::conversation_key(user, m.conv), codec::encode(conv));
  rocksdb::WriteOptions wo;
  wo.sync = sync;
  auto s = db_->Write(wo, &batch);
  if (!s.ok())
    return storage_error("append_message", s);
  remember_next_locked(user, m.conv, m.index + 1);
  return std::nullopt;
}

std::optional<medha_error> rocksdb_store::append_message(const std::string& user,
                                                              message_record m) {
  // Synced: the turn a user typed must survive a crash, not just a kill.
  return append(user, std::move(m), true);
}

std::optional<medha_error> rocksdb_store::append_question(const std::string& user,
                                                         message_record m) {
  // In the WAL (a kill loses nothing); the turn's synced end syncs it too.
  return append(user, std::move(m), false);
}

std::optional<medha_error> rocksdb_store::store_answer(const std::string& user,
                                                       const answered_turn& turn) {
  auto m = turn.answer;
  if (auto err = check_message(user, m))
    return err;
  if (turn.record.user != user || turn.record.id != m.conv)
    return bad("the answer and the record name different conversations");
  for (auto& step : turn.steps)
    if (step.conv != m.conv || !codec::is_key_token(step.turn_id))
      return bad("a step of another conversation, or a bad turn id");
  std::lock_guard<std::mutex> guard(stripe(user, m.conv));
  rocksdb::WriteBatch batch;
  conversation_record stored;
  if (auto err = stage_message_locked(batch, user, m, stored))
    return err;
  // A turn's steps go in one value, under the key of the first of them.
  for (size_t from = 0; from < turn.steps.size();) {
    auto to = from + 1;
    while (to < turn.steps.size() && turn.steps[to].turn_id == turn.steps[from].turn_id)
      ++to;
    std::vector<step_record> run(turn.steps.begin() + from, turn.steps.begin() + to);
    auto& first = turn.steps[from];
    batch.Put(codec::step_key(user, first.conv, first.turn_id, first.seq), codec::encode_steps(run));
    from = to;
  }
  auto record = turn.record;
  record.updated_ms = std::max({record.updated_ms, stored.updated_ms, m.created_ms});
  batch.Put(codec::conversation_key(user, m.conv), codec::encode(record));
  // One synced write for the whole end of the turn (it was one per message,
  // plus a write per step): the answer survives a crash before it is published.
  auto s = db_->Write(synced(), &batch);
  if (!s.ok())
    return storage_error("store_answer", s);
  remember_next_locked(user, m.conv, m.index + 1);
  return std::nullopt;
}

std::vector<message_record> rocksdb_store::messages(const std::string& user,
                                                         const std::string& conv) {
  std::vector<message_record> out;
  if (!codec::is_key_token(user) || !codec::is_key_token(conv))
    return out;
  scan(*db_, codec::message_prefix(user, conv), [&](const rocksdb::Slice&, const rocksdb::Slice& value) {
    if (auto m = codec::decode_message(value.ToStringView()))
      out.push_back(std::move(*m));
    else
      ++corrupt_reads_;
  });
  return out;
}

std::optional<medha_error> rocksdb_store::append_step(const std::string& user,
                                                           const step_record& step) {
  if (auto err = check_token("user", user))
    return err;
  if (auto err = check_token("conversation id", step.conv))
    return err;
  if (auto err = check_token("turn id", step.turn_id))
    return err;
  // Locked and checked so a step racing a delete cannot leave an orphan behind.
  std::lock_guard<std::mutex> guard(stripe(user, step.conv));
  std::string value;
  auto s = db_->Get({}, codec::conversation_key(user, step.conv), &value);
  if (s.IsNotFound())
    return medha_error{error_code::not_found, "no conversation '" + step.conv + "'"};
  if (!s.ok())
    return storage_error("append_step", s);
  // Not synced: steps are a replay aid; the final answer is in the messages.
  s = db_->Put({}, codec::step_key(user, step.conv, step.turn_id, step.seq),
               codec::encode(step));
  if (!s.ok())
    return storage_error("append_step", s);
  return std::nullopt;
}

std::vector<step_record> rocksdb_store::steps(const std::string& user,
                                                   const std::string& conv,
                                                   const std::string& turn_id) {
  std::vector<step_record> out;
  if (!codec::is_key_token(user) || !codec::is_key_token(conv)
      || !codec::is_key_token(turn_id))
    return out;
  scan(*db_, codec::step_prefix(user, conv, turn_id), [&](const rocksdb::Slice&, const rocksdb::Slice& value) {
    auto found = codec::decode_steps(value.ToStringView());
    if (found.empty())
      ++corrupt_reads_;
    for (auto& st : found)
      out.push_back(std::move(st));
  });
  return out;
}

size_t rocksdb_store::expire_idle(int64_t now_ms, int64_t ttl_ms) {
  if (ttl_ms < 0)
    return 0;
  auto idle = [&](const conversation_record& r) { return now_ms - r.updated_ms > ttl_ms; };
  // Collect first, delete after: deleting inside the scan would hold every
  // stripe in turn while an iterator pins old data.
  std::vector<std::pair<std::string, std::string>> candidates;
  scan(*db_, codec::conversation_prefix(""), [&](const rocksdb::Slice& key,
                                                  const rocksdb::Slice& value) {
    auto r = codec::decode_conversation(value.ToStringView());
    if (!r || codec::conversation_key(r->user, r->id) != key.ToStringView())
      ++corrupt_reads_; // unknown age: kept; delete_conversation still removes it
    else if (idle(*r))
      candidates.emplace_back(r->user, r->id);
  });
  size_t deleted = 0;
  for (auto& [user, id] : candidates) {
    std::lock_guard<std::mutex> guard(stripe(user, id));
    // Re-check under the lock: a turn may have arrived since the scan.
    std::string value;
    if (!db_->Get({}, codec::conversation_key(user, id), &value).ok())
      continue;
    auto r = codec::decode_conversation(value);
    if (r && idle(*r) && !delete_locked(user, id, false))
      ++deleted;
  }
  return deleted;
}

std::optional<std::string> rocksdb_store::get_blob(const std::string& key) {
  if (key.empty())
    return std::nullopt;
  std::string value;
  if (!db_->Get({}, codec::blob_key(key), &value).ok())
    return std::nullopt;
  return value;
}

std::optional<medha_error> rocksdb_store::put_blob(const std::string& key,
                                                        const std::string& value) {
  if (key.empty())
    return bad("blob key must not be empty");
  // Not synced: blobs are caches that can be rebuilt.
  auto s = db_->Put({}, codec::blob_key(key), value);
  if (!s.ok())
    return storage_error("put_blob", s);
  return std::nullopt;
}

} // namespace medha
