// The end of a turn: its answer stored in one write, then its final event;
// a turn that never starts gets one error event.

#include "actors/conversation/turn_steps.hpp"

#include "runtime/event_sink.hpp"
#include "runtime/logging.hpp"
#include "runtime/turn_acks.hpp"

namespace medha::conv {

// The turn is over: the next one starts, or the actor is idle.
void next_turn(self_ptr self) {
  auto& st = self->state;
  st.turn.reset();
  start_next(self);
  if (!st.turn && st.waiting.empty()) {
    for (auto& rp : st.drains)
      rp.deliver(true);
    st.drains.clear();
    // Idle from now on: a turn longer than idle_evict must not keep the
    // actor in memory for good.
    arm_idle(self);
  }
}

// Publishes the turn's final event, settles it and starts the next one.
void end_turn(self_ptr self, const std::string& final_wire) {
  auto& st = self->state;
  if (st.turn->req.delivery != 0 && st.deps.acks)
    st.deps.acks->finished(st.turn->req.delivery);
  send_event(self, final_wire, true);
  settle(self, st.turn->req.delivery);
  // Its count against the user's limits ends, unless its end write ended it.
  if (st.turn->counted && !st.turn->released)
    self->send(st.deps.manager, turn_ended_atom_v, st.record.user, st.record.id);
  next_turn(self);
}

// The two store writes of a turn are watched like its stages (one timer at a
// time, no request timeout of CAF's: that was two calls to the clock thread
// per write). Distinct objects, so the watch tells them apart by address.
extern const char question_write[] = "store";

extern const char answer_write[] = "store";

// Watches a store write of the current turn until the store's timeout.
uint64_t watch_store(self_ptr self, const char* which) {
  auto deadline = clock::now() + self->state.deps.settings.stage_timeout;
  auto id = self->state.turn->stages.add(which, deadline);
  check_stages_at(self, deadline);
  return id;
}

// A reply for the turn that asked, still in flight: stops watching it.
bool still_current(self_ptr self, uint64_t gen, uint64_t watch_id) {
  auto& turn = self->state.turn;
  if (!turn || turn->generation != gen)
    return false;
  turn->stages.answered(watch_id);
  return true;
}

// The turn's end could not be stored: it ends with store_failed instead, as
// an answer that is not stored must not be reported as one.
void end_unstored(self_ptr self, const std::string& why) {
  auto& st = self->state;
  log::warn("conversation", "could not store the turn: " + why);
  st.record = *st.turn->before_end;
  st.carried = decode_carried_context(st.record.state_json);
  medha_error err{error_code::store_failed,
                  "The answer could not be saved, so it is not given; ask again shortly."};
  // In place of the final event that was not given (the same seq).
  st.turn->seq -= 1;
  end_turn(self, next_event(self, step_kind::error, step_status::failed, error_data(err)));
}

// Ends the turn: stores its steps, the assistant's message and the carried
// context in one write, then publishes the final event, so a client that saw
// the answer can rely on it being stored (a kill -9 right after loses
// nothing).
void finish(self_ptr self, step_kind step, step_status status, const std::string& text,
            const std::string& payload) {
  auto& st = self->state;
  auto& turn = *st.turn;
  // Requests run side by side (reads, examples): the first to end the turn does.
  if (turn.finishing)
    return;
  turn.finishing = true;
  answered_turn end;
  end.answer.conv = st.record.id;
  end.answer.turn_id = turn.req.turn_id;
  end.answer.role = "assistant";
  end.answer.text = text;
  end.answer.payload_json = payload;
  end.answer.created_ms = now_ms();
  turn.before_end = st.record; // restored when the write fails: the turn did not happen
  end.record = st.record;
  end.record.updated_ms = end.answer.created_ms;
  end.record.turn_count += 1;
  if (end.record.title.empty())
    end.record.title = turn.question.substr(0, 80);
  end.record.state_json = encode_carried_context(st.carried);
  // A shared store counted the turn: the same write ends that count.
  end.release = st.deps.settings.shared_store && turn.counted;
  bool release = end.release;
  // The final event is built (and its step stored) before the answer: a turn
  // found answered later is published again from the store as it was.
  auto final_wire = next_event(self, step, status, payload);
  end.steps = std::move(turn.steps);
  turn.steps.clear();
  st.record = end.record;
  // The generation stays as it is while the turn finishes (cancel and the
  // stage deadlines leave a finishing turn alone).
  auto gen = turn.generation;
  auto id = watch_store(self, answer_write);
  self->request(st.deps.store, caf::infinite, answer_atom_v, st.record.user, std::move(end))
      .then(
          [self, gen, id, final_wire, release](const store_ack& ack) {
            if (!still_current(self, gen, id))
              return; // past its deadline: the turn ended with store_failed
            if (!ack.error)
              self->state.turn->released = release;
            if (ack.error)
              end_unstored(self, ack.error->message);
            else if (self->state.turn->question_lost)
              end_unstored(self, "the user's message was not stored");
            else
              end_turn(self, final_wire);
          },
          [self, gen, id](const caf::error& err) {
            if (still_current(self, gen, id))
              end_unstored(self, caf::to_string(err));
          });
  flush_events(self);
}

void fail(self_ptr self, const medha_error& err) {
  finish(self, step_kind::error, step_status::failed, err.message, error_data(err));
}

// A turn that never starts (busy, cancelled while waiting): one error event.
void reject(self_ptr self, const turn_request& req, const medha_error& err) {
  flush_events(self);
  auto& st = self->state;
  step_event ev;
  ev.conv = st.record.id;
  ev.turn_id = req.turn_id;
  ev.seq = 1;
  ev.step = step_kind::error;
  ev.status = step_status::failed;
  ev.data_json = error_data(err);
  auto wire = encode_step_event(ev);
  st.deps.events->publish(events_subject(st.record.user, st.record.id), wire);
  if (!req.reply_to.empty())
    st.deps.events->publish(req.reply_to, wire);
  settle(self, req.delivery);
  if (req.admitted)
    self->send(st.deps.manager, turn_ended_atom_v, req.user, st.record.id);
}

// A turn of someone who does not own the conversation: not_found, told only
// to that user (the owner's event subject must not carry it).
void reject_foreign(self_ptr self, const turn_request& req) {
  flush_events(self);
  step_event ev;
  ev.conv = self->state.record.id;
  ev.turn_id = req.turn_id;
  ev.seq = 1;
  ev.step = step_kind::error;
  ev.status = step_status::failed;
  ev.data_json = error_data({error_code::not_found, "no conversation \"" + ev.conv + "\""});
  auto wire = encode_step_event(ev);
  if (is_valid_token(req.user))
    self->state.deps.events->publish(events_subject(req.user, ev.conv), wire);
  if (!req.reply_to.empty())
    self->state.deps.events->publish(req.reply_to, wire);
  settle(self, req.delivery);
  if (req.admitted)
    self->send(self->state.deps.manager, turn_ended_atom_v, req.user, ev.conv);
}

} // namespace medha::conv
