// Unit tests of the conversation actor alone: every stage is a fake actor,
// events go to a recorder, the store is a real RocksDB in a temp dir.

#include "tests/conversation/conversation_fixture.hpp"

namespace medha {
namespace {

TEST_F(conversation_unit, a_turn_walks_every_stage_in_order) {
  auto conv = start();
  caf::anon_send(conv, turn("t1", "how many orders"));
  auto evs = events->turn("t1");
  std::vector<std::string> want{"discovery:started", "discovery:done", "context:started", "context:done",
                                "sql:started",       "sql:done",       "validate:started", "validate:done",
                                "execute:started",   "execute:done",   "visualize:started", "visualize:done",
                                "answer:done"};
  EXPECT_EQ(steps(evs), want);
  for (size_t i = 0; i < evs.size(); ++i)
    EXPECT_EQ(evs[i].seq, i + 1);
  // Stored before the final event went out: user and assistant messages.
  auto msgs = store->messages("u", "c1");
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0].role, "user");
  EXPECT_EQ(msgs[1].role, "assistant");
  EXPECT_EQ(store->get_conversation("u", "c1")->data_source, "sales");
}

TEST_F(conversation_unit, a_turn_of_another_user_is_not_found_and_never_runs) {
  auto conv = start("sales");
  auto t = turn("t1", "how many orders");
  t.user = "mallory";
  caf::anon_send(conv, t);
  auto evs = events->turn("t1");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_NE(evs[0].data_json.find("not_found"), std::string::npos) << evs[0].data_json;
  EXPECT_TRUE(store->messages("u", "c1").empty());
}

TEST_F(conversation_unit, a_source_not_granted_to_the_owner_is_forbidden) {
  deps.grants.configured = true;
  deps.grants.grants["u"] = {"hr"};
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "how many orders"));
  auto evs = events->turn("t1");
  ASSERT_FALSE(evs.empty());
  EXPECT_NE(evs.back().data_json.find("forbidden"), std::string::npos) << evs.back().data_json;
  EXPECT_EQ(seen->executor_calls.load(), 0);
}

TEST_F(conversation_unit, follow_ups_get_the_previous_query) {
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "how many orders"));
  ASSERT_FALSE(events->turn("t1").empty());
  caf::anon_send(conv, turn("t2", "by region"));
  ASSERT_FALSE(events->turn("t2").empty());
  std::lock_guard<std::mutex> guard{seen->mx};
  ASSERT_EQ(seen->previous_queries.size(), 2u);
  EXPECT_EQ(seen->previous_queries[0], "");
  EXPECT_EQ(seen->previous_queries[1], "{\"q\":\"how many orders\"}");
}

TEST_F(conversation_unit, a_database_that_is_down_ends_in_an_error_event) {
  auto conv = start("hr");
  caf::anon_send(conv, turn("t1", "how many orders"));
  auto evs = events->turn("t1");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs.back().step, step_kind::error);
  EXPECT_NE(evs.back().data_json.find("datasource_unavailable"), std::string::npos);
  EXPECT_EQ(store->messages("u", "c1").size(), 2u) << "a failed turn is stored as an error message";
}

TEST_F(conversation_unit, unsafe_sql_never_reaches_the_executor) {
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "drop it"));
  auto evs = events->turn("t1");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs.back().step, step_kind::error);
  EXPECT_NE(evs.back().data_json.find("unsafe_sql"), std::string::npos);
  EXPECT_EQ(seen->executor_calls.load(), 0);
}

TEST_F(conversation_unit, a_models_refused_sql_goes_back_to_it_and_each_attempt_is_an_event) {
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "model: fixes it"));
  auto evs = events->turn("t1");
  std::vector<std::string> want{"context:started",  "context:done",    "sql:started",
                                "sql:progress",     "sql:done",        "validate:started",
                                "validate:failed",  "sql:started",     "sql:done",
                                "validate:started", "validate:done",   "execute:started",
                                "execute:done",     "visualize:started", "visualize:done",
                                "answer:done"};
  EXPECT_EQ(steps(evs), want);
  EXPECT_NE(evs[3].data_json.find("\"delta\":\"SELECT\""), std::string::npos);
  EXPECT_NE(evs[6].data_json.find("unsafe_sql"), std::string::npos);
  EXPECT_NE(evs[7].data_json.find("\"attempt\":2"), std::string::npos) << evs[7].data_json;
  EXPECT_NE(evs.back().data_json.find("\"strategy\":\"llm\""), std::string::npos);
  EXPECT_NE(evs.back().data_json.find("\"strategy_reason\":\"the engine abstained\""), std::string::npos);
  std::lock_guard<std::mutex> guard{seen->mx};
  ASSERT_EQ(seen->fed_back.size(), 1u);
  EXPECT_NE(seen->fed_back[0].find("not_select"), std::string::npos) << seen->fed_back[0];
}

TEST_F(conversation_unit, a_model_gets_at_most_two_corrections) {
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "model: never fixes"));
  auto evs = events->turn("t1");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs.back().step, step_kind::error);
  EXPECT_NE(evs.back().data_json.find("unsafe_sql"), std::string::npos);
  size_t sql_starts = 0;
  for (auto& e : evs)
    sql_starts += e.step == step_kind::sql && e.status == step_status::started;
  EXPECT_EQ(sql_starts, 3u);
  EXPECT_EQ(seen->executor_calls.load(), 0);
  std::lock_guard<std::mutex> guard{seen->mx};
  EXPECT_EQ(seen->previous_queries.size(), 3u);
}

TEST_F(conversation_unit, the_engines_refused_sql_is_not_retried_and_turns_carry_history) {
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "how many orders"));
  ASSERT_EQ(events->turn("t1").back().step, step_kind::answer);
  caf::anon_send(conv, turn("t2", "drop it"));
  ASSERT_EQ(events->turn("t2").back().step, step_kind::error);
  std::lock_guard<std::mutex> guard{seen->mx};
  EXPECT_EQ(seen->previous_queries.size(), 2u) << "embedded SQL gets no correction";
  EXPECT_EQ(seen->history_sizes, (std::vector<size_t>{0, 1}));
}
TEST_F(conversation_unit, the_executor_gets_the_models_tables_and_nothing_else_runs) {
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "how many orders"));
  ASSERT_EQ(events->turn("t1").back().step, step_kind::answer);
  {
    std::lock_guard<std::mutex> guard{seen->mx};
    ASSERT_EQ(seen->relations.size(), 1u);
    EXPECT_EQ(seen->relations[0], relation_set{"public.orders"});
  }
  // customers is not in the model: refused at validate, before the executor.
  caf::anon_send(conv, turn("t2", "other table"));
  auto evs = events->turn("t2");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs.back().step, step_kind::error);
  EXPECT_NE(evs.back().data_json.find("relation_not_allowed:customers"), std::string::npos)
    << evs.back().data_json;
  EXPECT_EQ(seen->executor_calls.load(), 1);
}

TEST_F(conversation_unit, an_unclear_question_ends_in_clarify) {
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "???"));
  auto evs = events->turn("t1");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs.back().step, step_kind::clarify);
  EXPECT_NE(evs.back().data_json.find("how many orders"), std::string::npos);
}

TEST_F(conversation_unit, turns_queue_in_order_and_excess_is_busy) {
  deps.settings.max_queued_turns = 1;
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "how many orders"));
  caf::anon_send(conv, turn("t2", "how many orders"));
  caf::anon_send(conv, turn("t3", "how many orders"));
  caf::anon_send(conv, turn("t4", "how many orders"));
  auto e1 = events->turn("t1");
  auto e2 = events->turn("t2");
  ASSERT_FALSE(e1.empty());
  ASSERT_FALSE(e2.empty());
  EXPECT_EQ(e1.back().step, step_kind::answer);
  EXPECT_EQ(e2.back().step, step_kind::answer);
  // t1 runs, t2 waits, t3 and t4 exceed the bound of one waiting turn.
  auto e4 = events->turn("t4");
  ASSERT_FALSE(e4.empty());
  EXPECT_EQ(e4.back().step, step_kind::error);
  EXPECT_NE(e4.back().data_json.find("busy"), std::string::npos);
}

// How a store's disk misbehaves for one of a turn's writes: `full` fails
// it, `stuck` never answers it (a hung disk).
enum class bad_disk { none, full, stuck };

// A store whose write of the user's message (`question`) and of the turn's
// end (`answer`) misbehave as told; everything else goes to the real store.
store_actor faulty_store(caf::actor_system& sys, store_actor real, bad_disk question, bad_disk answer) {
  return sys.spawn([=](store_actor::pointer self) -> store_actor::behavior_type {
    auto held = std::make_shared<std::vector<caf::typed_response_promise<store_ack>>>();
    auto misbehave = [=](bad_disk how) -> caf::result<store_ack> {
      if (how == bad_disk::full)
        return store_ack{medha_error{error_code::internal, "disk full"}};
      held->push_back(self->make_response_promise<store_ack>());
      return held->back();
    };
    return {
      [=](load_atom a, const std::string& u, const std::string& c) { return self->delegate(real, a, u, c); },
      [=](save_atom a, const conversation_record& r) { return self->delegate(real, a, r); },
      [=](append_atom a, const std::string& u, const message_record& m) -> caf::result<store_ack> {
        if (question != bad_disk::none && m.role == "user")
          return misbehave(question);
        return self->delegate(real, a, u, m);
      },
      [=](begin_atom a, const std::string& u, const message_record& m, bool count, int per_minute,
          int concurrent) { return self->delegate(real, a, u, m, count, per_minute, concurrent); },
      [=](answer_atom a, const std::string& u, const answered_turn& t) -> caf::result<store_ack> {
        if (answer != bad_disk::none)
          return misbehave(answer);
        return self->delegate(real, a, u, t);
      },
      [=](lookup_atom a, const std::string& u, const std::string& c, const std::string& t) {
        return self->delegate(real, a, u, c, t);
      },
      [=](list_atom a, const std::string& u) { return self->delegate(real, a, u); },
      [=](history_atom a, const std::string& u, const std::string& c) { return self->delegate(real, a, u, c); },
      [=](delete_atom a, const std::string& u, const std::string& c) { return self->delegate(real, a, u, c); },
      [=](expire_atom a, int64_t now, int64_t ttl) { return self->delegate(real, a, now, ttl); },
      [=](put_blob_atom a, const std::string& k, const std::string& v) { self->send(real, a, k, v); },
      [=](feedback_atom a, const std::string& u, const feedback_record& f) { return self->delegate(real, a, u, f); },
      [=](feedback_atom a, const std::string& u, const std::string& c) { return self->delegate(real, a, u, c); },
      [=](example_atom a, const example_record& e) { return self->delegate(real, a, e); },
      [=](examples_atom a, const std::string& u, const std::string& s) { return self->delegate(real, a, u, s); },
      [=](admit_atom a, const std::string& u, const std::string& c, int per_minute, int concurrent) {
        return self->delegate(real, a, u, c, per_minute, concurrent);
      },
      [=](turn_ended_atom a, const std::string& u, const std::string& c) { self->send(real, a, u, c); },
    };
  });
}

// A store stuck in both writes: the conversation keeps their deadlines
// itself, so the turn still ends, in store_failed, and is not reported as
// answered.
TEST_F(conversation_unit, a_store_that_does_not_answer_ends_the_turn_in_store_failed) {
  auto real = deps.store;
  deps.store = faulty_store(sys, real, bad_disk::stuck, bad_disk::stuck);
  deps.settings.stage_timeout = std::chrono::milliseconds(300);
  auto conv = start("sales");
  auto started = std::chrono::steady_clock::now();
  caf::anon_send(conv, turn("t1", "how many orders"));
  auto evs = events->turn("t1");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs.back().step, step_kind::error);
  EXPECT_NE(evs.back().data_json.find("store_failed"), std::string::npos) << evs.back().data_json;
  for (auto& e : evs)
    EXPECT_NE(e.step, step_kind::answer) << "an unstored turn must not be reported as answered";
  // Ended by the writes' own deadline, not the fixture's patience.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(store->get_conversation("u", "c1")->turn_count, 0u);
  caf::anon_send_exit(deps.store, caf::exit_reason::user_shutdown);
  deps.store = real;
}

TEST_F(conversation_unit, an_answer_that_cannot_be_stored_ends_in_store_failed) {
  auto real = deps.store;
  for (auto [fail_question, fail_answer] : {std::pair{true, false}, std::pair{false, true}}) {
    deps.store = faulty_store(sys, real, fail_question ? bad_disk::full : bad_disk::none,
                              fail_answer ? bad_disk::full : bad_disk::none);
    auto conv = start("sales");
    std::string id = fail_question ? "t-question" : "t-answer";
    caf::anon_send(conv, turn(id, "how many orders"));
    auto evs = events->turn(id);
    ASSERT_FALSE(evs.empty());
    EXPECT_EQ(evs.back().step, step_kind::error) << id;
    EXPECT_NE(evs.back().data_json.find("store_failed"), std::string::npos) << evs.back().data_json;
    for (auto& e : evs)
      EXPECT_NE(e.step, step_kind::answer) << "an unstored turn must not be reported as answered";
    if (fail_answer)
      EXPECT_EQ(store->get_conversation("u", "c1")->turn_count, 0u);
    caf::anon_send_exit(deps.store, caf::exit_reason::user_shutdown);
  }
  deps.store = real;
}

// One turn with a context stage that takes `delay` to answer (introspection
// can be slow): its events once the final one came.
std::vector<step_event> turn_with_slow_context(conversation_unit& t, std::chrono::milliseconds delay) {
  auto fast_context = t.deps.context;
  t.deps.context = t.sys.spawn<caf::detached>([delay](context_actor::pointer) -> context_actor::behavior_type {
    return {
      [delay](model_atom, const std::string&) {
        std::this_thread::sleep_for(delay);
        return model_reply{tiny_model(), std::nullopt};
      },
      [](refresh_atom, const std::string&) { return model_reply{tiny_model(), std::nullopt}; },
      [](tick_atom) {},
    };
  });
  caf::anon_send_exit(fast_context, caf::exit_reason::user_shutdown);
  caf::anon_send(t.start("sales"), t.turn("t1", "how many orders"));
  return t.events->turn("t1");
}

TEST_F(conversation_unit, each_stage_waits_as_long_as_its_own_timeout) {
  // Introspection is slow; generation is not: one bound for both cannot fit.
  deps.settings.stage_timeout = std::chrono::milliseconds(300);
  deps.settings.timeouts.context = std::chrono::seconds(20);
  auto evs = turn_with_slow_context(*this, std::chrono::milliseconds(1000));
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs.back().step, step_kind::answer) << evs.back().data_json;
}

// Stage deadlines are the conversation's own (one timer, not a request
// timeout each): a stage past its own timeout still ends the turn, in time,
// and its late answer changes nothing.
TEST_F(conversation_unit, a_stage_past_its_timeout_ends_the_turn) {
  deps.settings.timeouts.context = std::chrono::milliseconds(200);
  auto evs = turn_with_slow_context(*this, std::chrono::milliseconds(1500));
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs.back().step, step_kind::error);
  EXPECT_NE(evs.back().data_json.find("the context stage did not answer in time"), std::string::npos)
    << evs.back().data_json;
  // The late model changes nothing: no second final event.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(events->turn("t1").size(), evs.size());
}

// Events wait while the actor works on, and go out once it hands the turn
// to a stage: all of them, in order, while that stage still runs (the fake
// executor takes 1.6 s over a "slow" query).
TEST_F(conversation_unit, the_events_before_a_stage_go_out_while_it_runs) {
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "slow one"));
  ASSERT_TRUE(events->saw("t1", step_kind::execute, step_status::started, std::chrono::milliseconds(1000)))
    << "the events before the query were held back until it answered";
  auto evs = events->so_far("t1");
  ASSERT_GE(evs.size(), 3u);
  for (size_t i = 0; i < evs.size(); ++i)
    EXPECT_EQ(evs[i].seq, i + 1) << "an event missing or out of order";
  EXPECT_EQ(evs.front().step, step_kind::context);
  EXPECT_EQ(evs.back().step, step_kind::execute);
  auto whole = events->turn("t1");
  ASSERT_FALSE(whole.empty());
  EXPECT_EQ(whole.back().step, step_kind::answer);
  for (size_t i = 0; i < whole.size(); ++i)
    EXPECT_EQ(whole[i].seq, i + 1);
}

TEST_F(conversation_unit, cancel_tells_the_executor_to_stop_the_query) {
  auto conv = start("sales");
  caf::anon_send(conv, turn("t1", "slow one"));
  ASSERT_TRUE(events->saw("t1", step_kind::execute, step_status::started));
  caf::anon_send(conv, cancel_atom_v);
  auto evs = events->turn("t1");
  ASSERT_FALSE(evs.empty());
  EXPECT_NE(evs.back().data_json.find("cancelled"), std::string::npos);
  // The fake executor is busy with the query; it reads the cancel after it.
  for (int i = 0; i < 100; ++i) {
    {
      std::lock_guard<std::mutex> guard{seen->mx};
      if (!seen->cancelled_ids.empty())
        break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::lock_guard<std::mutex> guard{seen->mx};
  ASSERT_EQ(seen->executed_ids.size(), 1u);
  ASSERT_EQ(seen->cancelled_ids.size(), 1u);
  EXPECT_FALSE(seen->executed_ids[0].empty());
  EXPECT_EQ(seen->cancelled_ids[0], seen->executed_ids[0]);
}

} // namespace
} // namespace medha
