#pragma once

#include "messages/data_source_grants.hpp"

#include <chrono>
#include <deque>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <caf/typed_response_promise.hpp>

#include "actors/actors.hpp"
#include "actors/conversation/carried_context.hpp"
#include "actors/conversation/direct_stages.hpp"
#include "actors/conversation/stage_watch.hpp"

namespace medha {

class event_sink;
class turn_acks;

/// How long the conversation waits for each stage; introspecting a large
/// database (context, first use) takes far longer than writing SQL.
struct stage_timeouts {
  std::chrono::milliseconds discovery{30000};
  std::chrono::milliseconds context{120000};
  std::chrono::milliseconds sql{30000};
  std::chrono::milliseconds execute{30000};
  std::chrono::milliseconds visualize{30000};
};

struct conversation_settings {
  std::chrono::milliseconds stage_timeout{30000}; // the store and anything not listed below
  stage_timeouts timeouts;
  size_t max_queued_turns = 8;
  std::chrono::milliseconds idle_evict{300000};
  /// Models with more tables are pruned to the question's tables (and the
  /// join paths between them) before SQL generation.
  size_t prune_above_tables = 30;
  size_t pruned_tables = 8;
  /// More attempts a model gets after its SQL is refused by the guard or
  /// fails in PostgreSQL, each fed the error.
  size_t max_corrections = 2;
  /// Other workers write the same store (PostgreSQL): reload the record at
  /// each turn, since one of them may have answered a turn since we loaded it.
  bool shared_store = false;
  /// The user's limits, counted by a shared store as each turn starts (the
  /// manager counts them itself otherwise).
  int turns_per_minute = 30;
  int concurrent_turns_per_user = 4;
  /// A turn from the stream delivered this many times since it first ran
  /// (each run ended with its worker: a turn that crashes workers) ends in
  /// too_many_attempts instead of running again.
  uint64_t max_deliveries = 5;
};

/// What every conversation actor talks to.
struct conversation_deps {
  store_actor store;
  context_actor context;
  discovery_actor discovery;
  sqlgen_actor sqlgen;
  executor_actor executor;
  visualization_actor visualization;
  std::shared_ptr<const direct_stages> direct; // stages called, not asked (may be none)
  manager_actor manager;
  caf::actor sentences; // a model's answer sentences (llm/sentence_writer.hpp); none: the engine's
  std::shared_ptr<event_sink> events; // NATS in a worker
  std::shared_ptr<turn_acks> acks;     // the JetStream turn stream; none for plain NATS turns
  std::vector<std::string> data_sources; // registered names
  data_source_grants grants;             // who may use which of them
  conversation_settings settings;
};

/// The turn being worked on.
struct turn_in_flight {
  turn_request req;
  uint64_t generation = 0; // replies of an earlier (cancelled) turn are dropped
  std::chrono::steady_clock::time_point start;
  std::chrono::steady_clock::time_point stage_start;
  uint64_t seq = 0;
  std::string question; // the text to answer (a pending one after a source pick)
  std::string source;
  model_ptr model;
  relation_set relations; // the tables the turn's SQL may read (the whole model's)
  std::optional<discovery_result> discovery; // when discovery ran this turn
  sql_plan plan;
  std::vector<failed_attempt> failed; // this turn's model SQL that failed, for corrections
  medha_error last_failure;           // why the last of them failed
  llm_usage usage;                    // every model call of the turn so far
  std::vector<verified_example> examples; // the user's and everyone's, for this source
  result_set rows;
  chart picked;
  std::vector<std::pair<std::string, double>> timings;
  std::vector<step_record> steps; // the turn's events, stored with its answer in one write
  bool finishing = false; // the final event waits for the store
  bool asked = false;     // the user's message is stored already (a turn taken again)
  bool question_lost = false; // storing the user's message failed after the answer was sent
  std::optional<conversation_record> before_end; // the record to restore if the end is not stored
  std::optional<medha_error> give_up; // ends the turn with this instead of running it
  bool counted = false;  // against the user's limits: to end with the turn
  bool released = false; // that count ended in the turn's end write (shared store)
  int reads_pending = 0; // the turn's lookup (a turn from the stream)
  stage_watch stages;          // the stage requests out, each with its own deadline
  bool examples_pending = false; // verified examples asked for alongside the context
  std::optional<std::vector<example_record>> examples_read; // with the turn's start (shared store)
  std::string examples_source; // the data source they are of
  bool sql_waiting = false;    // generation waits for those examples
};

struct conversation_state {
  conversation_deps deps;
  conversation_record record;
  carried_context carried;
  /// The last answer's rows (in memory only): a model sees them when the data
  /// source allows it (sqlgen decides).
  std::optional<result_set> last_rows;
  std::optional<turn_in_flight> turn;
  /// Step events of the turn not sent yet: they go out once the actor has
  /// handed the turn's work on (turn_events.cpp, flush_events).
  std::vector<std::string> unsent;
  std::deque<turn_request> waiting;
  uint64_t generation = 0;
  std::chrono::steady_clock::time_point last_activity; // the idle clock counts from here
  bool idle_timer = false; // an idle check is on its way (one at a time)
  std::multiset<std::chrono::steady_clock::time_point> stage_timers; // deadline checks on their way
  uint64_t received = 0; // messages from the manager, echoed in the eviction handshake
  bool evicting = false; // an eviction request is on its way to the manager
  std::vector<caf::typed_response_promise<bool>> drains; // answered once idle
  static inline const char* name = "conversation";
};

/// One conversation: takes its turns one at a time and drives each through
/// discovery → context → sql → validate → execute → visualize → answer.
conversation_actor::behavior_type
conversation(conversation_actor::stateful_pointer<conversation_state> self,
             conversation_deps deps, conversation_record record);

} // namespace medha
