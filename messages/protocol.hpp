#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "messages/error.hpp"

namespace medha {

/// Every wire message carries "v": 1.
constexpr int protocol_version = 1;

/// One user turn, from `medha.turn.<user>.<conv>`.
struct turn_request {
  std::string user;
  std::string conv;
  std::string turn_id;
  std::string text;
  std::optional<std::string> data_source; // set: use it (and remember it)
  std::string reply_to;                   // NATS inbox for the final event, or ""
  /// Set by the refine API (never from the wire turn): a structured edit of
  /// the last query instead of a question.
  std::string refinement_json;
  /// Set by the worker for a turn taken from the JetStream stream (never from
  /// the wire): acknowledged once the turn ended with a stored final event.
  uint64_t delivery = 0;
  /// The stream's delivery count of the turn, this one included (0: plain NATS).
  uint64_t deliveries = 0;
  /// Set by the worker: counted against the user's limits already (by the
  /// manager). Otherwise a shared store counts the turn as it starts.
  bool admitted = false;
};

enum class step_kind {
  discovery, context, sql, validate, execute, visualize, answer, clarify, error,
};

enum class step_status { started, progress, done, failed };

const char* to_string(step_kind s);
const char* to_string(step_status s);

/// One event of a turn, published on `medha.events.<user>.<conv>`.
struct step_event {
  std::string conv;
  std::string turn_id;
  uint64_t seq = 0; // increases by one within a turn, from 1
  step_kind step = step_kind::answer;
  step_status status = step_status::done;
  double elapsed_ms = 0; // since the turn started
  std::string data_json = "{}"; // the step's payload, a JSON object
};

/// A request on `medha.api.<user>.<verb>`: the verb and its JSON body.
struct api_request {
  std::string user;
  std::string verb;
  std::string body_json; // the raw payload; the handler validates its fields
  std::string reply_to;
};

/// True for subject tokens `[A-Za-z0-9_-]{1,64}`.
bool is_valid_token(std::string_view token);

/// Splits a subject into its dot-separated tokens.
std::vector<std::string_view> split_subject(std::string_view subject);

template <class T>
using parsed = std::variant<T, medha_error>;

/// Parses a turn from its subject and payload. Strict: wrong types, missing
/// text, invalid UTF-8, bad tokens and oversized payloads are errors.
parsed<turn_request> parse_turn(std::string_view subject, std::string_view payload,
                                size_t max_payload_bytes);

/// Parses an API subject `medha.api.<user>.<verb>` (payload checked by the verb).
parsed<api_request> parse_api_request(std::string_view subject, std::string_view payload,
                                      size_t max_payload_bytes);

/// Encodes a step event as the wire JSON object.
std::string encode_step_event(const step_event& ev);

/// Decodes a step event (the client side).
parsed<step_event> decode_step_event(std::string_view payload);

/// `{"v":1,"ok":false,"error":{"code":"...","message":"..."}}`
std::string encode_error_reply(const medha_error& err);

/// `{"v":1,"ok":true, ...fields of body_json}`; body_json must be an object.
std::string encode_ok_reply(std::string_view body_json);

/// The data of an error event: `{"code":"...","message":"..."}`.
std::string error_data(const medha_error& err);

/// Subjects.
std::string turn_subject(std::string_view user, std::string_view conv);
/// The Nats-Msg-Id a client gives a turn's publish: the JetStream stream keeps
/// one message per id within its duplicate window. Ids are stream-wide, so the
/// id names the user and conversation as well as the turn.
std::string turn_message_id(std::string_view user, std::string_view conv, std::string_view turn_id);
std::string events_subject(std::string_view user, std::string_view conv);
std::string api_subject(std::string_view user, std::string_view verb);

} // namespace medha
