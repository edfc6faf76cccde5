// The events of a turn: each one kept with the turn's steps and published;
// the stage clock.

#include "actors/conversation/turn_steps.hpp"

#include "runtime/event_sink.hpp"
#include "runtime/turn_acks.hpp"

namespace medha::conv {

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double ms_since(clock::time_point t) {
  return std::chrono::duration<double, std::milli>(clock::now() - t).count();
}

bool is_final(step_kind k) {
  return k == step_kind::answer || k == step_kind::clarify || k == step_kind::error;
}

// The next event of the current turn, kept with the turn's steps: they are
// stored with the answer, in the one write that ends the turn.
std::string next_event(self_ptr self, step_kind step, step_status status, std::string data) {
  auto& st = self->state;
  auto& turn = *st.turn;
  step_event ev;
  ev.conv = st.record.id;
  ev.turn_id = turn.req.turn_id;
  ev.seq = ++turn.seq;
  ev.step = step;
  ev.status = status;
  ev.elapsed_ms = ms_since(turn.start);
  ev.data_json = std::move(data);
  auto wire = encode_step_event(ev);
  turn.steps.push_back(step_record{st.record.id, turn.req.turn_id, ev.seq, wire});
  return wire;
}

// An event other than the final one waits until the actor hands the turn's
// work to another actor (a stage's request, the store's write), so that its
// socket write overlaps that work instead of delaying it. The final event
// sends the ones before it first: none is lost, and the order is kept.
void send_event(self_ptr self, const std::string& wire, bool final) {
  auto& st = self->state;
  if (!final) {
    st.unsent.push_back(wire);
    return;
  }
  flush_events(self);
  st.deps.events->publish_step(events_subject(st.record.user, st.record.id), wire, true);
  if (!st.turn->req.reply_to.empty())
    st.deps.events->publish(st.turn->req.reply_to, wire);
}

// Sends the events held back, in order. Called after each hand-off, before
// a final event and before any other event on the conversation's subject.
void flush_events(self_ptr self) {
  auto& st = self->state;
  if (st.unsent.empty())
    return;
  auto subject = events_subject(st.record.user, st.record.id);
  for (auto& wire : st.unsent)
    st.deps.events->publish_step(subject, wire, false);
  st.unsent.clear();
}

// Publishes one event of the current turn and keeps it with the turn's steps.
void publish(self_ptr self, step_kind step, step_status status, std::string data) {
  send_event(self, next_event(self, step, status, std::move(data)), is_final(step));
}

// A turn from the stream leaves it once it ended with a stored final event.
void settle(self_ptr self, uint64_t delivery) {
  if (delivery != 0 && self->state.deps.acks)
    self->state.deps.acks->ack(delivery);
}

// Records how long the stage that just ended took, and starts the next clock.
void stage_done(self_ptr self, const char* name) {
  auto& turn = *self->state.turn;
  turn.timings.emplace_back(name, ms_since(turn.stage_start));
  turn.stage_start = clock::now();
}

std::string timings_json(const turn_in_flight& turn) {
  return timings_payload(turn.timings, ms_since(turn.start));
}

// The name the executor knows the turn's query by, for cancel: unique per
// turn run even when a client reuses a turn id.
std::string query_id(const conversation_state& st) {
  return st.record.user + "/" + st.record.id + "/" + std::to_string(st.turn->generation);
}

} // namespace medha::conv
