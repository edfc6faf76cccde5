#pragma once

#include <string>

#include "actors/conversation/manager_actor.hpp"

namespace medha {

using manager_ptr = manager_actor::stateful_pointer<manager_state>;

/// `medha.api.<user>.feedback` {conversation, turn_id | message, rating:
/// "positive" | "negative", comment?, category?}: stored with the answer; a
/// positive rating also makes the turn's (question, SQL) a verified example
/// for this user only. Replies {"feedback":{…},"example":bool}.
void on_feedback(manager_ptr self, const std::string& user, const std::string& body_json,
                 const std::string& reply_to);

/// `medha.admin.<verb>`: operator verbs, on a subject only the service user
/// may publish to (end users are confined to their own subjects).
/// `examples.approve` {user, conversation, turn_id | message}: the answer's
/// (question, SQL) becomes a verified example for everyone.
void on_admin(manager_ptr self, const inbound_message& msg);

} // namespace medha
