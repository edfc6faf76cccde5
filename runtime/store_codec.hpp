#pragma once

// Key layout and value encoding of rocksdb_store, apart from the RocksDB
// calls so both can be read (and tested) on their own.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/conversation_store.hpp"

namespace medha::store_codec {

/// True for `[A-Za-z0-9_-]{1,64}`: the ids allowed inside keys.
bool is_key_token(std::string_view s);

std::string conversation_key(const std::string& user, const std::string& conv);
/// "c/<user>/": all of a user's conversations. "c/": everybody's.
std::string conversation_prefix(const std::string& user);
std::string message_key(const std::string& user, const std::string& conv, uint64_t index);
/// "m/<user>/<conv>/"
std::string message_prefix(const std::string& user, const std::string& conv);
std::string step_key(const std::string& user, const std::string& conv,
                     const std::string& turn, uint64_t seq);
/// "s/<user>/<conv>/" (turn empty) or "s/<user>/<conv>/<turn>/"
std::string step_prefix(const std::string& user, const std::string& conv,
                        const std::string& turn = "");
std::string blob_key(const std::string& key);
/// "f/<user>/<conv>/<message:016x>"; the prefix without the message.
std::string feedback_key(const std::string& user, const std::string& conv, uint64_t message);
std::string feedback_prefix(const std::string& user, const std::string& conv);
/// "e/<scope>/<data source>/<origin>"; the prefix without the origin. The
/// origin is last, so the '/' inside it cannot make prefixes collide.
std::string example_key(const std::string& scope, const std::string& source,
                        const std::string& origin);
std::string example_prefix(const std::string& scope, const std::string& source);

/// The smallest key above every key starting with `prefix` (an iterate bound).
std::string prefix_end(std::string prefix);

std::string encode(const conversation_record& r);
std::string encode(const message_record& r);
std::string encode(const step_record& r);
std::string encode(const feedback_record& r);
std::string encode(const example_record& r);

/// Decoders are strict: a missing field or a wrong type is nullopt, never a throw.
std::optional<conversation_record> decode_conversation(std::string_view text);
std::optional<message_record> decode_message(std::string_view text);
std::optional<step_record> decode_step(std::string_view text);

/// The steps a turn ended with, one value under the first step's key (a turn
/// wrote a key per step before: its dozen memtable inserts were a tenth of
/// the worker's CPU). All of them name the same conversation and turn.
std::string encode_steps(const std::vector<step_record>& steps);
/// A step value of either kind: one step, or a turn's steps. Empty when
/// it does not decode.
std::vector<step_record> decode_steps(std::string_view text);
std::optional<feedback_record> decode_feedback(std::string_view text);
std::optional<example_record> decode_example(std::string_view text);

} // namespace medha::store_codec
