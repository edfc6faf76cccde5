// The start of a turn: what is stored of it already (a turn from the stream,
// a shared store), its question stored, then its route.

#include "actors/conversation/turn_steps.hpp"

#include "runtime/logging.hpp"

namespace medha::conv {

// The turn's reads are back (none, the lookup of a turn from the stream, or
// a shared store's start); the turn goes on unless they ended it.
void read_done(self_ptr self) {
  auto& turn = *self->state.turn;
  if (--turn.reads_pending == 0 && !turn.finishing)
    store_user_turn(self); // deleted meanwhile: the append says not_found
}

// A turn from the stream may have been taken before by a worker that died
// (or whose acknowledgement was lost): answered, it is published again from
// the store and not run twice; asked only, its question is not stored twice.
// False when the turn ended here.
bool on_lookup(self_ptr self, const turn_lookup& found) {
  auto& turn = *self->state.turn;
  if (found.answered && !found.final_event.empty()) {
    log::info("conversation", "turn " + turn.req.turn_id + " of " + self->state.record.id
                                + " was answered before; publishing its answer again");
    turn.finishing = true;
    end_turn(self, found.final_event);
    return false;
  }
  auto cap = self->state.deps.settings.max_deliveries;
  if (found.asked && found.first_delivery > 0 && cap > 0
      && turn.req.deliveries + 1 >= found.first_delivery + cap) {
    // Delivered `cap` times since it first ran, and never finished:
    // each run ended with its worker. Running it again would only take
    // down another one; it ends here, stored and acknowledged.
    log::warn("conversation", "turn " + turn.req.turn_id + " of " + self->state.record.id
                                + " was delivered " + std::to_string(turn.req.deliveries)
                                + " times without finishing; giving up on it");
    turn.asked = true;
    turn.give_up = medha_error{
        error_code::too_many_attempts,
        "This question was tried " + std::to_string(cap)
            + " times and stopped its worker each time; it is not tried again."};
    return true; // the error is stored with the latest record, not a stale one
  }
  turn.asked = found.asked;
  if (found.asked)
    log::info("conversation", "turn " + turn.req.turn_id + " of " + self->state.record.id
                                + " was asked before and not answered; running it");
  return true;
}

void check_taken_before(self_ptr self) {
  auto& st = self->state;
  ask_stage<turn_lookup>(
      self, st.deps.store, "store", st.deps.settings.stage_timeout,
      [self](turn_lookup& found) {
        if (on_lookup(self, found))
          read_done(self);
      },
      lookup_atom_v, st.record.user, st.record.id, st.turn->req.turn_id);
}

// On a shared store a turn starts with one request: counted against the
// user's limits (unless the manager did), the latest record (another worker
// may have answered the last turn), what is stored of this turn, its
// question stored unless it was before, and the verified examples of the
// conversation's data source.
void begin_shared(self_ptr self) {
  auto& st = self->state;
  auto& turn = *st.turn;
  ask_stage<turn_start>(
      self, st.deps.store, "store", st.deps.settings.stage_timeout,
      [self](turn_start& start) {
        auto& st = self->state;
        auto& turn = *st.turn;
        turn.counted = turn.counted || start.counted;
        if (start.error) {
          auto code = start.error->code;
          if (code == error_code::store_failed || code == error_code::internal) {
            fail(self,
                 {error_code::store_failed, "could not store the turn: " + start.error->message});
            return;
          }
          // Refused (rate_limited) or gone (not_found): the turn never starts.
          log::info("conversation", "turn " + turn.req.turn_id + " of " + st.record.id
                                      + " refused: " + start.error->message);
          auto req = std::move(turn.req);
          reject(self, req, *start.error);
          next_turn(self);
          return;
        }
        st.record = std::move(start.record);
        st.carried = decode_carried_context(st.record.state_json);
        turn.examples_read = std::move(start.examples);
        turn.examples_source = st.record.data_source;
        if (!on_lookup(self, start.lookup))
          return;
        turn.asked = turn.asked || start.question_stored;
        read_done(self);
      },
      begin_atom_v, st.record.user, question_of(self), !turn.req.admitted,
      st.deps.settings.turns_per_minute, st.deps.settings.concurrent_turns_per_user);
}

void begin(self_ptr self, turn_request req) {
  auto& st = self->state;
  st.turn.emplace();
  auto& turn = *st.turn;
  turn.generation = ++st.generation;
  turn.start = turn.stage_start = clock::now();
  turn.req = std::move(req);
  turn.counted = turn.req.admitted;
  turn.reads_pending = 1;
  if (st.deps.settings.shared_store)
    begin_shared(self);
  else if (turn.req.delivery != 0)
    check_taken_before(self);
  else
    read_done(self);
}

// The user's message of the current turn, as stored.
message_record question_of(self_ptr self) {
  auto& st = self->state;
  auto& turn = *st.turn;
  message_record msg;
  msg.conv = st.record.id;
  msg.turn_id = turn.req.turn_id;
  msg.role = "user";
  msg.text = turn.req.text;
  msg.created_ms = now_ms();
  // Kept with the question: how many deliveries a turn that never finishes has had.
  if (turn.req.deliveries > 0)
    msg.payload_json = delivery_payload(turn.req.deliveries);
  return msg;
}

// The user's turn goes to the store as the work starts, without waiting for
// it: the answer's write follows it to the same store writer, so the final
// event (sent once the answer is stored) still comes after the question is
// stored, and a turn saves the time of one synced write.
void store_user_turn(self_ptr self) {
  auto& st = self->state;
  auto& turn = *st.turn;
  // The time to here (the turn looked up and reloaded, on a shared store) is its own.
  stage_done(self, "load");
  if (turn.give_up) {
    fail(self, *turn.give_up);
    return;
  }
  if (turn.asked) {
    route(self);
    return;
  }
  auto msg = question_of(self);
  auto gen = turn.generation;
  auto sent = clock::now();
  auto lost = [self, gen](const medha_error& err) {
    auto& st = self->state;
    if (!st.turn || st.turn->generation != gen)
      return;
    if (st.turn->finishing) {
      st.turn->question_lost = true; // the answer's write reports it
      return;
    }
    st.turn->generation = ++st.generation; // the stage replies on their way are dropped
    fail(self, err);
  };
  auto id = watch_store(self, question_write);
  self->request(st.deps.store, caf::infinite, append_atom_v, st.record.user, std::move(msg))
      .then(
          [self, gen, id, sent, lost](const store_ack& ack) {
            if (!still_current(self, gen, id))
              return;
            if (ack.error) {
              lost({error_code::store_failed, "could not store the turn: " + ack.error->message});
              return;
            }
            self->state.turn->timings.emplace_back("store", ms_since(sent));
          },
          [self, gen, id, lost](const caf::error& err) {
            if (still_current(self, gen, id))
              lost(stage_error(err, "store"));
          });
  route(self);
}

void start_next(self_ptr self) {
  auto& st = self->state;
  if (st.turn || st.waiting.empty())
    return;
  auto req = std::move(st.waiting.front());
  st.waiting.pop_front();
  begin(self, std::move(req));
}

} // namespace medha::conv
