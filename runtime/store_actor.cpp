#include "runtime/store_actor.hpp"

#include <caf/actor_system.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "runtime/conversation_store.hpp"

namespace medha {

namespace {

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
    [store](admit_atom, const std::string& user, const std::string& conv, int per_minute,
            int concurrent) {
      return store_ack{store->admit_turn(user, conv, per_minute, concurrent)};
    },
    [store](turn_ended_atom, const std::string& user, const std::string& conv) {
      store->finish_turn(user, conv);
    },
  };
}

} // namespace

store_actor spawn_store_actor(caf::actor_system& sys, std::shared_ptr<conversation_store> store) {
  return sys.spawn<caf::detached>(store_behavior, std::move(store));
}

} // namespace medha
