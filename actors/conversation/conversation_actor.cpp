#include "actors/conversation/conversation_actor.hpp"

#include <random>

#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/conversation/turn_steps.hpp"
#include "runtime/logging.hpp"

// The conversation actor's messages. A turn's steps are in turn_start.cpp,
// turn_route.cpp, turn_sql.cpp, turn_execute.cpp and turn_end.cpp, with
// turn_events.cpp and stage_deadlines.cpp (turn_steps.hpp declares them).

namespace medha {

namespace conv {

// Starts the idle clock again. One timer at a time: when it fires early (the
// actor was busy since), it is set again for the rest of the idle time, so
// activity costs no call to the clock thread.
void arm_idle(self_ptr self) {
  auto& st = self->state;
  st.last_activity = clock::now();
  if (st.idle_timer)
    return;
  st.idle_timer = true;
  self->delayed_send(self, st.deps.settings.idle_evict, idle_atom_v, uint64_t{0});
}

} // namespace conv

namespace {

using namespace conv;

std::string new_turn_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[20];
  std::snprintf(buf, sizeof(buf), "t%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

// Every message from the manager counts: the eviction handshake compares
// this count with what the manager has sent.
void touch(self_ptr self) {
  self->state.received += 1;
  arm_idle(self);
}

} // namespace

using namespace conv;

conversation_actor::behavior_type
conversation(conversation_actor::stateful_pointer<conversation_state> self, conversation_deps deps,
             conversation_record record) {
  self->state.deps = std::move(deps);
  self->state.record = std::move(record);
  self->state.carried = decode_carried_context(self->state.record.state_json);
  touch(self);
  self->state.received = 0; // spawning is not a message
  return {
      [self](turn_request& req) {
        touch(self);
        auto& st = self->state;
        if (req.turn_id.empty())
          req.turn_id = new_turn_id();
        // Defence in depth: the manager routes by (user, conversation), so a
        // turn of another user here is a bug; it gets what any stranger gets.
        if (req.user != st.record.user) {
          log::warn("conversation", "refused a turn of user " + req.user + " in conversation "
                                        + st.record.id + " owned by another user");
          reject_foreign(self, req);
          return;
        }
        if (st.waiting.size() >= st.deps.settings.max_queued_turns) {
          reject(self, req,
                 {error_code::busy, "this conversation already has " +
                                        std::to_string(st.waiting.size()) +
                                        " turns waiting; try again shortly"});
          return;
        }
        st.waiting.push_back(std::move(req));
        start_next(self);
      },
      [self](rename_atom, const std::string& title) {
        touch(self);
        self->state.record.title = title;
        self->state.record.updated_ms = now_ms();
        return self->delegate(self->state.deps.store, save_atom_v, self->state.record);
      },
      [self](select_atom, const std::string& source) -> caf::result<store_ack> {
        touch(self);
        if (auto refused = source_refusal(self, source))
          return store_ack{*refused};
        auto& st = self->state;
        st.record.data_source = source;
        st.carried.source_choices.clear();
        st.carried.pending_question.clear();
        // A new data source: the last query's structure no longer applies.
        st.carried.last_query_json.clear();
        st.record.state_json = encode_carried_context(st.carried);
        st.record.updated_ms = now_ms();
        return self->delegate(st.deps.store, save_atom_v, st.record);
      },
      [self](llm_atom, const std::string& provider,
             const std::string& model) -> caf::result<store_ack> {
        touch(self);
        auto& st = self->state;
        st.carried.llm_provider = provider;
        st.carried.llm_model = model;
        st.record.state_json = encode_carried_context(st.carried);
        st.record.updated_ms = now_ms();
        return self->delegate(st.deps.store, save_atom_v, st.record);
      },
      [self](cancel_atom) {
        touch(self);
        auto& st = self->state;
        for (auto& req : st.waiting)
          reject(self, req, {error_code::cancelled, "the turn was cancelled"});
        st.waiting.clear();
        if (st.turn && !st.turn->finishing) {
          // Stop the statement on the database too, not only the wait for it.
          self->send(st.deps.executor, cancel_atom_v, query_id(st));
          st.turn->generation = ++st.generation; // replies still on their way are dropped
          fail(self, {error_code::cancelled, "the turn was cancelled"});
        }
      },
      [self](progress_atom, uint64_t gen, std::string& data) {
        auto& st = self->state;
        if (st.turn && st.turn->generation == gen && !st.turn->finishing) {
          publish(self, step_kind::sql, step_status::progress, std::move(data));
          flush_events(self); // a model's progress goes out as it comes
        }
      },
      [self](idle_atom, uint64_t) {
        auto& st = self->state;
        st.idle_timer = false;
        auto quiet = clock::now() - st.last_activity;
        if (quiet < st.deps.settings.idle_evict) {
          st.idle_timer = true;
          self->delayed_send(self,
                             std::chrono::duration_cast<std::chrono::milliseconds>(
                                 st.deps.settings.idle_evict - quiet)
                                 + std::chrono::milliseconds(1),
                             idle_atom_v, uint64_t{0});
          return;
        }
        if (st.turn || !st.waiting.empty() || st.evicting)
          return;
        // The manager decides: it may have sent a turn that is still on its
        // way here. It answers true only when it sent nothing we have not
        // seen, and then routes no more to this actor.
        st.evicting = true;
        self->request(st.deps.manager, st.deps.settings.stage_timeout, evicted_atom_v,
                      st.record.user, st.record.id, st.received)
            .then(
                [self](bool evicted) {
                  self->state.evicting = false;
                  if (evicted)
                    self->quit();
                },
                [self](const caf::error& err) {
                  self->state.evicting = false;
                  // A slow manager may still route turns here: stay. A
                  // manager that is gone (shutdown) sends nothing more.
                  if (err != caf::sec::request_timeout)
                    self->quit();
                });
      },
      [self](tick_atom) { check_stages(self); },
      [self](drain_atom) -> caf::result<bool> {
        auto& st = self->state;
        if (!st.turn && st.waiting.empty())
          return true;
        auto rp = self->make_response_promise<bool>();
        st.drains.push_back(rp);
        return rp;
      },
  };
}

} // namespace medha
