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
std::string conversation_history_reply(const conversation_record& rec,
                                       const std::vector<message_record>& messages);
std::string data_source_list_reply(const std::vector<data_source>& sources);

/// The string field `key` of a JSON object body: missing → nullopt; wrong type
/// or a failed token check → error. `token` demands `[A-Za-z0-9_-]{1,64}`.
struct body_field {
  std::optional<std::string> value;
  std::optional<medha_error> error;
};
body_field string_field(const std::string& body_json, const char* key, bool token);

} // namespace medha
