#pragma once

#include <optional>
#include <string>
#include <vector>

#include "messages/data_source.hpp"
#include "messages/error.hpp"
#include "messages/store_records.hpp"

namespace medha {

/// JSON bodies of the control API, kept apart from the manager's routing.

std::string conversation_json(const conversation_record& rec);
std::string conversation_reply(const conversation_record& rec);
std::string conversation_list_reply(const std::vector<conversation_record>& recs);
/// Messages in order; an answer the user judged carries its `feedback`.
std::string conversation_history_reply(const conversation_record& rec,
                                       const std::vector<message_record>& messages,
                                       const std::vector<feedback_record>& feedback = {});
std::string data_source_list_reply(const std::vector<data_source>& sources);
/// `datasource.select`'s reply body: the chosen source.
std::string data_source_reply(const std::string& source);
/// `refine`'s reply body: the turn the refined answer streams as.
std::string turn_id_reply(const std::string& turn_id);

/// What `health` reports about a worker.
struct worker_health {
  std::string worker;
  bool nats_connected = false;
  size_t data_sources = 0;
  size_t live_conversations = 0;
  uint64_t turns_received = 0;
  int64_t uptime_s = 0;
};
std::string health_reply(const worker_health& h);

/// The string field `key` of a JSON object body: missing → nullopt; wrong type
/// or a failed token check → error. `token` demands `[A-Za-z0-9_-]{1,64}`.
struct body_field {
  std::optional<std::string> value;
  std::optional<medha_error> error;
};
body_field string_field(const std::string& body_json, const char* key, bool token);

} // namespace medha
