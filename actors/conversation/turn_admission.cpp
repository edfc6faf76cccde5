#include "actors/conversation/turn_admission.hpp"

#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

namespace medha {

void admit_turn(manager_actor::stateful_pointer<manager_state> self, const turn_limiter::conv_key& key,
                std::function<void(std::optional<medha_error>)> then) {
  auto& st = self->state;
  if (!st.deps.settings.shared_store) {
    then(st.limiter.admit(key, std::chrono::steady_clock::now()));
    return;
  }
  self->request(st.deps.store, st.deps.settings.stage_timeout, admit_atom_v, key.first, key.second,
                st.settings.turns_per_minute, st.settings.concurrent_turns_per_user)
      .then([then](store_ack& ack) { then(ack.error); },
            [then](const caf::error& err) {
              then(medha_error{error_code::internal, "store unavailable: " + caf::to_string(err)});
            });
}

void release_turn(manager_actor::stateful_pointer<manager_state> self,
                  const turn_limiter::conv_key& key) {
  auto& st = self->state;
  if (st.deps.settings.shared_store)
    self->send(st.deps.store, turn_ended_atom_v, key.first, key.second);
  else
    st.limiter.finished(key);
}

} // namespace medha
