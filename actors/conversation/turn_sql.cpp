// The SQL of a turn: generated (or refined), corrected by the model that
// wrote it, asked back when unclear.

#include "actors/conversation/turn_steps.hpp"

#include "actors/context/prune.hpp"
#include "actors/refine/refine_sql.hpp"
#include "actors/refine/refine_structure.hpp"

namespace medha::conv {

// A refine turn. The engine's own query is refined in its structure, carried
// on once answered so that later follow-ups in words build on the refined
// query; any other SQL is edited through its parse tree and carries no
// structure (the answer stage stores the plan's, empty here).
void refine(self_ptr self) {
  auto& st = self->state;
  auto& turn = *st.turn;
  publish(self, step_kind::sql, step_status::started);
  auto parsed = parse_refinement(turn.req.refinement_json);
  if (auto* err = std::get_if<medha_error>(&parsed)) {
    fail(self, *err);
    return;
  }
  auto& r = std::get<refinement>(parsed);
  turn.plan = sql_plan{};
  turn.plan.strategy = "refine";
  turn.plan.confidence = 1;
  auto structured = turn.model ? refine_structure(*turn.model, st.carried.last_query_json,
                                                  st.carried.last_sql, r)
                               : std::nullopt;
  if (structured) {
    turn.plan.sql = std::move(structured->sql);
    turn.plan.query_json = std::move(structured->query_json);
    turn.plan.explanation = std::move(structured->explanation);
  } else {
    auto edited = refine_sql(st.carried.last_sql, r);
    if (auto* err = std::get_if<medha_error>(&edited)) {
      fail(self, *err);
      return;
    }
    turn.plan.sql = std::get<std::string>(edited);
    turn.plan.explanation = std::string{"The last query, refined: "} + to_string(r.op) + ".";
  }
  stage_done(self, "sql");
  publish(self, step_kind::sql, step_status::done, sql_payload(turn.plan));
  validate(self);
}

// What the SQL stage gets: the question with the conversation's recent turns,
// the failed attempts of this turn, and where to report the model's progress.
sql_request sql_request_of(self_ptr self) {
  auto& st = self->state;
  auto& turn = *st.turn;
  sql_request req;
  req.model = turn.model;
  req.question = turn.question;
  req.previous_query_json = st.carried.last_query_json;
  req.data_source = turn.source;
  req.llm_provider = st.carried.llm_provider;
  req.llm_model = st.carried.llm_model;
  for (auto& [question, sql] : st.carried.recent_turns)
    req.history.push_back({question, sql});
  req.last_rows = st.last_rows;
  req.failed = turn.failed;
  req.examples = turn.examples;
  req.progress = caf::actor_cast<caf::strong_actor_ptr>(self);
  req.progress_tag = turn.generation;
  return req;
}

// One clean sentence of what was understood (the engine's own words), then
// the question back: which of the choices, or to say it another way.
std::string clarify_text(const sql_plan& plan) {
  auto understood = plan.understood;
  while (!understood.empty() && (understood.back() == '.' || understood.back() == ' '))
    understood.pop_back();
  if (understood.empty())
    understood = "I'm not sure what you mean";
  // The engine's sentence may already be the question ("... which link?").
  if (understood.back() == '?')
    return understood;
  return understood + (plan.choices.empty() ? ". Could you say it another way?" : ". Which did you mean?");
}

void on_plan(self_ptr self, sql_plan& plan) {
  auto& turn = *self->state.turn;
  // Events report the turn's calls so far, corrections included.
  turn.usage += plan.usage;
  plan.usage = turn.usage;
  bool correcting = !turn.failed.empty();
  if (correcting && !plan.failure.empty()) {
    // The model could not be asked again: the last error stands.
    auto err = turn.last_failure;
    err.message += " (the model could not correct it: " + plan.failure + ")";
    fail(self, err);
    return;
  }
  turn.plan = std::move(plan);
  stage_done(self, "sql");
  if (turn.plan.outcome == plan_outcome::clarify) {
    publish(self, step_kind::sql, step_status::done, sql_payload(turn.plan));
    // The partial structure lets the user's pick resolve it next turn.
    if (!turn.plan.query_json.empty())
      self->state.carried.last_query_json = turn.plan.query_json;
    std::string text = !turn.plan.question_to_user.empty() ? turn.plan.question_to_user
                                                           : clarify_text(turn.plan);
    auto payload = clarify_payload(text, turn.plan, turn.source);
    finish(self, step_kind::clarify, step_status::done, text, payload);
    return;
  }
  publish(self, step_kind::sql, step_status::done, sql_payload(turn.plan));
  validate(self);
}

void request_sql(self_ptr self) {
  auto req = sql_request_of(self);
  if (auto& direct = self->state.deps.direct; direct && direct->sql) {
    if (auto plan = direct->sql(req)) {
      on_plan(self, *plan);
      return;
    }
  }
  ask_stage<sql_plan>(
      self, self->state.deps.sqlgen, "sql", self->state.deps.settings.timeouts.sql,
      [self](sql_plan& plan) { on_plan(self, plan); }, generate_atom_v, std::move(req));
}

// Self-correction: SQL a model wrote that the guard refused or PostgreSQL
// rejected goes back to the model with the message, a bounded number of
// times. Each attempt is visible: the failed step, then `sql` again.
bool try_correct(self_ptr self, step_kind step, const medha_error& err) {
  auto& st = self->state;
  auto& turn = *st.turn;
  if (turn.plan.strategy != "llm" || turn.failed.size() >= st.deps.settings.max_corrections)
    return false;
  if (err.code != error_code::unsafe_sql && err.code != error_code::query_failed)
    return false;
  turn.failed.push_back({turn.plan.sql, err.message});
  turn.last_failure = err;
  publish(self, step, step_status::failed, error_data(err));
  publish(self, step_kind::sql, step_status::started,
          correction_payload(turn.failed.size() + 1, err));
  request_sql(self);
  return true;
}

void generate(self_ptr self) {
  auto& turn = *self->state.turn;
  if (!turn.req.refinement_json.empty()) {
    refine(self);
    return;
  }
  publish(self, step_kind::sql, step_status::started);
  if (turn.examples_pending) {
    turn.sql_waiting = true; // fetch_examples goes on
    flush_events(self);
  } else {
    request_sql(self);
  }
}

// Verified examples live in the store (another worker may have taken the
// thumbs-up): read for each turn, they are few; asked for alongside the
// context, so the read does not add to the turn's time.
void fetch_examples(self_ptr self) {
  auto& st = self->state;
  auto& turn = *st.turn;
  if (turn.examples_read && turn.examples_source == turn.source) {
    // Read with the turn's start, for the data source the turn uses.
    for (auto& e : *turn.examples_read)
      turn.examples.push_back({std::move(e.question), std::move(e.sql)});
    turn.examples_read.reset();
    return;
  }
  turn.examples_pending = true;
  ask_stage<std::vector<example_record>>(
      self, st.deps.store, "store", st.deps.settings.stage_timeout,
      [self](std::vector<example_record>& found) {
        auto& turn = *self->state.turn;
        for (auto& e : found)
          turn.examples.push_back({std::move(e.question), std::move(e.sql)});
        turn.examples_pending = false;
        if (turn.sql_waiting && !turn.finishing) {
          turn.sql_waiting = false;
          request_sql(self);
        }
      },
      examples_atom_v, st.record.user, turn.source);
}

// Large schemas: keep the question's tables, the last query's tables and the
// join paths between them, so generation (and any prompt) stays small.
void prune_and_generate(self_ptr self, const discovery_result& ranking) {
  auto& st = self->state;
  auto& turn = *st.turn;
  std::vector<std::string> keep;
  for (auto& s : ranking.sources)
    if (s.data_source == turn.source)
      for (size_t i = 0; i < s.tables.size() && i < st.deps.settings.pruned_tables; ++i)
        keep.push_back(s.tables[i].table);
  if (!keep.empty()) {
    for (auto& t : tables_in_sql(*turn.model, st.carried.last_sql))
      keep.push_back(t);
    turn.model = std::make_shared<semantic_model>(prune_model(*turn.model, keep));
  }
  generate(self);
}

} // namespace medha::conv
