// The deadlines of a turn's stage requests and store writes (one timer at a
// time).

#include "actors/conversation/turn_steps.hpp"

#include <algorithm>

namespace medha::conv {

medha_error stage_error(const caf::error& err, const char* stage) {
  if (err == caf::sec::request_timeout)
    return {error_code::internal, std::string{"the "} + stage + " stage did not answer in time"};
  return {error_code::internal,
          std::string{"the "} + stage + " stage failed: " + caf::to_string(err)};
}

// Schedules a check of the stage deadlines for `at`, unless one is due by then.
void check_stages_at(self_ptr self, clock::time_point at) {
  auto& timers = self->state.stage_timers;
  if (!timers.empty() && *timers.begin() <= at)
    return;
  timers.insert(at);
  auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(at - clock::now());
  self->delayed_send(self, std::max(wait, std::chrono::milliseconds(0)) + std::chrono::milliseconds(1),
                     tick_atom_v);
}

// A deadline check came: a stage past its deadline ends the turn as its own
// request timeout did (the reply, should it come, is dropped).
void check_stages(self_ptr self) {
  auto& st = self->state;
  if (!st.stage_timers.empty())
    st.stage_timers.erase(st.stage_timers.begin());
  if (!st.turn)
    return;
  auto& turn = *st.turn;
  while (auto late = turn.stages.expired(clock::now())) {
    if (*late == answer_write) {
      turn.generation = ++st.generation; // its reply, should it come, is dropped
      end_unstored(self, "the store did not answer in time");
      return;
    }
    if (turn.finishing) {
      // The answer's write reports a question that was not stored; other
      // stages no longer matter.
      if (*late == question_write)
        turn.question_lost = true;
      continue;
    }
    turn.generation = ++st.generation;
    fail(self, stage_error(caf::sec::request_timeout, *late));
    return; // finishing now: the answer's write has its own deadline
  }
  if (auto next = turn.stages.earliest())
    check_stages_at(self, *next);
}

} // namespace medha::conv
