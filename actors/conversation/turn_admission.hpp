#pragma once

#include <functional>
#include <optional>

#include "actors/conversation/manager_actor.hpp"

namespace medha {

/// Counts a turn (or a `sql.run`) of (user, conversation) against the user's
/// limits and calls `then` with nullopt, or with why it is refused. The limits
/// are the worker's own, or the store's when workers share one (PostgreSQL),
/// so that they hold across workers; the store answers asynchronously, in the
/// order asked, so a conversation's turns keep their order.
void admit_turn(manager_actor::stateful_pointer<manager_state> self, const turn_limiter::conv_key& key,
                std::function<void(std::optional<medha_error>)> then);

/// A turn admit_turn counted has ended (answered, failed or refused later).
void release_turn(manager_actor::stateful_pointer<manager_state> self,
                  const turn_limiter::conv_key& key);

} // namespace medha
