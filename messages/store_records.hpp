#pragma once

#include <optional>
#include <string>

#include "messages/error.hpp"
#include "runtime/conversation_store.hpp"

namespace medha {

/// A conversation looked up for its owner.
struct conversation_lookup {
  bool found = false;
  conversation_record record;
};

/// What the store knows of one turn (a turn taken again after a worker died
/// must not be asked nor answered twice).
struct turn_lookup {
  bool asked = false;       // the user's message is stored
  bool answered = false;    // the assistant's message is stored
  std::string final_event;  // the answered turn's final step event, as published
  /// The stream delivery that first ran the turn (stored with its question; 0: unknown).
  uint64_t first_delivery = 0;
};

/// A store write's outcome.
struct store_ack {
  std::optional<medha_error> error;
};

} // namespace medha
