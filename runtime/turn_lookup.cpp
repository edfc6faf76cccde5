#include "runtime/turn_lookup.hpp"

#include <boost/json.hpp>

#include "messages/protocol.hpp"

namespace medha {

// A worker that died after storing a final step but before storing the answer
// leaves that step behind, and the turn's rerun may end differently: the one
// whose data is the stored answer's payload is the one that was published.
std::string published_final_event(const std::vector<step_record>& steps,
                                  const std::string& answer_payload) {
  boost::system::error_code ec;
  auto answer = boost::json::parse(answer_payload, ec);
  std::string last_final;
  for (auto& s : steps) {
    auto decoded = decode_step_event(s.event_json);
    auto* ev = std::get_if<step_event>(&decoded);
    if (!ev || (ev->step != step_kind::answer && ev->step != step_kind::clarify
                && ev->step != step_kind::error))
      continue;
    last_final = s.event_json;
    boost::system::error_code ec2;
    if (!ec && boost::json::parse(ev->data_json, ec2) == answer && !ec2)
      return s.event_json;
  }
  return last_final;
}

uint64_t first_delivery_of(const std::string& question_payload) {
  boost::system::error_code ec;
  auto v = boost::json::parse(question_payload, ec);
  if (ec || !v.is_object())
    return 0;
  auto* d = v.as_object().if_contains("delivery");
  if (!d)
    return 0;
  auto n = d->to_number<uint64_t>(ec);
  return ec ? 0 : n;
}

turn_lookup look_up_turn(conversation_store& store, const std::string& user,
                         const std::string& conv, const std::string& turn_id) {
  turn_lookup out;
  std::string answer_payload;
  for (auto& m : store.turn_messages(user, conv, turn_id)) {
    if (m.role == "user") {
      out.asked = true;
      out.first_delivery = first_delivery_of(m.payload_json);
    } else if (m.role == "assistant") {
      out.answered = true;
      answer_payload = m.payload_json;
    }
  }
  if (out.answered)
    out.final_event = published_final_event(store.steps(user, conv, turn_id), answer_payload);
  return out;
}

turn_start conversation_store::begin_turn(const std::string& user, const message_record& question,
                                          const std::optional<turn_limits>& limits) {
  turn_start out;
  auto record = get_conversation(user, question.conv);
  if (!record) {
    out.error = medha_error{error_code::not_found, "no conversation '" + question.conv + "'"};
    return out;
  }
  if (limits) {
    if (auto refused = admit_turn(user, question.conv, limits->per_minute, limits->concurrent)) {
      out.error = std::move(refused);
      return out;
    }
  }
  out.lookup = look_up_turn(*this, user, question.conv, question.turn_id);
  if (!out.lookup.asked && !out.lookup.answered) {
    if (auto failed = append_question(user, question)) {
      if (limits)
        finish_turn(user, question.conv);
      out.error = std::move(failed);
      return out;
    }
    out.question_stored = true;
    // The append raised updated_ms; read again so the record is the latest.
    if (auto again = get_conversation(user, question.conv))
      record = std::move(again);
  }
  out.record = std::move(*record);
  out.counted = limits.has_value();
  if (!out.record.data_source.empty())
    out.examples = examples(user, out.record.data_source);
  return out;
}

} // namespace medha
