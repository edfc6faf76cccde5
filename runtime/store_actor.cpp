#include "runtime/store_actor.hpp"

#include <caf/actor_system.hpp>
#include <caf/typed_event_based_actor.hpp>

#include <boost/json.hpp>

#include "runtime/conversation_store.hpp"

namespace medha {

namespace {

// The final event published with the stored answer. A worker that died after
// storing a final step but before storing the answer leaves that step behind,
// and the turn's rerun may end differently: the one whose data is the stored
// answer's payload is the one that was published.
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

turn_lookup look_up_turn(conversation_store& store, const std::string& user,
                         const std::string& conv, const std::string& turn_id) {
  turn_lookup out;
  std::string answer_payload;
  for (auto& m : store.messages(user, conv)) {
    if (m.turn_id != turn_id)
      continue;
    if (m.role == "user") {
      out.asked = true;
    } else if (m.role == "assistant") {
      out.answered = true;
      answer_payload = m.payload_json;
    }
  }
  if (out.answered)
    out.final_event = published_final_event(store.steps(user, conv, turn_id), answer_payload);
  return out;
}

store_actor::behavior_type store_behavior(store_actor::pointer self,
                                          std::shared_ptr<conversation_store> store) {
  return {
    [store](load_atom, const std::string& user, const std::string& conv) {
      conversation_lookup out;
      if (auto rec = store->get_conversation(user, conv)) {
        out.found = true;
        out.record = std::move(*rec);
      }
      return out;
    },
    [store](save_atom, const conversation_record& rec) {
      return store_ack{store->put_conversation(rec)};
    },
    [store](append_atom, const std::string& user, message_record& msg) {
      return store_ack{store->append_message(user, std::move(msg))};
    },
    [store](lookup_atom, const std::string& user, const std::string& conv,
            const std::string& turn_id) { return look_up_turn(*store, user, conv, turn_id); },
    [store](step_atom, const std::string& user, const step_record& step) {
      store->append_step(user, step);
    },
    [store](list_atom, const std::string& user) {
      return store->list_conversations(user);
    },
    [store](history_atom, const std::string& user, const std::string& conv) {
      return store->messages(user, conv);
    },
    [store](delete_atom, const std::string& user, const std::string& conv) {
      return store_ack{store->delete_conversation(user, conv)};
    },
    [store](expire_atom, int64_t now_ms, int64_t ttl_ms) {
      return static_cast<uint64_t>(store->expire_idle(now_ms, ttl_ms));
    },
    [store](put_blob_atom, const std::string& key, const std::string& value) {
      store->put_blob(key, value);
    },
  };
}

} // namespace

store_actor spawn_store_actor(caf::actor_system& sys, std::shared_ptr<conversation_store> store) {
  return sys.spawn<caf::detached>(store_behavior, std::move(store));
}

} // namespace medha
