#pragma once

// The steps of a conversation's turn, for the files of the conversation actor
// only (conversation_actor.cpp has the actor's messages): each file holds one
// part of the turn, in the order a turn goes through them.

#include <chrono>
#include <optional>
#include <string>

#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/answer/answer_writer.hpp"
#include "actors/conversation/conversation_actor.hpp"
#include "actors/conversation/turn_payloads.hpp"

namespace medha::conv {

using self_ptr = conversation_actor::stateful_pointer<conversation_state>;
using clock = std::chrono::steady_clock;

// turn_events.cpp
int64_t now_ms();
double ms_since(clock::time_point t);
bool is_final(step_kind k);
std::string next_event(self_ptr self, step_kind step, step_status status, std::string data);
void send_event(self_ptr self, const std::string& wire, bool final);
void flush_events(self_ptr self);
void publish(self_ptr self, step_kind step, step_status status, std::string data = "{}");
void settle(self_ptr self, uint64_t delivery);
void stage_done(self_ptr self, const char* name);
std::string timings_json(const turn_in_flight& turn);
std::string query_id(const conversation_state& st);

// turn_end.cpp
void next_turn(self_ptr self);
void end_turn(self_ptr self, const std::string& final_wire);
extern const char question_write[];
extern const char answer_write[];
uint64_t watch_store(self_ptr self, const char* which);
bool still_current(self_ptr self, uint64_t gen, uint64_t watch_id);
void end_unstored(self_ptr self, const std::string& why);
void finish(self_ptr self, step_kind step, step_status status, const std::string& text,
            const std::string& payload);
void fail(self_ptr self, const medha_error& err);
void reject(self_ptr self, const turn_request& req, const medha_error& err);
void reject_foreign(self_ptr self, const turn_request& req);

// stage_deadlines.cpp
medha_error stage_error(const caf::error& err, const char* stage);
void check_stages_at(self_ptr self, clock::time_point at);
void check_stages(self_ptr self);

// turn_execute.cpp
void answer(self_ptr self, const written_answer& written);
void word_and_answer(self_ptr self, written_answer written);
void on_chart(self_ptr self, chart c);
void visualize_and_answer(self_ptr self);
void on_rows(self_ptr self, result_set rows);
void run_query(self_ptr self, const std::string& result_key);
void execute(self_ptr self);
void validate(self_ptr self);

// turn_sql.cpp
void refine(self_ptr self);
sql_request sql_request_of(self_ptr self);
std::string clarify_text(const sql_plan& plan);
void on_plan(self_ptr self, sql_plan& plan);
void request_sql(self_ptr self);
bool try_correct(self_ptr self, step_kind step, const medha_error& err);
void generate(self_ptr self);
void fetch_examples(self_ptr self);
void prune_and_generate(self_ptr self, const discovery_result& ranking);

// turn_route.cpp
void use_model(self_ptr self, model_ptr model);
void load_context(self_ptr self);
void select_source(self_ptr self, const std::string& source);
void discover(self_ptr self);
bool is_registered(self_ptr self, const std::string& source);
std::optional<medha_error> source_refusal(self_ptr self, const std::string& source);
std::optional<std::string> picked_source(const carried_context& carried, const std::string& text);
void route(self_ptr self);

// turn_start.cpp
void read_done(self_ptr self);
bool on_lookup(self_ptr self, const turn_lookup& found);
void check_taken_before(self_ptr self);
void begin_shared(self_ptr self);
void begin(self_ptr self, turn_request req);
message_record question_of(self_ptr self);
void store_user_turn(self_ptr self);
void start_next(self_ptr self);

// conversation_actor.cpp
void arm_idle(self_ptr self);

// Issues a stage request whose reply only counts if the turn is still
// current, within the stage's timeout (stage_watch.hpp says why not CAF's).
template <class Reply, class Handle, class OnReply, class... Ts>
void ask_stage(self_ptr self, const Handle& stage, const char* name,
               std::chrono::milliseconds timeout, OnReply on_reply, Ts&&... xs) {
  auto& turn = *self->state.turn;
  auto gen = turn.generation;
  auto deadline = clock::now() + timeout;
  auto id = turn.stages.add(name, deadline);
  check_stages_at(self, deadline);
  self->request(stage, caf::infinite, std::forward<Ts>(xs)...)
      .then(
          [self, gen, id, on_reply](Reply& reply) mutable {
            if (self->state.turn && self->state.turn->generation == gen) {
              self->state.turn->stages.answered(id);
              on_reply(reply);
            }
          },
          [self, gen, id, name](const caf::error& err) {
            if (self->state.turn && self->state.turn->generation == gen) {
              self->state.turn->stages.answered(id);
              fail(self, stage_error(err, name));
            }
          });
  flush_events(self);
}

} // namespace medha::conv
