#pragma once

#include <memory>
#include <variant>

#include "messages/error.hpp"
#include "runtime/config.hpp"
#include "runtime/conversation_store.hpp"

namespace medha {

/// Opens the conversation store the configuration picks: RocksDB at
/// store_path (one worker), or PostgreSQL at store_conninfo (several).
std::variant<std::shared_ptr<conversation_store>, medha_error>
open_conversation_store(const config& cfg);

/// Where the store is, for logs: the RocksDB path, or "PostgreSQL" (the
/// conninfo may hold a password).
std::string store_description(const config& cfg);

} // namespace medha
