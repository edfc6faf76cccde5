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

/// A store write's outcome.
struct store_ack {
  std::optional<medha_error> error;
};

} // namespace medha
