#pragma once

#include "actors/conversation/turn_limiter.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "actors/conversation/conversation_actor.hpp"
#include "messages/data_source.hpp"
#include "messages/llm_settings.hpp"
#include "runtime/turn_stats.hpp"

namespace medha {

struct manager_settings {
  size_t max_payload_bytes = 65536;
  std::chrono::hours conversation_ttl{24};
  std::chrono::seconds expiry_interval{60};
  std::string worker_name;
  /// The worker's turn statistics (the `stats` verb); none in unit tests.
  std::shared_ptr<turn_stats> stats;
  int turns_per_minute = 30;         // per user
  int concurrent_turns_per_user = 4; // per user, across conversations
  /// The language models a conversation may choose (offered_models); empty
  /// when none is configured.
  std::vector<llm_settings> llm_offered;
};

/// A conversation actor the manager routes to, and how many messages it sent
/// it (compared with the actor's own count when it asks to be evicted).
struct live_conversation {
  conversation_actor handle;
  uint64_t sent = 0;
};

struct manager_state {
  conversation_deps deps; // handed to every conversation (manager filled in)
  manager_settings settings;
  std::vector<data_source> sources;
  std::map<std::pair<std::string, std::string>, live_conversation> live;
  /// Turns that arrived while their conversation was being loaded.
  std::map<std::pair<std::string, std::string>, std::vector<turn_request>> loading;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  uint64_t turns_received = 0;
  bool draining = false; // shutdown: turns still arriving are refused
  turn_limiter limiter{30, 4};
  static inline const char* name = "manager";
};

/// Routes turns to conversation actors (spawning them from the store on
/// demand) and answers the control API on medha.api.<user>.<verb>.
manager_actor::behavior_type manager(manager_actor::stateful_pointer<manager_state> self,
                                     conversation_deps deps, manager_settings settings,
                                     std::vector<data_source> sources);

} // namespace medha
