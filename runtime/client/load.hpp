#pragma once

#include <map>
#include <string>
#include <vector>

#include "runtime/client/nats_client.hpp"
#include "runtime/client/session.hpp"

namespace medha::client {

/// What became of one turn: its final events as they arrived, and the
/// messages stored for it.
struct turn_record {
  size_t finals = 0;
  size_t errors = 0;          // final events that are errors
  size_t stored_questions = 0;
  size_t stored_answers = 0;
  bool out_of_order = false;
};

/// The load's outcome, as `scripts/chaos` reports it.
struct load_report {
  size_t turns = 0, answered = 0, lost = 0, duplicated = 0, out_of_order = 0, errors = 0;
  double seconds = 0;
};

/// One conversation's turns (ids in publish order) and the order their final
/// events arrived in; `stored` is the (role, turn id) sequence in the store.
struct load_conversation {
  std::string id;
  std::vector<std::string> turn_ids;
  std::vector<std::string> finals_in_arrival;
  std::vector<std::pair<std::string, std::string>> stored;
};

/// Judges a load: every turn ends with exactly one final event and one
/// stored answer (after its one stored question), in publish order within
/// its conversation. Pure: the unit tests feed it made-up outcomes.
load_report judge_load(const std::vector<load_conversation>& convs,
                       std::map<std::string, turn_record>& turns);

/// `medha load --conversations N --turns T --store-conninfo CONNINFO
/// [--window W] [--data-source NAME] [--timeout-s S] [--kills-from FILE]
/// [--min-kills K] [--report OUT.json]`: publishes the turns of N
/// conversations (W at a time, each conversation's T turns back to back),
/// waits for their final events, then reads what the shared PostgreSQL store
/// holds and judges it. With --min-kills, the later half of the conversations
/// starts only once FILE counts K kills (within the timeout: else they are lost).
int run_load(session& s, nats_client& nats, const std::vector<std::string>& args);

} // namespace medha::client
