// From the SQL to the answer: the guard, the query (or the result cache),
// the chart and the sentence.

#include "actors/conversation/turn_steps.hpp"

#include "actors/answer/answer_writer.hpp"
#include "actors/cache/result_cache.hpp"
#include "actors/executor/sql_guard.hpp"
#include "actors/sqlgen/llm/sql_cache.hpp"

namespace medha::conv {

// Ends the turn with its answer, and carries what a follow-up builds on.
void answer(self_ptr self, const written_answer& written) {
  auto& turn = *self->state.turn;
  auto payload = answer_payload(written.text, turn.source, turn.plan, turn.rows, turn.picked,
                                written.suggestions, timings_json(turn));
  auto& carried = self->state.carried;
  carried.last_query_json = turn.plan.query_json;
  carried.last_sql = turn.plan.sql;
  carried.last_question = turn.question;
  carried.schema_version = turn.model->schema_version;
  carried.recent_turns.emplace_back(turn.question, turn.plan.sql);
  if (carried.recent_turns.size() > carried_context::max_recent_turns)
    carried.recent_turns.erase(carried.recent_turns.begin());
  // A few rows, kept in memory for a model's prompt (sqlgen decides
  // whether the data source lets a model see them).
  auto preview = std::move(turn.rows); // the rows are not needed past here
  if (preview.rows.size() > 5)
    preview.rows.resize(5);
  self->state.last_rows = std::move(preview);
  finish(self, step_kind::answer, step_status::done, written.text, payload);
}

// With a model configured, the sentence writer decides (the source's
// allow_llm_to_see_data) and may word the answer; whatever goes wrong there,
// the engine's sentence answers.
void word_and_answer(self_ptr self, written_answer written) {
  auto& st = self->state;
  if (!st.deps.sentences) {
    answer(self, written);
    return;
  }
  auto gen = st.turn->generation;
  auto use = [self, gen, written](const answer_sentence& s) mutable {
    auto& turn = self->state.turn;
    if (!turn || turn->generation != gen)
      return;
    turn->plan.answer_by = s.by;
    turn->plan.answer_failure = s.failure;
    if (s.by == "model")
      written.text = s.text;
    if (s.usage.calls > 0) {
      turn->usage += s.usage;
      turn->plan.usage = turn->usage;
    }
    answer(self, written);
  };
  self->request(st.deps.sentences, st.deps.settings.timeouts.sql, answer_atom_v, sql_request_of(self),
                st.turn->plan.sql, st.turn->rows)
    .then([use](answer_sentence& s) mutable { use(s); },
          [use](const caf::error& err) mutable {
            answer_sentence s;
            s.failure = caf::to_string(err);
            use(s);
          });
  flush_events(self);
}

void on_chart(self_ptr self, chart c) {
  auto& turn = *self->state.turn;
  turn.picked = std::move(c);
  stage_done(self, "visualize");
  publish(self, step_kind::visualize, step_status::done, visualize_payload(turn.picked));
  word_and_answer(self, write_answer(turn.question, turn.plan, turn.rows, turn.model.get()));
}

void visualize_and_answer(self_ptr self) {
  auto& turn = *self->state.turn;
  publish(self, step_kind::visualize, step_status::started);
  if (auto& direct = self->state.deps.direct; direct && direct->visualize) {
    on_chart(self, direct->visualize(turn.rows, turn.plan));
    return;
  }
  ask_stage<chart>(
      self, self->state.deps.visualization, "visualize", self->state.deps.settings.timeouts.visualize,
      [self](chart& c) { on_chart(self, std::move(c)); }, visualize_atom_v, turn.rows, turn.plan);
}

// Rows the turn's SQL gave (from PostgreSQL or the shared result cache).
void on_rows(self_ptr self, result_set rows) {
  auto& turn = *self->state.turn;
  turn.rows = std::move(rows);
  // A model's SQL goes into the shared cache only once it has run.
  llm::remember_sql(self->system(), turn.plan);
  stage_done(self, "execute");
  publish(self, step_kind::execute, step_status::done, execute_payload(turn.rows));
  visualize_and_answer(self);
}

// `result_key` non-empty: the result cache missed, keep the rows under it.
void run_query(self_ptr self, const std::string& result_key) {
  auto& turn = *self->state.turn;
  ask_stage<execute_reply>(
      self, self->state.deps.executor, "execute", self->state.deps.settings.timeouts.execute,
      [self, result_key](execute_reply& reply) {
        if (reply.error) {
          if (!try_correct(self, step_kind::execute, *reply.error))
            fail(self, *reply.error);
          return;
        }
        if (!result_key.empty()) {
          self->state.turn->plan.result_cache = "miss";
          cache::remember_result(self->system(), result_key, *reply.rows);
        }
        on_rows(self, std::move(*reply.rows));
      },
      execute_atom_v, turn.source, turn.plan.sql, turn.relations, query_id(self->state));
}

void execute(self_ptr self) {
  auto& turn = *self->state.turn;
  publish(self, step_kind::execute, step_status::started);
  auto results = cache::installed_result_cache();
  if (!results) {
    run_query(self, "");
    return;
  }
  // The same SQL on the same data source and schema ran within the cache's
  // TTL: its rows answer (a blocking NATS call, on a detached actor).
  auto key = cache::result_cache_key(turn.plan.sql, turn.source,
                                     turn.model ? turn.model->schema_version : 0);
  ask_stage<execute_reply>(
      self, cache::spawn_result_lookup(self->system(), results), "execute",
      self->state.deps.settings.timeouts.execute,
      [self, key](execute_reply& hit) {
        if (!hit.rows) {
          run_query(self, key);
          return;
        }
        self->state.turn->plan.result_cache = "hit";
        on_rows(self, std::move(*hit.rows));
      },
      execute_atom_v, key);
}

// The guard runs here too, so an unsafe plan ends as its own visible step
// before any connection is used; the executor checks again (defense in depth).
void validate(self_ptr self) {
  auto& turn = *self->state.turn;
  publish(self, step_kind::validate, step_status::started);
  if (auto err = check_sql(turn.plan.sql, &turn.relations)) {
    if (!try_correct(self, step_kind::validate, *err))
      fail(self, *err);
    return;
  }
  stage_done(self, "validate");
  publish(self, step_kind::validate, step_status::done, validate_payload(true));
  execute(self);
}

} // namespace medha::conv
