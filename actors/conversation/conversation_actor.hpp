#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/actors.hpp"
#include "actors/conversation/carried_context.hpp"

namespace medha {

class event_sink;

struct conversation_settings {
  std::chrono::milliseconds stage_timeout{30000};
  size_t max_queued_turns = 8;
  std::chrono::seconds idle_evict{300};
  /// Models with more tables are pruned to the question's tables (and the
  /// join paths between them) before SQL generation.
  size_t prune_above_tables = 30;
  size_t pruned_tables = 8;
};

/// What every conversation actor talks to.
struct conversation_deps {
  store_actor store;
  context_actor context;
  discovery_actor discovery;
  sqlgen_actor sqlgen;
  executor_actor executor;
  visualization_actor visualization;
  manager_actor manager;
  std::shared_ptr<event_sink> events; // NATS in a worker
  std::vector<std::string> data_sources; // registered names
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
  result_set rows;
  chart picked;
  std::vector<std::pair<std::string, double>> timings;
  bool finishing = false; // the final event waits for the store
};

struct conversation_state {
  conversation_deps deps;
  conversation_record record;
  carried_context carried;
  std::optional<turn_in_flight> turn;
  std::deque<turn_request> waiting;
  uint64_t generation = 0;
  uint64_t activity = 0; // bumps on every message; the idle timer checks it
  static inline const char* name = "conversation";
};

/// One conversation: takes its turns one at a time and drives each through
/// discovery → context → sql → validate → execute → visualize → answer.
conversation_actor::behavior_type
conversation(conversation_actor::stateful_pointer<conversation_state> self,
             conversation_deps deps, conversation_record record);

} // namespace medha
