// rocksdb_store: feedback on answers and the verified examples it makes.

#include <rocksdb/write_batch.h>

#include <algorithm>

#include "runtime/rocksdb_scan.hpp"
#include "runtime/rocksdb_store.hpp"
#include "runtime/store_codec.hpp"

namespace medha {

namespace codec = store_codec;

std::optional<medha_error> rocksdb_store::put_feedback(const std::string& user,
                                                       const feedback_record& feedback) {
  if (!codec::is_key_token(user) || !codec::is_key_token(feedback.conv))
    return medha_error{error_code::bad_request,
                       "user and conversation ids must match [A-Za-z0-9_-]{1,64}"};
  // Locked and checked, as steps are: feedback never outlives its conversation.
  std::lock_guard<std::mutex> guard(stripe(user, feedback.conv));
  std::string value;
  auto s = db_->Get({}, codec::conversation_key(user, feedback.conv), &value);
  if (s.IsNotFound())
    return medha_error{error_code::not_found, "no conversation '" + feedback.conv + "'"};
  rocksdb::WriteOptions synced;
  synced.sync = true; // a user's judgement is as precious as their turn
  if (s.ok())
    s = db_->Put(synced, codec::feedback_key(user, feedback.conv, feedback.message),
                 codec::encode(feedback));
  if (!s.ok())
    return medha_error{error_code::internal, "conversation store: put_feedback failed: " + s.ToString()};
  return std::nullopt;
}

std::vector<feedback_record> rocksdb_store::feedback(const std::string& user,
                                                     const std::string& conv) {
  std::vector<feedback_record> out;
  if (!codec::is_key_token(user) || !codec::is_key_token(conv))
    return out;
  scan(*db_, codec::feedback_prefix(user, conv), [&](const rocksdb::Slice&, const rocksdb::Slice& v) {
    if (auto f = codec::decode_feedback(v.ToStringView()))
      out.push_back(std::move(*f));
    else
      ++corrupt_reads_;
  });
  return out;
}

std::optional<medha_error> rocksdb_store::put_example(const example_record& example) {
  bool scope_ok = example.scope == everyone_scope || codec::is_key_token(example.scope);
  if (!scope_ok || !codec::is_key_token(example.data_source) || example.origin.empty()
      || example.sql.empty())
    return medha_error{error_code::bad_request,
                       "an example needs a user or \"*\", a data source, an origin and SQL"};
  rocksdb::WriteOptions synced;
  synced.sync = true;
  auto s = db_->Put(synced, codec::example_key(example.scope, example.data_source, example.origin),
                    codec::encode(example));
  if (!s.ok())
    return medha_error{error_code::internal, "conversation store: put_example failed: " + s.ToString()};
  return std::nullopt;
}

std::vector<example_record> rocksdb_store::examples(const std::string& user,
                                                    const std::string& data_source) {
  std::vector<example_record> out;
  if (!codec::is_key_token(user) || !codec::is_key_token(data_source))
    return out;
  for (auto& scope : {std::string{everyone_scope}, user})
    scan(*db_, codec::example_prefix(scope, data_source),
         [&](const rocksdb::Slice&, const rocksdb::Slice& v) {
           if (auto e = codec::decode_example(v.ToStringView()))
             out.push_back(std::move(*e));
           else
             ++corrupt_reads_;
         });
  std::stable_sort(out.begin(), out.end(), [](const example_record& a, const example_record& b) {
    return a.created_ms < b.created_ms;
  });
  return out;
}

} // namespace medha
