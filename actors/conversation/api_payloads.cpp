#include "actors/conversation/api_payloads.hpp"

#include <boost/json.hpp>

#include "actors/conversation/carried_context.hpp"
#include "messages/protocol.hpp"

namespace medha {

namespace json = boost::json;

namespace {

json::object conversation_object(const conversation_record& rec) {
  json::object o{{"id", rec.id},
                 {"title", rec.title},
                 {"data_source", rec.data_source},
                 {"created_ms", rec.created_ms},
                 {"updated_ms", rec.updated_ms},
                 {"turns", rec.turn_count}};
  auto carried = decode_carried_context(rec.state_json);
  if (!carried.llm_provider.empty())
    o["llm"] = json::object{{"provider", carried.llm_provider}, {"model", carried.llm_model}};
  return o;
}

} // namespace

std::string conversation_json(const conversation_record& rec) {
  return json::serialize(conversation_object(rec));
}

std::string conversation_reply(const conversation_record& rec) {
  return json::serialize(json::object{{"conversation", conversation_object(rec)}});
}

std::string conversation_list_reply(const std::vector<conversation_record>& recs) {
  json::array arr;
  for (auto& r : recs)
    arr.push_back(conversation_object(r));
  return json::serialize(json::object{{"conversations", std::move(arr)}});
}

std::string conversation_history_reply(const conversation_record& rec,
                                       const std::vector<message_record>& messages,
                                       const std::vector<feedback_record>& feedback) {
  json::array arr;
  for (auto& m : messages) {
    json::object o{{"index", m.index},       {"turn_id", m.turn_id}, {"role", m.role},
                   {"text", m.text},         {"created_ms", m.created_ms}};
    if (!m.payload_json.empty()) {
      json::error_code ec;
      auto payload = json::parse(m.payload_json, ec);
      if (!ec)
        o["payload"] = std::move(payload);
    }
    for (auto& f : feedback)
      if (f.message == m.index)
        o["feedback"] = json::object{{"rating", f.positive ? "positive" : "negative"},
                                     {"comment", f.comment},
                                     {"category", f.category},
                                     {"created_ms", f.created_ms}};
    arr.push_back(std::move(o));
  }
  return json::serialize(
    json::object{{"conversation", conversation_object(rec)}, {"messages", std::move(arr)}});
}

std::string data_source_list_reply(const std::vector<data_source>& sources) {
  json::array arr;
  for (auto& s : sources)
    arr.push_back(json::object{{"name", s.name}, {"description", s.description}});
  return json::serialize(json::object{{"data_sources", std::move(arr)}});
}

std::string data_source_reply(const std::string& source) {
  return json::serialize(json::object{{"data_source", source}});
}

std::string turn_id_reply(const std::string& turn_id) {
  return json::serialize(json::object{{"turn_id", turn_id}});
}

std::string health_reply(const worker_health& h) {
  return json::serialize(json::object{{"status", "ok"},
                                      {"worker", h.worker},
                                      {"nats_connected", h.nats_connected},
                                      {"data_sources", h.data_sources},
                                      {"live_conversations", h.live_conversations},
                                      {"turns_received", h.turns_received},
                                      {"uptime_s", h.uptime_s}});
}

body_field string_field(const std::string& body_json, const char* key, bool token) {
  body_field out;
  json::error_code ec;
  auto v = json::parse(body_json, ec);
  if (ec || !v.is_object()) {
    out.error = medha_error{error_code::bad_request, "the request body must be a JSON object"};
    return out;
  }
  auto* f = v.as_object().if_contains(key);
  if (!f || f->is_null())
    return out;
  if (!f->is_string()) {
    out.error = medha_error{error_code::bad_request, std::string{"\""} + key + "\" must be a string"};
    return out;
  }
  std::string s{f->as_string()};
  if (token && !is_valid_token(s)) {
    out.error = medha_error{error_code::bad_request,
                            std::string{"\""} + key + "\" must match [A-Za-z0-9_-]{1,64}"};
    return out;
  }
  out.value = std::move(s);
  return out;
}

} // namespace medha
