#include "actors/conversation/conversation_actor.hpp"

#include <algorithm>
#include <cctype>
#include <random>

#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/answer/answer_writer.hpp"
#include "actors/context/prune.hpp"
#include "actors/sqlgen/schema_questions.hpp"
#include "actors/cache/result_cache.hpp"
#include "actors/sqlgen/llm/sql_cache.hpp"
#include "actors/conversation/turn_payloads.hpp"
#include "actors/executor/sql_guard.hpp"
#include "actors/refine/refine_sql.hpp"
#include "actors/refine/refine_structure.hpp"
#include "runtime/event_sink.hpp"
#include "runtime/logging.hpp"
#include "runtime/turn_acks.hpp"

namespace medha {

namespace {

using self_ptr = conversation_actor::stateful_pointer<conversation_state>;
using clock = std::chrono::steady_clock;

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double ms_since(clock::time_point t) {
  return std::chrono::duration<double, std::milli>(clock::now() - t).count();
}

std::string new_turn_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[20];
  std::snprintf(buf, sizeof(buf), "t%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

std::string lower(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n.!?");
  if (b == std::string::npos)
    return {};
  auto e = s.find_last_not_of(" \t\r\n.!?");
  return s.substr(b, e - b + 1);
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

void send_event(self_ptr self, const std::string& wire, bool final) {
  auto& st = self->state;
  st.deps.events->publish_step(events_subject(st.record.user, st.record.id), wire, final);
  if (final && !st.turn->req.reply_to.empty())
    st.deps.events->publish(st.turn->req.reply_to, wire);
}

// Publishes one event of the current turn and keeps it with the turn's steps.
void publish(self_ptr self, step_kind step, step_status status, std::string data = "{}") {
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

void start_next(self_ptr self);
void arm_idle(self_ptr self);

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
const char question_write[] = "store";
const char answer_write[] = "store";

void check_stages_at(self_ptr self, clock::time_point at);

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
}

void fail(self_ptr self, const medha_error& err) {
  finish(self, step_kind::error, step_status::failed, err.message, error_data(err));
}

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
}

bool try_correct(self_ptr self, step_kind step, const medha_error& err);

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

sql_request sql_request_of(self_ptr self);

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
  if (turn.examples_pending)
    turn.sql_waiting = true; // fetch_examples goes on
  else
    request_sql(self);
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

void use_model(self_ptr self, model_ptr model) {
  auto& st = self->state;
  auto& turn = *st.turn;
  turn.model = std::move(model);
  // Before any pruning: a query may read every table of the source's model.
  turn.relations = relations_of(*turn.model);
  // A follow-up must not edit a query built on a schema that has changed.
  if (st.carried.schema_version != 0 && st.carried.schema_version != turn.model->schema_version) {
    st.carried.last_query_json.clear();
    st.carried.last_sql.clear();
  }
  stage_done(self, "context");
  publish(self, step_kind::context, step_status::done,
          context_payload(turn.source, turn.model->tables.size(), turn.model->schema_version,
                          turn.model->metrics.size(), turn.model->cache));
  // A question about the data itself ("which tables do I have?") needs the
  // whole catalog, not the tables it happens to name.
  if (turn.model->tables.size() <= st.deps.settings.prune_above_tables
      || sqlgen::answer_schema_question(*turn.model, turn.question)) {
    generate(self);
  } else if (turn.discovery) {
    prune_and_generate(self, *turn.discovery);
  } else {
    ask_stage<discovery_result>(
        self, st.deps.discovery, "discovery", st.deps.settings.timeouts.discovery,
        [self](discovery_result& r) { prune_and_generate(self, r); }, rank_atom_v, turn.question);
  }
}

void load_context(self_ptr self) {
  auto& turn = *self->state.turn;
  publish(self, step_kind::context, step_status::started, context_started_payload(turn.source));
  if (turn.req.refinement_json.empty())
    fetch_examples(self);
  ask_stage<model_reply>(
      self, self->state.deps.context, "context", self->state.deps.settings.timeouts.context,
      [self](model_reply& reply) {
        if (reply.error) {
          fail(self, *reply.error);
          return;
        }
        use_model(self, std::move(reply.model));
      },
      model_atom_v, turn.source);
}

void select_source(self_ptr self, const std::string& source) {
  auto& st = self->state;
  st.turn->source = source;
  st.record.data_source = source;
  st.carried.source_choices.clear();
  st.carried.pending_question.clear();
}

void discover(self_ptr self) {
  auto& turn = *self->state.turn;
  publish(self, step_kind::discovery, step_status::started);
  ask_stage<discovery_result>(
      self, self->state.deps.discovery, "discovery", self->state.deps.settings.timeouts.discovery,
      [self](discovery_result& result) {
        auto& st = self->state;
        auto& turn = *st.turn;
        stage_done(self, "discovery");
        // Sources the owner is not granted are never shown nor chosen.
        auto& grants = st.deps.grants;
        auto& user = st.record.user;
        bool top_granted = !result.sources.empty()
                           && grants.allows(user, result.sources.front().data_source);
        result.sources.erase(std::remove_if(result.sources.begin(), result.sources.end(),
                                            [&](const source_match& m) {
                                              return !grants.allows(user, m.data_source);
                                            }),
                             result.sources.end());
        result.clear_winner = result.clear_winner && top_granted;
        turn.discovery = result;
        if (!result.sources.empty() && result.clear_winner) {
          select_source(self, result.sources.front().data_source);
          publish(self, step_kind::discovery, step_status::done,
                  discovery_payload(result, turn.source, "clear winner"));
          load_context(self);
          return;
        }
        publish(self, step_kind::discovery, step_status::done,
                discovery_payload(result, "", "ask the user"));
        if (result.sources.empty()) {
          // Nothing matched: offer every registered source.
          for (auto& name : st.deps.grants.granted(st.record.user, st.deps.data_sources))
            result.sources.push_back(source_match{name, "", 0, {}, {}});
        }
        st.carried.source_choices.clear();
        for (auto& s : result.sources)
          st.carried.source_choices.push_back(s.data_source);
        st.carried.pending_question = turn.question;
        std::string text = "Which data source should I use? Reply with its name or number.";
        auto payload = source_clarify_payload(text, result);
        finish(self, step_kind::clarify, step_status::done, text, payload);
      },
      rank_atom_v, turn.question);
}

bool is_registered(self_ptr self, const std::string& source) {
  auto& names = self->state.deps.data_sources;
  return std::find(names.begin(), names.end(), source) != names.end();
}

// Why the conversation's owner may not use a source, if they may not.
std::optional<medha_error> source_refusal(self_ptr self, const std::string& source) {
  if (!is_registered(self, source))
    return medha_error{error_code::not_found, "there is no data source named \"" + source + "\""};
  auto& user = self->state.record.user;
  if (!self->state.deps.grants.allows(user, source)) {
    log::warn("conversation", "refused data source " + source + " to user " + user);
    return medha_error{error_code::forbidden,
                       "you are not granted the data source \"" + source + "\""};
  }
  return std::nullopt;
}

// A reply to a "which data source?" clarify: a name or a number.
std::optional<std::string> picked_source(const carried_context& carried, const std::string& text) {
  auto answer = lower(trim(text));
  for (size_t i = 0; i < carried.source_choices.size(); ++i) {
    if (answer == lower(carried.source_choices[i]) || answer == std::to_string(i + 1) ||
        answer == "use " + lower(carried.source_choices[i]))
      return carried.source_choices[i];
  }
  return std::nullopt;
}

// Decides the data source of the turn, then starts the first stage.
void route(self_ptr self) {
  auto& st = self->state;
  auto& turn = *st.turn;
  turn.question = turn.req.text;
  if (!turn.req.refinement_json.empty()) {
    if (st.record.data_source.empty() || st.carried.last_sql.empty()) {
      fail(self, {error_code::not_found, "this conversation has no answered query to refine yet"});
      return;
    }
    if (auto refused = source_refusal(self, st.record.data_source)) {
      fail(self, *refused);
      return;
    }
    turn.source = st.record.data_source;
    load_context(self);
    return;
  }
  if (!st.carried.source_choices.empty()) {
    if (auto pick = picked_source(st.carried, turn.req.text)) {
      turn.question =
          st.carried.pending_question.empty() ? turn.req.text : st.carried.pending_question;
      select_source(self, *pick);
      load_context(self);
      return;
    }
  }
  if (turn.req.data_source) {
    if (auto refused = source_refusal(self, *turn.req.data_source)) {
      fail(self, *refused);
      return;
    }
    select_source(self, *turn.req.data_source);
    load_context(self);
    return;
  }
  if (!st.record.data_source.empty()) {
    // Grants may have changed since the source was chosen.
    if (auto refused = source_refusal(self, st.record.data_source)) {
      fail(self, *refused);
      return;
    }
    turn.source = st.record.data_source;
    load_context(self);
    return;
  }
  if (st.deps.data_sources.empty()) {
    fail(self, {error_code::no_data_source, "no data source is registered with this worker"});
    return;
  }
  if (st.deps.grants.granted(st.record.user, st.deps.data_sources).empty()) {
    fail(self, {error_code::forbidden, "you are not granted any data source"});
    return;
  }
  discover(self);
}

void store_user_turn(self_ptr self);

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

message_record question_of(self_ptr self);
void reject(self_ptr self, const turn_request& req, const medha_error& err);

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

// A turn that never starts (busy, cancelled while waiting): one error event.
void reject(self_ptr self, const turn_request& req, const medha_error& err) {
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

// Every message from the manager counts: the eviction handshake compares
// this count with what the manager has sent.
void touch(self_ptr self) {
  self->state.received += 1;
  arm_idle(self);
}

} // namespace

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
        if (st.turn && st.turn->generation == gen && !st.turn->finishing)
          publish(self, step_kind::sql, step_status::progress, std::move(data));
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
